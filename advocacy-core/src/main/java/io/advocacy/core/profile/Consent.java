package io.advocacy.core.profile;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Consent to be contacted on one channel: when it was granted and, if it was, when it was
 * revoked. Consent is valid at an instant {@code t} when {@code grantedAt <= t} and it was not
 * revoked at or before {@code t}. A consent granted again after a revocation is a new
 * {@code Consent} with the later grant.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param grantedAt when the customer granted consent
 * @param revokedAt when the customer revoked it, or null while it stands
 */
public record Consent(Instant grantedAt, @Nullable Instant revokedAt) {
  /**
   * Validates the instants.
   *
   * @param grantedAt when the customer granted consent
   * @param revokedAt when the customer revoked it, or null while it stands
   * @throws IllegalArgumentException if the revocation precedes the grant
   */
  public Consent {
    Objects.requireNonNull(grantedAt, "grantedAt");
    if (revokedAt != null && revokedAt.isBefore(grantedAt)) {
      throw new IllegalArgumentException(
          "consent revokedAt " + revokedAt + " is before grantedAt " + grantedAt);
    }
  }

  /**
   * Consent granted at an instant and not revoked.
   *
   * @param grantedAt the grant
   * @return the consent
   */
  public static Consent grantedAt(Instant grantedAt) {
    return new Consent(grantedAt, null);
  }

  /**
   * This consent revoked at an instant.
   *
   * @param at the revocation, not before the grant
   * @return a revoked copy
   */
  public Consent revokedAt(Instant at) {
    return new Consent(grantedAt, Objects.requireNonNull(at, "at"));
  }

  /**
   * Whether consent holds at an instant: granted at or before it, not revoked at or before it.
   *
   * @param at the instant
   * @return true if the customer may be contacted on this channel at {@code at}
   */
  public boolean isValidAt(Instant at) {
    Objects.requireNonNull(at, "at");
    return !grantedAt.isAfter(at) && (revokedAt == null || revokedAt.isAfter(at));
  }
}
