package io.advocacy.journeys;

import java.time.Instant;
import java.util.Objects;

/**
 * A timer an instance waits on: the index of the transition in the definition's {@link
 * JourneyDefinition#transitions()} and when it is due. Timers are data: the host persists them
 * with the instance, and a tick fires those due.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param transition the transition's index
 * @param dueAt when it fires
 */
public record PendingTimer(int transition, Instant dueAt) {
  /**
   * Validates the timer.
   *
   * @param transition the index, not negative
   * @param dueAt when it fires
   */
  public PendingTimer {
    if (transition < 0) {
      throw new IllegalArgumentException("transition index " + transition + " is negative");
    }
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
