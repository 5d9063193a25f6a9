package io.advocacy.core.programme;

/**
 * How customers join a programme.
 *
 * <p>Immutable; thread-safe.
 */
public enum EnrolmentMode {
  /** Anyone eligible may enrol themselves. */
  OPEN,
  /** Only invited customers may enrol. */
  INVITE_ONLY,
  /** The host enrols customers (a journey step, say); customers may still opt out. */
  AUTOMATIC
}
