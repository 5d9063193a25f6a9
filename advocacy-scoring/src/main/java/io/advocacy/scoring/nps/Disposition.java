package io.advocacy.scoring.nps;

/**
 * What an {@link NpsAggregator} did with a signal. Every signal given to it gets exactly one.
 *
 * <p>Immutable; thread-safe.
 */
public enum Disposition {
  /** An NPS answer inside the window, counted (or kept as a customer's latest answer). */
  ACCEPTED,
  /** Not an NPS answer; ignored. */
  IGNORED_OTHER_TYPE,
  /** An NPS answer outside the window; ignored. */
  IGNORED_OUTSIDE_WINDOW,
  /** A signal id seen before; ignored. */
  DUPLICATE,
  /** An NPS answer whose value is not a whole number from 0 to 10; rejected. */
  REJECTED_VALUE
}
