package io.advocacy.core.recognition;

import java.time.Instant;
import java.util.Objects;

/**
 * A badge a customer earned, and when.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param badge the badge
 * @param at the instant of the act that reached its threshold
 */
public record AwardedBadge(Badge badge, Instant at) {
  /**
   * Validates the award.
   *
   * @param badge the badge
   * @param at when
   */
  public AwardedBadge {
    Objects.requireNonNull(badge, "badge");
    Objects.requireNonNull(at, "at");
  }
}
