package io.advocacy.scoring.nps;

import java.util.Objects;
import java.util.Optional;

/**
 * Counts of promoters, passives and detractors, and what follows from them: the Net Promoter
 * Score {@code 100 · (P − D) / n} and its confidence interval.
 *
 * <h2>The interval</h2>
 *
 * With promoter share {@code p}, detractor share {@code d} and {@code n} answers, the variance
 * of the NPS proportion difference is {@code (p + d − (p − d)²) / n}. The default method,
 * {@link IntervalMethod#ADJUSTED_WALD}, first adds 3 to {@code n} and ¾ to the promoter and the
 * detractor counts and centres the interval on the adjusted difference; {@link
 * IntervalMethod#WALD} uses the shares as observed. The interval is {@code centre ± z ·
 * standardError} with {@code z} the two-sided normal quantile for the level, and its bounds are
 * clamped to [−100, 100].
 *
 * <p>Worked example: 60 promoters, 25 passives, 15 detractors: NPS 45. Plain Wald at 95 %:
 * variance {@code (0.75 − 0.45²)/100 = 0.005475}, standard error 7.399 points, interval
 * [30.50, 59.50]. Adjusted Wald: shares 60.75/103 and 15.75/103, centre 43.69, interval [29.34,
 * 58.04].
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param promoters answers of 9 or 10
 * @param passives answers of 7 or 8
 * @param detractors answers from 0 to 6
 */
public record NpsSummary(long promoters, long passives, long detractors) {
  /** The default confidence level, 95 %. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** No answers. */
  public static final NpsSummary EMPTY = new NpsSummary(0, 0, 0);

  /**
   * Validates the counts.
   *
   * @param promoters answers of 9 or 10
   * @param passives answers of 7 or 8
   * @param detractors answers from 0 to 6
   * @throws IllegalArgumentException if a count is negative
   */
  public NpsSummary {
    if (promoters < 0 || passives < 0 || detractors < 0) {
      throw new IllegalArgumentException(
          "negative NPS count: promoters " + promoters + ", passives " + passives
              + ", detractors " + detractors);
    }
  }

  /**
   * The summary of some answers.
   *
   * @param scores answers from 0 to 10
   * @return the summary
   * @throws IllegalArgumentException if an answer is outside 0–10
   */
  public static NpsSummary ofScores(int... scores) {
    NpsSummary s = EMPTY;
    for (int score : scores) {
      s = s.plus(score);
    }
    return s;
  }

  /**
   * This summary with one more answer.
   *
   * @param score an answer from 0 to 10
   * @return the new summary
   * @throws IllegalArgumentException if the answer is outside 0–10
   */
  public NpsSummary plus(int score) {
    return switch (NpsBand.of(score)) {
      case PROMOTER -> new NpsSummary(promoters + 1, passives, detractors);
      case PASSIVE -> new NpsSummary(promoters, passives + 1, detractors);
      case DETRACTOR -> new NpsSummary(promoters, passives, detractors + 1);
    };
  }

  /**
   * Both summaries' answers together.
   *
   * @param other another summary
   * @return the sum
   */
  public NpsSummary plus(NpsSummary other) {
    return new NpsSummary(
        promoters + other.promoters, passives + other.passives, detractors + other.detractors);
  }

  /**
   * The number of answers.
   *
   * @return promoters + passives + detractors
   */
  public long n() {
    return promoters + passives + detractors;
  }

  /**
   * The number of answers in a band.
   *
   * @param band the band
   * @return the count
   */
  public long count(NpsBand band) {
    return switch (Objects.requireNonNull(band, "band")) {
      case PROMOTER -> promoters;
      case PASSIVE -> passives;
      case DETRACTOR -> detractors;
    };
  }

  /**
   * The Net Promoter Score, {@code 100 · (P − D) / n}, in [−100, 100].
   *
   * @return the score, or NaN when there are no answers
   */
  public double nps() {
    long n = n();
    return n == 0 ? Double.NaN : 100.0 * (promoters - detractors) / n;
  }

  /**
   * The share of promoters in percent.
   *
   * @return {@code 100 · P / n}, or NaN when there are no answers
   */
  public double promoterRate() {
    long n = n();
    return n == 0 ? Double.NaN : 100.0 * promoters / n;
  }

  /**
   * The 95 % adjusted-Wald interval.
   *
   * @return the interval, or empty when there are no answers
   */
  public Optional<NpsInterval> interval() {
    return interval(DEFAULT_LEVEL, IntervalMethod.ADJUSTED_WALD);
  }

  /**
   * The interval at a level by a method.
   *
   * @param level the confidence level, strictly between 0 and 1
   * @param method the method
   * @return the interval, or empty when there are no answers
   * @throws IllegalArgumentException if the level is not in (0, 1)
   */
  public Optional<NpsInterval> interval(double level, IntervalMethod method) {
    Quantiles.checkLevel(level);
    Objects.requireNonNull(method, "method");
    if (n() == 0) {
      return Optional.empty();
    }
    Moments m = moments(method);
    double z = Quantiles.z(level);
    double lower = Math.max(-100, m.centre - z * m.standardError);
    double upper = Math.min(100, m.centre + z * m.standardError);
    return Optional.of(new NpsInterval(m.centre, lower, upper, m.standardError, level, method));
  }

  /** Centre and standard error in NPS points, by a method. Requires {@code n() > 0}. */
  Moments moments(IntervalMethod method) {
    double n = n();
    double p = promoters;
    double d = detractors;
    if (method == IntervalMethod.ADJUSTED_WALD) {
      n += 3;
      p += 0.75;
      d += 0.75;
    }
    double ps = p / n;
    double ds = d / n;
    double diff = ps - ds;
    double variance = Math.max(0, (ps + ds - diff * diff) / n);
    return new Moments(100 * diff, 100 * Math.sqrt(variance));
  }

  /** A centre and a standard error, in NPS points. */
  record Moments(double centre, double standardError) {}
}
