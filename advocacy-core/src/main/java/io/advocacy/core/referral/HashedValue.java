package io.advocacy.core.referral;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A keyed hash (HMAC-SHA256) of a piece of personal data, made by a {@link PiiHasher}: equal
 * inputs under the same key give equal hashes, and nothing readable is kept.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record HashedValue(String hex) {
  /**
   * Checks the digest text.
   *
   * @param hex 64 lower-case hexadecimal digits
   */
  public HashedValue {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 64 || !hex.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c))) {
      throw new IllegalArgumentException("hex must be 64 lower-case hex digits: " + hex);
    }
  }

  @Override
  public String toString() {
    return "HashedValue[" + hex.substring(0, 8) + "…]";
  }
}
