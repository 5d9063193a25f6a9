package io.advocacy.core.referral;

import io.advocacy.core.SubjectId;
import java.util.Objects;

/**
 * Identifies a referral: one code followed by one referee (as first seen: often an anonymous
 * visitor). The same click delivered twice therefore finds the same referral.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param code the referrer's code
 * @param referee the referee as first seen
 */
public record ReferralId(ReferralCode code, SubjectId referee) {
  /**
   * Checks the components.
   *
   * @param code the referrer's code
   * @param referee the referee as first seen
   */
  public ReferralId {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(referee, "referee");
  }

  @Override
  public String toString() {
    return code + "/" + referee.asText();
  }
}
