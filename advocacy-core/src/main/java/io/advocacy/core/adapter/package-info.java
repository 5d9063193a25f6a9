/**
 * Signal adapters: the pluggable edge where host payloads (JSON webhooks, Segment events,
 * CSV files) become {@link io.advocacy.core.signal.Signal}s. An adapter never throws on bad
 * data and never drops a record: every record it sees is accepted, ignored or rejected, and a
 * rejection names the record, the field and the reason.
 */
@NullMarked
package io.advocacy.core.adapter;

import org.jspecify.annotations.NullMarked;
