package io.advocacy.core.link;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to opening a link token. Only an authentic token (VALID or EXPIRED) reveals its
 * payload.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status what the token is
 * @param payload the payload of an authentic token, or null
 * @param keyId the key id the token names, when it could be read, or null
 * @param message a sentence for people (never the payload's contents of a forged token)
 */
public record TokenOpening(
    Status status, @Nullable TokenPayload payload, @Nullable String keyId, String message) {
  /** What a token is. */
  public enum Status {
    /** Authentic and not expired. */
    VALID,
    /** Authentic, at or after its expiry. */
    EXPIRED,
    /** Well formed, but the authentication failed: altered, or sealed by another key. */
    TAMPERED,
    /** Names a key id that no key on the ring has (dropped after rotation, say). */
    UNKNOWN_KEY,
    /** Not a token at all: not base64url, too short or long, an unknown format version. */
    MALFORMED
  }

  /**
   * Validates the opening.
   *
   * @param status what the token is
   * @param payload the payload, only for VALID and EXPIRED
   * @param keyId the key id, or null
   * @param message a sentence for people
   * @throws IllegalArgumentException if a payload comes with another status or is missing
   */
  public TokenOpening {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    boolean authentic = status == Status.VALID || status == Status.EXPIRED;
    if (authentic != (payload != null)) {
      throw new IllegalArgumentException("token opening " + status + " with payload " + payload);
    }
  }

  /**
   * Whether the token is authentic and not expired.
   *
   * @return true for VALID
   */
  public boolean isValid() {
    return status == Status.VALID;
  }
}
