package io.advocacy.scoring;

/**
 * Scoring's judgement of a customer's standing as an advocate, lowest first. A scoring model
 * sets the score thresholds of each tier; qualification reads the tier to decide which motions
 * a customer may be invited to. Not to be confused with the host's own loyalty tier, which is a
 * profile attribute and never computed here.
 *
 * <p>Immutable; thread-safe.
 */
public enum AdvocateTier {
  /** Not (yet) an advocate. */
  NONE,
  /** Likely to recommend: ready for low-effort asks such as a review or a share. */
  PROMOTER,
  /** Has advocated and would again: referrals, testimonials. */
  ADVOCATE,
  /** The strongest advocates: references, case studies, advisory board, speaking. */
  CHAMPION;

  /**
   * Whether this tier is at least another.
   *
   * @param other the tier to compare with
   * @return true if this tier is the same as or above {@code other}
   */
  public boolean atLeast(AdvocateTier other) {
    return compareTo(other) >= 0;
  }
}
