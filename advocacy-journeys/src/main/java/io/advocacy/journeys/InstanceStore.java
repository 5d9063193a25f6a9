package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.journeys.internal.InMemoryInstanceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Journey instances, their outbox and audit trail, with optimistic concurrency: {@link #commit}
 * applies a whole step only if the instance is still at the revision read, so a host database
 * implements it as one transaction. {@code InstanceStoreContract} (in this module's test-jar) is
 * the test a host implementation must pass.
 *
 * <p>Implementations must be thread-safe.
 */
public interface InstanceStore {
  /**
   * A new, empty, thread-safe store kept in memory.
   *
   * @return the store
   */
  static InstanceStore inMemory() {
    return new InMemoryInstanceStore();
  }

  /**
   * Atomically: when the stored instance's revision equals the expected one (or there is none
   * and -1 is expected), stores the new value, appends the actions to the outbox (an action whose
   * idempotency key is already there is not added again) and the audit entries. A store whose
   * contact history shares its database confirms the commit's {@link Commit#reservations()} in
   * the same transaction (see {@link Commit}); the in-memory store has nothing to do for them.
   *
   * @param commit the step
   * @return true if committed; false on a conflict, with nothing changed
   */
  boolean commit(Commit commit);

  /**
   * Commits several steps, each on the terms of {@link #commit}: each is checked against its
   * own expected revision, so one may conflict while the others go in, and they are applied in
   * order (a later commit of the same instance sees an earlier one). A host database can apply
   * them in one transaction, and the in-memory store takes its lock once. {@code tick} commits
   * its steps this way.
   *
   * @param commits the steps, in order
   * @return for each commit, at the same index, whether it was committed
   */
  default boolean[] commitAll(List<Commit> commits) {
    boolean[] out = new boolean[commits.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = commit(commits.get(i));
    }
    return out;
  }

  /**
   * An instance by id.
   *
   * @param id the id
   * @return the instance, or empty
   */
  Optional<JourneyInstance> find(String id);

  /**
   * A customer's instances, running or ended, oldest first.
   *
   * @param customer the customer
   * @return the instances
   */
  List<JourneyInstance> byCustomer(CustomerId customer);

  /**
   * Running instances with a timer due at or before an instant, earliest due first (ties by
   * id), at most {@code limit}.
   *
   * @param now the instant
   * @param limit the most to return, at least 1
   * @return the instances
   */
  List<JourneyInstance> due(Instant now, int limit);

  /**
   * Actions not yet acknowledged, in the order committed, at most {@code limit}.
   *
   * @param limit the most to return, at least 1
   * @return the actions
   */
  List<ActionRequest> pending(int limit);

  /**
   * Acknowledges an action: its handler succeeded. Idempotent.
   *
   * @param idempotencyKey the action's key
   * @return true if it was pending
   */
  boolean acknowledge(String idempotencyKey);

  /**
   * An instance's audit trail.
   *
   * @param instance the instance's id
   * @return the entries, in order
   */
  List<AuditEntry> audit(String instance);
}
