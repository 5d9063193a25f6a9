package io.advocacy.scoring.kpi;

/**
 * Where a deal came from, for pipeline by source.
 *
 * <p>Immutable; thread-safe.
 */
public enum DealSource {
  /** Sourced by a referral (a fixed source link). */
  REFERRAL,
  /** Paid acquisition. */
  PAID,
  /** Organic: search, direct, word of mouth without a referral. */
  ORGANIC,
  /** Anything else or unknown. */
  OTHER
}
