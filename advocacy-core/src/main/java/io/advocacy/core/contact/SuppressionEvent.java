package io.advocacy.core.contact;

import io.advocacy.core.CustomerId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fact that holds asks back, as the {@link SuppressionStore} records it.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param kind what happened
 * @param customer the customer
 * @param caseId the complaint or escalation case, or null (a closing event without a case id
 *     closes every case of its kind opened at or before it)
 * @param at when it happened
 */
public record SuppressionEvent(
    Kind kind, CustomerId customer, @Nullable String caseId, Instant at) {
  /** The attribute of complaint and escalation signals naming the case. */
  public static final String CASE_ID_ATTRIBUTE = "case_id";

  /** The highest NPS answer that counts as a detractor (0–6). */
  public static final int DETRACTOR_MAX = 6;

  /** What happened. */
  public enum Kind {
    /** An NPS answer from 0 to 6. */
    DETRACTOR_ANSWER,
    /** A complaint was opened. */
    COMPLAINT_OPENED,
    /** A complaint was closed. */
    COMPLAINT_CLOSED,
    /** An escalation was opened. */
    ESCALATION_OPENED,
    /** An escalation was closed. */
    ESCALATION_CLOSED,
    /** The customer asked not to be contacted. */
    DO_NOT_CONTACT_SET,
    /** The customer withdrew a do-not-contact request. */
    DO_NOT_CONTACT_CLEARED
  }

  /**
   * Validates the event.
   *
   * @param kind what happened
   * @param customer the customer
   * @param caseId the case, or null
   * @param at when it happened
   */
  public SuppressionEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(customer, "customer");
    if (caseId != null) {
      Require.identifier("case id", caseId);
    }
    Objects.requireNonNull(at, "at");
  }

  /**
   * The suppression event a signal carries, if any: an NPS answer from 0 to 6, a complaint or
   * escalation opened or closed (case id from the {@value #CASE_ID_ATTRIBUTE} attribute when it
   * is a valid identifier). Signals about anonymous subjects and all other signals carry none.
   *
   * @param signal the signal
   * @return the event, or empty
   */
  public static Optional<SuppressionEvent> fromSignal(Signal signal) {
    if (!(signal.subject() instanceof CustomerId customer)) {
      return Optional.empty();
    }
    SignalType type = signal.type();
    Kind kind;
    if (type.equals(SignalType.NPS_ANSWERED)) {
      if (signal.value() > DETRACTOR_MAX) {
        return Optional.empty();
      }
      kind = Kind.DETRACTOR_ANSWER;
    } else if (type.equals(SignalType.COMPLAINT_OPENED)) {
      kind = Kind.COMPLAINT_OPENED;
    } else if (type.equals(SignalType.COMPLAINT_CLOSED)) {
      kind = Kind.COMPLAINT_CLOSED;
    } else if (type.equals(SignalType.ESCALATION_OPENED)) {
      kind = Kind.ESCALATION_OPENED;
    } else if (type.equals(SignalType.ESCALATION_CLOSED)) {
      kind = Kind.ESCALATION_CLOSED;
    } else {
      return Optional.empty();
    }
    String caseId = signal.attribute(CASE_ID_ATTRIBUTE)
        .filter(v -> Require.identifierProblem(v) == null)
        .orElse(null);
    return Optional.of(
        new SuppressionEvent(kind, customer, kind == Kind.DETRACTOR_ANSWER ? null : caseId,
            signal.occurredAt()));
  }
}
