package io.advocacy.core.adapter;

import io.advocacy.core.signal.Signal;

/**
 * Receives, in input order, what an adapter makes of each record while it streams. The host
 * implements it to pass signals on (to the engine, a queue, a file) without holding the whole
 * input in memory.
 *
 * <p>An exception thrown by a sink method is not swallowed: it ends the adapter's run and
 * propagates to the caller of {@link SignalAdapter#stream(java.io.InputStream, SignalSink)},
 * which then produces no summary. Called on the thread that called {@code stream}.
 */
public interface SignalSink {
  /**
   * A record became a signal.
   *
   * @param signal the signal
   * @param record where the record stood
   */
  void accepted(Signal signal, RecordRef record);

  /**
   * A record was deliberately skipped.
   *
   * @param ignored what and why
   */
  void ignored(IgnoredRecord ignored);

  /**
   * A record was rejected.
   *
   * @param rejection what, where and why
   */
  void rejected(Rejection rejection);
}
