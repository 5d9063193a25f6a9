package io.advocacy.core.contact;

/**
 * Machine-readable reasons in a {@link ContactDecision}.
 *
 * <p>Immutable; thread-safe.
 */
public enum ContactReasonCode {
  /** No consent for the channel at the instant (never granted, granted later, or revoked). */
  NO_CONSENT,
  /** The customer is marked do-not-contact. */
  DO_NOT_CONTACT,
  /** The customer has an open complaint. */
  OPEN_COMPLAINT,
  /** The customer has an open escalation. */
  OPEN_ESCALATION,
  /** The customer answered as a detractor within the suppression period. */
  RECENT_DETRACTOR,
  /** The instant falls in the customer's quiet hours, in the customer's time zone. */
  QUIET_HOURS,
  /** The cap on asks per customer across all programmes is reached in the rolling window. */
  CUSTOMER_CAP,
  /** The cap on asks per customer for this motion is reached in the rolling window. */
  MOTION_CAP,
  /** Another ask lies closer than the minimum gap. */
  MINIMUM_GAP,
  /** The same ask id was decided before; the earlier reservation stands. */
  DUPLICATE_ASK
}
