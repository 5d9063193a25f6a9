package io.advocacy.core.adapter;

/**
 * Why an adapter ignored a well-formed record; a stable, machine-readable code.
 *
 * <p>Immutable; thread-safe.
 */
public enum IgnoreReason {
  /** An event nobody mapped to a signal type (e.g. a Segment track event with no mapping). */
  UNMAPPED_EVENT,
  /** A kind of call the adapter does not turn into signals (e.g. Segment page or screen). */
  UNSUPPORTED_CALL,
  /** A record the adapter's configuration filters out (e.g. a non-NPS survey). */
  FILTERED
}
