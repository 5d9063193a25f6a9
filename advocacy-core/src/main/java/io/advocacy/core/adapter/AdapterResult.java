package io.advocacy.core.adapter;

import io.advocacy.core.signal.Signal;
import java.util.List;
import java.util.Objects;

/**
 * Everything an adapter made of an input, held in memory: the accepted signals, the ignored
 * records and the rejections, with their {@link AdapterSummary}. For large inputs use
 * {@link SignalAdapter#stream(java.io.InputStream, SignalSink)} instead.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param summary the accounting
 * @param signals the accepted signals, in input order
 * @param ignored the ignored records, in input order
 * @param rejections the rejections, in input order
 */
public record AdapterResult(
    AdapterSummary summary,
    List<Signal> signals,
    List<IgnoredRecord> ignored,
    List<Rejection> rejections) {
  /**
   * Validates the result and copies its lists.
   *
   * @param summary the accounting
   * @param signals the accepted signals, in input order
   * @param ignored the ignored records, in input order
   * @param rejections the rejections, in input order
   * @throws IllegalArgumentException if the lists disagree with the summary
   */
  public AdapterResult {
    Objects.requireNonNull(summary, "summary");
    signals = List.copyOf(signals);
    ignored = List.copyOf(ignored);
    rejections = List.copyOf(rejections);
    if (signals.size() != summary.accepted()
        || ignored.size() != summary.ignored()
        || rejections.size() != summary.rejected()) {
      throw new IllegalArgumentException("adapter result lists disagree with " + summary);
    }
  }
}
