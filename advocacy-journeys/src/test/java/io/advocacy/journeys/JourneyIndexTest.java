package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyIndexTest {
  private static final JourneyDefinition REVIEW =
      JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY);

  @Test
  void statesHaveSmallIndicesInDeclarationOrder() {
    assertThat(REVIEW.stateNames())
        .containsExactly("invited", "reminded", "reviewed", "lapsed", "exited");
    assertThat(REVIEW.stateIndex("invited")).isZero();
    assertThat(REVIEW.stateIndex("exited")).isEqualTo(4);
    assertThat(REVIEW.stateIndex("nowhere")).isEqualTo(-1);
    assertThat(REVIEW.stateName(1)).isEqualTo("reminded");
    assertThat(REVIEW.isTerminal(1)).isFalse();
    assertThat(REVIEW.isTerminal(2)).isTrue();
    assertThatThrownBy(() -> REVIEW.stateName(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void candidatesArePrecomputedPerStateAndTrigger() {
    int invited = REVIEW.stateIndex("invited");
    Trigger threeDays = new Trigger.After(Duration.ofDays(3));
    Trigger reviewPosted = new Trigger.OnSignal(SignalType.REVIEW_POSTED);
    assertThat(REVIEW.triggers(invited)).containsExactly(
        threeDays, reviewPosted, new Trigger.OnSignal(SignalType.COMPLAINT_OPENED));
    assertThat(REVIEW.candidates(invited, threeDays)).singleElement()
        .extracting(TransitionSpec::to).isEqualTo("reminded");
    // the invited state has no 7-day timer: only reminded does
    assertThat(REVIEW.candidates(invited, new Trigger.After(Duration.ofDays(7)))).isEmpty();
    assertThat(REVIEW.candidates(REVIEW.stateIndex("reminded"), reviewPosted)).singleElement()
        .extracting(TransitionSpec::to).isEqualTo("reviewed");
    // global exits do not leave terminal states
    assertThat(REVIEW.candidates(REVIEW.stateIndex("lapsed"), reviewPosted)).isEmpty();
    assertThat(REVIEW.triggers(REVIEW.stateIndex("lapsed"))).isEmpty();
    assertThat(REVIEW.outgoing("reminded")).extracting(TransitionSpec::to)
        .containsExactly("lapsed", "reviewed", "exited");
  }

  @Test
  void aStatesOwnTransitionsComeBeforeGlobalExitsDeclaredEarlier() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("order"), 1)
        .state("a").terminal("global").terminal("own")
        .anyState().on(SignalType.REVIEW_POSTED).to("global")
        .from("a").on(SignalType.REVIEW_POSTED).to("own").when("is_promoter")
        .build(JourneyDefinitionTest.REGISTRY);
    assertThat(j.candidates(0, new Trigger.OnSignal(SignalType.REVIEW_POSTED)))
        .extracting(TransitionSpec::to).containsExactly("own", "global");
  }

  @Test
  void equalDefinitionsAreEqualAndDifferentOnesAreNot() {
    JourneyDefinition again = JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY);
    assertThat(again).isEqualTo(REVIEW).hasSameHashCodeAs(REVIEW);
    JourneyDefinition v2 = JourneyDefinition.builder(JourneyId.of("review-request"), 2)
        .state("a").terminal("b").from("a").immediately().to("b")
        .build(JourneyDefinitionTest.REGISTRY);
    assertThat(v2).isNotEqualTo(REVIEW);
  }

  /**
   * Write then read gives an equal definition, over generated journeys: a chain of 1..6 states
   * ending in a terminal state, plus extra transitions whose trigger kind, target, guard and
   * actions are drawn from the generated numbers, some of them global exits.
   */
  @Test
  void writeThenReadGivesAnEqualDefinition() {
    qt().withExamples(200)
        .forAll(integers().between(1, 6), lists().of(integers().between(0, 9999)).ofSizeBetween(0, 10),
            integers().between(0, 2))
        .checkAssert((n, extras, reentry) -> {
          JourneyDefinition j = generate(n, extras, reentry);
          JourneyJson.Read read = JourneyJson.read(JourneyJson.write(j), JourneyDefinitionTest.REGISTRY);
          assertThat(read.problems()).isEmpty();
          assertThat(read.definition()).isEqualTo(j).hasSameHashCodeAs(j);
          assertThat(JourneyJson.write(read.definition())).isEqualTo(JourneyJson.write(j));
        });
  }

  private static JourneyDefinition generate(int n, List<Integer> extras, int reentry) {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("gen-" + n), n)
        .startsOn(SignalType.PURCHASE_COMPLETED);
    for (int i = 0; i < n; i++) {
      b.state("s" + i);
      if (i % 2 == 0) {
        b.onEntry("ask_review");
      }
    }
    b.terminal("end").terminal("out");
    b.anyState().on(SignalType.COMPLAINT_OPENED).to("out");
    for (int i = 0; i < n; i++) {
      b.from("s" + i).after(Duration.ofHours(i + 1)).to(i == n - 1 ? "end" : "s" + (i + 1));
    }
    for (int k = 0; k < extras.size(); k++) {
      int x = extras.get(k);
      String target = x % 3 == 0 ? "out" : "s" + (x % n);
      if (x % 7 == 0) {
        // a global exit, on a signal unique to this transition
        b.anyState().on(SignalType.custom("exit_" + k, io.advocacy.core.signal.ValueRule.ANY))
            .to("out").doing("alert_owner");
        continue;
      }
      b.from("s" + (k % n));
      switch (x % 4) {
        case 0 -> b.on(SignalType.custom("sig_" + k, io.advocacy.core.signal.ValueRule.ANY));
        case 1 -> b.atNext(LocalTime.of(x % 24, x % 60));
        case 2 -> b.onAnniversary("customer_since", LocalTime.of((x / 7) % 24, 0));
        default -> b.after(Duration.ofMinutes(1000 + k));
      }
      // every extra transition is guarded, so two on the same trigger never conflict
      b.to(target).when("is_promoter");
      if (x % 5 == 0) {
        b.doing("thank_reviewer", "alert_owner");
      }
    }
    b.reentry(switch (reentry) {
      case 0 -> ReentryPolicy.NEVER;
      case 1 -> ReentryPolicy.ALWAYS;
      default -> ReentryPolicy.afterCooldown(Duration.ofDays(30));
    });
    return b.build(JourneyDefinitionTest.REGISTRY);
  }
}
