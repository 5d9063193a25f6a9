package io.advocacy.core.reward;

/**
 * The kind of a ledger entry. A reward's life is {@code ISSUED → APPROVED → FULFILLED}; it may
 * be {@code VOIDED} before it is fulfilled, and {@code REVERSED} (clawed back) once fulfilled.
 * Voided and reversed are final; a reward is voided or reversed at most once.
 *
 * <p>Immutable; thread-safe.
 */
public enum LedgerEntryType {
  /** The reward was recorded; it adds its value to the payee's balance. */
  ISSUED,
  /** The reward was approved for payment. */
  APPROVED,
  /** The reward was delivered to the payee (only once payable). */
  FULFILLED,
  /** The reward was cancelled before fulfilment; it subtracts its value. */
  VOIDED,
  /** The fulfilled reward was clawed back; it subtracts its value. */
  REVERSED;

  /**
   * Whether a reward whose latest entry is of this type may move to {@code next}.
   *
   * @param next the proposed next entry type
   * @return true when the transition is allowed
   */
  public boolean canMoveTo(LedgerEntryType next) {
    return switch (this) {
      case ISSUED -> next == APPROVED || next == VOIDED;
      case APPROVED -> next == FULFILLED || next == VOIDED;
      case FULFILLED -> next == REVERSED;
      case VOIDED, REVERSED -> false;
    };
  }

  /**
   * Whether the reward no longer counts (voided or reversed).
   *
   * @return true for {@link #VOIDED} and {@link #REVERSED}
   */
  public boolean isRemoval() {
    return this == VOIDED || this == REVERSED;
  }
}
