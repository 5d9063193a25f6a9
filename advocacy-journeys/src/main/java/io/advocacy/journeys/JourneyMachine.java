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

  private final JourneyDefinition definition;
  private final JourneyRegistry registry;

  /**
   * A machine.
   *
   * @param definition the definition, validated against the registry
   * @param registry the guards and actions
   */
  public JourneyMachine(JourneyDefinition definition, JourneyRegistry registry) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.registry = Objects.requireNonNull(registry, "registry");
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
    List<String> notes = new ArrayList<>();
    if (definition.entryGuard() != null
        && !passes(definition.entryGuard(), signal, Map.of(), customer, notes)) {
      return Optional.empty();
    }
    String start = definition.start();
    JourneyInstance fresh = new JourneyInstance(id, definition.id(), definition.version(),
        customer.profile().id(), start, at, Map.of(), List.of(), Set.of(), null, 0);
    List<ActionRequest> actions = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    StateSpec s = definition.states().get(start);
    emit(fresh, 1, "entry", s.onEntry(), at, actions, keys);
    JourneyInstance entered = new JourneyInstance(id, definition.id(), definition.version(),
        customer.profile().id(), start, at, Map.of(), timers(start, at, customer), Set.of(),
        s.terminal() ? at : null, 1);
    List<AuditEntry> audit = new ArrayList<>();
    audit.add(new AuditEntry(id, "(start)", start, signal == null ? "start" : "on "
        + signal.type().name(), at, keys, String.join("; ", notes)));
    return Optional.of(chain(new Step(entered, actions, audit), customer));
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
    Set<String> goals = new HashSet<>(current.goals());
    definition.goals().forEach((name, type) -> {
      if (type.equals(signal.type())) {
        goals.add(name);
      }
    });
    if (!goals.equals(current.goals())) {
      current = with(current, current.state(), current.enteredAt(), current.timers(), goals,
          current.endedAt(), current.revision());
    }
    List<String> notes = new ArrayList<>();
    List<TransitionSpec> all = definition.transitions();
    for (TransitionSpec t : definition.outgoing(current.state())) {
      if (t.trigger() instanceof Trigger.OnSignal on && on.type().equals(signal.type())
          && (t.guard() == null || passes(t.guard(), signal, current.variables(), customer, notes))) {
        return chain(move(current, t, all.indexOf(t), signal.occurredAt(), customer, notes),
            customer);
      }
    }
    return new Step(current, List.of(), List.of());
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
      Optional<PendingTimer> due = current.timers().stream()
          .filter(p -> !p.dueAt().isAfter(now)).findFirst();
      if (due.isEmpty()) {
        break;
      }
      PendingTimer timer = due.get();
      TransitionSpec t = definition.transitions().get(timer.transition());
      List<String> notes = new ArrayList<>();
      if (t.guard() != null && !passes(t.guard(), null, current.variables(), customer, notes)) {
        List<PendingTimer> rest = new ArrayList<>(current.timers());
        rest.remove(timer);
        current = with(current, current.state(), current.enteredAt(), rest, current.goals(),
            current.endedAt(), current.revision());
        continue;
      }
      Step s = chain(move(current, t, timer.transition(), timer.dueAt(), customer, notes), customer);
      actions.addAll(s.actions());
      audit.addAll(s.audit());
      current = s.instance();
    }
    return new Step(current, actions, audit);
  }

  private Step chain(Step step, CustomerView customer) {
    List<ActionRequest> actions = new ArrayList<>(step.actions());
    List<AuditEntry> audit = new ArrayList<>(step.audit());
    JourneyInstance current = step.instance();
    for (int depth = 0; depth < MAX_CHAIN && current.running(); depth++) {
      TransitionSpec next = null;
      List<String> notes = new ArrayList<>();
      for (TransitionSpec t : definition.outgoing(current.state())) {
        if (t.trigger() instanceof Trigger.Immediately
            && (t.guard() == null || passes(t.guard(), null, current.variables(), customer, notes))) {
          next = t;
          break;
        }
      }
      if (next == null) {
        break;
      }
      Step s = move(current, next, definition.transitions().indexOf(next), current.enteredAt(),
          customer, notes);
      actions.addAll(s.actions());
      audit.addAll(s.audit());
      current = s.instance();
    }
    return new Step(current, actions, audit);
  }

  private Step move(JourneyInstance from, TransitionSpec t, int index, Instant at,
      CustomerView customer, List<String> notes) {
    long revision = from.revision() + 1;
    List<ActionRequest> actions = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    StateSpec left = definition.states().get(from.state());
    StateSpec entered = definition.states().get(t.to());
    emit(from, revision, "exit", left.onExit(), at, actions, keys);
    emit(from, revision, "t" + index, t.actions(), at, actions, keys);
    emit(from, revision, "entry", entered.onEntry(), at, actions, keys);
    JourneyInstance next = with(from, t.to(), at, timers(t.to(), at, customer), from.goals(),
        entered.terminal() ? at : null, revision);
    AuditEntry entry = new AuditEntry(from.id(), from.state(), t.to(), t.trigger().label(), at,
        keys, String.join("; ", notes));
    return new Step(next, actions, List.of(entry));
  }

  private void emit(JourneyInstance i, long revision, String source, List<Named> names,
      Instant at, List<ActionRequest> out, List<String> keys) {
    for (int k = 0; k < names.size(); k++) {
      Named n = names.get(k);
      String key = i.id() + ":r" + revision + ":" + source + ":" + k;
      keys.add(key);
      out.add(new ActionRequest(key, i.id(), i.customer(), n.name(),
          registry.action(n.name()).orElse(ActionKind.CUSTOM), n.params(), at));
    }
  }

  private boolean passes(Named guard, @Nullable Signal signal, Map<String, String> variables,
      CustomerView customer, List<String> notes) {
    Optional<Guard> g = registry.guard(guard.name());
    if (g.isEmpty()) {
      notes.add("guard " + guard.name() + " is not registered");
      return false;
    }
    try {
      return g.get().test(new GuardContext(signal, variables, customer, guard.params()));
    } catch (RuntimeException e) {
      notes.add("guard " + guard.name() + " threw " + e.getClass().getSimpleName() + ": "
          + e.getMessage());
      return false;
    }
  }

  private List<PendingTimer> timers(String state, Instant at, CustomerView customer) {
    List<PendingTimer> out = new ArrayList<>();
    StateSpec s = definition.states().get(state);
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
        spec.terminal() ? List.of() : timers(state, at, customer), instance.goals(),
        spec.terminal() ? at : null, instance.revision() + 1,
        spec.terminal() ? List.of() : instance.heldAsks());
  }
}
