/**
 * Signals: immutable, idempotent facts observed about a subject at an instant, and the
 * catalogue of {@link io.advocacy.core.signal.SignalType}s with the value range each allows.
 */
@NullMarked
package io.advocacy.core.signal;

import org.jspecify.annotations.NullMarked;
