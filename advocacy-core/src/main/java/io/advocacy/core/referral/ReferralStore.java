package io.advocacy.core.referral;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.internal.InMemoryReferralStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where codes, referrals and processed event ids live. The {@link ReferralService} is its only
 * writer. A host backs it with its database; {@code ReferralStoreContract} in this module's
 * test-jar checks an implementation.
 *
 * <p>Semantics every implementation keeps:
 *
 * <ul>
 *   <li>{@link #insertCode} and {@link #insertReferral} insert only if absent, atomically;
 *   <li>{@link #replaceReferral} is a compare-and-set on the version: of any number of
 *       concurrent replacements of the same version exactly one succeeds;
 *   <li>{@link #markProcessed} records an event id at most once, atomically.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface ReferralStore {

  /**
   * A new, empty, thread-safe in-memory store. It keeps every code and referral, and each
   * processed event id until {@link #forgetProcessedBefore} drops it (about 150 bytes per id).
   *
   * @return the store
   */
  static ReferralStore inMemory() {
    return new InMemoryReferralStore();
  }

  /**
   * Stores a code if no code with the same value exists.
   *
   * @param code the issued code
   * @return true if stored, false if the value was taken
   */
  boolean insertCode(IssuedCode code);

  /**
   * Looks a code up.
   *
   * @param code the code
   * @return the issued code, or empty
   */
  Optional<IssuedCode> findCode(ReferralCode code);

  /**
   * Stores a new referral if none has its id. Its version must be 0.
   *
   * @param referral the referral
   * @return true if stored, false if the id exists
   * @throws IllegalArgumentException if the version is not 0
   */
  boolean insertReferral(Referral referral);

  /**
   * Looks a referral up.
   *
   * @param id the id
   * @return the referral, or empty
   */
  Optional<Referral> findReferral(ReferralId id);

  /**
   * The referrals of a referee: those whose first-seen referee or whose referee customer id is
   * the subject, in no particular order.
   *
   * @param referee the subject
   * @return the referrals
   */
  List<Referral> findByReferee(SubjectId referee);

  /**
   * Replaces a referral if the stored one has {@code expected}'s version (compare-and-set).
   *
   * @param expected the version read
   * @param next the new version: same id, version one more
   * @return true if replaced; false if the stored version differs or there is none
   * @throws IllegalArgumentException if the ids differ or the version is not one more
   */
  boolean replaceReferral(Referral expected, Referral next);

  /**
   * Counts a referrer's referrals whose {@link Referral#createdAt()} is from {@code from} to
   * {@code to}, both inclusive.
   *
   * @param referrer the referrer
   * @param from inclusive start
   * @param to inclusive end
   * @param except a referral not to count (the one being checked)
   * @return the count
   */
  int countCreatedBy(CustomerId referrer, Instant from, Instant to, ReferralId except);

  /**
   * Open referrals (shared, clicked or signed up) whose attribution window started strictly
   * before a cutoff, oldest {@link Referral#windowStart()} first (ties by id text), at most
   * {@code limit}: the candidates for expiry.
   *
   * @param cutoff window starts strictly before this are returned
   * @param limit the most to return, at least 1
   * @return the referrals
   */
  List<Referral> findOpenStartedBefore(Instant cutoff, int limit);

  /**
   * Records an event id as processed.
   *
   * @param id the event's id
   * @param at when it was processed
   * @return true the first time, false if the id was recorded before
   */
  boolean markProcessed(SignalId id, Instant at);

  /**
   * Forgets event ids processed before an instant (the end of the de-duplication horizon).
   *
   * @param cutoff ids processed strictly before this are forgotten
   * @return how many were forgotten
   */
  int forgetProcessedBefore(Instant cutoff);
}
