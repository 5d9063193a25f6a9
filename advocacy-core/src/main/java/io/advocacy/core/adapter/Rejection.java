package io.advocacy.core.adapter;

import java.util.Objects;

/**
 * A record an adapter could not turn into a signal: which record, which field (a JSON Pointer
 * such as {@code /properties/score}, a CSV column name, or empty for the whole record), a
 * machine-readable reason and a message for people.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param record where the record stands in the input
 * @param field the field at fault, or empty for the whole record
 * @param reason the machine-readable reason
 * @param message what was wrong, naming the value
 */
public record Rejection(RecordRef record, String field, RejectionReason reason, String message) {
  /**
   * Validates the rejection.
   *
   * @param record where the record stands in the input
   * @param field the field at fault, or empty for the whole record
   * @param reason the machine-readable reason
   * @param message what was wrong, naming the value
   * @throws NullPointerException if a component is null
   */
  public Rejection {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** Returns e.g. {@code record 3 (line 4) /properties/score OUT_OF_RANGE: 11 is outside 0..10}. */
  @Override
  public String toString() {
    return record + (field.isEmpty() ? "" : " " + field) + " " + reason + ": " + message;
  }
}
