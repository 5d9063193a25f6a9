package io.advocacy.journeys;

import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.scoring.AdvocateTier;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A read-only view of the customer for guards: supplied by the host, or by the scoring module.
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
public interface CustomerView {
  /**
   * The profile.
   *
   * @return the customer's profile
   */
  CustomerProfile profile();

  /**
   * The advocate score, if known.
   *
   * @return the score, 0–100
   */
  OptionalDouble score();

  /**
   * The advocate tier.
   *
   * @return the tier; NONE if unknown
   */
  AdvocateTier tier();

  /**
   * The motions the customer may be invited to.
   *
   * @return the eligible motions
   */
  Set<Motion> eligibleMotions();

  /**
   * A view of fixed values.
   *
   * @param profile the profile
   * @param score the score, or empty
   * @param tier the tier
   * @param eligibleMotions the eligible motions (copied)
   * @return an immutable, thread-safe view
   */
  static CustomerView of(CustomerProfile profile, OptionalDouble score, AdvocateTier tier,
      Set<Motion> eligibleMotions) {
    return new Fixed(profile, score, tier, Set.copyOf(eligibleMotions));
  }

  /** The view {@link #of} returns. */
  record Fixed(CustomerProfile profile, OptionalDouble score, AdvocateTier tier,
      Set<Motion> eligibleMotions) implements CustomerView {
    /**
     * Validates the view.
     *
     * @param profile the profile
     * @param score the score
     * @param tier the tier
     * @param eligibleMotions the eligible motions
     */
    public Fixed {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(tier, "tier");
      eligibleMotions = Set.copyOf(eligibleMotions);
    }
  }
}
