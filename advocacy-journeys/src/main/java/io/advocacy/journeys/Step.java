package io.advocacy.journeys;

import java.util.List;
import java.util.Objects;

/**
 * What applying a signal or a tick to an instance did.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param instance the instance after the step (unchanged when nothing fired)
 * @param actions the actions emitted, in order
 * @param audit the transitions taken, in order
 */
public record Step(JourneyInstance instance, List<ActionRequest> actions, List<AuditEntry> audit) {
  /**
   * Copies the step.
   *
   * @param instance the instance after the step
   * @param actions the actions
   * @param audit the transitions
   */
  public Step {
    Objects.requireNonNull(instance, "instance");
    actions = List.copyOf(actions);
    audit = List.copyOf(audit);
  }

  /**
   * Whether any transition fired.
   *
   * @return true if the audit is not empty
   */
  public boolean moved() {
    return !audit.isEmpty();
  }
}
