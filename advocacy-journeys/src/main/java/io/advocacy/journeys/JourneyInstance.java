package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One customer's run through a journey: a small plain value the host can persist and rehydrate
 * without replaying events.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the instance's id
 * @param journey the definition's id
 * @param definitionVersion the definition version it runs on
 * @param customer the customer
 * @param state the current state
 * @param enteredAt when it entered the current state
 * @param variables its variables
 * @param timers the timers it waits on, earliest first
 * @param goals the goals reached
 * @param endedAt when it reached a terminal state, or null while running
 * @param revision incremented by every step, for optimistic concurrency in a store
 * @param heldAsks asks the contact policy deferred, waiting in this state to be decided again
 */
public record JourneyInstance(
    String id,
    JourneyId journey,
    int definitionVersion,
    CustomerId customer,
    String state,
    Instant enteredAt,
    Map<String, String> variables,
    List<PendingTimer> timers,
    Set<String> goals,
    @Nullable Instant endedAt,
    long revision,
    List<HeldAsk> heldAsks) {
  private static final Comparator<PendingTimer> TIMER_ORDER =
      Comparator.comparing(PendingTimer::dueAt).thenComparingInt(PendingTimer::transition);

  /**
   * Validates and copies the instance.
   *
   * @param id the instance's id
   * @param journey the journey
   * @param definitionVersion the definition version
   * @param customer the customer
   * @param state the state
   * @param enteredAt when it entered the state
   * @param variables the variables
   * @param timers the timers
   * @param goals the goals reached
   * @param endedAt when it ended, or null
   * @param revision the revision, not negative
   * @param heldAsks the deferred asks
   */
  public JourneyInstance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(journey, "journey");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(enteredAt, "enteredAt");
    // The common cases copy nothing: no variables, variables another instance already copied,
    // and timers already in order in an unmodifiable list (List.copyOf keeps such a list).
    if (!(variables instanceof SortedVariables)) {
      variables = variables.isEmpty() ? Map.of() : new SortedVariables(variables);
    }
    timers = inOrder(timers) ? List.copyOf(timers) : timers.stream().sorted(TIMER_ORDER).toList();
    goals = Set.copyOf(goals);
    if (revision < 0) {
      throw new IllegalArgumentException("revision " + revision + " is negative");
    }
    heldAsks = heldAsks.isEmpty() ? List.of() : heldAsks.stream()
        .sorted(Comparator.comparing(HeldAsk::retryAt)
            .thenComparing(h -> h.action().idempotencyKey())).toList();
  }

  /**
   * An instance holding no deferred asks.
   *
   * @param id the instance's id
   * @param journey the journey
   * @param definitionVersion the definition version
   * @param customer the customer
   * @param state the state
   * @param enteredAt when it entered the state
   * @param variables the variables
   * @param timers the timers
   * @param goals the goals reached
   * @param endedAt when it ended, or null
   * @param revision the revision, not negative
   */
  public JourneyInstance(String id, JourneyId journey, int definitionVersion, CustomerId customer,
      String state, Instant enteredAt, Map<String, String> variables, List<PendingTimer> timers,
      Set<String> goals, @Nullable Instant endedAt, long revision) {
    this(id, journey, definitionVersion, customer, state, enteredAt, variables, timers, goals,
        endedAt, revision, List.of());
  }

  /**
   * The same instance holding other deferred asks.
   *
   * @param held the deferred asks
   * @return the instance
   */
  public JourneyInstance withHeldAsks(List<HeldAsk> held) {
    if (held.isEmpty() && heldAsks.isEmpty()) {
      return this;
    }
    return new JourneyInstance(id, journey, definitionVersion, customer, state, enteredAt,
        variables, timers, goals, endedAt, revision, held);
  }

  /**
   * Variables copied into name order and kept unmodifiable; an instance made from another
   * instance's variables shares them instead of copying them again.
   */
  private static final class SortedVariables extends AbstractMap<String, String> {
    private final Map<String, String> sorted;

    SortedVariables(Map<String, String> variables) {
      this.sorted = Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return sorted.entrySet();
    }

    @Override
    public int size() {
      return sorted.size();
    }

    @Override
    public @Nullable String get(@Nullable Object key) {
      return sorted.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return sorted.containsKey(key);
    }
  }

  private static boolean inOrder(List<PendingTimer> timers) {
    for (int i = 1; i < timers.size(); i++) {
      if (TIMER_ORDER.compare(timers.get(i - 1), timers.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the instance still runs.
   *
   * @return true before it reaches a terminal state
   */
  public boolean running() {
    return endedAt == null;
  }

  /**
   * The earliest timer or held ask: when a {@code tick} has something to do for this instance.
   *
   * @return the instant it is due, or empty
   */
  public Optional<Instant> nextDue() {
    Instant timer = timers.isEmpty() ? null : timers.get(0).dueAt();
    Instant ask = heldAsks.isEmpty() ? null : heldAsks.get(0).retryAt();
    if (timer == null) {
      return Optional.ofNullable(ask);
    }
    return Optional.of(ask == null || timer.isBefore(ask) ? timer : ask);
  }
}
