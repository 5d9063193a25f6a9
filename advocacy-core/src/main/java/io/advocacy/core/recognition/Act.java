package io.advocacy.core.recognition;

import io.advocacy.core.SignalId;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * An act of advocacy as the recognition store keeps it.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the signal's id
 * @param type the act's type
 * @param at when it happened
 * @param points the points it earns before daily caps
 */
public record Act(SignalId id, SignalType type, Instant at, int points) {
  /** Event time, then signal id: the order acts are counted in. */
  public static final Comparator<Act> ORDER =
      Comparator.comparing(Act::at).thenComparing(a -> a.id().value());

  /**
   * Validates the act.
   *
   * @param id the signal's id
   * @param type the type
   * @param at when
   * @param points the points, not negative
   */
  public Act {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    if (points < 0) {
      throw new IllegalArgumentException("act " + id + " points " + points + " is negative");
    }
  }
}
