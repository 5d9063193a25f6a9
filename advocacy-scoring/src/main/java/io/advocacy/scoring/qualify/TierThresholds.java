package io.advocacy.scoring.qualify;

import io.advocacy.scoring.AdvocateTier;

/**
 * The scores at which a customer reaches each {@link AdvocateTier}: a score at or above {@code
 * promoter} is at least PROMOTER, and so on. Defaults 40 / 60 / 80.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param promoter the lowest PROMOTER score
 * @param advocate the lowest ADVOCATE score
 * @param champion the lowest CHAMPION score
 */
public record TierThresholds(double promoter, double advocate, double champion) {
  /** 40 / 60 / 80. */
  public static final TierThresholds DEFAULTS = new TierThresholds(40, 60, 80);

  /**
   * Validates the thresholds.
   *
   * @param promoter the lowest PROMOTER score
   * @param advocate the lowest ADVOCATE score
   * @param champion the lowest CHAMPION score
   * @throws IllegalArgumentException unless {@code 0 < promoter < advocate < champion <= 100}
   */
  public TierThresholds {
    if (!(promoter > 0 && promoter < advocate && advocate < champion && champion <= 100)) {
      throw new IllegalArgumentException(
          "tier thresholds " + promoter + " / " + advocate + " / " + champion
              + " are not ascending within (0, 100]");
    }
  }

  /**
   * The tier of a score.
   *
   * @param score a score from 0 to 100 (NaN is NONE)
   * @return the tier
   */
  public AdvocateTier tierOf(double score) {
    if (score >= champion) {
      return AdvocateTier.CHAMPION;
    }
    if (score >= advocate) {
      return AdvocateTier.ADVOCATE;
    }
    return score >= promoter ? AdvocateTier.PROMOTER : AdvocateTier.NONE;
  }

  /**
   * The lowest score of a tier.
   *
   * @param tier the tier
   * @return its threshold; 0 for NONE
   */
  public double thresholdOf(AdvocateTier tier) {
    return switch (tier) {
      case NONE -> 0;
      case PROMOTER -> promoter;
      case ADVOCATE -> advocate;
      case CHAMPION -> champion;
    };
  }
}
