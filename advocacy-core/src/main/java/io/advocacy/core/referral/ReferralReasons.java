package io.advocacy.core.referral;

/**
 * The machine-readable reasons of {@link ReferralOutcome}s and rejected {@link Referral}s.
 * Host {@link FraudRule}s add their own (machine names, lower case).
 *
 * <p>This class is thread-safe (constants only).
 */
public final class ReferralReasons {
  /** The signal is not one of the referral types. */
  public static final String NOT_A_REFERRAL_SIGNAL = "not_a_referral_signal";
  /** The same signal id was processed before (within the de-duplication horizon). */
  public static final String DUPLICATE_EVENT = "duplicate_event";
  /** A share that names no referee: nothing to track per referee. */
  public static final String NO_REFEREE = "no_referee";
  /** The referee attribute is not a subject ({@code customer:…} / {@code anonymous:…}). */
  public static final String INVALID_REFEREE = "invalid_referee";
  /** A share or click without the {@code referral_code} attribute. */
  public static final String MISSING_CODE = "missing_code";
  /** The code attribute does not parse as a referral code. */
  public static final String INVALID_CODE = "invalid_code";
  /** The code was never issued. */
  public static final String UNKNOWN_CODE = "unknown_code";
  /** A share from someone other than the code's owner. */
  public static final String NOT_CODE_OWNER = "not_code_owner";
  /** No referral matches the sign-up or conversion. */
  public static final String NO_REFERRAL = "no_referral";
  /** The referral is already in this state or past it. */
  public static final String ALREADY_PAST = "already_past";
  /** The referral converted before. */
  public static final String ALREADY_CONVERTED = "already_converted";
  /** The referral was rewarded before (with another reference). */
  public static final String ALREADY_REWARDED = "already_rewarded";
  /** The move is not allowed from the current state (for example anything after REJECTED). */
  public static final String ILLEGAL_TRANSITION = "illegal_transition";
  /** The host rejected the referral (a manual review found fraud, say). */
  public static final String REJECTED_BY_HOST = "rejected_by_host";
  /** The conversion came after the attribution window. */
  public static final String OUTSIDE_WINDOW = "outside_window";
  /** Another referrer holds the credit for this referee under the competing-referrer policy. */
  public static final String COMPETING_REFERRER = "competing_referrer";
  /** This referral lost its referee to a competing referrer. */
  public static final String SUPERSEDED = "superseded";
  /** Referrer and referee are the same person. */
  public static final String SELF_REFERRAL = "self_referral";
  /** The referee was a customer before the referral. */
  public static final String REFEREE_ALREADY_CUSTOMER = "referee_already_customer";
  /** The referee was already referred and converted. */
  public static final String DUPLICATE_REFEREE = "duplicate_referee";
  /** The referrer made more referrals in a rolling day than allowed. */
  public static final String VELOCITY = "velocity";
  /** A fraud rule threw; the referral is rejected rather than let through unchecked. */
  public static final String FRAUD_RULE_FAILED = "fraud_rule_failed";

  private ReferralReasons() {}
}
