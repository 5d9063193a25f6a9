package io.advocacy.core.programme;

/**
 * How an enrolment came about.
 *
 * <p>Immutable; thread-safe.
 */
public enum EnrolmentSource {
  /** The customer accepted an invitation. */
  INVITED,
  /** The customer enrolled on their own. */
  SELF,
  /** The host enrolled the customer. */
  AUTOMATIC
}
