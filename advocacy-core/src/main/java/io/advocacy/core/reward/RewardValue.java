package io.advocacy.core.reward;

import io.advocacy.core.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a reward: an amount in one unit, either an ISO 4217 currency code or {@value
 * #POINTS}. Amounts are never negative; points are whole numbers; money amounts follow {@link
 * Money}'s scale rules. Values in different units are never added or compared: caps and limits
 * count only values in their own unit.
 *
 * <pre>{@code
 * RewardValue card = RewardValue.of(Money.of("15.00", "USD"));
 * RewardValue points = RewardValue.points(500);
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param unit {@value #POINTS} or an ISO 4217 currency code
 * @param amount the amount, zero or more
 */
public record RewardValue(String unit, BigDecimal amount) {
  /** The unit of points. */
  public static final String POINTS = "points";

  /**
   * Validates the value and normalises money amounts to the currency's scale.
   *
   * @param unit {@value #POINTS} or an ISO 4217 currency code
   * @param amount the amount, zero or more
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the amount is negative, points are fractional, the
   *     unit is not a currency, or the amount has too many decimals for the currency
   */
  public RewardValue {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("reward amount " + amount.toPlainString() + " is negative");
    }
    if (POINTS.equals(unit)) {
      try {
        amount = BigDecimal.valueOf(amount.longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "points amount " + amount.toPlainString() + " is not a whole number", e);
      }
    } else {
      amount = new Money(amount, Money.currency(unit)).amount();
    }
  }

  /**
   * A value in money.
   *
   * @param money the money, not negative
   * @return the value
   */
  public static RewardValue of(Money money) {
    Objects.requireNonNull(money, "money");
    return new RewardValue(money.currencyCode(), money.amount());
  }

  /**
   * A value in points.
   *
   * @param points the number of points, zero or more
   * @return the value
   */
  public static RewardValue points(long points) {
    return new RewardValue(POINTS, BigDecimal.valueOf(points));
  }

  /**
   * Zero in a unit.
   *
   * @param unit {@value #POINTS} or a currency code
   * @return zero
   */
  public static RewardValue zero(String unit) {
    return new RewardValue(unit, BigDecimal.ZERO);
  }

  /**
   * Whether the value is in points.
   *
   * @return true for points
   */
  public boolean isPoints() {
    return POINTS.equals(unit);
  }

  /**
   * Whether the amount is zero.
   *
   * @return true for zero
   */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * The value as money.
   *
   * @return the money, or empty for points
   */
  public Optional<Money> money() {
    return isPoints() ? Optional.empty() : Optional.of(new Money(amount, Money.currency(unit)));
  }

  /**
   * The sum of two values in the same unit.
   *
   * @param other the other value
   * @return this + other
   * @throws IllegalArgumentException if the units differ
   */
  public RewardValue plus(RewardValue other) {
    requireSameUnit(other);
    return new RewardValue(unit, amount.add(other.amount));
  }

  /**
   * Whether this value is greater than another in the same unit.
   *
   * @param other the other value
   * @return true if this is greater
   * @throws IllegalArgumentException if the units differ
   */
  public boolean isGreaterThan(RewardValue other) {
    requireSameUnit(other);
    return amount.compareTo(other.amount) > 0;
  }

  private void requireSameUnit(RewardValue other) {
    Objects.requireNonNull(other, "other");
    if (!unit.equals(other.unit)) {
      throw new IllegalArgumentException(
          "cannot combine " + this + " with " + other + ": units differ");
    }
  }

  /** Returns e.g. {@code 15.00 USD} or {@code 500 points}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit;
  }
}
