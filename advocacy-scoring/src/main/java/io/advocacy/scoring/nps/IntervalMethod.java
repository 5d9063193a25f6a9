package io.advocacy.scoring.nps;

/**
 * How an NPS confidence interval is computed. Both use the variance of a difference of two
 * multinomial proportions, {@code (p + d − (p − d)²) / n}, with promoter share {@code p},
 * detractor share {@code d} and {@code n} answers.
 *
 * <p>Immutable; thread-safe.
 */
public enum IntervalMethod {
  /**
   * The default: add 3 to {@code n} and ¾ to both the promoter and the detractor counts, then
   * centre the interval on the adjusted difference (Rocks, "Interval Estimation for the 'Net
   * Promoter Score'", The American Statistician 70(4), 2016). Its coverage stays close to the
   * nominal level for small samples and for scores near ±100, where the plain Wald interval
   * collapses (all promoters give a zero-width interval).
   */
  ADJUSTED_WALD,
  /** The plain Wald interval on the unadjusted shares, centred on the observed NPS. */
  WALD
}
