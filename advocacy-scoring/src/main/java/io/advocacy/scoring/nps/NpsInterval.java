package io.advocacy.scoring.nps;

import java.util.Objects;

/**
 * A confidence interval for an NPS, in NPS points.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param centre the centre of the interval: the observed NPS for {@link IntervalMethod#WALD},
 *     the adjusted NPS for {@link IntervalMethod#ADJUSTED_WALD}
 * @param lower the lower bound, clamped to −100
 * @param upper the upper bound, clamped to 100
 * @param standardError the standard error, in NPS points
 * @param level the confidence level, e.g. 0.95
 * @param method the method
 */
public record NpsInterval(
    double centre, double lower, double upper, double standardError, double level,
    IntervalMethod method) {
  /**
   * Validates the interval.
   *
   * @param centre the centre
   * @param lower the lower bound
   * @param upper the upper bound
   * @param standardError the standard error
   * @param level the confidence level
   * @param method the method
   * @throws IllegalArgumentException if the bounds are out of order or outside ±100
   */
  public NpsInterval {
    Objects.requireNonNull(method, "method");
    if (!(lower <= upper) || lower < -100 || upper > 100) {
      throw new IllegalArgumentException("NPS interval [" + lower + ", " + upper + "] is invalid");
    }
  }

  /**
   * Half the width, before clamping bounds would have cut it: {@code z · standardError}.
   *
   * @return the margin of error in NPS points
   */
  public double marginOfError() {
    return Quantiles.z(level) * standardError;
  }
}
