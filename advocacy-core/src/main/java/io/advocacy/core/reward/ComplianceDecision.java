package io.advocacy.core.reward;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The answer of compliance checks: the reasons found (denials and flags) and the disclosures the
 * reward requires (for example {@code "compensated-endorsement"}). The reward is allowed when no
 * reason denies it; flags are reported but do not block.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param reasons the reasons, in the order the rules gave them
 * @param requiredDisclosures ids of disclosures the host must show with the reward
 */
public record ComplianceDecision(List<ComplianceReason> reasons, Set<String> requiredDisclosures) {
  private static final ComplianceDecision ALLOW = new ComplianceDecision(List.of(), Set.of());

  /**
   * Copies the collections.
   *
   * @param reasons the reasons
   * @param requiredDisclosures ids of required disclosures
   */
  public ComplianceDecision {
    reasons = List.copyOf(reasons);
    requiredDisclosures = Set.copyOf(requiredDisclosures);
  }

  /**
   * A decision with no reasons and no disclosures.
   *
   * @return the decision
   */
  public static ComplianceDecision allow() {
    return ALLOW;
  }

  /**
   * A decision with one reason.
   *
   * @param reason the reason
   * @return the decision
   */
  public static ComplianceDecision of(ComplianceReason reason) {
    return new ComplianceDecision(List.of(Objects.requireNonNull(reason, "reason")), Set.of());
  }

  /**
   * Whether no reason denies the reward.
   *
   * @return true if allowed
   */
  public boolean isAllowed() {
    return reasons.stream().noneMatch(ComplianceReason::denies);
  }

  /**
   * Whether a reason with a code is present.
   *
   * @param code the code
   * @return true if present
   */
  public boolean has(ReasonCode code) {
    Objects.requireNonNull(code, "code");
    return reasons.stream().anyMatch(r -> r.code() == code);
  }

  /**
   * This decision combined with another: all reasons and all disclosures.
   *
   * @param other the other decision
   * @return the combination
   */
  public ComplianceDecision and(ComplianceDecision other) {
    Objects.requireNonNull(other, "other");
    if (other.reasons.isEmpty() && other.requiredDisclosures.isEmpty()) {
      return this;
    }
    List<ComplianceReason> all = new ArrayList<>(reasons);
    all.addAll(other.reasons);
    Set<String> disclosures = new LinkedHashSet<>(requiredDisclosures);
    disclosures.addAll(other.requiredDisclosures);
    return new ComplianceDecision(all, disclosures);
  }
}
