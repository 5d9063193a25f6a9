package io.advocacy.core.referral;

import java.util.Objects;

/**
 * What a {@link FraudRule} sees: the referral as it would become, the issued code with the
 * referrer's facts, and the store (read it, never write it).
 *
 * <p>Immutable; as thread-safe as the store.
 *
 * @param candidate the referral after the pending change
 * @param code the referrer's code and facts
 * @param store the referral store, for look-ups
 */
public record FraudContext(Referral candidate, IssuedCode code, ReferralStore store) {
  /**
   * Checks the components.
   *
   * @param candidate the referral after the pending change
   * @param code the referrer's code and facts
   * @param store the referral store
   */
  public FraudContext {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(store, "store");
  }
}
