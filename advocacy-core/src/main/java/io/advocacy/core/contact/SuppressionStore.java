package io.advocacy.core.contact;

import io.advocacy.core.CustomerId;
import io.advocacy.core.internal.InMemorySuppressionStore;

/**
 * The facts that hold asks back — detractor answers, complaints and escalations, do-not-contact
 * requests — per customer. Recording is idempotent (an event recorded twice is kept once) and
 * order-independent (see {@link SuppressionFacts}). A host may keep it in its own database;
 * {@code SuppressionStoreContract} (in this module's test-jar) is the test such an
 * implementation must pass.
 *
 * <p>Implementations must be thread-safe: concurrent recordings lose no event.
 */
public interface SuppressionStore {
  /**
   * A new, empty, thread-safe store kept in memory.
   *
   * @return the store
   */
  static SuppressionStore inMemory() {
    return new InMemorySuppressionStore();
  }

  /**
   * Records an event.
   *
   * @param event the event
   * @return true if it was new; false if it was already recorded
   */
  boolean record(SuppressionEvent event);

  /**
   * What is recorded about a customer.
   *
   * @param customer the customer
   * @return the facts, empty for an unknown customer
   */
  SuppressionFacts facts(CustomerId customer);
}
