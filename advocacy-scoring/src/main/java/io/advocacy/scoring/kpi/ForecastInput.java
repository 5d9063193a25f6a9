package io.advocacy.scoring.kpi;

import java.util.Objects;

/**
 * One measured input of a {@link PipelineForecast}, shown with its uncertainty.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the input, e.g. {@code "ask_acceptance"}
 * @param estimate the point estimate
 * @param standardError its standard error (0 for a planned or exactly known figure)
 * @param observations how many observations it rests on (0 for a planned figure)
 * @param basis how it was measured, for people: {@code "312 accepted of 1,040 asks"}
 */
public record ForecastInput(
    String name, double estimate, double standardError, long observations, String basis) {
  /**
   * Validates the input.
   *
   * @param name the input
   * @param estimate the point estimate
   * @param standardError its standard error
   * @param observations how many observations
   * @param basis how it was measured
   * @throws IllegalArgumentException if the estimate or error is negative or not finite
   */
  public ForecastInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(basis, "basis");
    if (!(estimate >= 0) || Double.isInfinite(estimate)
        || !(standardError >= 0) || Double.isInfinite(standardError)) {
      throw new IllegalArgumentException(
          "forecast input " + name + " has estimate " + estimate + " and standard error "
              + standardError);
    }
  }

  /**
   * The relative variance {@code (se / estimate)²}, the input's share of the forecast's
   * uncertainty.
   *
   * @return the relative variance; 0 for an exact input
   */
  public double relativeVariance() {
    return standardError == 0 ? 0 : (standardError / estimate) * (standardError / estimate);
  }
}
