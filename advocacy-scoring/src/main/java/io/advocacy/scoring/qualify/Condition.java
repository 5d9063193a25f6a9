package io.advocacy.scoring.qualify;

import java.util.Objects;

/**
 * One named test in an eligibility rule, and its answer for a customer with the reason.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the machine-readable name, e.g. {@code "recent_experience"}
 * @param passed whether the customer passes it
 * @param reason why, naming the values: {@code "last purchase 12 days ago (within 30)"}
 */
public record Condition(String name, boolean passed, String reason) {
  /**
   * Validates the condition.
   *
   * @param name the name
   * @param passed whether it passed
   * @param reason why
   */
  public Condition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }
}
