package io.advocacy.core.programme;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.internal.InMemoryParticipationStore;
import java.util.List;
import java.util.Optional;

/**
 * Who takes part in which programme. Writes are compare-and-set, and the participant limit is
 * checked in the same atomic step, so 16 threads racing for a programme's last place get
 * exactly one. A host may keep it in its own database; {@code ParticipationStoreContract} (in
 * this module's test-jar) is the test such an implementation must pass.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ParticipationStore {
  /**
   * A new, empty, thread-safe store kept in memory.
   *
   * @return the store
   */
  static ParticipationStore inMemory() {
    return new InMemoryParticipationStore();
  }

  /**
   * A customer's participation in a programme.
   *
   * @param programme the programme
   * @param customer the customer
   * @return the participation, or empty
   */
  Optional<Participation> find(ProgrammeId programme, CustomerId customer);

  /**
   * Atomically: inserts a first participation if the customer has none in the programme and,
   * when it is an enrolment and {@code limit > 0}, fewer than {@code limit} customers are
   * enrolled.
   *
   * @param participation a version-0 participation
   * @param limit the most customers enrolled at once, 0 for none
   * @return true if inserted
   */
  boolean insert(Participation participation, int limit);

  /**
   * Atomically: replaces {@code expected} (same version) by {@code next}; when {@code next}
   * enrols a customer who was not enrolled and {@code limit > 0}, only if fewer than {@code
   * limit} are enrolled.
   *
   * @param expected the participation read
   * @param next its successor, version + 1
   * @param limit the most customers enrolled at once, 0 for none
   * @return true if replaced
   */
  boolean replace(Participation expected, Participation next, int limit);

  /**
   * Every participation in a programme, in customer-id order.
   *
   * @param programme the programme
   * @return the participations
   */
  List<Participation> participations(ProgrammeId programme);

  /**
   * How many customers are enrolled in a programme now.
   *
   * @param programme the programme
   * @return the count
   */
  long countEnrolled(ProgrammeId programme);
}
