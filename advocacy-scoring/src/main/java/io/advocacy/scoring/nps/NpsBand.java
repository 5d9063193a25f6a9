package io.advocacy.scoring.nps;

/**
 * The band of a likelihood-to-recommend answer.
 *
 * <p>Immutable; thread-safe.
 */
public enum NpsBand {
  /** 0 to 6. */
  DETRACTOR,
  /** 7 or 8. */
  PASSIVE,
  /** 9 or 10. */
  PROMOTER;

  /**
   * The band of an answer.
   *
   * @param score an answer from 0 to 10
   * @return its band
   * @throws IllegalArgumentException if the score is outside 0–10
   */
  public static NpsBand of(int score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("NPS answer " + score + " is outside 0–10");
    }
    return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
  }
}
