package io.advocacy.core.adapter;

/**
 * Where a record stands in an adapter's input: its index among the records seen (from 0) and,
 * for line-oriented inputs (NDJSON, CSV), the line it starts on (from 1; 0 when the input is
 * not line-oriented or the line is unknown).
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param index the record's position among the records seen, from 0
 * @param line the line the record starts on, from 1, or 0 when unknown
 */
public record RecordRef(long index, long line) {
  /**
   * Validates the position.
   *
   * @param index the record's position among the records seen, from 0
   * @param line the line the record starts on, from 1, or 0 when unknown
   * @throws IllegalArgumentException if index or line is negative
   */
  public RecordRef {
    if (index < 0 || line < 0) {
      throw new IllegalArgumentException(
          "record index and line must not be negative: index " + index + ", line " + line);
    }
  }

  /** Returns e.g. {@code record 3 (line 4)} or {@code record 3}. */
  @Override
  public String toString() {
    return line > 0 ? "record " + index + " (line " + line + ")" : "record " + index;
  }
}
