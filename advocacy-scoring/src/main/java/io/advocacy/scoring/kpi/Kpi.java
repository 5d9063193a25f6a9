package io.advocacy.scoring.kpi;

import io.advocacy.scoring.TimeWindow;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One KPI figure with the parts it is computed from, so a report can show its working.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the KPI's name, e.g. {@code "referral_conversion_rate"}
 * @param value the figure: {@code numerator / denominator} for a rate (NaN when the
 *     denominator is 0), the numerator itself for a count
 * @param numerator what is counted
 * @param denominator what it is divided by; 1 for a count
 * @param window the event-time window, or null when the KPI is a point-in-time figure
 * @param level what is counted: customers, accounts, referrals, deals, acts, touches
 */
public record Kpi(
    String name, double value, double numerator, double denominator,
    @Nullable TimeWindow window, String level) {
  /**
   * Validates the figure.
   *
   * @param name the KPI's name
   * @param value the figure
   * @param numerator what is counted
   * @param denominator what it is divided by
   * @param window the window, or null
   * @param level what is counted
   */
  public Kpi {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
  }

  static Kpi rate(String name, double numerator, double denominator,
      @Nullable TimeWindow window, String level) {
    return new Kpi(name, denominator == 0 ? Double.NaN : numerator / denominator, numerator,
        denominator, window, level);
  }

  static Kpi count(String name, double count, @Nullable TimeWindow window, String level) {
    return new Kpi(name, count, count, 1, window, level);
  }
}
