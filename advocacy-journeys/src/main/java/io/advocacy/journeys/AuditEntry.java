package io.advocacy.journeys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One transition in an instance's audit trail.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param instance the instance's id
 * @param from the state left
 * @param to the state entered
 * @param trigger the trigger's label
 * @param at when
 * @param actions the idempotency keys of the actions emitted
 * @param note anything worth knowing (a guard that threw, say); empty otherwise
 */
public record AuditEntry(
    String instance, String from, String to, String trigger, Instant at, List<String> actions,
    String note) {
  /**
   * Validates the entry.
   *
   * @param instance the instance
   * @param from the state left
   * @param to the state entered
   * @param trigger the trigger's label
   * @param at when
   * @param actions the action keys
   * @param note a note, or empty
   */
  public AuditEntry {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(at, "at");
    actions = List.copyOf(actions);
    Objects.requireNonNull(note, "note");
  }
}
