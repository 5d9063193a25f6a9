package io.advocacy.core.reward;

import io.advocacy.core.internal.Require;
import java.util.Objects;

/**
 * Links the two sides of a double-sided referral reward: the referrer's request and the
 * friend's request carry the same pair id and opposite roles. Each side is checked for
 * compliance and issued on its own (one side may be denied while the other is issued).
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param pairId the identifier shared by both requests
 * @param role which side this request is
 */
public record RewardPairing(String pairId, Role role) {
  /**
   * Validates the pairing.
   *
   * @param pairId the identifier shared by both requests
   * @param role which side this request is
   */
  public RewardPairing {
    Require.identifier("pair id", pairId);
    Objects.requireNonNull(role, "role");
  }

  /** The side of a double-sided reward. Immutable; thread-safe. */
  public enum Role {
    /** The advocate who referred. */
    REFERRER,
    /** The referred friend. */
    FRIEND
  }
}
