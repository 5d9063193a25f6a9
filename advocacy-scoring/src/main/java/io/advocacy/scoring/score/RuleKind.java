package io.advocacy.scoring.score;

/**
 * How a signal's contribution is computed from it, before the rule's factor.
 *
 * <p>Immutable; thread-safe.
 */
public enum RuleKind {
  /** An NPS answer: {@code (v − 7) / 3} clamped to [−1, 1] (10 → 1, 7 → 0, 4 or less → −1). */
  NPS,
  /** A CSAT answer: {@code (v − 3) / 2} clamped to [−1, 1] (5 → 1, 3 → 0, 1 → −1). */
  CSAT,
  /** The signal's value as it is (usage counts, sentiment −1…1). */
  VALUE,
  /** One per signal: every signal of the type counts the same. */
  FIXED,
  /** The signal's money amount in major units (0 without an amount). */
  AMOUNT
}
