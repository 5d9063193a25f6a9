package io.advocacy.scoring.nps;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Two-sided critical values of the standard normal distribution. */
final class Quantiles {
  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private Quantiles() {}

  static double z(double level) {
    checkLevel(level);
    return STANDARD.inverseCumulativeProbability(0.5 + level / 2);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level " + level + " is not in (0, 1)");
    }
  }
}
