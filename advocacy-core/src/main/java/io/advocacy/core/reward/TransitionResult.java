package io.advocacy.core.reward;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a state change of a reward (approve, fulfil, void, reverse).
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status what happened
 * @param reward the reward after the attempt; null when unknown
 * @param entry the entry appended; present exactly when {@code APPLIED}
 */
public record TransitionResult(Status status, @Nullable Reward reward, @Nullable LedgerEntry entry) {
  /**
   * Validates the result.
   *
   * @param status what happened
   * @param reward the reward after the attempt; null when unknown
   * @param entry the entry appended; present exactly when applied
   */
  public TransitionResult {
    Objects.requireNonNull(status, "status");
    if ((status == Status.APPLIED) != (entry != null)
        || (status == Status.UNKNOWN_REWARD) != (reward == null)) {
      throw new IllegalArgumentException("status " + status + " with reward " + reward + ", entry " + entry);
    }
  }

  /**
   * Whether the change was recorded.
   *
   * @return true when applied
   */
  public boolean applied() {
    return status == Status.APPLIED;
  }

  /** What a state change did. Immutable; thread-safe. */
  public enum Status {
    /** The entry was appended. */
    APPLIED,
    /** No reward has that id. */
    UNKNOWN_REWARD,
    /**
     * The reward's current status does not allow the change (fulfilling a voided reward,
     * reversing twice); see {@link LedgerEntryType#canMoveTo(LedgerEntryType)}.
     */
    NOT_ALLOWED,
    /** Fulfilment was asked before the reward's {@link Reward#payableAt()}. */
    NOT_YET_PAYABLE
  }
}
