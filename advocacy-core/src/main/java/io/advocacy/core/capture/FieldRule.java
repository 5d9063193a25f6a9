package io.advocacy.core.capture;

import java.util.Objects;

/**
 * How a lead form asks one field.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param field the field
 * @param required whether an answer is required (for consent: whether it must be {@code true})
 * @param maxLength the longest answer, at least 1
 */
public record FieldRule(LeadField field, boolean required, int maxLength) {
  /**
   * Validates the rule.
   *
   * @param field the field
   * @param required whether required
   * @param maxLength the longest answer
   * @throws IllegalArgumentException if the length is below 1
   */
  public FieldRule {
    Objects.requireNonNull(field, "field");
    if (maxLength < 1) {
      throw new IllegalArgumentException("field " + field.key() + " maxLength " + maxLength + " is below 1");
    }
  }
}
