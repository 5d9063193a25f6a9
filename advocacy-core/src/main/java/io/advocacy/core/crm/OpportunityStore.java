package io.advocacy.core.crm;

import io.advocacy.core.AccountId;
import io.advocacy.core.internal.InMemoryOpportunityStore;
import java.util.List;
import java.util.Optional;

/**
 * Where opportunity records live. The {@link OpportunityBook} is its only writer. A host backs
 * it with its database; {@code OpportunityStoreContract} in this module's test-jar checks an
 * implementation.
 *
 * <p>Semantics every implementation keeps:
 *
 * <ul>
 *   <li>{@link #insert} inserts only if no record has the opportunity's id, atomically;
 *   <li>{@link #replace} is a compare-and-set on the version: of any number of concurrent
 *       replacements of the same version exactly one succeeds.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface OpportunityStore {

  /**
   * A new, empty, thread-safe in-memory store. It keeps every record, with the signals of each
   * opportunity (typically a handful, about 1 KB each).
   *
   * @return the store
   */
  static OpportunityStore inMemory() {
    return new InMemoryOpportunityStore();
  }

  /**
   * Stores a new record if none has its opportunity's id. Its version must be 0.
   *
   * @param record the record
   * @return true if stored, false if the id exists
   * @throws IllegalArgumentException if the version is not 0
   */
  boolean insert(OpportunityRecord record);

  /**
   * Looks a record up.
   *
   * @param id the opportunity id
   * @return the record, or empty
   */
  Optional<OpportunityRecord> find(OpportunityId id);

  /**
   * Replaces a record if the stored one has {@code expected}'s version (compare-and-set).
   *
   * @param expected the record read
   * @param next the new record: same opportunity id, version one more
   * @return true if replaced; false if the stored version differs or there is none
   * @throws IllegalArgumentException if the ids differ or the version is not one more
   */
  boolean replace(OpportunityRecord expected, OpportunityRecord next);

  /**
   * The opportunities of an account, in no particular order.
   *
   * @param account the account
   * @return the records whose current opportunity is with the account
   */
  List<OpportunityRecord> findByAccount(AccountId account);

  /**
   * Every record, in no particular order.
   *
   * @return a snapshot of the records
   */
  List<OpportunityRecord> all();
}
