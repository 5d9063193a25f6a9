package io.advocacy.core.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.core.contact.ContactHistoryStore;
import io.advocacy.core.contact.ContactReason;
import io.advocacy.core.contact.ContactReservation;
import io.advocacy.core.contact.FrequencyRules;
import io.advocacy.core.contact.ReservationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-memory {@link ContactHistoryStore}: one lock, since a reservation reads and writes
 * both the ask-id index and the customer's reservations. Thread-safe.
 */
public final class InMemoryContactHistoryStore implements ContactHistoryStore {
  private static final Comparator<ContactReservation> ORDER =
      Comparator.comparing(ContactReservation::at).thenComparing(ContactReservation::askId);

  private final Object lock = new Object();
  private final Map<String, ContactReservation> byAsk = new HashMap<>();
  private final Map<CustomerId, List<ContactReservation>> byCustomer = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryContactHistoryStore() {}

  @Override
  public ReservationResult reserve(ContactReservation candidate, FrequencyRules rules) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(rules, "rules");
    synchronized (lock) {
      ContactReservation existing = byAsk.get(candidate.askId());
      if (existing != null) {
        return ReservationResult.duplicate(existing);
      }
      List<ContactReservation> held =
          byCustomer.getOrDefault(candidate.customer(), List.of());
      List<ContactReason> reasons = rules.violations(held, candidate);
      if (!reasons.isEmpty()) {
        return ReservationResult.refused(candidate, reasons);
      }
      byAsk.put(candidate.askId(), candidate);
      byCustomer.computeIfAbsent(candidate.customer(), c -> new ArrayList<>()).add(candidate);
      return ReservationResult.reserved(candidate);
    }
  }

  @Override
  public boolean release(String askId) {
    Objects.requireNonNull(askId, "askId");
    synchronized (lock) {
      ContactReservation removed = byAsk.remove(askId);
      if (removed == null) {
        return false;
      }
      List<ContactReservation> held = byCustomer.get(removed.customer());
      held.remove(removed);
      if (held.isEmpty()) {
        byCustomer.remove(removed.customer());
      }
      return true;
    }
  }

  @Override
  public Optional<ContactReservation> find(String askId) {
    Objects.requireNonNull(askId, "askId");
    synchronized (lock) {
      return Optional.ofNullable(byAsk.get(askId));
    }
  }

  @Override
  public List<ContactReservation> reservations(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<ContactReservation> copy;
    synchronized (lock) {
      copy = new ArrayList<>(byCustomer.getOrDefault(customer, List.of()));
    }
    copy.sort(ORDER);
    return List.copyOf(copy);
  }

  @Override
  public int forgetBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    synchronized (lock) {
      int dropped = 0;
      var customers = byCustomer.entrySet().iterator();
      while (customers.hasNext()) {
        List<ContactReservation> held = customers.next().getValue();
        var each = held.iterator();
        while (each.hasNext()) {
          ContactReservation r = each.next();
          if (r.at().isBefore(cutoff)) {
            each.remove();
            byAsk.remove(r.askId());
            dropped++;
          }
        }
        if (held.isEmpty()) {
          customers.remove();
        }
      }
      return dropped;
    }
  }
}
