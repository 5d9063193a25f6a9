package io.advocacy.scoring.score;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What applying a signal did to the scores.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * <p>Applying a signal is kept cheap: read the new score with {@code scoreOf}; a tier change it
 * causes is reported by the next {@code tick}.
 *
 * @param status applied, duplicate or ignored
 * @param reason why it was ignored, or null
 */
public record ScoreUpdate(Status status, @Nullable String reason) {
  /** What happened. */
  public enum Status {
    /** The signal updated the customer's score. */
    APPLIED,
    /** The signal id was seen within the de-duplication horizon: nothing changed. */
    DUPLICATE,
    /** The signal does not affect scores; see the reason. */
    IGNORED
  }

  /** The subject is an anonymous visitor. */
  public static final String ANONYMOUS = "anonymous_subject";
  /** The model has no rule for the signal's type. */
  public static final String NOT_SCORED = "type_not_in_model";
  /**
   * The signal's event time lies outside years 0001–9999 (UTC), where decay arithmetic on
   * epoch milliseconds could overflow; such a time is taken to be a data error.
   */
  public static final String TIME_OUT_OF_RANGE = "occurred_at_out_of_range";

  /**
   * Validates the update.
   *
   * @param status the status
   * @param reason the reason, only when ignored
   */
  public ScoreUpdate {
    Objects.requireNonNull(status, "status");
    if ((status == Status.IGNORED) != (reason != null)) {
      throw new IllegalArgumentException("score update " + status + " with reason " + reason);
    }
  }
}
