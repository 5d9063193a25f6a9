package io.advocacy.journeys;

import java.util.List;
import java.util.Objects;

/**
 * One customer's step as one unit: the instance's new value (expected to replace the revision
 * read), the actions for the outbox and the audit entries. A host database commits it as one
 * transaction.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param instance the instance after the step
 * @param expectedRevision the revision read before the step; -1 for a new instance
 * @param actions the actions for the outbox
 * @param audit the audit entries
 */
public record Commit(
    JourneyInstance instance, long expectedRevision, List<ActionRequest> actions,
    List<AuditEntry> audit) {
  /**
   * Validates the commit.
   *
   * @param instance the new value
   * @param expectedRevision the revision read, or -1
   * @param actions the actions
   * @param audit the audit entries
   */
  public Commit {
    Objects.requireNonNull(instance, "instance");
    if (expectedRevision < -1) {
      throw new IllegalArgumentException("expected revision " + expectedRevision + " is below -1");
    }
    actions = List.copyOf(actions);
    audit = List.copyOf(audit);
  }
}
