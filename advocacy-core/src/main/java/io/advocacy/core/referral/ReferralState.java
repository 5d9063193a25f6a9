package io.advocacy.core.referral;

/**
 * Where a referral stands. The happy path is {@code SHARED → CLICKED → SIGNED_UP → CONVERTED →
 * REWARDED}; a referral may enter at {@code SHARED}, {@code CLICKED} or {@code SIGNED_UP} and
 * may skip forward (an invitee who types the code at sign-up never clicked), but never moves
 * back. {@link #REJECTED} and {@link #EXPIRED} are final; so is {@link #REWARDED}.
 *
 * <p>Immutable; thread-safe.
 */
public enum ReferralState {
  /** The referrer invited a named referee. */
  SHARED,
  /** The referee followed the referrer's link. */
  CLICKED,
  /** The referee signed up. */
  SIGNED_UP,
  /** The referee converted (bought, subscribed) within the attribution window. */
  CONVERTED,
  /** The conversion's reward was issued (recorded by {@link ReferralService#markRewarded}). */
  REWARDED,
  /** Refused: a fraud rule, a competing referrer, or an explicit rejection; see the reason. */
  REJECTED,
  /** The conversion came after the attribution window closed. */
  EXPIRED;

  /**
   * Whether nothing can happen to the referral any more.
   *
   * @return true for {@code REWARDED}, {@code REJECTED} and {@code EXPIRED}
   */
  public boolean isFinal() {
    return this == REWARDED || this == REJECTED || this == EXPIRED;
  }

  /**
   * Whether the referral still holds (or held) credit for its referee: not rejected or expired.
   *
   * @return false for {@code REJECTED} and {@code EXPIRED}
   */
  public boolean isAlive() {
    return this != REJECTED && this != EXPIRED;
  }

  /**
   * Whether the referral converted (and possibly was rewarded).
   *
   * @return true for {@code CONVERTED} and {@code REWARDED}
   */
  public boolean hasConverted() {
    return this == CONVERTED || this == REWARDED;
  }
}
