package io.advocacy.core.reward;

/**
 * Machine-readable reasons in a {@link ComplianceDecision}.
 *
 * <p>Immutable; thread-safe.
 */
public enum ReasonCode {
  /** Cash or a cash equivalent offered to a government health-programme beneficiary. */
  CASH_EQUIVALENT_TO_BENEFICIARY,
  /** A non-cash item worth more than the nominal-value limit per item. */
  NOMINAL_VALUE_PER_ITEM_EXCEEDED,
  /** The payee's items in the calendar year would exceed the nominal-value limit per year. */
  NOMINAL_VALUE_PER_YEAR_EXCEEDED,
  /** The reward's value cannot be checked against a money limit (points, another currency). */
  VALUE_NOT_CHECKABLE,
  /** A reward for referring a government health-programme beneficiary (anti-kickback). */
  BENEFICIARY_REFERRAL_REMUNERATION,
  /** The reward exceeds a maximum value per reward. */
  MAXIMUM_REWARD_EXCEEDED,
  /** The payee's rewards in the calendar year reached a reporting threshold (a flag). */
  REPORTING_THRESHOLD_REACHED,
  /** The review platform does not allow asking for reviews at all. */
  REVIEW_ASK_NOT_ALLOWED,
  /** The review platform does not allow incentives for reviews. */
  REVIEW_INCENTIVE_NOT_ALLOWED,
  /** The review platform does not allow asking only selected customers. */
  SELECTIVE_REVIEW_ASK_NOT_ALLOWED,
  /** The reward depends on a review's sentiment or rating. */
  SENTIMENT_CONDITIONED,
  /** The payee's region is blocked. */
  REGION_BLOCKED,
  /** A per-customer cap over a rolling period would be exceeded. */
  CAP_PER_PERIOD_EXCEEDED,
  /** A per-customer total cap would be exceeded. */
  CAP_TOTAL_EXCEEDED,
  /** A compliance rule threw; the reward is denied (fail closed). */
  RULE_FAILED
}
