package io.advocacy.core.programme;

/**
 * Where a customer stands in a programme.
 *
 * <p>Immutable; thread-safe.
 */
public enum ParticipationState {
  /** Taking part. */
  ENROLLED,
  /** Opted out. */
  OPTED_OUT
}
