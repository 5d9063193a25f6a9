package io.advocacy.core.recognition;

import io.advocacy.core.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * A customer's recognition: points, level and badges.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param customer the customer
 * @param points the points earned, after daily caps
 * @param level the highest level reached
 * @param badges the badges earned, in the order earned
 */
public record Standing(CustomerId customer, long points, RecognitionLevel level, List<AwardedBadge> badges) {
  /**
   * Validates the standing.
   *
   * @param customer the customer
   * @param points the points
   * @param level the level
   * @param badges the badges
   */
  public Standing {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(level, "level");
    badges = List.copyOf(badges);
  }

  /**
   * Whether a badge was earned.
   *
   * @param badgeId the badge's id
   * @return true if earned
   */
  public boolean has(String badgeId) {
    return badges.stream().anyMatch(b -> b.badge().id().equals(badgeId));
  }
}
