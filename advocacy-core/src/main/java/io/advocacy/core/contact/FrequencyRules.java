package io.advocacy.core.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The frequency rules an ask must pass to reserve a slot: every {@link FrequencyCap} and a
 * minimum gap between any two asks of the customer (in either direction in time). The check is
 * a pure function of the customer's reservations, so a host's own {@link ContactHistoryStore}
 * calls {@link #violations} inside its transaction.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param caps the caps, all of which must hold
 * @param minimumGap the least time between any two asks of a customer; zero for none
 */
public record FrequencyRules(List<FrequencyCap> caps, Duration minimumGap) {
  /**
   * Validates the rules.
   *
   * @param caps the caps
   * @param minimumGap the least time between any two asks; zero for none
   * @throws IllegalArgumentException if the gap is negative
   */
  public FrequencyRules {
    caps = List.copyOf(caps);
    Objects.requireNonNull(minimumGap, "minimumGap");
    if (minimumGap.isNegative()) {
      throw new IllegalArgumentException("minimum gap " + minimumGap + " is negative");
    }
  }

  /** No caps, no gap: every ask passes. */
  public static final FrequencyRules NONE = new FrequencyRules(List.of(), Duration.ZERO);

  /**
   * The reasons a candidate may not take its slot among a customer's reservations; empty when
   * it may. Reservations of other customers and the candidate's own ask id are not counted.
   *
   * @param reservations the customer's current reservations, in any order
   * @param candidate the reservation wanted
   * @return one reason per violated rule, in the order caps then gap
   */
  public List<ContactReason> violations(
      Collection<ContactReservation> reservations, ContactReservation candidate) {
    List<ContactReservation> others = new ArrayList<>();
    for (ContactReservation r : reservations) {
      if (r.customer().equals(candidate.customer()) && !r.askId().equals(candidate.askId())) {
        others.add(r);
      }
    }
    List<ContactReason> reasons = new ArrayList<>();
    for (FrequencyCap cap : caps) {
      if (cap.appliesTo(candidate) && exceeds(cap, others, candidate)) {
        reasons.add(capReason(cap));
      }
    }
    if (!minimumGap.isZero()) {
      for (ContactReservation r : others) {
        if (Duration.between(r.at(), candidate.at()).abs().compareTo(minimumGap) < 0) {
          reasons.add(
              new ContactReason(
                  ContactReasonCode.MINIMUM_GAP,
                  "ask " + r.askId() + " at " + r.at() + " is less than " + minimumGap
                      + " from " + candidate.at()));
          break;
        }
      }
    }
    return List.copyOf(reasons);
  }

  private static ContactReason capReason(FrequencyCap cap) {
    return switch (cap.scope()) {
      case ALL_ASKS -> new ContactReason(
          ContactReasonCode.CUSTOMER_CAP,
          "at most " + cap.maxAsks() + " asks per customer in any " + cap.window());
      case EACH_MOTION -> new ContactReason(
          ContactReasonCode.MOTION_CAP,
          "at most " + cap.maxAsks() + " asks per motion per customer in any " + cap.window());
      case ONE_MOTION -> new ContactReason(
          ContactReasonCode.MOTION_CAP,
          "at most " + cap.maxAsks() + " " + cap.motion() + " asks per customer in any "
              + cap.window());
    };
  }

  /**
   * Whether adding an ask at {@code at} puts {@code maxAsks + 1} counted asks less than the
   * window apart.
   */
  private static boolean exceeds(
      FrequencyCap cap, List<ContactReservation> others, ContactReservation candidate) {
    Instant at = candidate.at();
    List<Instant> before = new ArrayList<>();
    List<Instant> after = new ArrayList<>();
    for (ContactReservation r : others) {
      if (!cap.counts(candidate, r)) {
        continue;
      }
      if (Duration.between(r.at(), at).abs().compareTo(cap.window()) >= 0) {
        continue; // at least a window away: never in a common period with the candidate
      }
      (r.at().isAfter(at) ? after : before).add(r.at());
    }
    if (before.size() + after.size() < cap.maxAsks()) {
      return false;
    }
    before.sort(null);
    after.sort(null);
    // Sorted instants around the candidate: before..., at, after...; look at every run of
    // maxAsks + 1 consecutive instants that includes the candidate.
    List<Instant> line = new ArrayList<>(before);
    int position = line.size();
    line.add(at);
    line.addAll(after);
    int n = cap.maxAsks();
    for (int first = Math.max(0, position - n); first <= position; first++) {
      int last = first + n;
      if (last >= line.size()) {
        break;
      }
      if (Duration.between(line.get(first), line.get(last)).compareTo(cap.window()) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far back a decision looks: the longest cap window, or the minimum gap if longer.
   * Reservations older than this before the earliest instant still to be decided can be
   * forgotten ({@link ContactHistoryStore#forgetBefore}) without changing any decision.
   *
   * @return the look-back, zero when there is no rule
   */
  public Duration lookBack() {
    Duration longest = minimumGap;
    for (FrequencyCap cap : caps) {
      if (cap.window().compareTo(longest) > 0) {
        longest = cap.window();
      }
    }
    return longest;
  }
}
