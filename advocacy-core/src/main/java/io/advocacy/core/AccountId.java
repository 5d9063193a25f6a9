package io.advocacy.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.advocacy.core.internal.Require;

/**
 * The identifier of a business account (the company a B2B customer belongs to).
 *
 * <p>Valid values are non-blank, at most 256 characters, with no leading or trailing white
 * space and no control characters. Serialises to JSON as a plain string.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param value the identifier text
 */
public record AccountId(@JsonValue String value) {
  /**
   * Validates the identifier.
   *
   * @param value the identifier text
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is blank or malformed
   */
  public AccountId {
    Require.identifier("account id", value);
  }

  /**
   * Returns the identifier for a string.
   *
   * @param value the identifier text
   * @return the identifier
   * @throws IllegalArgumentException if it is blank or malformed
   */
  @JsonCreator
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
