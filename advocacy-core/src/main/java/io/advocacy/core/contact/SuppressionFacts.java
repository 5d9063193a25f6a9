package io.advocacy.core.contact;

import io.advocacy.core.CustomerId;
import io.advocacy.core.contact.SuppressionEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the {@link SuppressionStore} knows about one customer, and the suppressions in
 * force at any instant. The answer depends only on the set of events, never on the order they
 * arrived in, so late and out-of-order events are normal.
 *
 * <ul>
 *   <li>Do-not-contact holds at {@code t} when the latest do-not-contact event at or before
 *       {@code t} sets it (a set and a clear at the same instant: set wins).
 *   <li>A complaint or escalation case is open at {@code t} when the latest of its events at or
 *       before {@code t} opens it; a closing event without a case id closes every case of its
 *       kind; at the same instant closing wins. Opening events without a case id form one case.
 *   <li>A detractor answer suppresses asks for the detractor period after it: from the answer
 *       (inclusive) until the answer plus the period (exclusive). A later promoter answer does
 *       not lift it.
 * </ul>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param customer the customer
 * @param events the recorded events, oldest first (ties by kind, then case id), without repeats
 */
public record SuppressionFacts(CustomerId customer, List<SuppressionEvent> events) {
  private static final Comparator<SuppressionEvent> ORDER =
      Comparator.comparing(SuppressionEvent::at)
          .thenComparing(SuppressionEvent::kind)
          .thenComparing(e -> e.caseId() == null ? "" : e.caseId());

  /**
   * Validates and orders the facts.
   *
   * @param customer the customer
   * @param events the recorded events
   * @throws IllegalArgumentException if an event is about another customer
   */
  public SuppressionFacts {
    Objects.requireNonNull(customer, "customer");
    List<SuppressionEvent> sorted = new ArrayList<>(events.stream().distinct().toList());
    for (SuppressionEvent e : sorted) {
      if (!e.customer().equals(customer)) {
        throw new IllegalArgumentException(
            "suppression event for " + e.customer() + " in the facts of " + customer);
      }
    }
    sorted.sort(ORDER);
    events = List.copyOf(sorted);
  }

  /**
   * No facts about a customer.
   *
   * @param customer the customer
   * @return empty facts
   */
  public static SuppressionFacts none(CustomerId customer) {
    return new SuppressionFacts(customer, List.of());
  }

  /**
   * These facts with one more event; the same facts when the event is already recorded.
   *
   * @param event an event about this customer
   * @return the facts with the event
   */
  public SuppressionFacts with(SuppressionEvent event) {
    if (events.contains(event)) {
      return this;
    }
    List<SuppressionEvent> more = new ArrayList<>(events);
    more.add(event);
    return new SuppressionFacts(customer, more);
  }

  /**
   * The suppressions in force at an instant, one reason per kind (do-not-contact, open
   * complaint, open escalation, recent detractor answer).
   *
   * @param at the instant
   * @param detractorPeriod how long a detractor answer suppresses asks
   * @return the reasons; empty when nothing holds asks back
   */
  public List<ContactReason> reasonsAt(Instant at, Duration detractorPeriod) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detractorPeriod, "detractorPeriod");
    List<ContactReason> reasons = new ArrayList<>();
    SuppressionEvent dnc = null;
    SuppressionEvent detractor = null;
    for (SuppressionEvent e : events) {
      if (e.at().isAfter(at)) {
        break;
      }
      if (e.kind() == Kind.DO_NOT_CONTACT_SET || e.kind() == Kind.DO_NOT_CONTACT_CLEARED) {
        // Same instant: SET sorts before CLEARED, so keep a SET already seen at this instant.
        if (dnc == null || dnc.at().isBefore(e.at()) || e.kind() == Kind.DO_NOT_CONTACT_SET) {
          dnc = e;
        }
      } else if (e.kind() == Kind.DETRACTOR_ANSWER) {
        detractor = e;
      }
    }
    if (dnc != null && dnc.kind() == Kind.DO_NOT_CONTACT_SET) {
      reasons.add(
          new ContactReason(
              ContactReasonCode.DO_NOT_CONTACT, "do-not-contact since " + dnc.at()));
    }
    openCase(Kind.COMPLAINT_OPENED, Kind.COMPLAINT_CLOSED, at)
        .ifPresent(
            e -> reasons.add(
                new ContactReason(
                    ContactReasonCode.OPEN_COMPLAINT, "complaint" + caseText(e) + " open since "
                        + e.at())));
    openCase(Kind.ESCALATION_OPENED, Kind.ESCALATION_CLOSED, at)
        .ifPresent(
            e -> reasons.add(
                new ContactReason(
                    ContactReasonCode.OPEN_ESCALATION, "escalation" + caseText(e)
                        + " open since " + e.at())));
    if (detractor != null) {
      Instant until = detractor.at().plus(detractorPeriod);
      if (at.isBefore(until)) {
        reasons.add(
            new ContactReason(
                ContactReasonCode.RECENT_DETRACTOR,
                "detractor answer at " + detractor.at() + " suppresses asks until " + until));
      }
    }
    return List.copyOf(reasons);
  }

  private static String caseText(SuppressionEvent e) {
    return e.caseId() == null ? "" : " " + e.caseId();
  }

  /** The earliest-opened case of a kind open at the instant, if any. */
  private java.util.Optional<SuppressionEvent> openCase(Kind opened, Kind closed, Instant at) {
    Map<@Nullable String, SuppressionEvent> latestOpen = new LinkedHashMap<>();
    Map<@Nullable String, Instant> latestClose = new LinkedHashMap<>();
    Instant closeAll = null;
    for (SuppressionEvent e : events) {
      if (e.at().isAfter(at)) {
        break;
      }
      if (e.kind() == opened) {
        latestOpen.put(e.caseId(), e);
      } else if (e.kind() == closed) {
        if (e.caseId() == null) {
          closeAll = e.at();
        } else {
          latestClose.put(e.caseId(), e.at());
        }
      }
    }
    SuppressionEvent earliest = null;
    for (SuppressionEvent open : latestOpen.values()) {
      Instant close = latestClose.get(open.caseId());
      boolean closedSince =
          (close != null && !close.isBefore(open.at()))
              || (closeAll != null && !closeAll.isBefore(open.at()));
      if (!closedSince && (earliest == null || open.at().isBefore(earliest.at()))) {
        earliest = open;
      }
    }
    return java.util.Optional.ofNullable(earliest);
  }
}
