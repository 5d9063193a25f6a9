package io.advocacy.core.recognition;

import io.advocacy.core.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a leaderboard.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param rank the rank, from 1; tied lines still get distinct ranks in tie-break order
 * @param customer the customer
 * @param points points earned in the period
 * @param reachedAt when the customer's last counted act of the period happened (earlier wins a
 *     tie)
 */
public record LeaderboardEntry(int rank, CustomerId customer, long points, Instant reachedAt) {
  /**
   * Validates the line.
   *
   * @param rank the rank
   * @param customer the customer
   * @param points the points
   * @param reachedAt when the total was reached
   */
  public LeaderboardEntry {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(reachedAt, "reachedAt");
  }
}
