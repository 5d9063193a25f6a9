package io.advocacy.scoring.nps;

import java.util.Objects;
import java.util.Optional;

/**
 * The change in NPS between two independent samples (two time windows, say), with its own
 * confidence interval: the difference of the two centres ± {@code z · √(se₁² + se₂²)}. The
 * change is significant when that interval excludes 0 — not when the two windows' intervals
 * fail to overlap, which is a stricter and wrong test. Bounds are clamped to [−200, 200].
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param before the earlier summary
 * @param after the later summary
 * @param difference {@code after − before}, of the centres of the method (observed NPS for
 *     Wald, adjusted for adjusted Wald), in NPS points
 * @param lower the lower bound of the difference
 * @param upper the upper bound of the difference
 * @param standardError the standard error of the difference
 * @param level the confidence level
 * @param method the interval method
 * @param significant true when the interval excludes 0
 */
public record NpsChange(
    NpsSummary before,
    NpsSummary after,
    double difference,
    double lower,
    double upper,
    double standardError,
    double level,
    IntervalMethod method,
    boolean significant) {
  /**
   * Validates the change.
   *
   * @param before the earlier summary
   * @param after the later summary
   * @param difference the difference
   * @param lower the lower bound
   * @param upper the upper bound
   * @param standardError the standard error
   * @param level the confidence level
   * @param method the interval method
   * @param significant whether the interval excludes 0
   */
  public NpsChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(method, "method");
  }

  /**
   * The change at 95 % by adjusted Wald.
   *
   * @param before the earlier summary
   * @param after the later summary
   * @return the change, or empty when either summary has no answers
   */
  public static Optional<NpsChange> between(NpsSummary before, NpsSummary after) {
    return between(before, after, NpsSummary.DEFAULT_LEVEL, IntervalMethod.ADJUSTED_WALD);
  }

  /**
   * The change at a level by a method.
   *
   * @param before the earlier summary
   * @param after the later summary
   * @param level the confidence level, strictly between 0 and 1
   * @param method the method
   * @return the change, or empty when either summary has no answers
   * @throws IllegalArgumentException if the level is not in (0, 1)
   */
  public static Optional<NpsChange> between(
      NpsSummary before, NpsSummary after, double level, IntervalMethod method) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Quantiles.checkLevel(level);
    Objects.requireNonNull(method, "method");
    if (before.n() == 0 || after.n() == 0) {
      return Optional.empty();
    }
    NpsSummary.Moments a = before.moments(method);
    NpsSummary.Moments b = after.moments(method);
    double difference = b.centre() - a.centre();
    double se = Math.sqrt(a.standardError() * a.standardError()
        + b.standardError() * b.standardError());
    double z = Quantiles.z(level);
    double lower = Math.max(-200, difference - z * se);
    double upper = Math.min(200, difference + z * se);
    boolean significant = lower > 0 || upper < 0;
    return Optional.of(new NpsChange(
        before, after, difference, lower, upper, se, level, method, significant));
  }
}
