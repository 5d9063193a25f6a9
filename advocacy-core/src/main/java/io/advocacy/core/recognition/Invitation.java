package io.advocacy.core.recognition;

/**
 * What a top advocate may be invited to next.
 *
 * <p>Immutable; thread-safe.
 */
public enum Invitation {
  /** The customer advisory board. */
  ADVISORY_BOARD,
  /** Early access to new features. */
  BETA_ACCESS,
  /** An executive sponsor of their own. */
  EXECUTIVE_SPONSORSHIP
}
