package io.advocacy.core.reward;

import io.advocacy.core.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * One append-only ledger entry. Every entry names the reward it is about; for an {@link
 * LedgerEntryType#ISSUED} entry that is the reward it creates, and {@code references} is its own
 * sequence; for later entries (a reversal, say) {@code references} is the sequence of the
 * original ISSUED entry.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param sequence the entry's position in the ledger, from 1, increasing
 * @param type the entry type
 * @param rewardId the reward
 * @param references the sequence of the reward's ISSUED entry
 * @param payee the payee
 * @param value the reward's value
 * @param at when the entry was recorded
 * @param note a free-text note (the reason for a void or reversal), possibly empty
 */
public record LedgerEntry(
    long sequence,
    LedgerEntryType type,
    RewardId rewardId,
    long references,
    CustomerId payee,
    RewardValue value,
    Instant at,
    String note) {
  /**
   * Validates the entry.
   *
   * @param sequence the entry's position in the ledger, from 1
   * @param type the entry type
   * @param rewardId the reward
   * @param references the sequence of the reward's ISSUED entry
   * @param payee the payee
   * @param value the reward's value
   * @param at when the entry was recorded
   * @param note a free-text note, possibly empty
   */
  public LedgerEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence " + sequence + " is below 1");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rewardId, "rewardId");
    if (references < 1 || references > sequence
        || (type == LedgerEntryType.ISSUED) != (references == sequence)) {
      throw new IllegalArgumentException(
          "references " + references + " does not fit a " + type + " entry at " + sequence);
    }
    Objects.requireNonNull(payee, "payee");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
  }

  /**
   * This entry's contribution to the payee's balance in its unit: {@code +value} for ISSUED,
   * {@code -value} for VOIDED and REVERSED, zero otherwise.
   *
   * @return the signed amount
   */
  public java.math.BigDecimal balanceDelta() {
    return switch (type) {
      case ISSUED -> value.amount();
      case VOIDED, REVERSED -> value.amount().negate();
      case APPROVED, FULFILLED -> java.math.BigDecimal.ZERO;
    };
  }
}
