package io.advocacy.core.recognition;

import io.advocacy.core.CustomerId;
import io.advocacy.core.internal.InMemoryRecognitionStore;
import java.util.List;
import java.util.Set;

/**
 * The acts of advocacy each customer performed. Adding is atomic and idempotent per signal id
 * across all customers: the same signal from 16 threads is kept once. A host may keep it in its
 * own database; {@code RecognitionStoreContract} (in this module's test-jar) is the test such
 * an implementation must pass.
 *
 * <p>Implementations must be thread-safe.
 */
public interface RecognitionStore {
  /**
   * A new, empty, thread-safe store kept in memory.
   *
   * @return the store
   */
  static RecognitionStore inMemory() {
    return new InMemoryRecognitionStore();
  }

  /**
   * Adds an act unless its signal id is already kept.
   *
   * @param customer the customer
   * @param act the act
   * @return true if added
   */
  boolean add(CustomerId customer, Act act);

  /**
   * A customer's acts, in {@link Act#ORDER}.
   *
   * @param customer the customer
   * @return the acts
   */
  List<Act> acts(CustomerId customer);

  /**
   * Every customer with at least one act.
   *
   * @return the customers
   */
  Set<CustomerId> customers();
}
