package io.advocacy.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.advocacy.core.internal.Require;

/**
 * An anonymous visitor's identifier, such as a Segment {@code anonymousId} or a referral click's cookie id; an identity link later stitches it to a {@link CustomerId}.
 *
 * <p>Valid values are non-blank, at most 256 characters, with no leading or trailing white
 * space and no control characters. Serialises to JSON as a plain string.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param value the identifier text
 */
public record AnonymousId(@JsonValue String value) implements SubjectId {
  /**
   * Validates the identifier.
   *
   * @param value the identifier text
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is blank or malformed
   */
  public AnonymousId {
    Require.identifier("anonymous id", value);
  }

  /**
   * Returns the identifier for a string.
   *
   * @param value the identifier text
   * @return the identifier
   * @throws IllegalArgumentException if it is blank or malformed
   */
  @JsonCreator
  public static AnonymousId of(String value) {
    return new AnonymousId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
