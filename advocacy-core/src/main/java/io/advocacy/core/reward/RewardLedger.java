package io.advocacy.core.reward;

import io.advocacy.core.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The append-only record of rewards. Entries are never changed or removed; a reward's status is
 * the type of its latest entry.
 *
 * <p><b>Idempotency.</b> {@link #issue} records at most one reward per idempotency key, however
 * often and from however many threads it is called: every call with a recorded key returns that
 * reward ({@code DUPLICATE}, or {@code KEY_CONFLICT} if the request differs) without running the
 * guard.
 *
 * <p><b>Atomicity.</b> For one payee, the guard's reading of the history and the recording are
 * one unit: two concurrent issues for the same payee cannot both pass a limit only one fits. A
 * database implementation does this in one transaction that locks the payee.
 *
 * <p><b>Balances.</b> {@link #balance} for a payee and unit is exactly the sum of {@link
 * LedgerEntry#balanceDelta()} over the payee's entries in that unit: the value of every ISSUED
 * entry minus the value of every VOIDED and REVERSED entry. APPROVED and FULFILLED do not change
 * it. A reward is voided or reversed at most once, so a balance is never negative.
 *
 * <p><b>Transitions.</b> {@code ISSUED → APPROVED → FULFILLED → REVERSED}, and {@code ISSUED |
 * APPROVED → VOIDED}; anything else is answered {@code NOT_ALLOWED}. Fulfilment before {@link
 * Reward#payableAt()} is answered {@code NOT_YET_PAYABLE}.
 *
 * <p>Implementations must be thread-safe. Check one with {@code RewardLedgerContract} from this
 * module's test-jar.
 */
public interface RewardLedger extends RewardHistory {
  /**
   * A new, empty, thread-safe in-memory ledger. It serialises all writes under one lock (more
   * than the per-payee atomicity the contract asks) and keeps every entry and every key in
   * memory for its lifetime.
   *
   * @return the ledger
   */
  static RewardLedger inMemory() {
    return new io.advocacy.core.internal.InMemoryRewardLedger();
  }

  /**
   * Issues a reward once per idempotency key.
   *
   * @param request the request
   * @param issuedAt when the reward is issued
   * @param payableAt when it becomes payable, not before {@code issuedAt}
   * @param guard the checks run before recording a new reward
   * @return the result
   */
  IssueResult issue(RewardRequest request, Instant issuedAt, Instant payableAt, IssueGuard guard);

  /**
   * Approves a reward.
   *
   * @param id the reward
   * @param at when
   * @return the result
   */
  TransitionResult approve(RewardId id, Instant at);

  /**
   * Records that a reward was delivered; only an approved reward at or after its payable time.
   *
   * @param id the reward
   * @param at when
   * @return the result
   */
  TransitionResult fulfil(RewardId id, Instant at);

  /**
   * Cancels a reward that was not fulfilled.
   *
   * @param id the reward
   * @param at when
   * @param note why
   * @return the result
   */
  TransitionResult voidReward(RewardId id, Instant at, String note);

  /**
   * Claws back a fulfilled reward; the REVERSED entry references the ISSUED entry.
   *
   * @param id the reward
   * @param at when
   * @param note why
   * @return the result
   */
  TransitionResult reverse(RewardId id, Instant at, String note);

  /**
   * A reward by id.
   *
   * @param id the reward
   * @return the reward, or empty
   */
  Optional<Reward> find(RewardId id);

  /**
   * The reward recorded under an idempotency key.
   *
   * @param idempotencyKey the key
   * @return the reward, or empty
   */
  Optional<Reward> findByKey(String idempotencyKey);

  /**
   * Every entry, in sequence order.
   *
   * @return an immutable snapshot
   */
  List<LedgerEntry> entries();

  /**
   * A payee's balance in one unit (see the class documentation for the rule).
   *
   * @param payee the payee
   * @param unit the unit
   * @return the balance
   */
  RewardValue balance(CustomerId payee, String unit);
}
