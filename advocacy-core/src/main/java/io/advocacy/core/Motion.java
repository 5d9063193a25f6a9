package io.advocacy.core;

/**
 * A kind of advocacy act, declared in the order of the impact ladder: from the lightest ask
 * (a social share) to the deepest commitment (speaking at an event). The playbook's Expand step
 * invites advocates up this ladder as trust deepens; {@link #compareTo(Enum)} and
 * {@link #isHigherThan(Motion)} follow it.
 *
 * <p>Immutable; thread-safe.
 */
public enum Motion {
  /** Share the brand's content or a milestone on social media. */
  SOCIAL_SHARE,
  /** Write a public review on a review platform. */
  REVIEW,
  /** Give a short quote or testimonial. */
  TESTIMONIAL,
  /** Refer a friend or colleague. */
  REFERRAL,
  /** Join or contribute to the customer community. */
  COMMUNITY,
  /** Try features early and give feedback. */
  BETA_ACCESS,
  /** Take a reference call with a prospect. */
  REFERENCE_CALL,
  /** Co-author a published case study. */
  CASE_STUDY,
  /** Sit on the customer advisory board. */
  ADVISORY_BOARD,
  /** Speak at an event or webinar. */
  EVENT_SPEAKING;

  /**
   * Whether this motion sits higher on the impact ladder than another.
   *
   * @param other the other motion
   * @return true if this motion has more impact
   */
  public boolean isHigherThan(Motion other) {
    return compareTo(other) > 0;
  }
}
