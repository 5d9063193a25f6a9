package io.advocacy.core.link;

/**
 * What a link invites its reader to do.
 *
 * <p>Immutable; thread-safe.
 */
public enum LinkKind {
  /** Write a review on a review platform. */
  REVIEW_REQUEST,
  /** A friend opens an advocate's referral. */
  REFERRAL_SHARE,
  /** Take a reference call. */
  REFERENCE_INVITATION,
  /** Take part in a case study. */
  CASE_STUDY_INVITATION
}
