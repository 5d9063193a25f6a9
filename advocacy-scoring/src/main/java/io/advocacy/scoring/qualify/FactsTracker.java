package io.advocacy.scoring.qualify;

import io.advocacy.core.CustomerId;
import io.advocacy.core.contact.ContactReasonCode;
import io.advocacy.core.contact.SuppressionEvent;
import io.advocacy.core.contact.SuppressionFacts;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Folds signals into the {@link CustomerFacts} qualification reads: the latest purchase, stay,
 * booking or visit; the latest NPS and CSAT answers (latest by event time, ties by signal id);
 * whether an outcome was achieved; complaints and escalations opened and closed (with the
 * rules of {@link SuppressionFacts}). The facts depend only on the set of signals applied, not
 * on their order, and applying a signal twice changes nothing. Signals about anonymous
 * subjects and other types are not kept.
 *
 * <p>The tracker keeps the latest of each fact, so facts read as of an instant before some
 * applied signal still reflect that signal — except complaints, which are judged as of the
 * instant asked.
 *
 * <p>Thread-safe: each customer's facts are updated atomically.
 */
public final class FactsTracker {
  private static final Set<SignalType> EXPERIENCES = Set.of(
      SignalType.PURCHASE_COMPLETED, SignalType.STAY_COMPLETED, SignalType.BOOKING_COMPLETED,
      SignalType.VISIT_COMPLETED);
  private static final Comparator<Signal> LATEST =
      Comparator.comparing(Signal::occurredAt).thenComparing(s -> s.id().value());

  private final ConcurrentMap<CustomerId, State> states = new ConcurrentHashMap<>();

  /** An empty tracker. */
  public FactsTracker() {}

  /**
   * Applies a signal.
   *
   * @param signal the signal
   * @return true if it changed what is known
   */
  public boolean apply(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (!(signal.subject() instanceof CustomerId customer) || !relevant(signal)) {
      return false;
    }
    boolean[] changed = {false};
    states.compute(customer, (c, s) -> {
      State before = s == null ? State.empty(c) : s;
      State after = before.with(signal);
      changed[0] = !after.equals(before);
      return after;
    });
    return changed[0];
  }

  private static boolean relevant(Signal s) {
    SignalType t = s.type();
    return EXPERIENCES.contains(t) || t.equals(SignalType.NPS_ANSWERED)
        || t.equals(SignalType.CSAT_ANSWERED) || t.equals(SignalType.OUTCOME_ACHIEVED)
        || SuppressionEvent.fromSignal(s).filter(
            e -> e.kind() != SuppressionEvent.Kind.DETRACTOR_ANSWER).isPresent();
  }

  /**
   * The facts about a customer as of an instant.
   *
   * @param profile the customer's profile
   * @param score the customer's advocate score as of {@code asOf}
   * @param asOf the instant
   * @return the facts
   */
  public CustomerFacts facts(CustomerProfile profile, double score, Instant asOf) {
    State s = states.getOrDefault(profile.id(), State.empty(profile.id()));
    boolean open = s.cases.reasonsAt(asOf, Duration.ZERO).stream().anyMatch(
        r -> r.code() == ContactReasonCode.OPEN_COMPLAINT
            || r.code() == ContactReasonCode.OPEN_ESCALATION);
    return new CustomerFacts(profile, score, asOf,
        s.experience == null ? null : s.experience.occurredAt(), open,
        s.nps == null ? null : (int) s.nps.value(),
        s.csat == null ? null : (int) s.csat.value(),
        s.outcome);
  }

  private record State(
      @Nullable Signal experience, @Nullable Signal nps, @Nullable Signal csat, boolean outcome,
      SuppressionFacts cases) {
    static State empty(CustomerId c) {
      return new State(null, null, null, false, SuppressionFacts.none(c));
    }

    State with(Signal s) {
      SignalType t = s.type();
      if (EXPERIENCES.contains(t)) {
        return new State(later(experience, s), nps, csat, outcome, cases);
      }
      if (t.equals(SignalType.NPS_ANSWERED)) {
        return new State(experience, later(nps, s), csat, outcome, cases);
      }
      if (t.equals(SignalType.CSAT_ANSWERED)) {
        return new State(experience, nps, later(csat, s), outcome, cases);
      }
      if (t.equals(SignalType.OUTCOME_ACHIEVED)) {
        return new State(experience, nps, csat, true, cases);
      }
      SuppressionEvent e = SuppressionEvent.fromSignal(s).orElseThrow();
      return new State(experience, nps, csat, outcome, cases.with(e));
    }

    private static Signal later(@Nullable Signal current, Signal s) {
      return current == null || LATEST.compare(s, current) > 0 ? s : current;
    }
  }
}
