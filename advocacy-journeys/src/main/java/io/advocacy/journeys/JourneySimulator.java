package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.contact.ContactPolicy;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Runs journeys in a unit test on a virtual clock: feed signals and clock advances, then read
 * the states each instance visited, the actions it emitted and what the contact policy decided.
 * Underneath is a real {@link JourneyEngine} over an in-memory store, with a contact policy
 * (every default unless another is given) that also observes every signal, as the {@code
 * AdvocacyEngine} does — so a detractor's NPS answer suppresses asks here too.
 *
 * <pre>{@code
 * JourneySimulator sim = JourneySimulator.builder(registry, Instant.parse("2027-03-01T15:00:00Z"))
 *     .journey(reviewRequest)
 *     .customer(profile, AdvocateTier.PROMOTER)
 *     .build();
 * sim.signal(ada, SignalType.PURCHASE_COMPLETED, 120);
 * sim.advance(Duration.ofDays(4));
 * assertThat(sim.statesVisited("review-request:c-ada:1")).containsExactly("invited", "reminded");
 * }</pre>
 *
 * <p>Advancing the clock fires every timer and held ask in due order, each at its own instant, so
 * a reminder three days after an evening purchase is decided at that evening hour, not at the end
 * of the advance. Signals given without an id get {@code sim-<n>}. An instance that is due but
 * cannot move (its definition version is not in the simulator) ends the firing for that advance
 * (the clock still moves to the target) and is reported in {@link #skipped()}.
 *
 * <p>Not thread-safe: a test harness for one thread.
 */
public final class JourneySimulator {
  private static final int MAX_TICKS_PER_ADVANCE = 1_000_000;

  private final JourneyEngine engine;
  private final ContactPolicy policy;
  private final List<ActionRequest> actions = new ArrayList<>();
  private final List<AskDecision> asks = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final Set<String> instances = new LinkedHashSet<>();
  private Instant now;
  private long nextId;

  private JourneySimulator(Builder b) {
    this.policy = b.policy == null ? ContactPolicy.defaults() : b.policy;
    Map<CustomerId, CustomerView> views = Map.copyOf(b.views);
    JourneyEngine.Builder eb = JourneyEngine.builder(InstanceStore.inMemory(), b.registry,
            c -> views.getOrDefault(c, view(CustomerProfile.builder(c).build(), AdvocateTier.NONE)))
        .contactPolicy(policy);
    b.definitions.forEach(eb::journey);
    b.migrations.forEach(eb::migration);
    this.engine = eb.build();
    this.now = b.start;
  }

  /**
   * A builder.
   *
   * @param registry the guards and actions
   * @param start the virtual clock's first instant
   * @return a new builder
   */
  public static Builder builder(JourneyRegistry registry, Instant start) {
    return new Builder(registry, start);
  }

  /**
   * A plain customer view: a profile and a tier, the score unknown, every motion eligible.
   *
   * @param profile the profile
   * @param tier the tier
   * @return the view
   */
  public static CustomerView view(CustomerProfile profile, AdvocateTier tier) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(tier, "tier");
    return CustomerView.of(profile, OptionalDouble.empty(), tier, Set.of(Motion.values()));
  }

  /**
   * The virtual clock.
   *
   * @return the current virtual instant
   */
  public Instant now() {
    return now;
  }

  /**
   * Delivers a signal now, with a generated id.
   *
   * @param customer the customer
   * @param type the type
   * @param value the value
   * @return what the engine did
   */
  public JourneyEngine.Result signal(CustomerId customer, SignalType type, double value) {
    return signal(Signal.of(SignalId.of("sim-" + ++nextId), customer, type, now, value));
  }

  /**
   * Delivers a signal. Timers due before its instant fire first; a signal from the past is
   * delivered as it is (late signals are normal) without moving the clock back.
   *
   * @param signal the signal
   * @return what the engine did
   */
  public JourneyEngine.Result signal(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (signal.occurredAt().isAfter(now)) {
      advanceTo(signal.occurredAt());
    }
    policy.observe(signal);
    return record(engine.handle(signal));
  }

  /**
   * Moves the clock forward, firing every timer and held ask due on the way, in due order.
   *
   * @param duration how far, not negative
   * @return this simulator
   */
  public JourneySimulator advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration " + duration + " is negative");
    }
    return advanceTo(now.plus(duration));
  }

  /**
   * Moves the clock to an instant, firing every timer and held ask due up to it, in due order.
   *
   * @param target the instant, not before now
   * @return this simulator
   */
  public JourneySimulator advanceTo(Instant target) {
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("target " + target + " is before now " + now);
    }
    for (int ticks = 0; ; ticks++) {
      List<JourneyInstance> due = engine.store().due(target, 1);
      if (due.isEmpty()) {
        break;
      }
      if (ticks == MAX_TICKS_PER_ADVANCE) {
        throw new IllegalStateException("more than " + MAX_TICKS_PER_ADVANCE
            + " ticks before " + target + ": a journey that never waits?");
      }
      Instant at = due.get(0).nextDue().orElseThrow();
      if (at.isAfter(now)) {
        now = at;
      }
      JourneyEngine.Result r = record(engine.tick(at, Integer.MAX_VALUE));
      if (r.steps().isEmpty()) {
        break; // due but nothing moved (no definition for it, say): see skipped()
      }
    }
    now = target;
    return this;
  }

  private JourneyEngine.Result record(JourneyEngine.Result r) {
    for (Step s : r.steps()) {
      instances.add(s.instance().id());
      actions.addAll(s.actions());
    }
    asks.addAll(r.asks());
    skipped.addAll(r.skipped());
    return r;
  }

  /**
   * The states an instance visited, in order, from its first state; migrations and contact
   * policy entries are not state visits.
   *
   * @param instance the instance's id
   * @return the states
   */
  public List<String> statesVisited(String instance) {
    List<String> states = new ArrayList<>();
    for (AuditEntry e : engine.store().audit(instance)) {
      if (e.trigger().equals("contact policy") || e.trigger().startsWith("migration ")) {
        continue;
      }
      states.add(e.to());
    }
    return List.copyOf(states);
  }

  /**
   * Every instance that took a step, in the order first seen.
   *
   * @return the instance ids
   */
  public List<String> instances() {
    return List.copyOf(instances);
  }

  /**
   * An instance as it stands.
   *
   * @param instance the id
   * @return the instance
   * @throws IllegalArgumentException if there is none
   */
  public JourneyInstance instance(String instance) {
    return engine.store().find(instance).orElseThrow(
        () -> new IllegalArgumentException("no instance " + instance));
  }

  /**
   * The actions that reached the outbox, in order: asks the contact policy allowed and every
   * other action.
   *
   * @return the actions
   */
  public List<ActionRequest> actions() {
    return List.copyOf(actions);
  }

  /**
   * Every contact-policy decision, in order.
   *
   * @return the decisions
   */
  public List<AskDecision> asks() {
    return List.copyOf(asks);
  }

  /**
   * What the engine skipped or could not migrate, with reasons.
   *
   * @return the reasons
   */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  /**
   * The audit trail of an instance.
   *
   * @param instance the id
   * @return the entries
   */
  public List<AuditEntry> audit(String instance) {
    return engine.store().audit(instance);
  }

  /**
   * The contact policy, to record suppressions or read reservations.
   *
   * @return the policy
   */
  public ContactPolicy contactPolicy() {
    return policy;
  }

  /** Builds a {@link JourneySimulator}. Not thread-safe. */
  public static final class Builder {
    private final JourneyRegistry registry;
    private final Instant start;
    private final List<JourneyDefinition> definitions = new ArrayList<>();
    private final List<JourneyMigration> migrations = new ArrayList<>();
    private final Map<CustomerId, CustomerView> views = new HashMap<>();
    private ContactPolicy policy;

    private Builder(JourneyRegistry registry, Instant start) {
      this.registry = Objects.requireNonNull(registry, "registry");
      this.start = Objects.requireNonNull(start, "start");
    }

    /**
     * Adds a definition.
     *
     * @param definition the definition
     * @return this builder
     */
    public Builder journey(JourneyDefinition definition) {
      definitions.add(Objects.requireNonNull(definition, "definition"));
      return this;
    }

    /**
     * Adds a migration.
     *
     * @param migration the migration
     * @return this builder
     */
    public Builder migration(JourneyMigration migration) {
      migrations.add(Objects.requireNonNull(migration, "migration"));
      return this;
    }

    /**
     * Adds a customer with a tier (every motion eligible). Customers not added have a bare
     * profile: no consent, UTC, tier NONE.
     *
     * @param profile the profile
     * @param tier the tier
     * @return this builder
     * @throws IllegalStateException if the customer was added before
     */
    public Builder customer(CustomerProfile profile, AdvocateTier tier) {
      return customer(view(profile, tier));
    }

    /**
     * Adds a customer.
     *
     * @param view the customer's view
     * @return this builder
     * @throws IllegalStateException if the customer was added before
     */
    public Builder customer(CustomerView view) {
      Objects.requireNonNull(view, "view");
      if (views.putIfAbsent(view.profile().id(), view) != null) {
        throw new IllegalStateException("customer " + view.profile().id() + " added twice");
      }
      return this;
    }

    /**
     * The contact policy (default: {@link ContactPolicy#defaults()}).
     *
     * @param contactPolicy the policy
     * @return this builder
     * @throws IllegalStateException if set before
     */
    public Builder contactPolicy(ContactPolicy contactPolicy) {
      Objects.requireNonNull(contactPolicy, "contactPolicy");
      if (policy != null) {
        throw new IllegalStateException("contact policy set twice");
      }
      policy = contactPolicy;
      return this;
    }

    /**
     * Builds the simulator.
     *
     * @return the simulator
     */
    public JourneySimulator build() {
      return new JourneySimulator(this);
    }
  }
}
