package io.advocacy.journeys;

import io.advocacy.core.signal.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs instances of one definition: the bare state machine, with no store and no threads. Every
 * method takes an instance value and returns a {@link Step} with the next value, the actions
 * emitted and the audit of transitions; nothing is kept here.
 *
 * <ul>
 *   <li>A signal fires the first matching transition of the current state whose guard passes,
 *       then the first matching global exit; a signal whose type is a goal marks the goal.
 *   <li>Timers fire oldest first; a timer belongs to the state it was set in and is dropped
 *       when the state is left. {@code after} counts from entering the state; {@code atNext}
 *       is the next occurrence of the local time in the customer's zone (a time that does not
 *       exist on a spring-forward day is taken an hour later, as the zone rules shift it);
 *       {@code onAnniversary} is the next anniversary of the profile's dated attribute at that
 *       local time (29 February falls on 28 February in other years; no timer when the profile
 *       has no such date).
 *   <li>{@code immediately} transitions fire on entering a state, chained up to 32 deep.
 *   <li>Actions: the exit actions of the state left, the transition's, then the entry actions of
 *       the state entered; each with the idempotency key {@code <instance>:r<revision>:<source>:
 *       <position>}, where the revision is the instance's after the step.
 *   <li>A guard that throws counts as false; the audit notes it.
 * </ul>
 *
 * <p>Immutable and thread-safe (if the registry's guards are).
 */
public final class JourneyMachine {
  private static final int MAX_CHAIN = 32;

  /** What {@link #guard} answers when the guard passes. */
  private static final String PASS = new String("pass");
  /** What {@link #guard} answers when the guard says no without a note. */
  private static final String FAIL = new String("fail");

  private final JourneyDefinition definition;
  private final JourneyRegistry registry;
  // Precomputed per transition index: the trigger's label and the action-key source "t<index>".
  private final String[] labels;
  private final String[] sources;
  // Precomputed per state index: the definition's outgoing transitions, their indices in
  // transitions() (as indexOf finds them), whether the state sets timers, whether it has
  // transitions that fire immediately.
  private final List<List<TransitionSpec>> outgoing;
  private final int[][] outgoingIndex;
  private final boolean[] setsTimers;
  private final boolean[] hasImmediate;
  private final StateSpec[] stateSpecs;
  private final Resolved[][] onEntry;
  private final Resolved[][] onExit;
  // Per transition index: the target's state index, the guard (or null), the actions.
  private final int[] toIndex;
  private final @Nullable Resolved[] guards;
  private final Resolved[][] actions;
  private final @Nullable Resolved entryGuard;
  private final String entryLabel;
  private final String[] goalNames;
  private final io.advocacy.core.signal.SignalType[] goalTypes;

  /**
   * A guard or action reference resolved from the registry once: the guard (null when not
   * registered) or the action's kind, and the parameters as an immutable map that the guard
   * context and the action request keep without copying.
   */
  private record Resolved(Named named, @Nullable Guard guard, ActionKind kind,
      Map<String, String> params) {}

  private Resolved guardOf(Named n) {
    return new Resolved(n, registry.guard(n.name()).orElse(null), ActionKind.CUSTOM,
        Map.copyOf(n.params()));
  }

  private Resolved[] actionsOf(List<Named> names) {
    Resolved[] out = new Resolved[names.size()];
    for (int k = 0; k < out.length; k++) {
      Named n = names.get(k);
      out[k] = new Resolved(n, null, registry.action(n.name()).orElse(ActionKind.CUSTOM),
          Map.copyOf(n.params()));
    }
    return out;
  }

  /**
   * A machine.
   *
   * @param definition the definition, validated against the registry
   * @param registry the guards and actions
   */
  public JourneyMachine(JourneyDefinition definition, JourneyRegistry registry) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.registry = Objects.requireNonNull(registry, "registry");
    List<TransitionSpec> all = definition.transitions();
    labels = new String[all.size()];
    sources = new String[all.size()];
    toIndex = new int[all.size()];
    guards = new Resolved[all.size()];
    actions = new Resolved[all.size()][];
    for (int i = 0; i < all.size(); i++) {
      TransitionSpec t = all.get(i);
      labels[i] = t.trigger().label();
      sources[i] = "t" + i;
      toIndex[i] = definition.stateIndex(t.to());
      guards[i] = t.guard() == null ? null : guardOf(t.guard());
      actions[i] = actionsOf(t.actions());
    }
    entryGuard = definition.entryGuard() == null ? null : guardOf(definition.entryGuard());
    entryLabel = definition.entry() == null ? "start" : "on " + definition.entry().name();
    goalNames = definition.goals().keySet().toArray(new String[0]);
    goalTypes = definition.goals().values().toArray(new io.advocacy.core.signal.SignalType[0]);
    int n = definition.stateNames().size();
    outgoing = new ArrayList<>(n);
    outgoingIndex = new int[n][];
    setsTimers = new boolean[n];
    hasImmediate = new boolean[n];
    stateSpecs = new StateSpec[n];
    onEntry = new Resolved[n][];
    onExit = new Resolved[n][];
    for (int s = 0; s < n; s++) {
      String name = definition.stateName(s);
      stateSpecs[s] = definition.states().get(name);
      onEntry[s] = actionsOf(stateSpecs[s].onEntry());
      onExit[s] = actionsOf(stateSpecs[s].onExit());
      List<TransitionSpec> out = definition.outgoing(name);
      outgoing.add(out);
      outgoingIndex[s] = new int[out.size()];
      for (int k = 0; k < out.size(); k++) {
        TransitionSpec t = out.get(k);
        outgoingIndex[s][k] = all.indexOf(t);
        hasImmediate[s] |= t.trigger() instanceof Trigger.Immediately;
      }
      for (TransitionSpec t : all) {
        setsTimers[s] |= name.equals(t.from()) && (t.trigger() instanceof Trigger.After
            || t.trigger() instanceof Trigger.AtLocalTime
            || t.trigger() instanceof Trigger.Anniversary);
      }
    }
  }

  /**
   * The definition.
   *
   * @return the definition
   */
  public JourneyDefinition definition() {
    return definition;
  }

  /**
   * Starts an instance, if the entry guard allows it.
   *
   * @param id the new instance's id
   * @param customer the customer
   * @param signal the signal that starts it, or null when the host starts it
   * @param at when
   * @return the first step, or empty when the entry guard says no
   */
  public Optional<Step> start(String id, CustomerView customer, @Nullable Signal signal,
      Instant at) {
    if (entryGuard != null && guard(entryGuard, signal, Map.of(), customer) != PASS) {
      return Optional.empty();
    }
    String start = definition.start();
    JourneyInstance fresh = new JourneyInstance(id, definition.id(), definition.version(),
        customer.profile().id(), start, at, Map.of(), List.of(), Set.of(), null, 0);
    List<ActionRequest> actions = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    StateSpec s = definition.states().get(start);
    emit(fresh, 1, "entry", onEntry[definition.stateIndex(start)], at, actions, keys);
    JourneyInstance entered = new JourneyInstance(id, definition.id(), definition.version(),
        customer.profile().id(), start, at, Map.of(), timers(definition.stateIndex(start), at, customer), Set.of(),
        s.terminal() ? at : null, 1);
    List<AuditEntry> audit = new ArrayList<>();
    String trigger = signal == null ? "start"
        : signal.type().equals(definition.entry()) ? entryLabel : "on " + signal.type().name();
    audit.add(new AuditEntry(id, "(start)", start, trigger, at, keys, ""));
    return Optional.of(chain(new Step(entered, actions, audit), definition.stateIndex(start),
        customer));
  }

  /**
   * Applies a signal.
   *
   * @param instance the instance
   * @param signal the signal
   * @param customer the customer
   * @return the step
   */
  public Step onSignal(JourneyInstance instance, Signal signal, CustomerView customer) {
    check(instance);
    if (!instance.running()) {
      return new Step(instance, List.of(), List.of());
    }
    JourneyInstance current = instance;
    Set<String> goals = reached(current.goals(), signal);
    if (goals != current.goals()) {
      current = with(current, current.state(), current.enteredAt(), current.timers(), goals,
          current.endedAt(), current.revision());
    }
    int state = definition.stateIndex(current.state());
    if (state < 0) {
      return new Step(current, List.of(), List.of());
    }
    List<String> notes = null;
    List<TransitionSpec> candidates = outgoing.get(state);
    for (int k = 0; k < candidates.size(); k++) {
      TransitionSpec t = candidates.get(k);
      if (!(t.trigger() instanceof Trigger.OnSignal on) || !on.type().equals(signal.type())) {
        continue;
      }
      Resolved g = guards[outgoingIndex[state][k]];
      if (g != null) {
        String answer = guard(g, signal, current.variables(), customer);
        if (answer != PASS) {
          notes = note(notes, answer);
          continue;
        }
      }
      int index = outgoingIndex[state][k];
      return chain(move(current, state, t, index, signal.occurredAt(), customer, notes),
          toIndex[index], customer);
    }
    return new Step(current, List.of(), List.of());
  }

  /** The goals after a signal: the same set when the signal reaches no new goal. */
  private Set<String> reached(Set<String> goals, Signal signal) {
    Set<String> out = goals;
    for (int g = 0; g < goalNames.length; g++) {
      if (goalTypes[g].equals(signal.type()) && !out.contains(goalNames[g])) {
        if (out == goals) {
          out = new HashSet<>(goals);
        }
        out.add(goalNames[g]);
      }
    }
    return out;
  }

  /**
   * Fires the timers due at or before an instant, oldest first.
   *
   * @param instance the instance
   * @param now the instant
   * @param customer the customer
   * @return the step; the instance unchanged when nothing was due
   */
  public Step onTimers(JourneyInstance instance, Instant now, CustomerView customer) {
    check(instance);
    JourneyInstance current = instance;
    List<ActionRequest> actions = new ArrayList<>();
    List<AuditEntry> audit = new ArrayList<>();
    for (int guard = 0; guard < MAX_CHAIN && current.running(); guard++) {
      PendingTimer timer = null;
      for (PendingTimer p : current.timers()) {
        if (!p.dueAt().isAfter(now)) {
          timer = p;
          break;
        }
      }
      if (timer == null) {
        break;
      }
      TransitionSpec t = definition.transitions().get(timer.transition());
      List<String> notes = null;
      Resolved g = guards[timer.transition()];
      String answer = g == null ? PASS : guard(g, null, current.variables(), customer);
      if (answer != PASS) {
        notes = note(notes, answer);
        List<PendingTimer> rest = new ArrayList<>(current.timers());
        rest.remove(timer);
        current = with(current, current.state(), current.enteredAt(), rest, current.goals(),
            current.endedAt(), current.revision());
        continue;
      }
      Step s = chain(move(current, definition.stateIndex(current.state()), t, timer.transition(),
          timer.dueAt(), customer, notes), toIndex[timer.transition()], customer);
      actions.addAll(s.actions());
      audit.addAll(s.audit());
      current = s.instance();
    }
    return new Step(current, actions, audit);
  }

  /** Follows immediate transitions from the state the step entered (its index given). */
  private Step chain(Step step, int firstState, CustomerView customer) {
    JourneyInstance first = step.instance();
    if (!first.running() || !hasImmediate[firstState]) {
      return step;
    }
    List<ActionRequest> actions = new ArrayList<>(step.actions());
    List<AuditEntry> audit = new ArrayList<>(step.audit());
    JourneyInstance current = first;
    for (int depth = 0; depth < MAX_CHAIN && current.running(); depth++) {
      TransitionSpec next = null;
      int nextIndex = -1;
      List<String> notes = null;
      int state = definition.stateIndex(current.state());
      List<TransitionSpec> candidates = outgoing.get(state);
      for (int k = 0; k < candidates.size(); k++) {
        TransitionSpec t = candidates.get(k);
        if (!(t.trigger() instanceof Trigger.Immediately)) {
          continue;
        }
        Resolved g = guards[outgoingIndex[state][k]];
        String answer = g == null ? PASS : guard(g, null, current.variables(), customer);
        if (answer == PASS) {
          next = t;
          nextIndex = outgoingIndex[state][k];
          break;
        }
        notes = note(notes, answer);
      }
      if (next == null) {
        break;
      }
      Step s = move(current, state, next, nextIndex, current.enteredAt(), customer, notes);
      actions.addAll(s.actions());
      audit.addAll(s.audit());
      current = s.instance();
    }
    return new Step(current, actions, audit);
  }

  private Step move(JourneyInstance from, int leftIndex, TransitionSpec t, int index, Instant at,
      CustomerView customer, @Nullable List<String> notes) {
    long revision = from.revision() + 1;
    int enteredIndex = toIndex[index];
    StateSpec entered = stateSpecs[enteredIndex];
    Resolved[] exit = onExit[leftIndex];
    Resolved[] own = actions[index];
    Resolved[] entry = onEntry[enteredIndex];
    List<ActionRequest> emitted = List.of();
    List<String> keys = List.of();
    if (exit.length + own.length + entry.length > 0) {
      emitted = new ArrayList<>();
      keys = new ArrayList<>();
      emit(from, revision, "exit", exit, at, emitted, keys);
      emit(from, revision, sources[index], own, at, emitted, keys);
      emit(from, revision, "entry", entry, at, emitted, keys);
    }
    JourneyInstance next = with(from, t.to(), at, timers(enteredIndex, at, customer),
        from.goals(), entered.terminal() ? at : null, revision);
    AuditEntry entry0 = new AuditEntry(from.id(), from.state(), t.to(), labels[index], at,
        keys, notes == null ? "" : String.join("; ", notes));
    return new Step(next, emitted, List.of(entry0));
  }

  private static void emit(JourneyInstance i, long revision, String source, Resolved[] names,
      Instant at, List<ActionRequest> out, List<String> keys) {
    for (int k = 0; k < names.length; k++) {
      Resolved n = names[k];
      String key = i.id() + ":r" + revision + ":" + source + ":" + k;
      keys.add(key);
      out.add(new ActionRequest(key, i.id(), i.customer(), n.named().name(), n.kind(),
          n.params(), at));
    }
  }

  private static List<String> note(@Nullable List<String> notes, String answer) {
    if (answer == FAIL) {
      return notes == null ? List.of() : notes;
    }
    List<String> out = notes == null || notes.isEmpty() ? new ArrayList<>() : notes;
    out.add(answer);
    return out;
  }

  /**
   * Runs a guard: {@link #PASS}, {@link #FAIL}, or a note saying why it failed (not registered,
   * threw), which also counts as a failure.
   */
  private static String guard(Resolved guard, @Nullable Signal signal,
      Map<String, String> variables, CustomerView customer) {
    Guard g = guard.guard();
    if (g == null) {
      return "guard " + guard.named().name() + " is not registered";
    }
    try {
      return g.test(new GuardContext(signal, variables, customer, guard.params())) ? PASS : FAIL;
    } catch (RuntimeException e) {
      return "guard " + guard.named().name() + " threw " + e.getClass().getSimpleName() + ": "
          + e.getMessage();
    }
  }

  private List<PendingTimer> timers(int index, Instant at, CustomerView customer) {
    if (!setsTimers[index]) {
      return List.of();
    }
    String state = definition.stateName(index);
    List<PendingTimer> out = new ArrayList<>();
    StateSpec s = stateSpecs[index];
    if (s.terminal()) {
      return out;
    }
    ZoneId zone = customer.profile().timeZone();
    List<TransitionSpec> all = definition.transitions();
    for (int i = 0; i < all.size(); i++) {
      TransitionSpec t = all.get(i);
      if (!state.equals(t.from())) {
        continue;
      }
      Instant due = null;
      if (t.trigger() instanceof Trigger.After a) {
        due = at.plus(a.delay());
      } else if (t.trigger() instanceof Trigger.AtLocalTime l) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(l.time()).atZone(zone);
        if (!candidate.toInstant().isAfter(at)) {
          candidate = local.toLocalDate().plusDays(1).atTime(l.time()).atZone(zone);
        }
        due = candidate.toInstant();
      } else if (t.trigger() instanceof Trigger.Anniversary an) {
        Optional<LocalDate> date = customer.profile().datedAttribute(an.attribute());
        if (date.isPresent()) {
          int year = at.atZone(zone).getYear();
          for (int y = year; y <= year + 1 && due == null; y++) {
            Instant candidate = date.get().withYear(y).atTime(an.time()).atZone(zone).toInstant();
            if (candidate.isAfter(at)) {
              due = candidate;
            }
          }
        }
      }
      if (due != null) {
        out.add(new PendingTimer(i, due));
      }
    }
    return out;
  }

  private static JourneyInstance with(JourneyInstance i, String state, Instant enteredAt,
      List<PendingTimer> timers, Set<String> goals, @Nullable Instant endedAt, long revision) {
    return new JourneyInstance(i.id(), i.journey(), i.definitionVersion(), i.customer(), state,
        enteredAt, i.variables(), timers, goals, endedAt, revision);
  }

  private void check(JourneyInstance i) {
    if (!i.journey().equals(definition.id()) || i.definitionVersion() != definition.version()) {
      throw new IllegalArgumentException("instance " + i.id() + " runs " + i.journey() + " v"
          + i.definitionVersion() + ", not " + definition.id() + " v" + definition.version());
    }
  }

  /**
   * Places an instance of an earlier version in a state of this definition (a migration): the
   * same id, variables, goals, held asks and entered-at instant, this definition's version, and
   * timers set anew from this definition's transitions out of the state, counted from when the
   * instance entered it. The revision goes up by one. A terminal state ends the instance at the
   * instant it entered the state.
   *
   * @param instance the instance on its old version
   * @param state a state of this definition
   * @param customer the customer, for local-time and anniversary timers
   * @return the migrated instance
   * @throws IllegalArgumentException if the state is not one of this definition's
   */
  public JourneyInstance rehome(JourneyInstance instance, String state, CustomerView customer) {
    StateSpec spec = definition.states().get(state);
    if (spec == null) {
      throw new IllegalArgumentException("state " + state + " is not in " + definition.id()
          + " v" + definition.version());
    }
    Instant at = instance.enteredAt();
    return new JourneyInstance(instance.id(), definition.id(), definition.version(),
        instance.customer(), state, at, instance.variables(),
        spec.terminal() ? List.of() : timers(definition.stateIndex(state), at, customer),
        instance.goals(),
        spec.terminal() ? at : null, instance.revision() + 1,
        spec.terminal() ? List.of() : instance.heldAsks());
  }
}
