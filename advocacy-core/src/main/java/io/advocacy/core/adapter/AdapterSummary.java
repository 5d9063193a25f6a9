package io.advocacy.core.adapter;

import java.util.Objects;

/**
 * The accounting of one adapter run: every record seen was accepted, ignored or rejected, so
 * {@code accepted + ignored + rejected == recordsSeen} always holds.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param adapter the adapter's name
 * @param recordsSeen how many records the input held (blank lines are not records)
 * @param accepted how many became signals
 * @param ignored how many were deliberately skipped
 * @param rejected how many were rejected
 */
public record AdapterSummary(
    String adapter, long recordsSeen, long accepted, long ignored, long rejected) {
  /**
   * Validates the accounting.
   *
   * @param adapter the adapter's name
   * @param recordsSeen how many records the input held (blank lines are not records)
   * @param accepted how many became signals
   * @param ignored how many were deliberately skipped
   * @param rejected how many were rejected
   * @throws IllegalArgumentException if a count is negative or the counts do not add up
   */
  public AdapterSummary {
    Objects.requireNonNull(adapter, "adapter");
    if (accepted < 0 || ignored < 0 || rejected < 0 || accepted + ignored + rejected != recordsSeen) {
      throw new IllegalArgumentException(
          "adapter " + adapter + " accounting does not add up: accepted " + accepted
              + " + ignored " + ignored + " + rejected " + rejected + " != seen " + recordsSeen);
    }
  }

  /** Returns e.g. {@code segment: 10 seen, 8 accepted, 1 ignored, 1 rejected}. */
  @Override
  public String toString() {
    return adapter + ": " + recordsSeen + " seen, " + accepted + " accepted, " + ignored
        + " ignored, " + rejected + " rejected";
  }
}
