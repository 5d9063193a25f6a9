package io.advocacy.core.recognition;

import io.advocacy.core.CustomerId;
import java.util.Objects;

/**
 * A top advocate flagged for an invitation, with the reason.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param customer the customer
 * @param invitation what to invite them to
 * @param reason why, naming the values
 */
public record AdvocateFlag(CustomerId customer, Invitation invitation, String reason) {
  /**
   * Validates the flag.
   *
   * @param customer the customer
   * @param invitation the invitation
   * @param reason why
   */
  public AdvocateFlag {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(invitation, "invitation");
    Objects.requireNonNull(reason, "reason");
  }
}
