package io.advocacy.core.referral;

import java.util.Objects;

/**
 * The answer of {@link ReferralService#issueCode}: a new code, or the admission that every
 * attempt collided with an existing code (the code space is too crowded for the payload
 * length; use longer codes).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface CodeIssueResult permits CodeIssueResult.Issued, CodeIssueResult.Exhausted {
  /**
   * A code was issued and stored.
   *
   * @param code the stored code
   */
  record Issued(IssuedCode code) implements CodeIssueResult {
    /**
     * Checks the component.
     *
     * @param code the stored code
     */
    public Issued {
      Objects.requireNonNull(code, "code");
    }
  }

  /**
   * Every attempt produced a code that already existed.
   *
   * @param attempts how many codes were tried
   */
  record Exhausted(int attempts) implements CodeIssueResult {
    /**
     * Checks the component.
     *
     * @param attempts how many codes were tried, at least 1
     */
    public Exhausted {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
      }
    }
  }
}
