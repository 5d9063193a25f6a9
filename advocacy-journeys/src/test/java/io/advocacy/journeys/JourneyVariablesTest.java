package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.JourneyId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instance variables: set by SET_VARIABLE actions, read by guards and by action parameters. */
class JourneyVariablesTest {
  static final Instant T0 = JourneyMachineTest.T0;

  static final JourneyRegistry REGISTRY = JourneyRegistry.builder()
      .action("remember", ActionKind.SET_VARIABLE)
      .action("notify", ActionKind.NOTIFY_OWNER)
      .action("reward", ActionKind.ISSUE_REWARD)
      .guard("has_referee", c -> c.variables().containsKey("referee"))
      .build();

  static final JourneyDefinition TRACKING = JourneyDefinition.builder(JourneyId.of("tracking"), 1)
      .startsOn(SignalType.PURCHASE_COMPLETED)
      .state("waiting").onEntry(
          Named.of("remember", "amount", JourneyMachine.SIGNAL_VALUE,
              "order", "${attribute:order}", "coupon", "${attribute:coupon}", "stage", "new"),
          Named.of("notify", "order", "${variable:order}", "note", "thanks"))
      .state("shared")
      .terminal("converted").terminal("unattributed").terminal("lapsed")
      .from("waiting").on(SignalType.REFERRAL_SHARED).to("shared")
      .doing(Named.of("remember", "referee", "${attribute:referee}", "stage", "shared"))
      .from("shared").on(SignalType.REFERRAL_CONVERTED).to("converted").when("has_referee")
      .doing(Named.of("reward", "sides", "both", "referee", "${variable:referee}",
          "via", JourneyMachine.SIGNAL_ID, "type", JourneyMachine.SIGNAL_TYPE))
      .from("shared").on(SignalType.REFERRAL_CONVERTED).to("unattributed")
      .from("waiting").after(Duration.ofDays(3)).to("lapsed")
      .doing(Named.of("notify", "order", "${variable:order}", "via", JourneyMachine.SIGNAL_ID))
      .build(REGISTRY);

  final JourneyMachine machine = new JourneyMachine(TRACKING, REGISTRY);

  static Signal signal(String id, SignalType type, Instant at, double value, String... attributes) {
    Signal.Builder b = Signal.builder(SignalId.of(id), JourneyMachineTest.ADA, type, at)
        .value(value);
    for (int k = 0; k < attributes.length; k += 2) {
      b.attribute(attributes[k], attributes[k + 1]);
    }
    return b.build();
  }

  @Test
  void variablesAreSetFromTheSignalAndReadByGuardsAndParameters() {
    Step started = machine.start("i-1", JourneyMachineTest.ADA_VIEW,
        signal("p-1", SignalType.PURCHASE_COMPLETED, T0, 120, "order", "o-42"), T0).orElseThrow();
    // no coupon attribute: the variable is left unset
    assertThat(started.instance().variables())
        .containsExactly(Map.entry("amount", "120"), Map.entry("order", "o-42"),
            Map.entry("stage", "new"));
    // the SET_VARIABLE action is not emitted; the other keeps its position in the key
    assertThat(started.actions()).singleElement().satisfies(a -> {
      assertThat(a.idempotencyKey()).isEqualTo("i-1:r1:entry:1");
      assertThat(a.name()).isEqualTo("notify");
      assertThat(a.params()).containsOnly(Map.entry("order", "o-42"),
          Map.entry("note", "thanks"));
    });
    Step shared = machine.onSignal(started.instance(), signal("s-1", SignalType.REFERRAL_SHARED,
        T0.plusSeconds(60), 1, "referee", "customer:c-bob"), JourneyMachineTest.ADA_VIEW);
    assertThat(shared.actions()).isEmpty();
    assertThat(shared.instance().variables()).containsExactly(Map.entry("amount", "120"),
        Map.entry("order", "o-42"), Map.entry("referee", "customer:c-bob"),
        Map.entry("stage", "shared"));
    Step converted = machine.onSignal(shared.instance(), signal("v-1",
        SignalType.REFERRAL_CONVERTED, T0.plusSeconds(120), 1.5), JourneyMachineTest.ADA_VIEW);
    assertThat(converted.instance().state()).isEqualTo("converted");
    assertThat(converted.actions()).singleElement().satisfies(a -> {
      assertThat(a.idempotencyKey()).isEqualTo("i-1:r3:t1:0");
      assertThat(a.params()).containsOnly(Map.entry("sides", "both"),
          Map.entry("referee", "customer:c-bob"), Map.entry("via", "v-1"),
          Map.entry("type", "referral_converted"));
    });
  }

  @Test
  void aShareWithoutARefereeLeavesTheGuardFalseAndATimerHasNoSignalToRead() {
    Step started = machine.start("i-1", JourneyMachineTest.ADA_VIEW,
        signal("p-1", SignalType.PURCHASE_COMPLETED, T0, 19.5), T0).orElseThrow();
    assertThat(started.instance().variables())
        .containsExactly(Map.entry("amount", "19.5"), Map.entry("stage", "new"));
    // a variable that is not set leaves the parameter out
    assertThat(started.actions().get(0).params())
        .containsOnly(Map.entry("note", "thanks"));
    Step shared = machine.onSignal(started.instance(),
        signal("s-1", SignalType.REFERRAL_SHARED, T0.plusSeconds(60), 1),
        JourneyMachineTest.ADA_VIEW);
    assertThat(shared.instance().variables()).doesNotContainKey("referee")
        .containsEntry("stage", "shared");
    Step converted = machine.onSignal(shared.instance(), signal("v-1",
        SignalType.REFERRAL_CONVERTED, T0.plusSeconds(120), 1), JourneyMachineTest.ADA_VIEW);
    assertThat(converted.instance().state()).isEqualTo("unattributed");
    assertThat(converted.actions()).isEmpty();

    Step again = machine.start("i-2", JourneyMachineTest.ADA_VIEW,
        signal("p-2", SignalType.PURCHASE_COMPLETED, T0, 7, "order", "o-7"), T0).orElseThrow();
    Step lapsed = machine.onTimers(again.instance(), T0.plus(Duration.ofDays(4)),
        JourneyMachineTest.ADA_VIEW);
    assertThat(lapsed.instance().state()).isEqualTo("lapsed");
    // a timer has no signal: its id is left out, the variable is read
    assertThat(lapsed.actions()).singleElement().satisfies(a ->
        assertThat(a.params()).containsOnly(Map.entry("order", "o-7")));
  }

  @Test
  void theEngineKeepsVariablesAcrossStepsInTheInMemoryStore() {
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(), REGISTRY,
        c -> JourneyMachineTest.ADA_VIEW).journey(TRACKING).build();
    engine.handle(signal("p-1", SignalType.PURCHASE_COMPLETED, T0, 120, "order", "o-42"));
    engine.handle(signal("s-1", SignalType.REFERRAL_SHARED, T0.plusSeconds(60), 1,
        "referee", "customer:c-bob"));
    JourneyEngine.Result r = engine.handle(
        signal("v-1", SignalType.REFERRAL_CONVERTED, T0.plusSeconds(120), 1));
    assertThat(r.steps()).singleElement().satisfies(s -> {
      assertThat(s.instance().state()).isEqualTo("converted");
      assertThat(s.actions().get(0).params()).containsEntry("referee", "customer:c-bob");
    });
    assertThat(engine.store().find("tracking:c-ada:1").orElseThrow().variables())
        .containsEntry("referee", "customer:c-bob").containsEntry("stage", "shared");
  }

  @Test
  void aReferenceTheMachineDoesNotKnowIsAProblemOfTheDefinition() {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("typos"), 1)
        .state("a").onEntry(Named.of("remember", "x", "${atribute:referee}", "y", "${variable:}",
            "z", "$plain", "w", "${signal:value}"))
        .terminal("z").from("a").on(SignalType.REVIEW_POSTED).to("z")
        .doing(Named.of("notify", "when", "${signal:when}"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.build(REGISTRY))
        .isInstanceOfSatisfying(JourneyValidationException.class, e ->
            assertThat(e.problems()).extracting(DefinitionProblem::code, DefinitionProblem::where,
                    DefinitionProblem::message)
                .containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Code.UNKNOWN_REFERENCE,
                        "a -> z", "action notify parameter when: ${signal:when}"
                            + " is none of ${signal:value}, ${signal:id}, ${signal:type},"
                            + " ${attribute:<name>}, ${variable:<name>}"),
                    org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Code.UNKNOWN_REFERENCE,
                        "a (entry)", "action remember parameter x: ${atribute:referee} is none of"
                            + " ${signal:value}, ${signal:id}, ${signal:type},"
                            + " ${attribute:<name>}, ${variable:<name>}"),
                    org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Code.UNKNOWN_REFERENCE,
                        "a (entry)", "action remember parameter y: ${variable:} is none of"
                            + " ${signal:value}, ${signal:id}, ${signal:type},"
                            + " ${attribute:<name>}, ${variable:<name>}")));
  }
}

