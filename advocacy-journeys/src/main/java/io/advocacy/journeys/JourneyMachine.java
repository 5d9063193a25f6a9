package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
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
 *       local time, the first being a year after the date (29 February falls on 28 February in
 *       other years; no timer when the profile has no such date).
 *   <li>{@code immediately} transitions fire on entering a state, chained up to 32 deep.
 *   <li>Actions: the exit actions of the state left, the transition's, then the entry actions of
 *       the state entered; each with the idempotency key {@code <instance>:r<revision>:<source>:
 *       <position>}, where the revision is the instance's after the step.
 *   <li>An action of kind {@link ActionKind#SET_VARIABLE} is not emitted: the step sets each of
 *       its parameters as an instance variable (in the order above, so a later one wins), before
 *       the other actions are emitted and before the guards of any chained transition read them.
 *   <li>A parameter value of an action (of any kind) that is exactly one of these is replaced
 *       when the action is taken: {@value #SIGNAL_VALUE}, {@value #SIGNAL_ID} and {@value
 *       #SIGNAL_TYPE} by the triggering signal's value (an integer without a fraction), id and
 *       type; {@code ${attribute:<name>}} by the signal's attribute; {@code ${variable:<name>}}
 *       by the instance's variable (as set by the same step's {@code SET_VARIABLE} actions). A
 *       value that has no source (no signal on a timer, an attribute or variable not set) leaves
 *       the parameter out, so a {@code SET_VARIABLE} keeps the variable's earlier value. Any
 *       other value is taken as it is; one of the form <code>${…}</code> that is none of these
 *       is a problem of the definition ({@link DefinitionProblem.Code#UNKNOWN_REFERENCE}).
 *   <li>A guard that throws counts as false; the audit notes it.
 * </ul>
 *
 * <p>Immutable and thread-safe (if the registry's guards are).
 */
public final class JourneyMachine {
  private static final int MAX_CHAIN = 32;

  /** A parameter value replaced by the triggering signal's value. */
  public static final String SIGNAL_VALUE = "${signal:value}";
  /** A parameter value replaced by the triggering signal's id. */
  public static final String SIGNAL_ID = "${signal:id}";
  /** A parameter value replaced by the triggering signal's type. */
  public static final String SIGNAL_TYPE = "${signal:type}";
  private static final String ATTRIBUTE_PREFIX = "${attribute:";
  private static final String VARIABLE_PREFIX = "${variable:";

  /** What {@link #guard} answers when the guard passes. */
  private static final String PASS = new String("pass");
  /** What {@link #guard} answers when the guard says no without a note. */
  private static final String FAIL = new String("fail");

  private final JourneyDefinition definition;
  private final JourneyRegistry registry;
  // Per state index: the definition's state names (the instances this machine makes hold these
  // very strings, so finding a state's index is mostly an identity scan), whether it is
  // terminal, its entry and exit actions, the signal types and transition indices of its
  // signal-triggered transitions and the indices of its immediate ones (both in the order of
  // definition.outgoing: its own transitions, then the global exits), and the indices of the
  // timer transitions it sets on entry (its own, in declaration order).
  private final String[] stateNames;
  private final boolean[] terminal;
  private final Resolved[][] onEntry;
  private final Resolved[][] onExit;
  private final SignalType[][] signalTypes;
  private final int[][] signalTransitions;
  private final int[][] immediateTransitions;
  private final int[][] timerTransitions;
  // Per transition index: the trigger's label, the target's state index, the guard (or null),
  // the actions.
  private final String[] labels;
  private final int[] toIndex;
  private final @Nullable Resolved[] guards;
  private final Resolved[][] actions;
  private final @Nullable Resolved entryGuard;
  private final String entryLabel;
  private final String[] goalNames;
  private final SignalType[] goalTypes;
  // The SET_VARIABLE actions, kept apart from the emitted ones: per state on entry and on exit,
  // per transition; and whether the definition has any of them or any parameter to replace.
  private final Resolved[][] setOnEntry;
  private final Resolved[][] setOnExit;
  private final Resolved[][] setOnTransition;
  private final boolean variableWork;

  /**
   * A guard or action reference resolved from the registry once: the guard (null when not
   * registered) or the action's kind, the parameters as an immutable map that the guard context
   * and the action request keep without copying, and for an action the end of its idempotency
   * key ({@code :<source>:<position>}), which the revision does not change.
   */
  private record Resolved(Named named, @Nullable Guard guard, ActionKind kind,
      Map<String, String> params, String keySuffix, boolean replaced) {}

  /** Whether a parameter value has the form of a reference, <code>${…}</code>. */
  static boolean reference(String value) {
    return value.startsWith("${") && value.endsWith("}");
  }

  /** Whether a parameter value is one of the references the machine replaces. */
  static boolean knownReference(String value) {
    if (value.equals(SIGNAL_VALUE) || value.equals(SIGNAL_ID) || value.equals(SIGNAL_TYPE)) {
      return true;
    }
    String prefix = value.startsWith(ATTRIBUTE_PREFIX) ? ATTRIBUTE_PREFIX
        : value.startsWith(VARIABLE_PREFIX) ? VARIABLE_PREFIX : null;
    return prefix != null && reference(value) && value.length() > prefix.length() + 1;
  }

  private static boolean replaced(Map<String, String> params) {
    for (String v : params.values()) {
      if (reference(v)) {
        return true;
      }
    }
    return false;
  }

  private Resolved guardOf(Named n) {
    return new Resolved(n, registry.guard(n.name()).orElse(null), ActionKind.CUSTOM,
        Map.copyOf(n.params()), "", false);
  }

  /**
   * The emitted actions of a list ({@code variables} false) or its {@link
   * ActionKind#SET_VARIABLE} ones (true); each keeps its position in the whole list in its key.
   */
  private Resolved[] actionsOf(String source, List<Named> names, boolean variables) {
    List<Resolved> out = new ArrayList<>(names.size());
    for (int k = 0; k < names.size(); k++) {
      Named n = names.get(k);
      ActionKind kind = registry.action(n.name()).orElse(ActionKind.CUSTOM);
      if ((kind == ActionKind.SET_VARIABLE) == variables) {
        Map<String, String> params = Map.copyOf(n.params());
        out.add(new Resolved(n, null, kind, params, ":" + source + ":" + k, replaced(params)));
      }
    }
    return out.toArray(new Resolved[0]);
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
    toIndex = new int[all.size()];
    guards = new Resolved[all.size()];
    actions = new Resolved[all.size()][];
    setOnTransition = new Resolved[all.size()][];
    for (int i = 0; i < all.size(); i++) {
      TransitionSpec t = all.get(i);
      labels[i] = t.trigger().label();
      toIndex[i] = definition.stateIndex(t.to());
      guards[i] = t.guard() == null ? null : guardOf(t.guard());
      actions[i] = actionsOf("t" + i, t.actions(), false);
      setOnTransition[i] = actionsOf("t" + i, t.actions(), true);
    }
    entryGuard = definition.entryGuard() == null ? null : guardOf(definition.entryGuard());
    entryLabel = definition.entry() == null ? "start" : "on " + definition.entry().name();
    goalNames = definition.goals().keySet().toArray(new String[0]);
    goalTypes = definition.goals().values().toArray(new SignalType[0]);
    int n = definition.stateNames().size();
    stateNames = definition.stateNames().toArray(new String[0]);
    terminal = new boolean[n];
    onEntry = new Resolved[n][];
    onExit = new Resolved[n][];
    setOnEntry = new Resolved[n][];
    setOnExit = new Resolved[n][];
    signalTypes = new SignalType[n][];
    signalTransitions = new int[n][];
    immediateTransitions = new int[n][];
    timerTransitions = new int[n][];
    for (int s = 0; s < n; s++) {
      String name = stateNames[s];
      StateSpec spec = definition.states().get(name);
      terminal[s] = spec.terminal();
      onEntry[s] = actionsOf("entry", spec.onEntry(), false);
      onExit[s] = actionsOf("exit", spec.onExit(), false);
      setOnEntry[s] = actionsOf("entry", spec.onEntry(), true);
      setOnExit[s] = actionsOf("exit", spec.onExit(), true);
      List<SignalType> types = new ArrayList<>();
      List<Integer> onSignal = new ArrayList<>();
      List<Integer> immediate = new ArrayList<>();
      for (TransitionSpec t : definition.outgoing(name)) {
        // As indexOf finds it: the first transition equal to this one.
        int index = all.indexOf(t);
        if (t.trigger() instanceof Trigger.OnSignal on) {
          types.add(on.type());
          onSignal.add(index);
        } else if (t.trigger() instanceof Trigger.Immediately) {
          immediate.add(index);
        }
      }
      List<Integer> timed = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        TransitionSpec t = all.get(i);
        if (name.equals(t.from()) && (t.trigger() instanceof Trigger.After
            || t.trigger() instanceof Trigger.AtLocalTime
            || t.trigger() instanceof Trigger.Anniversary)) {
          timed.add(i);
        }
      }
      signalTypes[s] = types.toArray(new SignalType[0]);
      signalTransitions[s] = ints(onSignal);
      immediateTransitions[s] = ints(immediate);
      timerTransitions[s] = ints(timed);
    }
    variableWork = any(setOnEntry, true) || any(setOnExit, true) || any(setOnTransition, true)
        || any(onEntry, false) || any(onExit, false) || any(actions, false);
  }

  /** Whether any of the lists holds an action ({@code all}) or one with a value to replace. */
  private static boolean any(Resolved[][] lists, boolean all) {
    for (Resolved[] list : lists) {
      for (Resolved r : list) {
        if (all || r.replaced()) {
          return true;
        }
      }
    }
    return false;
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
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
    int first = definition.stateIndex(definition.start());
    String start = stateNames[first];
    Map<String, String> variables = variableWork
        ? set(Map.of(), signal, setOnEntry[first]) : Map.of();
    ActionRequest[] requests = new ActionRequest[onEntry[first].length];
    emit(id, customer.profile().id(), 1, onEntry[first], at, requests, 0, signal, variables);
    JourneyInstance entered = new JourneyInstance(id, definition.id(), definition.version(),
        customer.profile().id(), start, at, variables, timers(first, at, customer), Set.of(),
        terminal[first] ? at : null, 1);
    String trigger = signal == null ? "start"
        : signal.type().equals(definition.entry()) ? entryLabel : "on " + signal.type().name();
    return Optional.of(chain(Step.moved(entered, List.of(requests), "(start)", trigger), first,
        customer, signal));
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
      return Step.unchanged(instance);
    }
    JourneyInstance current = instance;
    SignalType type = signal.type();
    if (goalTypes.length > 0) {
      Set<String> goals = reached(current.goals(), type);
      if (goals != current.goals()) {
        current = with(current, current.state(), current.enteredAt(), current.timers(), goals,
            current.endedAt(), current.revision());
      }
    }
    int state = indexOf(current.state());
    if (state < 0) {
      return Step.unchanged(current);
    }
    List<String> notes = null;
    SignalType[] types = signalTypes[state];
    for (int k = 0; k < types.length; k++) {
      if (types[k] != type && !types[k].equals(type)) {
        continue;
      }
      int index = signalTransitions[state][k];
      Resolved g = guards[index];
      if (g != null) {
        String answer = guard(g, signal, current.variables(), customer);
        if (answer != PASS) {
          notes = note(notes, answer);
          continue;
        }
      }
      return chain(move(current, state, index, signal.occurredAt(), customer, notes, signal),
          toIndex[index], customer, signal);
    }
    return Step.unchanged(current);
  }

  /** The goals after a signal: the same set when the signal reaches no new goal. */
  private Set<String> reached(Set<String> goals, SignalType type) {
    Set<String> out = goals;
    for (int g = 0; g < goalNames.length; g++) {
      if (goalTypes[g].equals(type) && !out.contains(goalNames[g])) {
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
    // The first step taken is kept as it is; lists are made only when a second one follows.
    Step first = null;
    List<ActionRequest> actions = null;
    List<AuditEntry> audit = null;
    for (int guard = 0; guard < MAX_CHAIN && current.running(); guard++) {
      PendingTimer timer = null;
      List<PendingTimer> timers = current.timers();
      for (int k = 0; k < timers.size(); k++) {
        PendingTimer p = timers.get(k);
        if (!p.dueAt().isAfter(now)) {
          timer = p;
          break;
        }
      }
      if (timer == null) {
        break;
      }
      int index = timer.transition();
      Resolved g = guards[index];
      String answer = g == null ? PASS : guard(g, null, current.variables(), customer);
      if (answer != PASS) {
        List<PendingTimer> rest = new ArrayList<>(timers);
        rest.remove(timer);
        current = with(current, current.state(), current.enteredAt(), rest, current.goals(),
            current.endedAt(), current.revision());
        continue;
      }
      Step s = chain(move(current, indexOf(current.state()), index, timer.dueAt(), customer,
          null, null), toIndex[index], customer, null);
      if (first == null) {
        first = s;
      } else {
        if (actions == null) {
          actions = new ArrayList<>(first.actions());
          audit = new ArrayList<>(first.audit());
        }
        actions.addAll(s.actions());
        audit.addAll(s.audit());
      }
      current = s.instance();
    }
    if (actions != null) {
      return new Step(current, actions, audit);
    }
    if (first == null) {
      return Step.unchanged(current);
    }
    return first.instance() == current ? first : new Step(current, first.actions(), first.audit());
  }

  /** Follows immediate transitions from the state the step entered (its index given). */
  private Step chain(Step step, int firstState, CustomerView customer, @Nullable Signal signal) {
    JourneyInstance first = step.instance();
    if (immediateTransitions[firstState].length == 0 || !first.running()) {
      return step;
    }
    List<ActionRequest> actions = new ArrayList<>(step.actions());
    List<AuditEntry> audit = new ArrayList<>(step.audit());
    JourneyInstance current = first;
    for (int depth = 0; depth < MAX_CHAIN && current.running(); depth++) {
      int next = -1;
      List<String> notes = null;
      int state = indexOf(current.state());
      int[] candidates = immediateTransitions[state];
      for (int k = 0; k < candidates.length; k++) {
        Resolved g = guards[candidates[k]];
        String answer = g == null ? PASS : guard(g, null, current.variables(), customer);
        if (answer == PASS) {
          next = candidates[k];
          break;
        }
        notes = note(notes, answer);
      }
      if (next < 0) {
        break;
      }
      Step s = move(current, state, next, current.enteredAt(), customer, notes, signal);
      actions.addAll(s.actions());
      audit.addAll(s.audit());
      current = s.instance();
    }
    return new Step(current, actions, audit);
  }

  /**
   * Takes transition {@code index} out of state {@code left}: one audit entry, and the exit,
   * transition and entry actions.
   */
  private Step move(JourneyInstance from, int left, int index, Instant at,
      CustomerView customer, @Nullable List<String> notes, @Nullable Signal signal) {
    long revision = from.revision() + 1;
    int entered = toIndex[index];
    Resolved[] exit = onExit[left];
    Resolved[] own = actions[index];
    Resolved[] entry = onEntry[entered];
    Map<String, String> variables = from.variables();
    if (variableWork) {
      variables = set(set(set(variables, signal, setOnExit[left]), signal,
          setOnTransition[index]), signal, setOnEntry[entered]);
    }
    List<ActionRequest> emitted = List.of();
    int count = exit.length + own.length + entry.length;
    if (count == 1) {
      Resolved n = exit.length == 1 ? exit[0] : own.length == 1 ? own[0] : entry[0];
      emitted = List.of(request(from.id(), from.customer(), revision, n, at, signal, variables));
    } else if (count > 1) {
      ActionRequest[] requests = new ActionRequest[count];
      int k = emit(from.id(), from.customer(), revision, exit, at, requests, 0, signal,
          variables);
      k = emit(from.id(), from.customer(), revision, own, at, requests, k, signal, variables);
      emit(from.id(), from.customer(), revision, entry, at, requests, k, signal, variables);
      emitted = List.of(requests);
    }
    String to = stateNames[entered];
    JourneyInstance next = variables == from.variables()
        ? with(from, to, at, timers(entered, at, customer), from.goals(),
            terminal[entered] ? at : null, revision)
        : new JourneyInstance(from.id(), from.journey(), from.definitionVersion(),
            from.customer(), to, at, variables, timers(entered, at, customer), from.goals(),
            terminal[entered] ? at : null, revision);
    if (notes == null || notes.isEmpty()) { // the entry is made only if asked for
      return Step.moved(next, emitted, from.state(), labels[index]);
    }
    List<String> keys = new ArrayList<>(emitted.size());
    for (ActionRequest a : emitted) {
      keys.add(a.idempotencyKey());
    }
    return Step.single(next, emitted, new AuditEntry(from.id(), from.state(), to, labels[index],
        at, keys, String.join("; ", notes)));
  }

  /** Fills {@code out} from position {@code k} on; answers the next free position. */
  private static int emit(String id, CustomerId customer, long revision, Resolved[] names,
      Instant at, ActionRequest[] out, int k, @Nullable Signal signal,
      Map<String, String> variables) {
    for (Resolved n : names) {
      out[k++] = request(id, customer, revision, n, at, signal, variables);
    }
    return k;
  }

  private static ActionRequest request(String id, CustomerId customer, long revision,
      Resolved n, Instant at, @Nullable Signal signal, Map<String, String> variables) {
    return new ActionRequest(id + ":r" + revision + n.keySuffix(), id, customer,
        n.named().name(), n.kind(),
        n.replaced() ? replace(n.params(), signal, variables) : n.params(), at);
  }

  /** The variables after the {@code SET_VARIABLE} actions: the same map when there are none. */
  private static Map<String, String> set(Map<String, String> variables, @Nullable Signal signal,
      Resolved[] sets) {
    if (sets.length == 0) {
      return variables;
    }
    Map<String, String> out = new java.util.TreeMap<>(variables);
    for (Resolved r : sets) {
      out.putAll(r.replaced() ? replace(r.params(), signal, out) : r.params());
    }
    return out;
  }

  /** The parameters with each replaceable value replaced; one without a source is left out. */
  private static Map<String, String> replace(Map<String, String> params, @Nullable Signal signal,
      Map<String, String> variables) {
    Map<String, String> out = new java.util.LinkedHashMap<>(params.size());
    for (Map.Entry<String, String> e : params.entrySet()) {
      String v = value(e.getValue(), signal, variables);
      if (v != null) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private static @Nullable String value(String v, @Nullable Signal signal,
      Map<String, String> variables) {
    if (!reference(v)) {
      return v;
    }
    if (v.startsWith(VARIABLE_PREFIX)) {
      return variables.get(v.substring(VARIABLE_PREFIX.length(), v.length() - 1));
    }
    // build() admits no other reference, so the rest read the signal
    if (signal == null) {
      return null;
    }
    if (v.equals(SIGNAL_VALUE)) {
      double d = signal.value();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
          : Double.toString(d);
    }
    if (v.equals(SIGNAL_ID)) {
      return signal.id().value();
    }
    if (v.equals(SIGNAL_TYPE)) {
      return signal.type().name();
    }
    return signal.attributes().get(v.substring(ATTRIBUTE_PREFIX.length(), v.length() - 1));
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

  /**
   * The timers a state sets when entered at {@code at}: one per timer transition out of it that
   * has a due instant, in the order the instance keeps them.
   */
  private List<PendingTimer> timers(int index, Instant at, CustomerView customer) {
    int[] timed = timerTransitions[index];
    if (timed.length == 0 || terminal[index]) {
      return List.of();
    }
    @Nullable ZoneId zone = null; // read from the profile only when a local-time timer needs it
    List<TransitionSpec> all = definition.transitions();
    PendingTimer only = null;
    List<PendingTimer> out = null;
    for (int i : timed) {
      Instant due = null;
      Trigger trigger = all.get(i).trigger();
      if (trigger instanceof Trigger.After a) {
        due = at.plus(a.delay());
      } else if (trigger instanceof Trigger.AtLocalTime l) {
        zone = zone != null ? zone : customer.profile().timeZone();
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(l.time()).atZone(zone);
        if (!candidate.toInstant().isAfter(at)) {
          candidate = local.toLocalDate().plusDays(1).atTime(l.time()).atZone(zone);
        }
        due = candidate.toInstant();
      } else if (trigger instanceof Trigger.Anniversary an) {
        Optional<LocalDate> date = customer.profile().datedAttribute(an.attribute());
        if (date.isPresent()) {
          zone = zone != null ? zone : customer.profile().timeZone();
          // an anniversary comes a year or more after the date itself, never on it
          int year = Math.max(at.atZone(zone).getYear(), date.get().getYear() + 1);
          for (int y = year; y <= year + 1 && due == null; y++) {
            Instant candidate = date.get().withYear(y).atTime(an.time()).atZone(zone).toInstant();
            if (candidate.isAfter(at)) {
              due = candidate;
            }
          }
        }
      }
      if (due == null) {
        continue;
      }
      PendingTimer timer = new PendingTimer(i, due);
      if (only == null && out == null) {
        only = timer;
      } else {
        if (out == null) {
          out = new ArrayList<>();
          out.add(only);
        }
        out.add(timer);
      }
    }
    // The instance sorts a longer list by due instant; one timer is in order as it is.
    return out != null ? out : only != null ? List.of(only) : List.of();
  }

  /**
   * The index of an instance's state. The instances this machine makes hold the definition's own
   * name strings, so an identity scan finds them without hashing or comparing characters; any
   * other string (a rehydrated instance's, say) is looked up by name.
   */
  private int indexOf(String state) {
    String[] names = stateNames;
    for (int s = 0; s < names.length; s++) {
      if (names[s] == state) {
        return s;
      }
    }
    return definition.stateIndex(state);
  }

  private static JourneyInstance with(JourneyInstance i, String state, Instant enteredAt,
      List<PendingTimer> timers, Set<String> goals, @Nullable Instant endedAt, long revision) {
    return new JourneyInstance(i.id(), i.journey(), i.definitionVersion(), i.customer(), state,
        enteredAt, i.variables(), timers, goals, endedAt, revision);
  }

  private void check(JourneyInstance i) {
    JourneyId journey = i.journey();
    if (journey != definition.id() && !journey.equals(definition.id())
        || i.definitionVersion() != definition.version()) {
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
    int index = definition.stateIndex(state);
    return new JourneyInstance(instance.id(), definition.id(), definition.version(),
        instance.customer(), stateNames[index], at, instance.variables(),
        spec.terminal() ? List.of() : timers(index, at, customer),
        instance.goals(),
        spec.terminal() ? at : null, instance.revision() + 1,
        spec.terminal() ? List.of() : instance.heldAsks());
  }
}
