package io.advocacy.core.referral;

import io.advocacy.core.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A code and the referrer it belongs to, with the referrer's hashed facts for the
 * self-referral check.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param code the code
 * @param referrer the advocate who shares it
 * @param issuedAt when it was issued
 * @param referrerFacts the referrer's hashed e-mail and fingerprints
 */
public record IssuedCode(
    ReferralCode code, CustomerId referrer, Instant issuedAt, PartyFacts referrerFacts) {
  /**
   * Checks the components.
   *
   * @param code the code
   * @param referrer the advocate who shares it
   * @param issuedAt when it was issued
   * @param referrerFacts the referrer's hashed e-mail and fingerprints
   */
  public IssuedCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(referrerFacts, "referrerFacts");
  }
}
