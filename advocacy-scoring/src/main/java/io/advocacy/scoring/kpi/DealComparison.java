package io.advocacy.scoring.kpi;

import java.util.Objects;

/**
 * Referred deals against all others, closed in the same window — the seeds' promise that
 * "referred deals close faster", measured.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param referred deals with a sourcing referral link
 * @param other every other deal
 */
public record DealComparison(DealStats referred, DealStats other) {
  /**
   * Validates the comparison.
   *
   * @param referred deals with a sourcing referral link
   * @param other every other deal
   */
  public DealComparison {
    Objects.requireNonNull(referred, "referred");
    Objects.requireNonNull(other, "other");
  }
}
