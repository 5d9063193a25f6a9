package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.DefinitionProblem.Code;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyDefinitionTest {
  static final JourneyRegistry REGISTRY = JourneyRegistry.builder()
      .action("ask_review", ActionKind.ASK)
      .action("remind_review", ActionKind.ASK)
      .action("thank_reviewer", ActionKind.ISSUE_REWARD)
      .action("alert_owner", ActionKind.NOTIFY_OWNER)
      .guard("is_promoter", c -> true)
      .build();

  static JourneyDefinition.Builder review() {
    return JourneyDefinition.builder(JourneyId.of("review-request"), 1)
        .startsOn(SignalType.PURCHASE_COMPLETED)
        .state("invited").onEntry("ask_review")
        .state("reminded").onEntry("remind_review")
        .terminal("reviewed").terminal("lapsed").terminal("exited")
        .from("invited").after(Duration.ofDays(3)).to("reminded")
        .from("reminded").after(Duration.ofDays(7)).to("lapsed")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed").doing("thank_reviewer")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited").doing("alert_owner")
        .goal("reviewed", SignalType.REVIEW_POSTED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(90)));
  }

  @Test
  void aValidJourneyBuildsAndDrawsItself() {
    JourneyDefinition j = review().build(REGISTRY);
    assertThat(j.start()).isEqualTo("invited");
    assertThat(j.outgoing("invited")).extracting(TransitionSpec::to)
        .containsExactly("reminded", "reviewed", "exited");
    assertThat(j.outgoing("reviewed")).isEmpty();
    assertThat(JourneyDiagrams.mermaid(j)).isEqualTo("""
        stateDiagram-v2
          [*] --> invited
          invited : entry / ask_review
          reminded : entry / remind_review
          invited --> reminded : after PT72H
          invited --> reviewed : on review_posted / thank_reviewer
          invited --> exited : on complaint_opened / alert_owner
          reminded --> lapsed : after PT168H
          reminded --> reviewed : on review_posted / thank_reviewer
          reminded --> exited : on complaint_opened / alert_owner
          reviewed --> [*]
          lapsed --> [*]
          exited --> [*]
        """);
    assertThat(JourneyDiagrams.dot(j)).isEqualTo("""
        digraph "review-request v1" {
          rankdir=LR;
          node [shape=box, style=rounded];
          "__start" [shape=point];
          "invited" [label="invited\\nentry / ask_review"];
          "reminded" [label="reminded\\nentry / remind_review"];
          "reviewed" [label="reviewed", shape=doublecircle];
          "lapsed" [label="lapsed", shape=doublecircle];
          "exited" [label="exited", shape=doublecircle];
          "__start" -> "invited";
          "invited" -> "reminded" [label="after PT72H"];
          "invited" -> "reviewed" [label="on review_posted / thank_reviewer"];
          "invited" -> "exited" [label="on complaint_opened / alert_owner"];
          "reminded" -> "lapsed" [label="after PT168H"];
          "reminded" -> "reviewed" [label="on review_posted / thank_reviewer"];
          "reminded" -> "exited" [label="on complaint_opened / alert_owner"];
        }
        """);
  }

  @Test
  void guardsTimersAndActionsAreDrawnOnTheirEdgesAndStates() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("guarded"), 2)
        .startsOn(SignalType.PURCHASE_COMPLETED)
        .state("invited").onEntry(Named.of("ask_review", "channel", "EMAIL")).onExit("alert_owner")
        .state("reminded").onEntry("remind_review")
        .terminal("reviewed").onEntry("thank_reviewer").terminal("exited")
        .from("invited").after(Duration.ofDays(3)).to("reminded")
        .transition(new TransitionSpec("invited", "reviewed",
            new Trigger.OnSignal(SignalType.REVIEW_POSTED), Named.of("is_promoter", "min", "9"),
            List.of(Named.of("thank_reviewer", "points", "50"))))
        .from("reminded").atNext(LocalTime.of(10, 0)).to("exited").when("is_promoter")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited").doing("alert_owner")
        .build(REGISTRY);
    assertThat(JourneyDiagrams.mermaid(j)).isEqualTo("""
        stateDiagram-v2
          [*] --> invited
          invited : entry / ask_review{channel=EMAIL}
          invited : exit / alert_owner
          reminded : entry / remind_review
          reviewed : entry / thank_reviewer
          invited --> reminded : after PT72H
          invited --> reviewed : on review_posted [is_promoter{min=9}] / thank_reviewer{points=50}
          invited --> exited : on complaint_opened / alert_owner
          reminded --> exited : at next 10#58;00 local [is_promoter]
          reminded --> exited : on complaint_opened / alert_owner
          reviewed --> [*]
          exited --> [*]
        """);
    assertThat(JourneyDiagrams.dot(j)).isEqualTo("""
        digraph "guarded v2" {
          rankdir=LR;
          node [shape=box, style=rounded];
          "__start" [shape=point];
          "invited" [label="invited\\nentry / ask_review{channel=EMAIL}\\nexit / alert_owner"];
          "reminded" [label="reminded\\nentry / remind_review"];
          "reviewed" [label="reviewed\\nentry / thank_reviewer", shape=doublecircle];
          "exited" [label="exited", shape=doublecircle];
          "__start" -> "invited";
          "invited" -> "reminded" [label="after PT72H"];
          "invited" -> "reviewed" \
        [label="on review_posted [is_promoter{min=9}] / thank_reviewer{points=50}"];
          "invited" -> "exited" [label="on complaint_opened / alert_owner"];
          "reminded" -> "exited" [label="at next 10:00 local [is_promoter]"];
          "reminded" -> "exited" [label="on complaint_opened / alert_owner"];
        }
        """);
  }

  @Test
  void buildReportsEveryProblemAtOnce() {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("broken"), 1)
        .state("a")
        .state("b")
        .state("orphan").from("orphan").on(SignalType.NPS_ANSWERED).to("a")
        .terminal("done")
        .from("a").on(SignalType.NPS_ANSWERED).to("b")
        .from("a").on(SignalType.NPS_ANSWERED).to("done")
        .from("done").after(Duration.ofDays(1)).to("a")
        .from("a").on(SignalType.CSAT_ANSWERED).to("nowhere").when("no_such_guard").doing("no_such_action")
        .state("a");
    assertThatThrownBy(() -> b.build(REGISTRY)).isInstanceOf(JourneyValidationException.class)
        .satisfies(e -> assertThat(((JourneyValidationException) e).problems())
            .extracting(DefinitionProblem::code, DefinitionProblem::where)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(Code.DUPLICATE_STATE, "a"),
                org.assertj.core.groups.Tuple.tuple(Code.TIMER_ON_TERMINAL, "done -> a"),
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_STATE, "a -> nowhere"),
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_GUARD, "a -> nowhere"),
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_ACTION, "a -> nowhere"),
                org.assertj.core.groups.Tuple.tuple(Code.AMBIGUOUS, "a"),
                org.assertj.core.groups.Tuple.tuple(Code.DEAD_END, "b"),
                org.assertj.core.groups.Tuple.tuple(Code.UNREACHABLE, "orphan")));
  }

  @Test
  void anUnknownStartStillReportsDeadEndsAndEveryOtherProblem() {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("lost"), 1)
        .state("a").state("b").terminal("done")
        .start("nope")
        .from("a").on(SignalType.NPS_ANSWERED).to("done").when("no_such_guard")
        .from("done").on(SignalType.REVIEW_POSTED).to("a");
    assertThatThrownBy(() -> b.build(REGISTRY)).isInstanceOf(JourneyValidationException.class)
        .satisfies(e -> assertThat(((JourneyValidationException) e).problems()).containsExactly(
            new DefinitionProblem(Code.NO_START, "nope", "start nope is not a state"),
            new DefinitionProblem(Code.UNKNOWN_GUARD, "a -> done",
                "guard no_such_guard is not registered"),
            new DefinitionProblem(Code.TRANSITION_FROM_TERMINAL, "done -> a",
                "terminal state done has a transition on review_posted"),
            new DefinitionProblem(Code.DEAD_END, "b", "non-terminal state b has no way out")));
  }

  @Test
  void anUnguardedTransitionThatShadowsAnUnguardedGlobalExitIsAmbiguous() {
    List<DefinitionProblem> p = JourneyDefinition.builder(JourneyId.of("shadow"), 1)
        .state("invited").state("reminded")
        .terminal("thanked").terminal("reviewed").terminal("lapsed")
        .from("invited").on(SignalType.REVIEW_POSTED).to("thanked")
        .from("invited").after(Duration.ofDays(3)).to("reminded")
        // guarded: when the guard says no, the global exit still fires
        .from("reminded").on(SignalType.REVIEW_POSTED).to("thanked").when("is_promoter")
        .from("reminded").after(Duration.ofDays(7)).to("lapsed")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed")
        .problems(REGISTRY);
    assertThat(p).containsExactly(new DefinitionProblem(Code.AMBIGUOUS, "invited",
        "unguarded transition from invited to thanked on review_posted shadows the unguarded "
            + "global exit to reviewed"));
  }

  @Test
  void transitionsOutOfTerminalStatesAndUnknownEntryGuardAndStateActionsAreReported() {
    List<DefinitionProblem> p = JourneyDefinition.builder(JourneyId.of("names"), 1)
        .startsOn(SignalType.PURCHASE_COMPLETED).entryGuard("no_such_guard")
        .state("a").onEntry("ask_review", "no_such_entry_action").onExit("no_such_exit_action")
        .terminal("done").onEntry("no_such_final_action")
        .from("a").on(SignalType.REVIEW_POSTED).to("done")
        .from("done").on(SignalType.REVIEW_POSTED).to("a")
        .problems(REGISTRY);
    assertThat(p).containsExactly(
        new DefinitionProblem(Code.TRANSITION_FROM_TERMINAL, "done -> a",
            "terminal state done has a transition on review_posted"),
        new DefinitionProblem(Code.UNKNOWN_GUARD, "entry", "guard no_such_guard is not registered"),
        new DefinitionProblem(Code.UNKNOWN_ACTION, "a (entry)",
            "action no_such_entry_action is not registered"),
        new DefinitionProblem(Code.UNKNOWN_ACTION, "a (exit)",
            "action no_such_exit_action is not registered"),
        new DefinitionProblem(Code.UNKNOWN_ACTION, "done (entry)",
            "action no_such_final_action is not registered"));
  }

  @Test
  void aJourneyWithoutStatesHasNoStartAndGlobalExitsTakeSignalsOnly() {
    List<DefinitionProblem> none = JourneyDefinition.builder(JourneyId.of("empty"), 1).problems(REGISTRY);
    assertThat(none).extracting(DefinitionProblem::code).containsExactly(Code.NO_START);
    List<DefinitionProblem> timer = JourneyDefinition.builder(JourneyId.of("t"), 1)
        .state("a").terminal("z").from("a").on(SignalType.NPS_ANSWERED).to("z")
        .anyState().after(Duration.ofDays(1)).to("z").problems(REGISTRY);
    assertThat(timer).extracting(DefinitionProblem::code).containsExactly(Code.GLOBAL_TIMER);
    assertThatThrownBy(() -> JourneyDefinition.builder(JourneyId.of("x"), 1).to("a"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JourneyDefinition.builder(JourneyId.of("x"), 1)
        .goal("Won Back", SignalType.NPS_ANSWERED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("goal name \"Won Back\" must match [a-z][a-z0-9_.-]{0,63}");
  }

  @Test
  void calendarAndLocalTimeTriggersLabelThemselves() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("anniversary"), 2)
        .state("waiting").terminal("asked")
        .from("waiting").onAnniversary("customer_since", LocalTime.of(10, 0)).to("asked")
        .build(REGISTRY);
    assertThat(j.transitions().get(0).label()).isEqualTo("anniversary of customer_since at 10:00 local");
    assertThat(JourneyDiagrams.mermaid(j)).contains("waiting --> asked : anniversary of customer_since at 10#58;00 local");
  }

  /** Parameter values with each format's syntax characters draw as text, not as syntax. */
  @Test
  void labelTextIsEscapedForEachFormat() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("escaped"), 1)
        .state("waiting").onEntry(Named.of("alert_owner", "note", "a\\b \"c\"\nd"))
        .terminal("asked")
        .from("waiting").on(SignalType.PURCHASE_COMPLETED).to("asked")
        .doing(Named.of("ask_review", "subject", "Hi; #1 <VIP>: \"now\"\r\nthanks"))
        .build(REGISTRY);
    assertThat(JourneyDiagrams.mermaid(j)).isEqualTo("""
        stateDiagram-v2
          [*] --> waiting
          waiting : entry / alert_owner{note=a\\b #quot;c#quot; d}
          waiting --> asked : on purchase_completed / \
        ask_review{subject=Hi#59; #35;1 #lt;VIP#gt;#58; #quot;now#quot;  thanks}
          asked --> [*]
        """);
    assertThat(JourneyDiagrams.dot(j)).contains(
        "\"waiting\" [label=\"waiting\\nentry / alert_owner{note=a\\\\b \\\"c\\\" d}\"];",
        "\"waiting\" -> \"asked\" [label=\"on purchase_completed / "
            + "ask_review{subject=Hi; #1 <VIP>: \\\"now\\\"  thanks}\"];");
  }

  /** Every transition of a random chain-shaped journey appears as an edge in both diagrams. */
  @Test
  void everyTransitionIsAnEdge() {
    qt().withExamples(100).forAll(lists().of(integers().between(0, 5)).ofSizeBetween(1, 12))
        .checkAssert(targets -> {
          JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("random"), 1);
          for (int i = 0; i < 6; i++) {
            b.state("s" + i);
          }
          b.terminal("end");
          for (int i = 0; i < 6; i++) {
            b.from("s" + i).after(Duration.ofDays(i + 1)).to(i == 5 ? "end" : "s" + (i + 1));
          }
          for (int i = 0; i < targets.size(); i++) {
            b.from("s" + (i % 6)).on(SignalType.custom("custom_" + i, io.advocacy.core.signal.ValueRule.ANY))
                .to("s" + targets.get(i));
          }
          JourneyDefinition j = b.build(REGISTRY);
          String mermaid = JourneyDiagrams.mermaid(j);
          String dot = JourneyDiagrams.dot(j);
          for (TransitionSpec t : j.transitions()) {
            assertThat(mermaid).contains(t.from() + " --> " + t.to() + " : " + t.label());
            assertThat(dot).contains("\"" + t.from() + "\" -> \"" + t.to() + "\" [label=\"" + t.label() + "\"]");
          }
        });
  }
}
