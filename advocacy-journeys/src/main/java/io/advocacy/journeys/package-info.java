/**
 * Journeys: the fluent DSL that builds immutable, validated {@code JourneyDefinition}s, their
 * JSON and diagram forms, journey instances as small plain values, durable timers, the outbox,
 * and the {@code AdvocacyEngine} facade host apps call.
 */
@NullMarked
package io.advocacy.journeys;

import org.jspecify.annotations.NullMarked;
