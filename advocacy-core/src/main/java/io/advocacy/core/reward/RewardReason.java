package io.advocacy.core.reward;

import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a reward is given: the motion, the programme, and for reviews and referrals the facts
 * compliance rules need.
 *
 * <pre>{@code
 * RewardReason r = RewardReason.review(new ReviewContext("g2", false, false));
 * RewardReason f = RewardReason.referral(false);
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param motion the advocacy motion rewarded
 * @param programme the programme, if any
 * @param review the review facts; present exactly when the motion is {@link Motion#REVIEW}
 * @param referredIsGovernmentHealthProgrammeBeneficiary for a {@link Motion#REFERRAL}: whether
 *     the referred person is a government health-programme beneficiary; false otherwise
 */
public record RewardReason(
    Motion motion,
    @Nullable ProgrammeId programme,
    @Nullable ReviewContext review,
    boolean referredIsGovernmentHealthProgrammeBeneficiary) {

  /**
   * Validates the reason.
   *
   * @param motion the advocacy motion rewarded
   * @param programme the programme, if any
   * @param review the review facts; present exactly when the motion is a review
   * @param referredIsGovernmentHealthProgrammeBeneficiary for a referral, whether the referred
   *     person is a government health-programme beneficiary
   * @throws IllegalArgumentException if review facts and motion disagree, or the beneficiary
   *     flag is set on a motion other than a referral
   */
  public RewardReason {
    Objects.requireNonNull(motion, "motion");
    if ((motion == Motion.REVIEW) != (review != null)) {
      throw new IllegalArgumentException(
          "review context must be given exactly when the motion is REVIEW, motion " + motion);
    }
    if (referredIsGovernmentHealthProgrammeBeneficiary && motion != Motion.REFERRAL) {
      throw new IllegalArgumentException(
          "referred-beneficiary flag set on motion " + motion + ", not REFERRAL");
    }
  }

  /**
   * A reason for a motion that is neither a review nor a referral, or a referral of a person
   * who is not a beneficiary.
   *
   * @param motion the motion
   * @return the reason
   */
  public static RewardReason of(Motion motion) {
    return new RewardReason(motion, null, null, false);
  }

  /**
   * A reason for a review.
   *
   * @param review the review facts
   * @return the reason
   */
  public static RewardReason review(ReviewContext review) {
    return new RewardReason(Motion.REVIEW, null, Objects.requireNonNull(review, "review"), false);
  }

  /**
   * A reason for a referral.
   *
   * @param referredIsGovernmentHealthProgrammeBeneficiary whether the referred person is a
   *     government health-programme beneficiary
   * @return the reason
   */
  public static RewardReason referral(boolean referredIsGovernmentHealthProgrammeBeneficiary) {
    return new RewardReason(
        Motion.REFERRAL, null, null, referredIsGovernmentHealthProgrammeBeneficiary);
  }

  /**
   * This reason in a programme.
   *
   * @param programme the programme
   * @return a copy with the programme set
   */
  public RewardReason inProgramme(ProgrammeId programme) {
    return new RewardReason(
        motion,
        Objects.requireNonNull(programme, "programme"),
        review,
        referredIsGovernmentHealthProgrammeBeneficiary);
  }
}
