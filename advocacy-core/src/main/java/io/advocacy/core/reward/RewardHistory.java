package io.advocacy.core.reward;

import io.advocacy.core.CustomerId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A read-only view of the rewards already issued, which compliance rules and caps read their
 * history from (per-year totals, annual thresholds).
 *
 * <p>Implementations must be thread-safe.
 */
public interface RewardHistory {
  /**
   * The payee's rewards, oldest first, with their current status.
   *
   * @param payee the payee
   * @return an immutable list, possibly empty
   */
  List<Reward> rewardsOf(CustomerId payee);

  /**
   * The sum of the values of the payee's rewards in one unit that still {@link Reward#counts()
   * count} and match a filter.
   *
   * @param payee the payee
   * @param unit the unit counted; rewards in other units are ignored
   * @param filter which rewards to count
   * @return the total in {@code unit}
   */
  default RewardValue total(CustomerId payee, String unit, Predicate<Reward> filter) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(filter, "filter");
    BigDecimal sum = BigDecimal.ZERO;
    for (Reward r : rewardsOf(payee)) {
      RewardValue v = r.request().value();
      if (r.counts() && v.unit().equals(unit) && filter.test(r)) {
        sum = sum.add(v.amount());
      }
    }
    return new RewardValue(unit, sum);
  }
}
