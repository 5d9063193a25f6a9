package io.advocacy.scoring.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Next period's expected referral-sourced pipeline and revenue from the measured funnel — the
 * seeds' "advocacy becomes a pipeline you can forecast":
 *
 * <pre>
 * referrals     = advocate pool × asks per advocate × ask acceptance
 * opportunities = referrals × referral conversion
 * pipeline      = opportunities × average deal
 * revenue       = pipeline × win rate
 * </pre>
 *
 * <p>Every input is shown with its uncertainty ({@link #inputs()}): rates as binomial
 * proportions ({@code se = √(p(1−p)/n)}), the average deal as a sample mean ({@code se =
 * s/√n}), the pool and the asks per advocate as exact (they are counted and planned). The
 * interval treats the inputs as independent and the product as log-normal: relative
 * variances add ({@code V = Σ (seᵢ/xᵢ)²}), and the bounds are {@code estimate · exp(∓z√V)} —
 * always positive, wider upward, as a product of rates should be. An input with an estimate
 * of 0 makes the forecast 0 with a zero-width interval.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param inputs the inputs, in funnel order
 * @param expectedReferrals referrals expected next period
 * @param expectedOpportunities sourced opportunities expected
 * @param expectedPipeline their total amount, in the deals' currency
 * @param expectedRevenue the part expected to be won
 * @param level the confidence level of the intervals
 * @param pipelineLower the pipeline interval's lower bound
 * @param pipelineUpper the pipeline interval's upper bound
 * @param revenueLower the revenue interval's lower bound
 * @param revenueUpper the revenue interval's upper bound
 * @param currency the currency code of the money figures
 */
public record PipelineForecast(
    List<ForecastInput> inputs,
    double expectedReferrals,
    double expectedOpportunities,
    double expectedPipeline,
    double expectedRevenue,
    double level,
    double pipelineLower,
    double pipelineUpper,
    double revenueLower,
    double revenueUpper,
    String currency) {
  /**
   * Copies the inputs.
   *
   * @param inputs the inputs
   * @param expectedReferrals referrals expected
   * @param expectedOpportunities opportunities expected
   * @param expectedPipeline pipeline expected
   * @param expectedRevenue revenue expected
   * @param level the confidence level
   * @param pipelineLower pipeline lower bound
   * @param pipelineUpper pipeline upper bound
   * @param revenueLower revenue lower bound
   * @param revenueUpper revenue upper bound
   * @param currency the currency code
   */
  public PipelineForecast {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * Computes the forecast.
   *
   * @param advocatePool advocates who can be asked next period
   * @param asksPerAdvocate referral asks planned per advocate next period
   * @param accepted asks accepted (a referral shared) in the measured period
   * @param asked asks made in the measured period
   * @param converted referrals converted to an opportunity in the measured period
   * @param referrals referrals in the measured period
   * @param wonDealAmounts amounts of the referral-sourced deals measured, in one currency's
   *     major units
   * @param won deals won in the measured period
   * @param closed deals closed (won or lost) in the measured period
   * @param currency the currency code of the amounts
   * @param level the confidence level, e.g. 0.9
   * @return the forecast, or empty when a denominator or the deal sample is empty (there is
   *     nothing yet to forecast from)
   * @throws IllegalArgumentException if a count or amount is negative, a part exceeds its
   *     whole, or the level is not in (0, 1)
   */
  public static Optional<PipelineForecast> compute(
      long advocatePool, double asksPerAdvocate, long accepted, long asked, long converted,
      long referrals, List<Double> wonDealAmounts, long won, long closed, String currency,
      double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level " + level + " is not in (0, 1)");
    }
    if (advocatePool < 0 || !(asksPerAdvocate >= 0) || Double.isInfinite(asksPerAdvocate)) {
      throw new IllegalArgumentException(
          "advocate pool " + advocatePool + " or asks per advocate " + asksPerAdvocate
              + " is invalid");
    }
    if (asked == 0 || referrals == 0 || closed == 0 || wonDealAmounts.isEmpty()) {
      checkProportion("ask_acceptance", accepted, Math.max(asked, accepted));
      checkProportion("referral_conversion", converted, Math.max(referrals, converted));
      checkProportion("win_rate", won, Math.max(closed, won));
      return Optional.empty();
    }
    List<ForecastInput> inputs = new ArrayList<>();
    inputs.add(new ForecastInput("advocate_pool", advocatePool, 0, 0, "counted"));
    inputs.add(new ForecastInput("asks_per_advocate", asksPerAdvocate, 0, 0, "planned"));
    inputs.add(proportion("ask_acceptance", accepted, asked, "accepted", "asks"));
    inputs.add(proportion("referral_conversion", converted, referrals, "converted", "referrals"));
    inputs.add(mean("average_deal", wonDealAmounts));
    inputs.add(proportion("win_rate", won, closed, "won", "closed deals"));

    double refs = advocatePool * asksPerAdvocate * inputs.get(2).estimate();
    double opps = refs * inputs.get(3).estimate();
    double pipeline = opps * inputs.get(4).estimate();
    double revenue = pipeline * inputs.get(5).estimate();
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
    double pipelineVar = 0;
    for (int i = 0; i < 5; i++) {
      pipelineVar += inputs.get(i).relativeVariance();
    }
    double revenueVar = pipelineVar + inputs.get(5).relativeVariance();
    double pf = Math.exp(z * Math.sqrt(pipelineVar));
    double rf = Math.exp(z * Math.sqrt(revenueVar));
    return Optional.of(new PipelineForecast(inputs, refs, opps, pipeline, revenue, level,
        pipeline / pf, pipeline * pf, revenue / rf, revenue * rf, currency));
  }

  private static void checkProportion(String name, long part, long whole) {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException(
          name + ": " + part + " of " + whole + " is not a proportion");
    }
  }

  private static ForecastInput proportion(
      String name, long part, long whole, String partWord, String wholeWord) {
    if (part < 0 || whole <= 0 || part > whole) {
      throw new IllegalArgumentException(
          name + ": " + part + " " + partWord + " of " + whole + " " + wholeWord
              + " is not a proportion");
    }
    double p = (double) part / whole;
    return new ForecastInput(name, p, Math.sqrt(p * (1 - p) / whole), whole,
        part + " " + partWord + " of " + whole + " " + wholeWord);
  }

  private static ForecastInput mean(String name, List<Double> values) {
    double sum = 0;
    for (double v : values) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + ": deal amount " + v + " is invalid");
      }
      sum += v;
    }
    int n = values.size();
    double mean = sum / n;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double se = n < 2 ? 0 : Math.sqrt(ss / (n - 1) / n);
    return new ForecastInput(name, mean, se, n, "mean of " + n + " won deals");
  }
}
