package io.advocacy.core.contact;

import io.advocacy.core.CustomerId;
import io.advocacy.core.internal.InMemoryContactHistoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The asks each customer was allowed, and the slots they hold in the frequency caps. A host may
 * keep it in its own database; {@code ContactHistoryStoreContract} (in this module's test-jar)
 * is the test such an implementation must pass.
 *
 * <p>{@link #reserve} is atomic: checking the rules and taking the slot happen as one step, so
 * of any number of concurrent callers racing for a customer's last free slot exactly one gets
 * it. A database implementation locks the customer's rows (or uses a serialisable transaction)
 * and calls {@link FrequencyRules#violations} inside it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ContactHistoryStore {
  /**
   * A new, empty, thread-safe store kept in memory.
   *
   * @return the store
   */
  static ContactHistoryStore inMemory() {
    return new InMemoryContactHistoryStore();
  }

  /**
   * Atomically: if the ask id holds a slot, answers DUPLICATE with it; else, if the rules allow
   * the candidate among the customer's reservations, takes the slot (RESERVED); else answers
   * REFUSED with the violated rules and changes nothing.
   *
   * @param candidate the reservation wanted
   * @param rules the frequency rules to check
   * @return what happened
   */
  ReservationResult reserve(ContactReservation candidate, FrequencyRules rules);

  /**
   * Frees an ask's slot (the message was never sent, say). Idempotent: releasing an unknown or
   * released ask id changes nothing; a released ask id may reserve again.
   *
   * @param askId the ask id
   * @return true if a slot was freed
   */
  boolean release(String askId);

  /**
   * The reservation an ask id holds.
   *
   * @param askId the ask id
   * @return the reservation, or empty
   */
  Optional<ContactReservation> find(String askId);

  /**
   * A customer's reservations, oldest first (ties by ask id).
   *
   * @param customer the customer
   * @return the reservations
   */
  List<ContactReservation> reservations(CustomerId customer);

  /**
   * Drops reservations older than a cutoff, to bound memory. Keep at least the longest cap
   * window and the minimum gap: a dropped reservation no longer counts.
   *
   * @param cutoff reservations with an instant before it are dropped
   * @return how many were dropped
   */
  int forgetBefore(Instant cutoff);
}
