package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyJsonTextTest {
  private static JourneyDefinition.Builder tiny() {
    return JourneyDefinition.builder(JourneyId.of("tiny"), 2)
        .startsOn(SignalType.STAY_COMPLETED).entryGuard("is_promoter")
        .state("invited").onEntry("ask_review").terminal("done").terminal("out")
        .from("invited").after(Duration.ofDays(3)).to("done").when("is_promoter")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("out").doing("alert_owner")
        .goal("reviewed", SignalType.REVIEW_POSTED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(30)));
  }

  @Test
  void theWriterOutputIsExactAndStable() {
    JourneyDefinition j = tiny().build(JourneyDefinitionTest.REGISTRY);
    // durations are written in ISO-8601 as java.time prints them: 3 days = PT72H, 30 days = PT720H
    String expected = """
        {
          "id" : "tiny",
          "version" : 2,
          "start" : "invited",
          "entry" : {
            "signal" : "stay_completed",
            "guard" : {
              "name" : "is_promoter"
            }
          },
          "reentry" : {
            "policy" : "after_cooldown",
            "cooldown" : "PT720H"
          },
          "states" : [ {
            "name" : "invited",
            "onEntry" : [ {
              "name" : "ask_review"
            } ]
          }, {
            "name" : "done",
            "terminal" : true
          }, {
            "name" : "out",
            "terminal" : true
          } ],
          "transitions" : [ {
            "from" : "invited",
            "to" : "done",
            "trigger" : {
              "after" : "PT72H"
            },
            "guard" : {
              "name" : "is_promoter"
            }
          }, {
            "from" : "*",
            "to" : "out",
            "trigger" : {
              "signal" : "complaint_opened"
            },
            "actions" : [ {
              "name" : "alert_owner"
            } ]
          } ],
          "goals" : {
            "reviewed" : "review_posted"
          }
        }""";
    assertThat(JourneyJson.write(j)).isEqualTo(expected);
    assertThat(JourneyJson.write(tiny().build(JourneyDefinitionTest.REGISTRY))).isEqualTo(expected);
  }

  @Test
  void namedParametersRoundTrip() {
    JourneyDefinition j = tiny()
        .transition(new TransitionSpec("invited", "done", new Trigger.OnSignal(SignalType.REVIEW_POSTED),
            new Named("is_promoter", Map.of("min", "9")),
            List.of(new Named("thank_reviewer", Map.of("points", "50", "currency", "EUR")))))
        .build(JourneyDefinitionTest.REGISTRY);
    String json = JourneyJson.write(j);
    assertThat(json).contains("\"points\" : \"50\"").contains("\"min\" : \"9\"");
    // parameters are written sorted by key, so the text does not depend on map order
    assertThat(json.indexOf("\"currency\"")).isLessThan(json.indexOf("\"points\""));
    JourneyJson.Read read = JourneyJson.read(json, JourneyDefinitionTest.REGISTRY);
    assertThat(read.problems()).isEmpty();
    assertThat(read.definition()).isEqualTo(j);
    assertThat(read.definition().transitions().get(2).actions().get(0).params())
        .containsExactlyInAnyOrderEntriesOf(Map.of("points", "50", "currency", "EUR"));
  }
}
