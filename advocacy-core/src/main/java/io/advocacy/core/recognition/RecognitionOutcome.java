package io.advocacy.core.recognition;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What applying a signal did to recognition.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status applied, duplicate or ignored
 * @param reason why it was ignored, or null
 * @param standing the customer's standing afterwards, or null when ignored
 * @param pointsEarned the points this act added (0 when a daily cap was reached)
 * @param newLevel the level reached by this act, or null when the level did not change
 * @param newBadges badges earned by this act
 */
public record RecognitionOutcome(
    Status status, @Nullable String reason, @Nullable Standing standing, long pointsEarned,
    @Nullable RecognitionLevel newLevel, List<AwardedBadge> newBadges) {
  /** What happened. */
  public enum Status {
    /** The act was recorded. */
    APPLIED,
    /** The signal id was recorded before; nothing changed. */
    DUPLICATE,
    /** Not an act that earns recognition; see the reason. */
    IGNORED
  }

  /** Not a scheduled act type. */
  public static final String NOT_AN_ACT = "not_an_act";
  /** The subject is not a known customer. */
  public static final String ANONYMOUS = "anonymous_subject";
  /** A social mention without positive sentiment. */
  public static final String NOT_POSITIVE = "not_positive";

  /**
   * Validates the outcome.
   *
   * @param status the status
   * @param reason the reason, only when ignored
   * @param standing the standing, unless ignored
   * @param pointsEarned the points added
   * @param newLevel the new level, or null
   * @param newBadges the new badges
   */
  public RecognitionOutcome {
    Objects.requireNonNull(status, "status");
    newBadges = List.copyOf(newBadges);
    if ((status == Status.IGNORED) != (reason != null)) {
      throw new IllegalArgumentException("recognition outcome " + status + " with reason " + reason);
    }
  }
}
