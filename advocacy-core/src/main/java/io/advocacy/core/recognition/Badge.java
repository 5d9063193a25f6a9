package io.advocacy.core.recognition;

import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.SignalType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A badge earned by a number of acts of some types. Awarded once, at the instant of the act
 * that reached the threshold (counting acts by event time, ties by signal id).
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the badge's id, e.g. {@code "five_referrals"}
 * @param name its name for people
 * @param counts the act types that count
 * @param threshold how many acts earn it, at least 1
 */
public record Badge(String id, String name, Set<SignalType> counts, int threshold) {
  /**
   * Validates the badge.
   *
   * @param id the id
   * @param name the name
   * @param counts the act types that count, not empty
   * @param threshold how many acts earn it
   * @throws IllegalArgumentException if counts is empty or the threshold below 1
   */
  public Badge {
    Require.name("badge id", id);
    Objects.requireNonNull(name, "name");
    counts = Set.copyOf(counts);
    if (counts.isEmpty() || threshold < 1) {
      throw new IllegalArgumentException("badge " + id + " counts " + counts + " threshold " + threshold);
    }
  }

  /** One review posted. */
  public static final Badge FIRST_REVIEW =
      new Badge("first_review", "First review", Set.of(SignalType.REVIEW_POSTED), 1);
  /** Five referrals converted. */
  public static final Badge FIVE_REFERRALS =
      new Badge("five_referrals", "Five referrals", Set.of(SignalType.REFERRAL_CONVERTED), 5);
  /** Three reference calls completed. */
  public static final Badge REFERENCE_CHAMPION = new Badge("reference_champion",
      "Reference champion", Set.of(SignalType.REFERENCE_COMPLETED), 3);
  /** A case study or story completed. */
  public static final Badge STORYTELLER = new Badge("storyteller", "Storyteller",
      Set.of(SignalType.CASE_STUDY_COMPLETED, SignalType.STORY_COMPLETED), 1);
  /** Ten community posts. */
  public static final Badge COMMUNITY_REGULAR = new Badge("community_regular",
      "Community regular", Set.of(SignalType.COMMUNITY_POSTED), 10);

  /**
   * The default badges.
   *
   * @return the badges
   */
  public static List<Badge> defaults() {
    return List.of(FIRST_REVIEW, FIVE_REFERRALS, REFERENCE_CHAMPION, STORYTELLER, COMMUNITY_REGULAR);
  }
}
