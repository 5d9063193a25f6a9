package io.advocacy.core.referral;

/**
 * Who gets the credit when a referee follows the codes of more than one referrer. Only referrals
 * still alive (not rejected or expired) compete; the loser is kept in state REJECTED with
 * reason {@value ReferralReasons#COMPETING_REFERRER} (the newcomer) or {@value
 * ReferralReasons#SUPERSEDED} (the earlier holder). A referral that has converted keeps its
 * credit under every policy.
 *
 * <p>Immutable; thread-safe.
 */
public enum CompetingReferrerPolicy {
  /**
   * The earliest click by event time wins, even when its signal arrives late: a late-arriving
   * earlier click supersedes an unconverted later one.
   */
  FIRST_CLICK_WINS,
  /**
   * The latest click by event time wins: a newer click supersedes an unconverted earlier one;
   * a late-arriving older click is refused.
   */
  LAST_CLICK_WINS,
  /**
   * Whoever the service recorded first keeps the credit, whatever the event times: every later
   * referral of the same referee is refused.
   */
  EXISTING_REFERRER_KEEPS_CREDIT
}
