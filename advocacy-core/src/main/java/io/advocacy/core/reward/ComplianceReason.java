package io.advocacy.core.reward;

import java.util.Objects;

/**
 * One reason in a {@link ComplianceDecision}: a code, the id of the rule that gave it, a message
 * for people, and whether it denies the reward or only flags it.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param code the machine-readable code
 * @param ruleId the id of the rule, e.g. {@code "healthcare.nominal-value"}
 * @param message a human-readable explanation naming the values involved
 * @param denies true if the reason denies the reward; false if it only flags it
 */
public record ComplianceReason(ReasonCode code, String ruleId, String message, boolean denies) {
  /**
   * Validates the reason.
   *
   * @param code the machine-readable code
   * @param ruleId the id of the rule
   * @param message a human-readable explanation
   * @param denies true if the reason denies the reward
   */
  public ComplianceReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A denying reason.
   *
   * @param code the code
   * @param ruleId the rule id
   * @param message the message
   * @return the reason
   */
  public static ComplianceReason deny(ReasonCode code, String ruleId, String message) {
    return new ComplianceReason(code, ruleId, message, true);
  }

  /**
   * A flag: the reward is allowed but the reason is reported.
   *
   * @param code the code
   * @param ruleId the rule id
   * @param message the message
   * @return the reason
   */
  public static ComplianceReason flag(ReasonCode code, String ruleId, String message) {
    return new ComplianceReason(code, ruleId, message, false);
  }
}
