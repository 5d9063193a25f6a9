package io.advocacy.journeys;

import io.advocacy.core.JourneyId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated journey: states, transitions, global exits, goals and a re-entry
 * policy, shared by every instance. Built with the fluent {@link Builder}:
 *
 * <pre>{@code
 * JourneyDefinition review = JourneyDefinition.builder(JourneyId.of("review-request"), 1)
 *     .startsOn(SignalType.PURCHASE_COMPLETED)
 *     .state("invited").onEntry("ask_review")
 *     .state("reminded").onEntry("remind_review")
 *     .terminal("reviewed").terminal("lapsed").terminal("exited")
 *     .from("invited").after(Duration.ofDays(3)).to("reminded")
 *     .from("reminded").after(Duration.ofDays(7)).to("lapsed")
 *     .anyState().on(SignalType.REVIEW_POSTED).to("reviewed").doing("thank_reviewer")
 *     .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
 *     .goal("reviewed", SignalType.REVIEW_POSTED)
 *     .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(90)))
 *     .build(registry);
 * }</pre>
 *
 * <p>{@link Builder#build} validates and reports every problem at once in a {@link
 * JourneyValidationException}: no start, unknown or duplicate states, unreachable states
 * (reachability follows transitions and global exits from the start), non-terminal dead ends
 * (no transition of their own and no global exit; reported even when the start is unknown), two
 * unguarded transitions on the same trigger from one state (counting the unguarded global exits,
 * which a state's own unguarded transition on the same signal would shadow), timers (and any
 * transition) out of terminal states, global exits on timers, guard or action names the
 * registry does not know, and action parameters of the form <code>${…}</code> that are none of
 * the references {@link JourneyMachine} replaces. {@link Builder#problems} returns the same list
 * without throwing.
 *
 * <p>Immutable; thread-safe.
 */
public final class JourneyDefinition {
  private final JourneyId id;
  private final int version;
  private final String start;
  private final @Nullable SignalType entry;
  private final @Nullable Named entryGuard;
  private final Map<String, StateSpec> states;
  private final List<TransitionSpec> transitions;
  private final Map<String, SignalType> goals;
  private final ReentryPolicy reentry;
  private final List<String> stateNames;
  private final Map<String, Integer> stateIndex;
  private final List<List<TransitionSpec>> outgoingByState;
  private final List<Map<Trigger, List<TransitionSpec>>> candidatesByState;

  private JourneyDefinition(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.start = Objects.requireNonNull(b.start);
    this.entry = b.entry;
    this.entryGuard = b.entryGuard;
    this.states = Collections.unmodifiableMap(new LinkedHashMap<>(b.states));
    this.transitions = List.copyOf(b.transitions);
    this.goals = Collections.unmodifiableMap(new LinkedHashMap<>(b.goals));
    this.reentry = b.reentry;
    List<String> names = List.copyOf(states.keySet());
    Map<String, Integer> index = new LinkedHashMap<>();
    List<List<TransitionSpec>> out = new ArrayList<>();
    List<Map<Trigger, List<TransitionSpec>>> byTrigger = new ArrayList<>();
    for (String name : names) {
      index.put(name, index.size());
      boolean terminal = states.get(name).terminal();
      List<TransitionSpec> own = new ArrayList<>();
      Map<Trigger, List<TransitionSpec>> lookup = new LinkedHashMap<>();
      for (int pass = 0; pass < 2; pass++) {
        for (TransitionSpec t : transitions) {
          boolean applies = pass == 0 ? name.equals(t.from()) : t.global() && !terminal;
          if (applies) {
            own.add(t);
            lookup.computeIfAbsent(t.trigger(), k -> new ArrayList<>()).add(t);
          }
        }
      }
      out.add(List.copyOf(own));
      Map<Trigger, List<TransitionSpec>> frozen = new LinkedHashMap<>();
      lookup.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      byTrigger.add(Collections.unmodifiableMap(frozen));
    }
    this.stateNames = names;
    this.stateIndex = Collections.unmodifiableMap(index);
    this.outgoingByState = List.copyOf(out);
    this.candidatesByState = List.copyOf(byTrigger);
  }

  /**
   * The states' names in declaration order; a state's position here is its index.
   *
   * @return the names, unmodifiable
   */
  public List<String> stateNames() {
    return stateNames;
  }

  /**
   * The small integer index of a state, stable for this definition (declaration order), so an
   * engine can keep an instance's state as an {@code int}.
   *
   * @param state the state's name
   * @return its index, or -1 if the journey has no such state
   */
  public int stateIndex(String state) {
    Integer i = stateIndex.get(Objects.requireNonNull(state, "state"));
    return i == null ? -1 : i;
  }

  /**
   * The name of the state at an index.
   *
   * @param index an index from {@link #stateIndex}
   * @return the state's name
   * @throws IndexOutOfBoundsException if no state has that index
   */
  public String stateName(int index) {
    return stateNames.get(index);
  }

  /**
   * Whether the state at an index is terminal.
   *
   * @param index an index from {@link #stateIndex}
   * @return true for a terminal state
   * @throws IndexOutOfBoundsException if no state has that index
   */
  public boolean isTerminal(int index) {
    return states.get(stateNames.get(index)).terminal();
  }

  /**
   * The transitions that leave a state on a trigger, precomputed: the state's own first, then
   * the global exits (for a non-terminal state), in declaration order. The engine evaluates their
   * guards in this order and takes the first that passes. Trigger equality is record equality
   * (same signal type; same delay; same local time; same attribute and time).
   *
   * @param index an index from {@link #stateIndex}
   * @param trigger the trigger that fired
   * @return the candidates, unmodifiable, empty when none
   * @throws IndexOutOfBoundsException if no state has that index
   */
  public List<TransitionSpec> candidates(int index, Trigger trigger) {
    List<TransitionSpec> c =
        candidatesByState.get(index).get(Objects.requireNonNull(trigger, "trigger"));
    return c == null ? List.of() : c;
  }

  /**
   * The distinct triggers that can leave a state (own transitions and applicable global exits),
   * in first-declared order; an engine entering the state schedules a timer per timer trigger.
   *
   * @param index an index from {@link #stateIndex}
   * @return the triggers, unmodifiable
   * @throws IndexOutOfBoundsException if no state has that index
   */
  public Set<Trigger> triggers(int index) {
    return candidatesByState.get(index).keySet();
  }

  /**
   * A builder.
   *
   * @param id the journey's id
   * @param version its version, at least 1
   * @return a new builder
   */
  public static Builder builder(JourneyId id, int version) {
    return new Builder(id, version);
  }

  /**
   * The id.
   *
   * @return the journey's id
   */
  public JourneyId id() {
    return id;
  }

  /**
   * The version.
   *
   * @return the version
   */
  public int version() {
    return version;
  }

  /**
   * The start state.
   *
   * @return its name
   */
  public String start() {
    return start;
  }

  /**
   * The signal type that starts an instance, if any (else the host starts instances).
   *
   * @return the entry type, or null
   */
  public @Nullable SignalType entry() {
    return entry;
  }

  /**
   * The guard on entry, if any.
   *
   * @return the guard, or null
   */
  public @Nullable Named entryGuard() {
    return entryGuard;
  }

  /**
   * The states in declaration order.
   *
   * @return the states by name
   */
  public Map<String, StateSpec> states() {
    return states;
  }

  /**
   * The transitions, global exits included, in declaration order.
   *
   * @return the transitions
   */
  public List<TransitionSpec> transitions() {
    return transitions;
  }

  /**
   * The goals: conversion criteria by name.
   *
   * @return the goals
   */
  public Map<String, SignalType> goals() {
    return goals;
  }

  /**
   * The re-entry policy.
   *
   * @return the policy
   */
  public ReentryPolicy reentry() {
    return reentry;
  }

  /**
   * The transitions that can leave a state: its own, then the global exits (for a non-terminal
   * state), in declaration order.
   *
   * @param state the state's name
   * @return the candidate transitions
   */
  public List<TransitionSpec> outgoing(String state) {
    int i = stateIndex(state);
    return i < 0 ? List.of() : outgoingByState.get(i);
  }

  /**
   * Value equality: same id, version, start, entry and entry guard, states (with their
   * actions), transitions in the same order, goals and re-entry policy. A definition read back
   * from its JSON equals the original.
   *
   * @param o another object
   * @return true when both define the same journey
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JourneyDefinition d
        && id.equals(d.id) && version == d.version && start.equals(d.start)
        && Objects.equals(entry, d.entry) && Objects.equals(entryGuard, d.entryGuard)
        && stateNames.equals(d.stateNames) && states.equals(d.states)
        && transitions.equals(d.transitions) && goals.equals(d.goals)
        && reentry.equals(d.reentry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, start, entry, entryGuard, states, transitions, goals, reentry);
  }

  @Override
  public String toString() {
    return "JourneyDefinition[" + id + " v" + version + ", " + states.size() + " states]";
  }

  /**
   * The fluent builder. Not thread-safe. State and transition methods add to the journey;
   * {@link #when} and {@link #doing} apply to the transition added last.
   */
  public static final class Builder {
    private final JourneyId id;
    private final int version;
    private @Nullable String start;
    private @Nullable SignalType entry;
    private @Nullable Named entryGuard;
    private final Map<String, StateSpec> states = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<TransitionSpec> transitions = new ArrayList<>();
    private final Map<String, SignalType> goals = new LinkedHashMap<>();
    private ReentryPolicy reentry = ReentryPolicy.NEVER;
    private @Nullable String lastState;
    private @Nullable String from;
    private boolean fromAny;
    private @Nullable Trigger trigger;

    private Builder(JourneyId id, int version) {
      this.id = Objects.requireNonNull(id, "id");
      if (version < 1) {
        throw new IllegalArgumentException("journey version " + version + " is below 1");
      }
      this.version = version;
    }

    /**
     * The signal type that starts an instance.
     *
     * @param type the type
     * @return this builder
     */
    public Builder startsOn(SignalType type) {
      this.entry = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * A guard on entry.
     *
     * @param guard the registered guard's name
     * @return this builder
     */
    public Builder entryGuard(String guard) {
      this.entryGuard = Named.of(guard);
      return this;
    }

    /**
     * A guard on entry, with its parameters (a threshold, say), which the guard reads from its
     * {@link GuardContext#params()}.
     *
     * @param guard a reference to the registered guard
     * @return this builder
     */
    public Builder entryGuard(Named guard) {
      this.entryGuard = Objects.requireNonNull(guard, "guard");
      return this;
    }

    /**
     * Adds a non-terminal state; the first state added is the start unless {@link #start} says
     * otherwise.
     *
     * @param name the state's name
     * @return this builder
     */
    public Builder state(String name) {
      return add(new StateSpec(name, false, List.of(), List.of()));
    }

    /**
     * Adds a terminal state.
     *
     * @param name the state's name
     * @return this builder
     */
    public Builder terminal(String name) {
      return add(new StateSpec(name, true, List.of(), List.of()));
    }

    private Builder add(StateSpec s) {
      if (states.containsKey(s.name())) {
        duplicates.add(s.name());
      } else {
        states.put(s.name(), s);
      }
      if (start == null && !s.terminal()) {
        start = s.name();
      }
      lastState = s.name();
      return this;
    }

    /**
     * The start state.
     *
     * @param name the state's name
     * @return this builder
     */
    public Builder start(String name) {
      this.start = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Entry actions of the state added last.
     *
     * @param actions registered action names
     * @return this builder
     */
    public Builder onEntry(String... actions) {
      StateSpec s = last();
      states.put(s.name(), new StateSpec(s.name(), s.terminal(), concat(s.onEntry(), actions),
          s.onExit()));
      return this;
    }

    /**
     * Exit actions of the state added last.
     *
     * @param actions registered action names
     * @return this builder
     */
    public Builder onExit(String... actions) {
      StateSpec s = last();
      states.put(s.name(), new StateSpec(s.name(), s.terminal(), s.onEntry(),
          concat(s.onExit(), actions)));
      return this;
    }

    /**
     * Entry actions of the state added last, with their parameters (an ask's {@code motion}
     * and {@code channel}, say).
     *
     * @param actions references to registered actions
     * @return this builder
     */
    public Builder onEntry(Named... actions) {
      StateSpec s = last();
      List<Named> all = new ArrayList<>(s.onEntry());
      all.addAll(List.of(actions));
      states.put(s.name(), new StateSpec(s.name(), s.terminal(), all, s.onExit()));
      return this;
    }

    private StateSpec last() {
      if (lastState == null) {
        throw new IllegalStateException("no state added yet");
      }
      return states.get(lastState);
    }

    private static List<Named> concat(List<Named> list, String... names) {
      List<Named> out = new ArrayList<>(list);
      for (String n : names) {
        out.add(Named.of(n));
      }
      return out;
    }

    /**
     * Starts a transition from a state.
     *
     * @param state the source state
     * @return this builder
     */
    public Builder from(String state) {
      this.from = Objects.requireNonNull(state, "state");
      this.fromAny = false;
      this.trigger = null;
      return this;
    }

    /**
     * Starts a global exit: a transition from any non-terminal state.
     *
     * @return this builder
     */
    public Builder anyState() {
      this.from = null;
      this.fromAny = true;
      this.trigger = null;
      return this;
    }

    /**
     * Fires on a signal type.
     *
     * @param type the type
     * @return this builder
     */
    public Builder on(SignalType type) {
      return trigger(new Trigger.OnSignal(type));
    }

    /**
     * Fires a time after entering the state.
     *
     * @param delay the delay
     * @return this builder
     */
    public Builder after(Duration delay) {
      return trigger(new Trigger.After(delay));
    }

    /**
     * Fires at the next occurrence of a local time in the customer's zone.
     *
     * @param time the local time
     * @return this builder
     */
    public Builder atNext(LocalTime time) {
      return trigger(new Trigger.AtLocalTime(time));
    }

    /**
     * Fires on the next anniversary of a dated profile attribute, at a local time.
     *
     * @param attribute the dated attribute, e.g. {@code "customer_since"}
     * @param time the local time
     * @return this builder
     */
    public Builder onAnniversary(String attribute, LocalTime time) {
      return trigger(new Trigger.Anniversary(attribute, time));
    }

    /**
     * Fires at once on entering the state.
     *
     * @return this builder
     */
    public Builder immediately() {
      return trigger(new Trigger.Immediately());
    }

    private Builder trigger(Trigger t) {
      if (from == null && !fromAny) {
        throw new IllegalStateException("call from(state) or anyState() before the trigger " + t);
      }
      this.trigger = t;
      return this;
    }

    /**
     * Completes the transition to a state.
     *
     * @param state the target state
     * @return this builder
     */
    public Builder to(String state) {
      if (trigger == null) {
        throw new IllegalStateException("the transition to " + state + " has no trigger");
      }
      transitions.add(new TransitionSpec(from, state, trigger, null, List.of()));
      trigger = null;
      return this;
    }

    /**
     * A guard on the transition added last.
     *
     * @param guard the registered guard's name
     * @return this builder
     */
    public Builder when(String guard) {
      TransitionSpec t = lastTransition();
      transitions.set(transitions.size() - 1,
          new TransitionSpec(t.from(), t.to(), t.trigger(), Named.of(guard), t.actions()));
      return this;
    }

    /**
     * Actions of the transition added last.
     *
     * @param actions registered action names
     * @return this builder
     */
    public Builder doing(String... actions) {
      TransitionSpec t = lastTransition();
      transitions.set(transitions.size() - 1,
          new TransitionSpec(t.from(), t.to(), t.trigger(), t.guard(), concat(t.actions(), actions)));
      return this;
    }

    /**
     * Actions of the transition added last, with their parameters.
     *
     * @param actions references to registered actions
     * @return this builder
     */
    public Builder doing(Named... actions) {
      TransitionSpec t = lastTransition();
      List<Named> all = new ArrayList<>(t.actions());
      all.addAll(List.of(actions));
      transitions.set(transitions.size() - 1,
          new TransitionSpec(t.from(), t.to(), t.trigger(), t.guard(), all));
      return this;
    }

    private TransitionSpec lastTransition() {
      if (transitions.isEmpty()) {
        throw new IllegalStateException("no transition added yet");
      }
      return transitions.get(transitions.size() - 1);
    }

    /**
     * A goal: the journey converted when a signal of the type arrives.
     *
     * @param name the goal's name, a machine name ({@code [a-z][a-z0-9_.-]{0,63}})
     * @param type the signal type
     * @return this builder
     * @throws IllegalArgumentException when the name is not a machine name
     */
    public Builder goal(String name, SignalType type) {
      goals.put(Require.name("goal name", name), Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * The re-entry policy (default: never).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder reentry(ReentryPolicy policy) {
      this.reentry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Adds a transition given whole (used by the JSON reader).
     *
     * @param transition the transition
     * @return this builder
     */
    public Builder transition(TransitionSpec transition) {
      transitions.add(Objects.requireNonNull(transition, "transition"));
      return this;
    }

    /**
     * Adds a state given whole (used by the JSON reader).
     *
     * @param state the state
     * @return this builder
     */
    public Builder state(StateSpec state) {
      return add(state);
    }

    /**
     * Every problem of the journey as it stands, without throwing.
     *
     * @param registry the guards and actions names may refer to
     * @return the problems; empty when the journey is valid
     */
    public List<DefinitionProblem> problems(JourneyRegistry registry) {
      List<DefinitionProblem> p = new ArrayList<>();
      for (String d : duplicates) {
        p.add(new DefinitionProblem(DefinitionProblem.Code.DUPLICATE_STATE, d,
            "state " + d + " is declared twice"));
      }
      if (start == null || !states.containsKey(start)) {
        p.add(new DefinitionProblem(DefinitionProblem.Code.NO_START, String.valueOf(start),
            start == null ? "the journey has no start state" : "start " + start + " is not a state"));
      }
      for (TransitionSpec t : transitions) {
        String where = (t.global() ? "*" : t.from()) + " -> " + t.to();
        if (!t.global() && !states.containsKey(t.from())) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_STATE, where,
              "state " + t.from() + " is not declared"));
        }
        if (!states.containsKey(t.to())) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_STATE, where,
              "state " + t.to() + " is not declared"));
        }
        if (t.global() && t.trigger().isTimer()) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.GLOBAL_TIMER, where,
              "a global exit fires on signals only, not " + t.trigger().label()));
        }
        StateSpec source = t.global() ? null : states.get(t.from());
        if (source != null && source.terminal()) {
          p.add(t.trigger().isTimer()
              ? new DefinitionProblem(DefinitionProblem.Code.TIMER_ON_TERMINAL, where,
                  "terminal state " + t.from() + " has a timer: " + t.trigger().label())
              : new DefinitionProblem(DefinitionProblem.Code.TRANSITION_FROM_TERMINAL, where,
                  "terminal state " + t.from() + " has a transition " + t.trigger().label()));
        }
        if (t.guard() != null && registry.guard(t.guard().name()).isEmpty()) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_GUARD, where,
              "guard " + t.guard().name() + " is not registered"));
        }
        for (Named a : t.actions()) {
          unknownAction(registry, a, where, p);
        }
      }
      if (entryGuard != null && registry.guard(entryGuard.name()).isEmpty()) {
        p.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_GUARD, "entry",
            "guard " + entryGuard.name() + " is not registered"));
      }
      for (StateSpec s : states.values()) {
        for (Named a : s.onEntry()) {
          unknownAction(registry, a, s.name() + " (entry)", p);
        }
        for (Named a : s.onExit()) {
          unknownAction(registry, a, s.name() + " (exit)", p);
        }
      }
      ambiguities(p);
      reachabilityAndDeadEnds(p);
      return List.copyOf(p);
    }

    private static void unknownAction(JourneyRegistry r, Named a, String where,
        List<DefinitionProblem> p) {
      if (r.action(a.name()).isEmpty()) {
        p.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_ACTION, where,
            "action " + a.name() + " is not registered"));
      }
      a.params().forEach((key, value) -> {
        if (JourneyMachine.reference(value) && !JourneyMachine.knownReference(value)) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_REFERENCE, where,
              "action " + a.name() + " parameter " + key + ": " + value + " is none of "
                  + JourneyMachine.SIGNAL_VALUE + ", " + JourneyMachine.SIGNAL_ID + ", "
                  + JourneyMachine.SIGNAL_TYPE + ", ${attribute:<name>}, ${variable:<name>}"));
        }
      });
    }

    private void ambiguities(List<DefinitionProblem> p) {
      Set<String> seen = new HashSet<>();
      for (TransitionSpec t : transitions) {
        if (t.guard() != null || t.global()) {
          continue;
        }
        String key = t.from() + "|" + t.trigger();
        if (!seen.add(key)) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.AMBIGUOUS, t.from() + "",
              "two unguarded transitions from " + t.from() + " " + t.trigger().label()));
        }
      }
      Map<Trigger, TransitionSpec> unguardedGlobal = new LinkedHashMap<>();
      for (TransitionSpec t : transitions) {
        if (t.global() && t.guard() == null
            && unguardedGlobal.putIfAbsent(t.trigger(), t) != null) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.AMBIGUOUS, "*",
              "two unguarded global exits " + t.trigger().label()));
        }
      }
      // a state's own transitions come before the global exits, so an unguarded one on the
      // same signal leaves the global exit no chance from that state
      Set<String> shadowed = new HashSet<>();
      for (TransitionSpec t : transitions) {
        TransitionSpec exit = unguardedGlobal.get(t.trigger());
        StateSpec source = t.global() ? null : states.get(t.from());
        if (exit == null || t.guard() != null || t.trigger().isTimer() || source == null
            || source.terminal() || !shadowed.add(t.from() + "|" + t.trigger())) {
          continue;
        }
        p.add(new DefinitionProblem(DefinitionProblem.Code.AMBIGUOUS, t.from() + "",
            "unguarded transition from " + t.from() + " to " + t.to() + " "
                + t.trigger().label() + " shadows the unguarded global exit to " + exit.to()));
      }
    }

    private void reachabilityAndDeadEnds(List<DefinitionProblem> p) {
      // without a declared start nothing can be said about reachability; dead ends do not
      // depend on the start, so they are reported either way
      Set<String> reached = start != null && states.containsKey(start) ? reached(start) : null;
      boolean hasGlobal = transitions.stream().anyMatch(TransitionSpec::global);
      for (StateSpec s : states.values()) {
        if (reached != null && !reached.contains(s.name())) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.UNREACHABLE, s.name(),
              "state " + s.name() + " cannot be reached from " + start));
        }
        boolean ownWayOut = transitions.stream().anyMatch(t -> s.name().equals(t.from()));
        if (!s.terminal() && !ownWayOut && !hasGlobal) {
          p.add(new DefinitionProblem(DefinitionProblem.Code.DEAD_END, s.name(),
              "non-terminal state " + s.name() + " has no way out"));
        }
      }
    }

    private Set<String> reached(String from) {
      Set<String> reached = new HashSet<>();
      Deque<String> queue = new ArrayDeque<>();
      reached.add(from);
      queue.add(from);
      while (!queue.isEmpty()) {
        String s = queue.poll();
        StateSpec spec = states.get(s);
        for (TransitionSpec t : transitions) {
          boolean applies = s.equals(t.from()) || (t.global() && spec != null && !spec.terminal());
          if (applies && states.containsKey(t.to()) && reached.add(t.to())) {
            queue.add(t.to());
          }
        }
      }
      return reached;
    }

    /**
     * Validates and builds the definition.
     *
     * @param registry the guards and actions names may refer to
     * @return the definition
     * @throws JourneyValidationException listing every problem
     */
    public JourneyDefinition build(JourneyRegistry registry) {
      List<DefinitionProblem> p = problems(registry);
      if (!p.isEmpty()) {
        throw new JourneyValidationException(id + " v" + version, p);
      }
      return new JourneyDefinition(this);
    }
  }
}
