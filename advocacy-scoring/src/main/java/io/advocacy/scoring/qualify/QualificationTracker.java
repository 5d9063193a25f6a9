package io.advocacy.scoring.qualify;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Remembers each customer's last qualification and turns changes into derived signals, so
 * journeys can react to "became a champion" the way they react to an NPS answer:
 *
 * <ul>
 *   <li>{@link SignalType#ADVOCATE_TIER_CHANGED}: value the new tier's ordinal, attributes
 *       {@value #FROM_ATTRIBUTE} and {@value #TO_ATTRIBUTE} (tier names);
 *   <li>{@link SignalType#MOTION_ELIGIBILITY_CHANGED}: value 1 when the customer became
 *       eligible and 0 when no longer, attribute {@value #MOTION_ATTRIBUTE}.
 * </ul>
 *
 * The first qualification of a customer counts as a change from NONE and "not eligible".
 * Derived signal ids are deterministic — {@code derived.tier.<customer>.<epoch ms>} and {@code
 * derived.motion.<MOTION>.<customer>.<epoch ms>} — so a re-run emits the same ids and a
 * de-duplicating consumer applies them once. Source {@value #SOURCE}.
 *
 * <p>Thread-safe: updates of one customer are atomic; the listener is called on the updating
 * thread, after the update, and an exception it throws reaches the caller without undoing
 * the update.
 */
public final class QualificationTracker {
  /** The attribute with the previous tier. */
  public static final String FROM_ATTRIBUTE = "from_tier";
  /** The attribute with the new tier. */
  public static final String TO_ATTRIBUTE = "to_tier";
  /** The attribute with the motion. */
  public static final String MOTION_ATTRIBUTE = "motion";
  /** The source of derived signals. */
  public static final String SOURCE = "advocacy-scoring";

  private final QualificationPolicy policy;
  private final Consumer<Signal> listener;
  private final ConcurrentMap<CustomerId, Qualification> last = new ConcurrentHashMap<>();

  /**
   * A tracker.
   *
   * @param policy the qualification policy
   * @param listener receives each derived signal
   */
  public QualificationTracker(QualificationPolicy policy, Consumer<Signal> listener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Qualifies a customer again and emits a derived signal per change since the last time.
   *
   * @param facts what is known now
   * @return the derived signals emitted, tier first, then motions in ladder order
   */
  public List<Signal> update(CustomerFacts facts) {
    Qualification now = policy.qualify(facts);
    Qualification[] before = new Qualification[1];
    last.compute(now.customer(), (c, previous) -> {
      before[0] = previous;
      return now;
    });
    List<Signal> derived = changes(before[0], now);
    derived.forEach(listener);
    return derived;
  }

  /**
   * The last qualification of a customer.
   *
   * @param customer the customer
   * @return the qualification, or null if never qualified
   */
  public @org.jspecify.annotations.Nullable Qualification last(CustomerId customer) {
    return last.get(customer);
  }

  private static List<Signal> changes(
      @org.jspecify.annotations.Nullable Qualification before, Qualification now) {
    List<Signal> out = new ArrayList<>();
    long ms = now.asOf().toEpochMilli();
    AdvocateTier from = before == null ? AdvocateTier.NONE : before.tier();
    if (from != now.tier()) {
      out.add(Signal.builder(SignalId.of("derived.tier." + now.customer().value() + "." + ms),
              now.customer(), SignalType.ADVOCATE_TIER_CHANGED, now.asOf())
          .value(now.tier().ordinal())
          .attribute(FROM_ATTRIBUTE, from.name())
          .attribute(TO_ATTRIBUTE, now.tier().name())
          .source(SOURCE)
          .build());
    }
    for (Motion m : Motion.values()) {
      boolean was = before != null && before.eligibility(m).eligible();
      boolean is = now.eligibility(m).eligible();
      if (was != is) {
        out.add(Signal.builder(
                SignalId.of("derived.motion." + m.name() + "." + now.customer().value() + "." + ms),
                now.customer(), SignalType.MOTION_ELIGIBILITY_CHANGED, now.asOf())
            .value(is ? 1 : 0)
            .attribute(MOTION_ATTRIBUTE, m.name())
            .source(SOURCE)
            .build());
      }
    }
    return out;
  }
}
