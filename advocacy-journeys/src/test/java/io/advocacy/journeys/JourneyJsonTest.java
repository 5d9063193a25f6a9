package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyJsonTest {
  @Test
  void aJourneyRoundTripsThroughJson() {
    JourneyDefinition j = JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY);
    String json = JourneyJson.write(j);
    JourneyJson.Read read = JourneyJson.read(json, JourneyDefinitionTest.REGISTRY);
    assertThat(read.problems()).isEmpty();
    assertThat(JourneyJson.write(read.definition())).isEqualTo(json);
    assertThat(JourneyDiagrams.mermaid(read.definition())).isEqualTo(JourneyDiagrams.mermaid(j));
    assertThat(json).contains("\"from\" : \"*\"").contains("\"cooldown\" : \"PT2160H\"");
  }

  @Test
  void everyTriggerKindAndGuardRoundTrips() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("all-triggers"), 3)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("is_promoter")
        .state("a").onExit("alert_owner").state("b").state("c").state("d").terminal("z")
        .from("a").immediately().to("b")
        .from("b").atNext(LocalTime.of(10, 0)).to("c").when("is_promoter")
        .from("c").onAnniversary("customer_since", LocalTime.of(9, 30)).to("d")
        .from("d").on(SignalType.REVIEW_POSTED).to("z").doing("thank_reviewer")
        .reentry(ReentryPolicy.ALWAYS)
        .build(JourneyDefinitionTest.REGISTRY);
    String json = JourneyJson.write(j);
    JourneyJson.Read read = JourneyJson.read(json, JourneyDefinitionTest.REGISTRY);
    assertThat(read.problems()).isEmpty();
    assertThat(JourneyJson.write(read.definition())).isEqualTo(json);
  }

  @Test
  void aBadDocumentReportsEveryProblemWithItsPath() {
    String doc = """
        {"id": "bad", "version": 0, "colour": "red", "start": "a",
         "states": [{"name": "a"}, {"name": "Not A Name"}, 7],
         "transitions": [
           {"from": "a", "to": "b", "trigger": {"after": "three days"}},
           {"from": "a", "to": "b", "trigger": {"teleport": true}},
           {"from": "a", "to": "b", "trigger": {"signal": "review_posted"}, "guard": {"nam": "x"}}],
         "reentry": {"policy": "sometimes"}}
        """;
    JourneyJson.Read read = JourneyJson.read(doc, JourneyDefinitionTest.REGISTRY);
    assertThat(read.definition()).isNull();
    assertThat(read.problems()).containsExactly(
        "/colour: unknown key",
        "/version: needs a whole number of at least 1",
        "/states/1/name: 'Not A Name' is not a machine name",
        "/states/2: a state is an object",
        "/reentry/policy: 'sometimes'; use never, after_cooldown or always",
        "/transitions/0/trigger: Text cannot be parsed to a Duration",
        "/transitions/1/trigger: unknown trigger; use signal, after, atLocal, anniversary or immediately",
        "/transitions/2/guard: needs {\"name\": a machine name}");
    assertThat(JourneyJson.read("[", JourneyDefinitionTest.REGISTRY).problems()).hasSize(1);
  }

  @Test
  void aWellFormedButInvalidJourneyReportsItsDefinitionProblems() {
    String doc = """
        {"id": "dead", "version": 1, "start": "a",
         "states": [{"name": "a"}, {"name": "b"}],
         "transitions": [{"from": "a", "to": "b", "trigger": {"after": "P1D"}}]}
        """;
    assertThat(JourneyJson.read(doc, JourneyDefinitionTest.REGISTRY).problems())
        .containsExactly("DEAD_END at b: non-terminal state b has no way out");
  }

  @Test
  void entryGuardParametersRoundTrip() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("entry-params"), 1)
        .startsOn(SignalType.NPS_ANSWERED).entryGuard(Named.of("is_promoter", "min", "9"))
        .state("a").terminal("z").from("a").on(SignalType.REVIEW_POSTED).to("z")
        .build(JourneyDefinitionTest.REGISTRY);
    String json = JourneyJson.write(j);
    assertThat(json).isEqualTo("""
        {
          "id" : "entry-params",
          "version" : 1,
          "start" : "a",
          "entry" : {
            "signal" : "nps_answered",
            "guard" : {
              "name" : "is_promoter",
              "params" : {
                "min" : "9"
              }
            }
          },
          "reentry" : {
            "policy" : "never"
          },
          "states" : [ {
            "name" : "a"
          }, {
            "name" : "z",
            "terminal" : true
          } ],
          "transitions" : [ {
            "from" : "a",
            "to" : "z",
            "trigger" : {
              "signal" : "review_posted"
            }
          } ],
          "goals" : { }
        }""");
    JourneyJson.Read read = JourneyJson.read(json, JourneyDefinitionTest.REGISTRY);
    assertThat(read.problems()).isEmpty();
    assertThat(read.definition().entryGuard())
        .isEqualTo(new Named("is_promoter", Map.of("min", "9")));
    assertThat(read.definition()).isEqualTo(j);
  }
}
