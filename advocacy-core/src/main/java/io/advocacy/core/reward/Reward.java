package io.advocacy.core.reward;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one issued reward: the request it came from, when it was issued, when it
 * becomes payable and its current status (the type of its latest ledger entry).
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the reward
 * @param issuedSequence the sequence of its ISSUED ledger entry
 * @param request the request that created it
 * @param issuedAt when it was issued
 * @param payableAt the earliest instant it may be fulfilled (issued at plus the hold period)
 * @param status the type of its latest ledger entry
 * @param decision the compliance decision it was issued under (its flags and disclosures)
 */
public record Reward(
    RewardId id,
    long issuedSequence,
    RewardRequest request,
    Instant issuedAt,
    Instant payableAt,
    LedgerEntryType status,
    ComplianceDecision decision) {
  /**
   * Validates the snapshot.
   *
   * @param id the reward
   * @param issuedSequence the sequence of its ISSUED ledger entry
   * @param request the request that created it
   * @param issuedAt when it was issued
   * @param payableAt the earliest instant it may be fulfilled
   * @param status the type of its latest ledger entry
   * @param decision the compliance decision it was issued under
   * @throws IllegalArgumentException if payable before issued
   */
  public Reward {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(payableAt, "payableAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(decision, "decision");
    if (payableAt.isBefore(issuedAt)) {
      throw new IllegalArgumentException("payableAt " + payableAt + " is before issuedAt " + issuedAt);
    }
  }

  /**
   * This snapshot with another status.
   *
   * @param newStatus the status
   * @return the changed snapshot
   */
  public Reward withStatus(LedgerEntryType newStatus) {
    return new Reward(id, issuedSequence, request, issuedAt, payableAt, newStatus, decision);
  }

  /**
   * Whether the reward still counts towards totals and balances (not voided or reversed).
   *
   * @return true unless voided or reversed
   */
  public boolean counts() {
    return !status.isRemoval();
  }

  /**
   * Whether the reward may be fulfilled at an instant, judged by time only.
   *
   * @param at the instant
   * @return true if {@code at} is not before {@link #payableAt()}
   */
  public boolean isPayableAt(Instant at) {
    return !at.isBefore(payableAt);
  }
}
