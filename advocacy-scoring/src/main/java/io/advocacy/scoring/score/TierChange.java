package io.advocacy.scoring.score;

import io.advocacy.core.CustomerId;
import io.advocacy.scoring.AdvocateTier;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's tier changed.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param customer the customer
 * @param from the tier before
 * @param to the tier after
 * @param at when: the signal's instant, or for a change by decay alone the instant the score
 *     crossed the threshold (to the second)
 * @param byDecay true when time alone caused it
 */
public record TierChange(
    CustomerId customer, AdvocateTier from, AdvocateTier to, Instant at, boolean byDecay) {
  /**
   * Validates the change.
   *
   * @param customer the customer
   * @param from the tier before
   * @param to the tier after
   * @param at when
   * @param byDecay whether time alone caused it
   */
  public TierChange {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}
