package io.advocacy.core.programme;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One customer's participation in one programme, with its append-only history of changes.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param programme the programme
 * @param customer the customer
 * @param state the current state: the last change's
 * @param termsVersion the terms version accepted at the last enrolment
 * @param source how the last enrolment came about
 * @param history every change, oldest first; never empty, instants never decreasing
 * @param version incremented by every change, for compare-and-set in the store
 */
public record Participation(
    ProgrammeId programme,
    CustomerId customer,
    ParticipationState state,
    int termsVersion,
    EnrolmentSource source,
    List<Change> history,
    long version) {
  /**
   * One change of state.
   *
   * @param state the state entered
   * @param at when
   */
  public record Change(ParticipationState state, Instant at) {
    /**
     * Validates the change.
     *
     * @param state the state entered
     * @param at when
     */
    public Change {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Validates the participation.
   *
   * @param programme the programme
   * @param customer the customer
   * @param state the current state
   * @param termsVersion the accepted terms version
   * @param source how the last enrolment came about
   * @param history the changes
   * @param version the version
   * @throws IllegalArgumentException if the history is empty, out of order, or disagrees with
   *     the state
   */
  public Participation {
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
    history = List.copyOf(history);
    if (history.isEmpty() || history.get(history.size() - 1).state() != state) {
      throw new IllegalArgumentException("participation history " + history + " ends not in " + state);
    }
    for (int i = 1; i < history.size(); i++) {
      if (history.get(i).at().isBefore(history.get(i - 1).at())) {
        throw new IllegalArgumentException("participation history " + history + " goes back in time");
      }
    }
    if (version < 0) {
      throw new IllegalArgumentException("participation version " + version + " is negative");
    }
  }

  /**
   * A new enrolment.
   *
   * @param programme the programme
   * @param customer the customer
   * @param termsVersion the accepted terms version
   * @param source how it came about
   * @param at when
   * @return the participation
   */
  public static Participation enrolled(ProgrammeId programme, CustomerId customer,
      int termsVersion, EnrolmentSource source, Instant at) {
    return new Participation(programme, customer, ParticipationState.ENROLLED, termsVersion,
        source, List.of(new Change(ParticipationState.ENROLLED, at)), 0);
  }

  /**
   * When the last change happened.
   *
   * @return its instant
   */
  public Instant lastChangeAt() {
    return history.get(history.size() - 1).at();
  }

  /**
   * Whether the customer was enrolled at an instant: the last change at or before it was an
   * enrolment.
   *
   * @param at the instant
   * @return true if enrolled then
   */
  public boolean enrolledAt(Instant at) {
    ParticipationState s = null;
    for (Change c : history) {
      if (c.at().isAfter(at)) {
        break;
      }
      s = c.state();
    }
    return s == ParticipationState.ENROLLED;
  }

  /**
   * This participation after one more change.
   *
   * @param next the state entered
   * @param at when, not before the last change
   * @param terms the accepted terms version (kept for an opt-out)
   * @param how the enrolment source (kept for an opt-out)
   * @return the new participation, version + 1
   */
  public Participation moveTo(ParticipationState next, Instant at, int terms, EnrolmentSource how) {
    List<Change> more = new ArrayList<>(history);
    more.add(new Change(next, at));
    return new Participation(programme, customer, next, terms, how, more, version + 1);
  }
}
