package io.advocacy.core.contact;

import java.util.Objects;

/**
 * One reason in a {@link ContactDecision}: a code and a message for people naming the values
 * involved.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param code the machine-readable code
 * @param message a human-readable explanation
 */
public record ContactReason(ContactReasonCode code, String message) {
  /**
   * Validates the reason.
   *
   * @param code the machine-readable code
   * @param message a human-readable explanation
   */
  public ContactReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
