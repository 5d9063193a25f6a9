package io.advocacy.core.reward;

/**
 * The checks a ledger runs inside its issuing unit for a payee, after the idempotency check and
 * before recording: compliance and caps. The ledger guarantees that no other reward for the same
 * payee is recorded between the guard's reading of the history and the recording.
 *
 * <p>Implementations must be thread-safe. A guard that throws records nothing.
 */
@FunctionalInterface
public interface IssueGuard {
  /** A guard that allows everything. */
  IssueGuard ALLOW_ALL = history -> ComplianceDecision.allow();

  /**
   * Decides whether the reward may be recorded.
   *
   * @param history the rewards already recorded, consistent for the payee
   * @return the decision; the reward is recorded only if it is allowed
   */
  ComplianceDecision check(RewardHistory history);
}
