package io.advocacy.core.programme;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.programme.EnrolmentResult.Reason;
import io.advocacy.core.programme.EnrolmentResult.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Enrols customers in programmes and records opt-outs, answering every request with an {@link
 * EnrolmentResult} — never an exception for a customer's request. Enrolment is idempotent (the
 * same customer twice is UNCHANGED) and respects the participant limit atomically. Requests
 * carry their own instant (the event time); a request dated before a participation's last
 * change is REJECTED as OUT_OF_ORDER, so the history stays in time order.
 *
 * <p>Thread-safe if its store is; starts no threads; reads no clock.
 */
public final class ProgrammeService {
  private final ParticipationStore store;

  /**
   * A service over a store.
   *
   * @param store the participation store
   */
  public ProgrammeService(ParticipationStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The store.
   *
   * @return the participation store
   */
  public ParticipationStore store() {
    return store;
  }

  /**
   * Enrols a customer.
   *
   * @param programme the programme
   * @param customer the customer
   * @param acceptedTermsVersion the terms version the customer accepted
   * @param source how the enrolment came about
   * @param at when
   * @return ENROLLED, UNCHANGED (already enrolled) or REJECTED with the reason
   */
  public EnrolmentResult enrol(Programme programme, CustomerId customer, int acceptedTermsVersion,
      EnrolmentSource source, Instant at) {
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    ProgrammeId id = programme.id();
    if (!programme.isOpenAt(at)) {
      return rejected(Reason.PROGRAMME_NOT_OPEN, "programme " + id + " is not open at " + at
          + " (opens " + programme.opensAt() + ", closes " + programme.closesAt() + ")", null);
    }
    if (acceptedTermsVersion != programme.terms().version()) {
      return rejected(Reason.TERMS_VERSION_MISMATCH, "accepted terms " + programme.terms().id()
          + " version " + acceptedTermsVersion + ", current is " + programme.terms().version(),
          null);
    }
    if (programme.enrolment() == EnrolmentMode.INVITE_ONLY && source != EnrolmentSource.INVITED) {
      return rejected(Reason.INVITATION_REQUIRED,
          "programme " + id + " is invite-only and " + customer + " enrols " + source, null);
    }
    int limit = programme.maxParticipants();
    while (true) {
      Optional<Participation> found = store.find(id, customer);
      if (found.isEmpty()) {
        Participation p = Participation.enrolled(id, customer, acceptedTermsVersion, source, at);
        if (store.insert(p, limit)) {
          return new EnrolmentResult(Status.ENROLLED, null, customer + " enrolled in " + id, p);
        }
        if (store.find(id, customer).isEmpty()) {
          return full(programme, customer);
        }
        continue; // another thread enrolled this customer meanwhile: read again
      }
      Participation current = found.get();
      if (current.state() == ParticipationState.ENROLLED) {
        return new EnrolmentResult(Status.UNCHANGED, null,
            customer + " is already enrolled in " + id, current);
      }
      if (!programme.reenrolAfterOptOut()) {
        return rejected(Reason.OPTED_OUT_EARLIER, customer + " opted out of " + id + " at "
            + current.lastChangeAt() + " and it does not allow re-enrolment", current);
      }
      if (at.isBefore(current.lastChangeAt())) {
        return outOfOrder(current, at);
      }
      Participation next = current.moveTo(ParticipationState.ENROLLED, at, acceptedTermsVersion,
          source);
      if (store.replace(current, next, limit)) {
        return new EnrolmentResult(Status.ENROLLED, null, customer + " enrolled again in " + id,
            next);
      }
      Optional<Participation> again = store.find(id, customer);
      if (again.isPresent() && again.get().version() == current.version()) {
        return full(programme, customer);
      }
    }
  }

  /**
   * Records an opt-out.
   *
   * @param programme the programme
   * @param customer the customer
   * @param at when
   * @return OPTED_OUT, UNCHANGED (already opted out) or REJECTED (NOT_ENROLLED, OUT_OF_ORDER)
   */
  public EnrolmentResult optOut(ProgrammeId programme, CustomerId customer, Instant at) {
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
    while (true) {
      Optional<Participation> found = store.find(programme, customer);
      if (found.isEmpty()) {
        return rejected(Reason.NOT_ENROLLED, customer + " never enrolled in " + programme, null);
      }
      Participation current = found.get();
      if (current.state() == ParticipationState.OPTED_OUT) {
        return new EnrolmentResult(Status.UNCHANGED, null,
            customer + " has already opted out of " + programme, current);
      }
      if (at.isBefore(current.lastChangeAt())) {
        return outOfOrder(current, at);
      }
      Participation next = current.moveTo(ParticipationState.OPTED_OUT, at,
          current.termsVersion(), current.source());
      if (store.replace(current, next, 0)) {
        return new EnrolmentResult(Status.OPTED_OUT, null,
            customer + " opted out of " + programme, next);
      }
    }
  }

  /**
   * Participants of a programme as of an instant: customers whose last change at or before it
   * was an enrolment.
   *
   * @param programme the programme
   * @param asOf the instant
   * @return the count
   */
  public long participantsAsOf(ProgrammeId programme, Instant asOf) {
    return store.participations(programme).stream().filter(p -> p.enrolledAt(asOf)).count();
  }

  /**
   * Distinct customers taking part in any of some programmes as of an instant — the numerator
   * of the "programme participation" KPI.
   *
   * @param programmes the programmes
   * @param asOf the instant
   * @return the count of distinct customers
   */
  public long distinctParticipantsAsOf(Collection<ProgrammeId> programmes, Instant asOf) {
    Set<CustomerId> customers = new HashSet<>();
    for (ProgrammeId id : programmes) {
      store.participations(id).stream().filter(p -> p.enrolledAt(asOf))
          .forEach(p -> customers.add(p.customer()));
    }
    return customers.size();
  }

  private static EnrolmentResult full(Programme programme, CustomerId customer) {
    return rejected(Reason.PROGRAMME_FULL, "programme " + programme.id() + " has its "
        + programme.maxParticipants() + " participants; " + customer + " was not enrolled", null);
  }

  private static EnrolmentResult outOfOrder(Participation current, Instant at) {
    return rejected(Reason.OUT_OF_ORDER, "request at " + at + " is before the last change at "
        + current.lastChangeAt(), current);
  }

  private static EnrolmentResult rejected(
      Reason reason, String message, @org.jspecify.annotations.Nullable Participation p) {
    return new EnrolmentResult(Status.REJECTED, reason, message, p);
  }
}
