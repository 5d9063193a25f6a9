package io.advocacy.core.crm;

/**
 * Why an {@link OpportunityBook} rejected a signal. Machine-readable; the {@link ApplyResult}'s
 * message says which signal, which attribute and why.
 *
 * <p>Immutable; thread-safe.
 */
public enum CrmRejectReason {
  /** The signal is not an opportunity created, won or lost signal. */
  UNSUPPORTED_TYPE,
  /** Attribute {@value CrmAttributes#OPPORTUNITY_ID} is missing. */
  MISSING_OPPORTUNITY_ID,
  /** Attribute {@value CrmAttributes#OPPORTUNITY_ID} is not a valid identifier. */
  INVALID_OPPORTUNITY_ID,
  /** The opportunity is unknown and the signal has no {@value CrmAttributes#ACCOUNT_ID}. */
  MISSING_ACCOUNT_ID,
  /** Attribute {@value CrmAttributes#ACCOUNT_ID} is not a valid identifier. */
  INVALID_ACCOUNT_ID,
  /** The opportunity is unknown and the signal carries no amount. */
  MISSING_AMOUNT,
  /** The signal's amount is negative. */
  NEGATIVE_AMOUNT,
  /** Attribute {@value CrmAttributes#STAGE} is blank or malformed. */
  INVALID_STAGE,
  /** Attribute {@value CrmAttributes#CONTACT_ID} is not a valid customer id. */
  INVALID_CONTACT_ID,
  /** Attribute {@value CrmAttributes#REFERRAL_ID} is not a referral id's text form. */
  INVALID_REFERRAL_ID
}
