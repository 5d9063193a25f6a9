package io.advocacy.core.link;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a sealed link token carries. Instants are kept to the second.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param kind the link's kind
 * @param customer the advocate the link belongs to
 * @param programme the programme
 * @param motion the motion
 * @param issuedAt when the token was sealed
 * @param expiresAt the first instant it no longer opens as valid
 * @param detail the review platform or share channel, or null
 * @param referralCode the advocate's referral code for a share link, or null
 */
public record TokenPayload(
    LinkKind kind,
    CustomerId customer,
    ProgrammeId programme,
    Motion motion,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable String detail,
    @Nullable String referralCode) {
  /**
   * Validates the payload and truncates the instants to seconds.
   *
   * @param kind the link's kind
   * @param customer the advocate
   * @param programme the programme
   * @param motion the motion
   * @param issuedAt when sealed
   * @param expiresAt when it expires
   * @param detail the platform or channel, or null
   * @param referralCode the referral code, or null
   * @throws IllegalArgumentException if it expires at or before it is issued
   */
  public TokenPayload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(motion, "motion");
    issuedAt = Instant.ofEpochSecond(Objects.requireNonNull(issuedAt, "issuedAt").getEpochSecond());
    expiresAt =
        Instant.ofEpochSecond(Objects.requireNonNull(expiresAt, "expiresAt").getEpochSecond());
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "token expires at " + expiresAt + ", not after it is issued at " + issuedAt);
    }
  }
}
