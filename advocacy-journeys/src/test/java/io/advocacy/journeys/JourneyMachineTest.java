package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.signal.ValueRule;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyMachineTest {
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  static CustomerView view(CustomerProfile profile, AdvocateTier tier) {
    return CustomerView.of(profile, OptionalDouble.of(50), tier, Set.of(Motion.REVIEW));
  }

  static final CustomerView ADA_VIEW = view(CustomerProfile.builder(ADA)
      .timeZone(ZoneId.of("America/New_York"))
      .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2024, 2, 29)).build(),
      AdvocateTier.PROMOTER);

  static Signal signal(String id, SignalType type, Instant at) {
    return Signal.of(SignalId.of(id), ADA, type, at, 5);
  }

  final JourneyMachine machine = new JourneyMachine(
      JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY), JourneyDefinitionTest.REGISTRY);

  @Test
  void aReviewJourneyRunsOnTimersAndSignals() {
    Step started = machine.start("i-1", ADA_VIEW, signal("p-1", SignalType.PURCHASE_COMPLETED, T0), T0)
        .orElseThrow();
    JourneyInstance i = started.instance();
    assertThat(i.state()).isEqualTo("invited");
    assertThat(i.revision()).isEqualTo(1);
    assertThat(started.actions()).extracting(ActionRequest::idempotencyKey, ActionRequest::name, ActionRequest::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("i-1:r1:entry:0", "ask_review", ActionKind.ASK));
    assertThat(i.nextDue()).contains(T0.plus(Duration.ofDays(3)));
    // Nothing due yet.
    assertThat(machine.onTimers(i, T0.plus(Duration.ofDays(2)), ADA_VIEW).moved()).isFalse();
    Step reminded = machine.onTimers(i, T0.plus(Duration.ofDays(4)), ADA_VIEW);
    assertThat(reminded.instance().state()).isEqualTo("reminded");
    assertThat(reminded.instance().enteredAt()).isEqualTo(T0.plus(Duration.ofDays(3))); // the due time
    assertThat(reminded.actions()).extracting(ActionRequest::idempotencyKey)
        .containsExactly("i-1:r2:entry:0");
    Step reviewed = machine.onSignal(reminded.instance(),
        signal("r-1", SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(5))), ADA_VIEW);
    assertThat(reviewed.instance().state()).isEqualTo("reviewed");
    assertThat(reviewed.instance().running()).isFalse();
    assertThat(reviewed.instance().goals()).containsExactly("reviewed");
    assertThat(reviewed.instance().timers()).isEmpty(); // the 7-day lapse timer is cancelled
    assertThat(reviewed.actions()).extracting(ActionRequest::idempotencyKey, ActionRequest::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("i-1:r3:t2:0", "thank_reviewer"));
    assertThat(reviewed.audit()).singleElement().satisfies(a -> {
      assertThat(a.from()).isEqualTo("reminded");
      assertThat(a.trigger()).isEqualTo("on review_posted");
    });
    // An ended instance ignores everything.
    assertThat(machine.onSignal(reviewed.instance(),
        signal("c-1", SignalType.COMPLAINT_OPENED, T0.plus(Duration.ofDays(6))), ADA_VIEW).moved()).isFalse();
  }

  @Test
  void overdueTimersAfterDowntimeFireOnceInDueOrder() {
    JourneyInstance i = machine.start("i-2", ADA_VIEW, null, T0).orElseThrow().instance();
    Step late = machine.onTimers(i, T0.plus(Duration.ofDays(30)), ADA_VIEW);
    assertThat(late.audit()).extracting(AuditEntry::to).containsExactly("reminded", "lapsed");
    assertThat(late.audit()).extracting(AuditEntry::at)
        .containsExactly(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(10)));
    assertThat(machine.onTimers(late.instance(), T0.plus(Duration.ofDays(60)), ADA_VIEW).moved()).isFalse();
  }

  @Test
  void localTimesAnniversariesImmediateChainsAndThrowingGuards() {
    JourneyRegistry registry = JourneyRegistry.builder()
        .guard("boom", c -> {
          throw new IllegalStateException("host bug");
        })
        .guard("promoter", c -> c.customer().tier().atLeast(AdvocateTier.PROMOTER))
        .action("ask_review", ActionKind.ASK)
        .build();
    JourneyDefinition d = JourneyDefinition.builder(JourneyId.of("windows"), 1)
        .state("start").state("morning").state("anniversary").terminal("done").terminal("never")
        .from("start").immediately().to("never").when("boom")
        .from("start").immediately().to("morning").when("promoter")
        .from("morning").atNext(LocalTime.of(10, 0)).to("anniversary")
        .from("anniversary").onAnniversary(CustomerProfile.CUSTOMER_SINCE, LocalTime.of(9, 0)).to("done")
        .doing("ask_review")
        .build(registry);
    JourneyMachine m = new JourneyMachine(d, registry);
    Step s = m.start("i-3", ADA_VIEW, null, T0).orElseThrow(); // 10:00 EST on 1 March 2027
    assertThat(s.instance().state()).isEqualTo("morning");
    assertThat(s.audit()).extracting(AuditEntry::note)
        .contains("guard boom threw IllegalStateException: host bug");
    // Next 10:00 in New York after 10:00 EST on 1 March: 2 March 10:00 EST = 15:00Z.
    assertThat(s.instance().nextDue()).contains(Instant.parse("2027-03-02T15:00:00Z"));
    Step next = m.onTimers(s.instance(), Instant.parse("2027-03-02T15:00:00Z"), ADA_VIEW);
    assertThat(next.instance().state()).isEqualTo("anniversary");
    // customer since 29 Feb 2024: the 2028 anniversary is 29 Feb 2028 at 09:00 EST = 14:00Z
    // (2027 has no 29 February: 28 February 2027 is already past on 2 March 2027).
    assertThat(next.instance().nextDue()).contains(Instant.parse("2028-02-29T14:00:00Z"));
    // a customer since a date still to come (tomorrow, or later this year) has the first
    // anniversary a year after that date, not today
    for (LocalDate since : List.of(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 12, 24))) {
      CustomerView fresh = view(CustomerProfile.builder(ADA).timeZone(ZoneId.of("America/New_York"))
          .datedAttribute(CustomerProfile.CUSTOMER_SINCE, since).build(), AdvocateTier.PROMOTER);
      Step waiting = m.onTimers(s.instance(), Instant.parse("2027-03-02T15:00:00Z"), fresh);
      assertThat(waiting.instance().nextDue())
          .contains(since.plusYears(1).atTime(9, 0).atZone(ZoneId.of("America/New_York"))
              .toInstant());
    }
  }

  @Test
  void anEntryGuardCanSayNo() {
    JourneyRegistry registry = JourneyRegistry.builder().guard("champions", c -> c.customer().tier()
        == AdvocateTier.CHAMPION).build();
    JourneyDefinition d = JourneyDefinition.builder(JourneyId.of("champions-only"), 1)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("champions")
        .state("a").terminal("z").from("a").on(SignalType.REVIEW_POSTED).to("z").build(registry);
    assertThat(new JourneyMachine(d, registry).start("i-4", ADA_VIEW, null, T0)).isEmpty();
  }

  @Test
  void aStepOfOneTransitionEqualsTheSameStepBuiltFromLists() {
    Step started = machine.start("i-5", ADA_VIEW, null, T0).orElseThrow();
    Step copy = new Step(started.instance(), new ArrayList<>(started.actions()),
        new ArrayList<>(started.audit()));
    assertThat(started.audit()).hasSize(1);
    assertThat(copy).isEqualTo(started).hasSameHashCodeAs(started);
    assertThat(copy.toString()).isEqualTo(started.toString())
        .startsWith("Step[instance=JourneyInstance[id=i-5").contains(", audit=[AuditEntry[");
    assertThat(started.moved()).isTrue();
    Step none = new Step(started.instance(), List.of(), List.of());
    assertThat(none.moved()).isFalse();
    assertThat(none.audit()).isEmpty();
    assertThat(none).isNotEqualTo(started);
    AuditEntry entry = started.audit().get(0);
    Step two = new Step(started.instance(), List.of(), List.of(entry, entry));
    assertThat(two.audit()).containsExactly(entry, entry);
    assertThat(two).isNotEqualTo(new Step(started.instance(), List.of(), List.of(entry)));
    assertThat(two.hashCode()).isEqualTo(new Step(started.instance(), List.of(),
        new ArrayList<>(List.of(entry, entry))).hashCode());
  }

  @Test
  void aStepsEntryMadeOnlyWhenAskedForIsExactlyItsTransitionsEntry() {
    // A transition without a note keeps the state it left and its trigger, and makes its entry
    // when asked for: it must be the entry an eager step would hold, keys in emission order
    // (exit, transition, entry), and the step must equal and hash as one built with it.
    JourneyDefinition d = JourneyDefinition.builder(JourneyId.of("three"), 1)
        .state("a").onExit("alert").state("b").onEntry("ask").terminal("c")
        .from("a").on(TYPES[0]).to("b").when("yes").doing("thank")
        .from("b").on(TYPES[1]).to("c").when("no")
        .from("b").on(TYPES[1]).to("c").when("boom")
        .from("b").on(TYPES[1]).to("c")
        .build(MODEL_REGISTRY);
    JourneyMachine m = new JourneyMachine(d, MODEL_REGISTRY);
    Step started = m.start("i-9", ADA_VIEW, null, T0).orElseThrow();
    assertThat(started.audit()).containsExactly(new AuditEntry("i-9", "(start)", "a", "start", T0,
        List.of(), ""));
    Instant at = T0.plusSeconds(90);
    Step moved = m.onSignal(started.instance(), signal("m-1", TYPES[0], at), ADA_VIEW);
    AuditEntry entry = new AuditEntry("i-9", "a", "b", "on model_a", at,
        List.of("i-9:r2:exit:0", "i-9:r2:t0:0", "i-9:r2:entry:0"), "");
    assertThat(moved.actions()).extracting(ActionRequest::idempotencyKey)
        .containsExactlyElementsOf(entry.actions());
    assertThat(moved.audit()).containsExactly(entry);
    Step eager = new Step(moved.instance(), moved.actions(), List.of(entry));
    assertThat(moved).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
    assertThat(eager).isEqualTo(moved);
    assertThat(moved.onlyEntry()).isEqualTo(entry);
    assertThat(moved.entriesUnlessOne()).isEmpty();
    assertThat(moved.moved()).isTrue();
    // A guard that threw leaves a note: that entry is made at once, with the note.
    Step noted = m.onSignal(moved.instance(), signal("m-2", TYPES[1], at.plusSeconds(1)),
        ADA_VIEW);
    assertThat(noted.audit()).singleElement().satisfies(e -> {
      assertThat(e.from()).isEqualTo("b");
      assertThat(e.to()).isEqualTo("c");
      assertThat(e.note()).isEqualTo("guard boom threw IllegalStateException: host bug");
    });
  }

  @Test
  void anInstanceWhoseStateIsAnEqualButOtherStringMovesTheSame() {
    JourneyInstance i = machine.start("i-6", ADA_VIEW, null, T0).orElseThrow().instance();
    JourneyInstance rehydrated = withState(i, new String(i.state()));
    assertThat(rehydrated.state()).isNotSameAs(i.state());
    Signal posted = signal("r-6", SignalType.REVIEW_POSTED, T0.plusSeconds(60));
    assertThat(machine.onSignal(rehydrated, posted, ADA_VIEW))
        .isEqualTo(machine.onSignal(i, posted, ADA_VIEW));
  }

  @Test
  void variablesAreCopiedOnceAndKeptInNameOrder() {
    java.util.Map<String, String> vars = new java.util.HashMap<>();
    vars.put("b", "2");
    vars.put("a", "1");
    JourneyInstance i = new JourneyInstance("i-7", JourneyId.of("j"), 1, ADA, "s", T0, vars,
        List.of(), Set.of(), null, 0);
    vars.put("c", "3");
    assertThat(i.variables()).containsExactly(java.util.Map.entry("a", "1"),
        java.util.Map.entry("b", "2")).isEqualTo(java.util.Map.of("a", "1", "b", "2"));
    JourneyInstance next = withState(i, "t");
    assertThat(next.variables()).isSameAs(i.variables());
    assertThat(next.variables().get("a")).isEqualTo("1");
    assertThat(next.variables().containsKey("c")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> i.variables().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aTimerWhoseGuardSaysNoIsDroppedEvenAfterAnEarlierTimerFiredInTheSameTick() {
    JourneyDefinition d = JourneyDefinition.builder(JourneyId.of("timers"), 1)
        .state("a").state("b").terminal("c")
        .from("a").after(Duration.ofHours(1)).to("b").when("yes")
        .from("b").after(Duration.ofHours(1)).to("c").when("no")
        .from("b").on(TYPES[0]).to("c").when("yes")
        .build(MODEL_REGISTRY);
    JourneyMachine m = new JourneyMachine(d, MODEL_REGISTRY);
    JourneyInstance i = m.start("i-8", ADA_VIEW, null, T0).orElseThrow().instance();
    Step tick = m.onTimers(i, T0.plus(Duration.ofHours(3)), ADA_VIEW);
    assertThat(tick.audit()).extracting(AuditEntry::to).containsExactly("b");
    assertThat(tick.instance().state()).isEqualTo("b");
    assertThat(tick.instance().timers()).isEmpty();
    assertThat(tick.instance().revision()).isEqualTo(2);
    // Only the guard's timer due: dropped, nothing moves, the revision stays.
    Step entered = m.onTimers(i, T0.plus(Duration.ofHours(1)), ADA_VIEW);
    assertThat(entered.instance().timers()).hasSize(1);
    Step dropped = m.onTimers(entered.instance(), T0.plus(Duration.ofHours(2)), ADA_VIEW);
    assertThat(dropped.moved()).isFalse();
    assertThat(dropped.instance().timers()).isEmpty();
    assertThat(dropped.instance().revision()).isEqualTo(entered.instance().revision());
  }

  private static JourneyInstance withState(JourneyInstance i, String state) {
    return new JourneyInstance(i.id(), i.journey(), i.definitionVersion(), i.customer(), state,
        i.enteredAt(), i.variables(), i.timers(), i.goals(), i.endedAt(), i.revision(),
        i.heldAsks());
  }

  // ------------------------------------------------------------- the machine against a model

  static final SignalType[] TYPES = {
      SignalType.custom("model_a", ValueRule.ANY), SignalType.custom("model_b", ValueRule.ANY),
      SignalType.custom("model_c", ValueRule.ANY)};
  static final String[] GUARDS = {"yes", "no", "boom", "odd"};
  static final String[] ACTIONS = {"ask", "thank", "alert"};
  static final JourneyRegistry MODEL_REGISTRY = JourneyRegistry.builder()
      .guard("yes", c -> true)
      .guard("no", c -> false)
      .guard("boom", c -> {
        throw new IllegalStateException("host bug");
      })
      .guard("odd", c -> c.signal() != null && c.signal().value() % 2 == 1)
      .action("ask", ActionKind.ASK)
      .action("thank", ActionKind.ISSUE_REWARD)
      .action("alert", ActionKind.NOTIFY_OWNER)
      .build();

  /**
   * Over generated definitions (a guarded chain s0 → … → end on model_a so every state is
   * reachable, plus extra own and global transitions on signals, timers and immediately, with
   * any guard and actions, and entry and exit actions) and generated runs of signals and ticks,
   * the machine's steps equal those of a short model written from the class Javadoc: the same
   * instances, actions with the same keys, and audit entries.
   */
  @Test
  void stepsMatchAModelOfTheDocumentedRules() {
    qt().withExamples(300)
        .forAll(integers().between(1, 4), lists().of(integers().between(0, 1 << 20))
                .ofSizeBetween(0, 8),
            lists().of(integers().between(0, 99)).ofSizeBetween(1, 30))
        .checkAssert((n, extras, events) -> {
          JourneyDefinition d = generate(n, extras);
          JourneyMachine m = new JourneyMachine(d, MODEL_REGISTRY);
          Model model = new Model(d);
          Step step = m.start("i-m", ADA_VIEW, null, T0).orElseThrow();
          assertThat(step).isEqualTo(model.start("i-m", T0));
          Instant now = T0;
          for (int e : events) {
            JourneyInstance before = step.instance();
            if (e < 60) {
              Signal s = signal("e-" + e, TYPES[e % 3], now);
              s = Signal.of(s.id(), ADA, s.type(), now, e / 3);
              step = m.onSignal(before, s, ADA_VIEW);
              assertThat(step).isEqualTo(model.onSignal(before, s));
              // An instance holding an equal state name that is another string moves the same.
              assertThat(m.onSignal(withState(before, new String(before.state())), s, ADA_VIEW))
                  .isEqualTo(step);
            } else {
              now = now.plus(Duration.ofMinutes(30L * (e - 59)));
              step = m.onTimers(before, now, ADA_VIEW);
              assertThat(step).isEqualTo(model.onTimers(before, now));
            }
            assertThat(step.instance().revision())
                .isEqualTo(before.revision() + step.audit().size());
          }
        });
  }

  private static JourneyDefinition generate(int n, List<Integer> extras) {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("model"), 1);
    for (int i = 0; i < n; i++) {
      b.state("s" + i);
      if (i % 2 == 1) {
        b.onEntry("ask").onExit("alert", "thank");
      }
    }
    b.terminal("end").onEntry("thank");
    b.goal("saw_b", TYPES[1]);
    for (int i = 0; i < n; i++) {
      b.from("s" + i).on(TYPES[0]).to(i == n - 1 ? "end" : "s" + (i + 1)).when("yes");
    }
    for (int x : extras) {
      int from = x % (n + 1); // n: a global exit
      int kind = (x / 8) % 5; // 0..2 a signal type, 3 after, 4 immediately
      if (from == n) {
        b.anyState().on(TYPES[kind % 3]);
      } else {
        b.from("s" + from);
        switch (kind) {
          case 3 -> b.after(Duration.ofHours(1 + (x / 64) % 5));
          case 4 -> b.immediately();
          default -> b.on(TYPES[kind]);
        }
      }
      int to = (x / 512) % (n + 1);
      b.to(to == n ? "end" : "s" + to).when(GUARDS[(x / 4096) % 4]);
      int actions = (x / 16384) % 4;
      if (actions > 0) {
        b.doing(java.util.Arrays.copyOf(ACTIONS, actions));
      }
    }
    return b.build(MODEL_REGISTRY);
  }

  /** The class Javadoc's rules written plainly, without precomputation: the reference model. */
  static final class Model {
    final JourneyDefinition d;

    Model(JourneyDefinition d) {
      this.d = d;
    }

    Step start(String id, Instant at) {
      StateSpec first = d.states().get(d.start());
      JourneyInstance fresh = new JourneyInstance(id, d.id(), d.version(), ADA, d.start(), at,
          java.util.Map.of(), List.of(), Set.of(), null, 0);
      List<ActionRequest> actions = new ArrayList<>();
      List<String> keys = emit(fresh, 1, "entry", first.onEntry(), at, actions);
      JourneyInstance entered = new JourneyInstance(id, d.id(), d.version(), ADA, d.start(), at,
          java.util.Map.of(), timers(d.start(), at), Set.of(), first.terminal() ? at : null, 1);
      List<AuditEntry> audit = new ArrayList<>();
      audit.add(new AuditEntry(id, "(start)", d.start(), "start", at, keys, ""));
      return immediately(entered, actions, audit);
    }

    Step onSignal(JourneyInstance i, Signal s) {
      if (!i.running()) {
        return new Step(i, List.of(), List.of());
      }
      Set<String> goals = new HashSet<>(i.goals());
      d.goals().forEach((name, type) -> {
        if (type.equals(s.type())) {
          goals.add(name);
        }
      });
      JourneyInstance current = new JourneyInstance(i.id(), i.journey(), i.definitionVersion(),
          i.customer(), i.state(), i.enteredAt(), i.variables(), i.timers(), goals, i.endedAt(),
          i.revision());
      List<String> notes = new ArrayList<>();
      for (TransitionSpec t : d.outgoing(i.state())) {
        if (t.trigger().equals(new Trigger.OnSignal(s.type())) && passes(t, s, notes)) {
          List<ActionRequest> actions = new ArrayList<>();
          List<AuditEntry> audit = new ArrayList<>();
          return immediately(move(current, t, s.occurredAt(), notes, actions, audit), actions,
              audit);
        }
      }
      return new Step(current, List.of(), List.of());
    }

    Step onTimers(JourneyInstance i, Instant now) {
      JourneyInstance current = i;
      List<ActionRequest> actions = new ArrayList<>();
      List<AuditEntry> audit = new ArrayList<>();
      for (int n = 0; n < 32 && current.running(); n++) {
        PendingTimer due = current.timers().stream().filter(p -> !p.dueAt().isAfter(now))
            .findFirst().orElse(null);
        if (due == null) {
          break;
        }
        TransitionSpec t = d.transitions().get(due.transition());
        if (!passes(t, null, new ArrayList<>())) {
          List<PendingTimer> rest = new ArrayList<>(current.timers());
          rest.remove(due);
          current = new JourneyInstance(current.id(), current.journey(),
              current.definitionVersion(), current.customer(), current.state(),
              current.enteredAt(), current.variables(), rest, current.goals(),
              current.endedAt(), current.revision());
          continue;
        }
        current = immediately(move(current, t, due.dueAt(), List.of(), actions, audit), actions,
            audit).instance();
      }
      return new Step(current, actions, audit);
    }

    Step immediately(JourneyInstance i, List<ActionRequest> actions, List<AuditEntry> audit) {
      JourneyInstance current = i;
      for (int depth = 0; depth < 32 && current.running(); depth++) {
        List<String> notes = new ArrayList<>();
        TransitionSpec next = null;
        for (TransitionSpec t : d.outgoing(current.state())) {
          if (t.trigger() instanceof Trigger.Immediately && passes(t, null, notes)) {
            next = t;
            break;
          }
        }
        if (next == null) {
          break;
        }
        current = move(current, next, current.enteredAt(), notes, actions, audit);
      }
      return new Step(current, actions, audit);
    }

    boolean passes(TransitionSpec t, Signal s, List<String> notes) {
      if (t.guard() == null) {
        return true;
      }
      try {
        return MODEL_REGISTRY.guard(t.guard().name()).orElseThrow().test(
            new GuardContext(s, java.util.Map.of(), ADA_VIEW, t.guard().params()));
      } catch (RuntimeException e) {
        notes.add("guard " + t.guard().name() + " threw " + e.getClass().getSimpleName() + ": "
            + e.getMessage());
        return false;
      }
    }

    JourneyInstance move(JourneyInstance i, TransitionSpec t, Instant at, List<String> notes,
        List<ActionRequest> actions, List<AuditEntry> audit) {
      long revision = i.revision() + 1;
      List<String> keys = new ArrayList<>();
      keys.addAll(emit(i, revision, "exit", d.states().get(i.state()).onExit(), at, actions));
      keys.addAll(emit(i, revision, "t" + d.transitions().indexOf(t), t.actions(), at, actions));
      keys.addAll(emit(i, revision, "entry", d.states().get(t.to()).onEntry(), at, actions));
      audit.add(new AuditEntry(i.id(), i.state(), t.to(), t.trigger().label(), at, keys,
          String.join("; ", notes)));
      boolean terminal = d.states().get(t.to()).terminal();
      return new JourneyInstance(i.id(), i.journey(), i.definitionVersion(), i.customer(),
          t.to(), at, i.variables(), terminal ? List.of() : timers(t.to(), at), i.goals(),
          terminal ? at : null, revision);
    }

    List<String> emit(JourneyInstance i, long revision, String source, List<Named> names,
        Instant at, List<ActionRequest> out) {
      List<String> keys = new ArrayList<>();
      for (int k = 0; k < names.size(); k++) {
        Named n = names.get(k);
        String key = i.id() + ":r" + revision + ":" + source + ":" + k;
        keys.add(key);
        out.add(new ActionRequest(key, i.id(), i.customer(), n.name(),
            MODEL_REGISTRY.action(n.name()).orElseThrow(), n.params(), at));
      }
      return keys;
    }

    List<PendingTimer> timers(String state, Instant at) {
      List<PendingTimer> out = new ArrayList<>();
      for (int k = 0; k < d.transitions().size(); k++) {
        TransitionSpec t = d.transitions().get(k);
        if (state.equals(t.from()) && t.trigger() instanceof Trigger.After a) {
          out.add(new PendingTimer(k, at.plus(a.delay())));
        }
      }
      return out;
    }
  }
}
