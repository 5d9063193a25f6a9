package io.advocacy.core.adapter;

import io.advocacy.core.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a host payload into {@link Signal}s. Host applications implement this interface for
 * their own formats; the library ships adapters for Segment events
 * ({@link SegmentAdapter}), JSON webhooks configured with JSON Pointers
 * ({@link JsonMappingAdapter}) and CSV ({@link CsvAdapter}).
 *
 * <p>The contract: an adapter never throws on bad data and never drops a record. Every record
 * is reported to the sink exactly once, as accepted, ignored or rejected, and the returned
 * summary counts them. Only programmer errors (a null argument) and exceptions thrown by the
 * sink itself escape. An adapter reads the input to its end but does not close it.
 *
 * <p>Implementations must be thread-safe: one adapter instance may stream several inputs at
 * once on different threads.
 */
public interface SignalAdapter {
  /**
   * The adapter's name, used as the registry key and as the {@link Signal#source()} of the
   * signals it makes.
   *
   * @return a machine name such as {@code segment}
   */
  String name();

  /**
   * Reads an input to its end, reporting every record to the sink as it goes.
   *
   * @param input the payload; read to its end, not closed
   * @param sink receives each record's outcome in input order
   * @return the accounting
   */
  AdapterSummary stream(InputStream input, SignalSink sink);

  /**
   * Reads an input into memory.
   *
   * @param input the payload; read to its end, not closed
   * @return the signals, ignored records and rejections
   */
  default AdapterResult read(InputStream input) {
    List<Signal> signals = new ArrayList<>();
    List<IgnoredRecord> ignored = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    AdapterSummary summary =
        stream(
            input,
            new SignalSink() {
              @Override
              public void accepted(Signal signal, RecordRef record) {
                signals.add(signal);
              }

              @Override
              public void ignored(IgnoredRecord record) {
                ignored.add(record);
              }

              @Override
              public void rejected(Rejection rejection) {
                rejections.add(rejection);
              }
            });
    return new AdapterResult(summary, signals, ignored, rejections);
  }

  /**
   * Reads a text payload (UTF-8) into memory.
   *
   * @param text the payload
   * @return the signals, ignored records and rejections
   */
  default AdapterResult read(String text) {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
