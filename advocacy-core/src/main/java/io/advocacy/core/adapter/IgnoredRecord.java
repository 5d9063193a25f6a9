package io.advocacy.core.adapter;

import java.util.Objects;

/**
 * A well-formed record an adapter deliberately did not turn into a signal.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param record where the record stands in the input
 * @param reason the machine-readable reason
 * @param message what it was, e.g. {@code track event "Page Scrolled" has no mapping}
 */
public record IgnoredRecord(RecordRef record, IgnoreReason reason, String message) {
  /**
   * Validates the record.
   *
   * @param record where the record stands in the input
   * @param reason the machine-readable reason
   * @param message what it was, e.g. {@code track event "Page Scrolled" has no mapping}
   * @throws NullPointerException if a component is null
   */
  public IgnoredRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
