package io.advocacy.scoring.kpi;

/**
 * Win rate and sales-cycle length of a group of deals closed in a window.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param won deals won in the window
 * @param lost deals lost in the window
 * @param winRate {@code won / (won + lost)}, NaN when none closed
 * @param meanCycleDays the mean of (closed − created) in days over the won deals, NaN when
 *     none was won
 * @param medianCycleDays the median of the same, NaN when none was won
 */
public record DealStats(
    long won, long lost, double winRate, double meanCycleDays, double medianCycleDays) {
  /**
   * Validates the counts.
   *
   * @param won deals won
   * @param lost deals lost
   * @param winRate the win rate
   * @param meanCycleDays the mean cycle in days
   * @param medianCycleDays the median cycle in days
   * @throws IllegalArgumentException if a count is negative
   */
  public DealStats {
    if (won < 0 || lost < 0) {
      throw new IllegalArgumentException("negative deal count: won " + won + ", lost " + lost);
    }
  }
}
