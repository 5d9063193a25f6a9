package io.advocacy.journeys;

import io.advocacy.core.contact.ContactReservation;
import java.util.List;
import java.util.Objects;

/**
 * One customer's step as one unit: the instance's new value (expected to replace the revision
 * read), the actions for the outbox, the audit entries and the contact slots the step's asks
 * hold. A host database commits it as one transaction.
 *
 * <p>The contact slots were reserved in the contact policy's {@code ContactHistoryStore} when
 * the asks were decided, so that two asks cannot take the last slot; the engine releases them
 * again when the commit is refused or throws. A host whose contact history lives in the same
 * database confirms them in this transaction (and may sweep reservations never confirmed), so a
 * slot is held exactly when the step that asked is committed. The in-memory store needs nothing
 * of them. Rewards are not here: an {@link ActionKind#ISSUE_REWARD} action in the outbox is the
 * step's ledger entry to be, issued once under its idempotency key when the outbox is
 * dispatched.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param instance the instance after the step
 * @param expectedRevision the revision read before the step; -1 for a new instance
 * @param actions the actions for the outbox
 * @param audit the audit entries
 * @param reservations the contact slots the step's allowed asks hold, in the order of the asks
 */
public record Commit(
    JourneyInstance instance, long expectedRevision, List<ActionRequest> actions,
    List<AuditEntry> audit, List<ContactReservation> reservations) {
  /**
   * Validates the commit.
   *
   * @param instance the new value
   * @param expectedRevision the revision read, or -1
   * @param actions the actions
   * @param audit the audit entries
   * @param reservations the contact slots held
   */
  public Commit {
    Objects.requireNonNull(instance, "instance");
    if (expectedRevision < -1) {
      throw new IllegalArgumentException("expected revision " + expectedRevision + " is below -1");
    }
    actions = List.copyOf(actions);
    audit = List.copyOf(audit);
    reservations = List.copyOf(reservations);
  }

  /**
   * A commit that holds no contact slot.
   *
   * @param instance the new value
   * @param expectedRevision the revision read, or -1
   * @param actions the actions
   * @param audit the audit entries
   */
  public Commit(JourneyInstance instance, long expectedRevision, List<ActionRequest> actions,
      List<AuditEntry> audit) {
    this(instance, expectedRevision, actions, audit, List.of());
  }
}
