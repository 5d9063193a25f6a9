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
   * idempotency key is already there is not added again) and the audit entries.
   *
   * @param commit the step
   * @return true if committed; false on a conflict, with nothing changed
   */
  boolean commit(Commit commit);

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
