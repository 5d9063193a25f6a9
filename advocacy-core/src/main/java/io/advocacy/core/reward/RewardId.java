package io.advocacy.core.reward;

import io.advocacy.core.internal.Require;

/**
 * The ledger's identifier of an issued reward.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param value the identifier text
 */
public record RewardId(String value) {
  /**
   * Validates the identifier.
   *
   * @param value the identifier text
   */
  public RewardId {
    Require.identifier("reward id", value);
  }

  /**
   * Returns the identifier for a string.
   *
   * @param value the identifier text
   * @return the identifier
   */
  public static RewardId of(String value) {
    return new RewardId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
