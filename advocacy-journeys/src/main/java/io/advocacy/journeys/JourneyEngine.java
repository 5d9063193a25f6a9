package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.signal.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Runs journeys over an {@link InstanceStore}: routes each signal to the customer's running
 * instances, starts journeys whose entry signal it is (within their re-entry policy), fires
 * due timers on {@link #tick}, and commits every step — instance, outbox actions, audit — in
 * one {@link InstanceStore#commit} with the revision it read.
 *
 * <ul>
 *   <li>A signal id already handled within the de-duplication horizon (default 30 days of event
 *       time) changes nothing; ids cost one map entry each until {@link #forgetBefore}.
 *   <li>Signals of one customer are applied one at a time (a lock per customer stripe, 64
 *       stripes); different customers proceed in parallel. The engine starts no threads.
 *   <li>Instance ids are deterministic: {@code <journey>:<customer>:<n>} for the customer's n-th
 *       instance of the journey.
 *   <li>Instances stay on the definition version they started with; a version the engine no
 *       longer holds is skipped and reported in the result.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class JourneyEngine {
  private static final int STRIPES = 64;

  private final InstanceStore store;
  private final Map<String, JourneyMachine> machines;
  private final Function<CustomerId, CustomerView> customers;
  private final ConcurrentMap<String, Instant> handled = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[STRIPES];

  private JourneyEngine(Builder b) {
    this.store = b.store;
    this.machines = Map.copyOf(b.machines);
    this.customers = b.customers;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * A builder.
   *
   * @param store the instance store
   * @param registry the guards and actions
   * @param customers the host's view of a customer
   * @return a new builder
   */
  public static Builder builder(InstanceStore store, JourneyRegistry registry,
      Function<CustomerId, CustomerView> customers) {
    return new Builder(store, registry, customers);
  }

  /**
   * What handling a signal or a tick did.
   *
   * @param steps the steps committed, in order
   * @param duplicate true when the signal id was handled before
   * @param skipped instances not advanced, with the reason (an unknown definition version, a
   *     conflict with another writer)
   */
  public record Result(List<Step> steps, boolean duplicate, List<String> skipped) {
    /**
     * Copies the result.
     *
     * @param steps the steps
     * @param duplicate whether a duplicate
     * @param skipped the skipped instances with reasons
     */
    public Result {
      steps = List.copyOf(steps);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Handles a signal.
   *
   * @param signal the signal
   * @return the steps committed
   */
  public Result handle(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (!(signal.subject() instanceof CustomerId customer)) {
      return new Result(List.of(), false, List.of("anonymous subject " + signal.subject()));
    }
    if (handled.putIfAbsent(signal.id().value(), signal.occurredAt()) != null) {
      return new Result(List.of(), true, List.of());
    }
    List<Step> steps = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    synchronized (lock(customer)) {
      CustomerView view = customers.apply(customer);
      List<JourneyInstance> existing = store.byCustomer(customer);
      for (JourneyInstance i : existing) {
        if (!i.running()) {
          continue;
        }
        JourneyMachine m = machines.get(key(i.journey().value(), i.definitionVersion()));
        if (m == null) {
          skipped.add(i.id() + ": no definition " + i.journey() + " v" + i.definitionVersion());
          continue;
        }
        Step s = m.onSignal(i, signal, view);
        if (!s.instance().equals(i)) {
          commit(s, i.revision(), steps, skipped);
        }
      }
      for (JourneyMachine m : latest().values()) {
        JourneyDefinition d = m.definition();
        if (d.entry() == null || !d.entry().equals(signal.type())
            || !mayEnter(d, existing, signal.occurredAt())) {
          continue;
        }
        long n = existing.stream().filter(i -> i.journey().equals(d.id())).count() + 1;
        String id = d.id().value() + ":" + customer.value() + ":" + n;
        m.start(id, view, signal, signal.occurredAt())
            .ifPresent(s -> commit(s, -1, steps, skipped));
      }
    }
    return new Result(steps, false, skipped);
  }

  /**
   * Fires every timer due at or before an instant, at most {@code limit} instances per call,
   * earliest due first. Overdue timers after downtime fire once, in due order.
   *
   * @param now the instant
   * @param limit the most instances to advance
   * @return the steps committed
   */
  public Result tick(Instant now, int limit) {
    List<Step> steps = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JourneyInstance due : store.due(now, limit)) {
      synchronized (lock(due.customer())) {
        JourneyInstance i = store.find(due.id()).orElse(due);
        JourneyMachine m = machines.get(key(i.journey().value(), i.definitionVersion()));
        if (m == null) {
          skipped.add(i.id() + ": no definition " + i.journey() + " v" + i.definitionVersion());
          continue;
        }
        Step s = m.onTimers(i, now, customers.apply(i.customer()));
        if (!s.instance().equals(i)) {
          commit(s, i.revision(), steps, skipped);
        }
      }
    }
    return new Result(steps, false, skipped);
  }

  /**
   * Forgets handled signal ids of events before an instant (now minus the horizon, say).
   *
   * @param cutoff ids of events strictly before it are forgotten
   * @return how many were forgotten
   */
  public int forgetBefore(Instant cutoff) {
    int before = handled.size();
    handled.values().removeIf(at -> at.isBefore(cutoff));
    return before - handled.size();
  }

  /**
   * The store.
   *
   * @return the instance store
   */
  public InstanceStore store() {
    return store;
  }

  private void commit(Step s, long expected, List<Step> steps, List<String> skipped) {
    if (store.commit(new Commit(s.instance(), expected, s.actions(), s.audit()))) {
      steps.add(s);
    } else {
      skipped.add(s.instance().id() + ": another writer moved it first (revision " + expected + ")");
    }
  }

  private static boolean mayEnter(JourneyDefinition d, List<JourneyInstance> existing, Instant at) {
    Instant lastEnd = null;
    for (JourneyInstance i : existing) {
      if (!i.journey().equals(d.id())) {
        continue;
      }
      if (i.running()) {
        return false;
      }
      if (lastEnd == null || i.endedAt().isAfter(lastEnd)) {
        lastEnd = i.endedAt();
      }
    }
    if (lastEnd == null) {
      return true;
    }
    return switch (d.reentry().kind()) {
      case NEVER -> false;
      case ALWAYS -> true;
      case AFTER_COOLDOWN -> !at.isBefore(lastEnd.plus(d.reentry().cooldown()));
    };
  }

  private Map<String, JourneyMachine> latest() {
    Map<String, JourneyMachine> newest = new LinkedHashMap<>();
    for (JourneyMachine m : machines.values()) {
      newest.merge(m.definition().id().value(), m,
          (a, b) -> a.definition().version() >= b.definition().version() ? a : b);
    }
    return newest;
  }

  private Object lock(CustomerId customer) {
    return locks[Math.floorMod(customer.value().hashCode(), STRIPES)];
  }

  private static String key(String journey, int version) {
    return journey + "#" + version;
  }

  /** Builds a {@link JourneyEngine}. Not thread-safe. */
  public static final class Builder {
    private final InstanceStore store;
    private final JourneyRegistry registry;
    private final Function<CustomerId, CustomerView> customers;
    private final Map<String, JourneyMachine> machines = new LinkedHashMap<>();

    private Builder(InstanceStore store, JourneyRegistry registry,
        Function<CustomerId, CustomerView> customers) {
      this.store = Objects.requireNonNull(store, "store");
      this.registry = Objects.requireNonNull(registry, "registry");
      this.customers = Objects.requireNonNull(customers, "customers");
    }

    /**
     * Adds a journey definition; several versions of one journey may be added: new instances
     * start on the highest, running ones stay on theirs.
     *
     * @param definition the definition
     * @return this builder
     * @throws IllegalStateException if that id and version were added before
     */
    public Builder journey(JourneyDefinition definition) {
      String k = key(definition.id().value(), definition.version());
      if (machines.putIfAbsent(k, new JourneyMachine(definition, registry)) != null) {
        throw new IllegalStateException("journey " + k + " added twice");
      }
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     */
    public JourneyEngine build() {
      return new JourneyEngine(this);
    }
  }
}
