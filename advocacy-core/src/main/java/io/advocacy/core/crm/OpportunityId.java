package io.advocacy.core.crm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.advocacy.core.internal.Require;

/**
 * The identifier of a CRM opportunity (a deal), as the host's CRM spells it.
 *
 * <p>Valid values are non-blank, at most 256 characters, with no leading or trailing white
 * space and no control characters. Serialises to JSON as a plain string.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param value the identifier text
 */
public record OpportunityId(@JsonValue String value) {
  /**
   * Validates the identifier.
   *
   * @param value the identifier text
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is blank or malformed
   */
  public OpportunityId {
    Require.identifier("opportunity id", value);
  }

  /**
   * Returns the identifier for a string.
   *
   * @param value the identifier text
   * @return the identifier
   * @throws IllegalArgumentException if it is blank or malformed
   */
  @JsonCreator
  public static OpportunityId of(String value) {
    return new OpportunityId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
