package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class JourneyJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** What a mutation puts in place of a value; one more choice than these removes it. */
  private static final List<JsonNode> REPLACEMENTS = elements(MAPPER.readTree("""
      [{}, {"x": 1}, [], [1, "a"], 0, -1, 3000000000, 99999999999999999999, 1.5, null, true,
       false, "", "Not A Name", "P3D", "-P3D", "10:00", "*", "review_posted"]
      """));
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
         "goals": {"": "review_posted", "Won Back": "nps_answered", "ok": 3},
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
        "/transitions/0/trigger/after: 'three days' is not an ISO-8601 duration such as \"P3D\"",
        "/transitions/1/trigger: unknown trigger; use signal, after, atLocal, anniversary or immediately",
        "/transitions/2/guard: needs {\"name\": a machine name}",
        "/goals/: '' is not a machine name",
        "/goals/Won Back: 'Won Back' is not a machine name",
        "/goals/ok: needs a signal type name");
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
  void valuesOfTheWrongJsonTypeAreProblemsWithTheirPathNotExceptions() {
    String doc = """
        {"id": "types", "version": 3000000000, "start": "a",
         "entry": {"signal": "purchase_completed",
                   "guard": {"name": "is_promoter", "params": {"min": null}}},
         "states": [{"name": "a"}, {"name": "z", "terminal": "yes"}],
         "transitions": [
           {"from": "a", "to": "z", "trigger": {"after": {}}},
           {"from": "a", "to": "z", "trigger": {"atLocal": [1]}},
           {"from": "a", "to": "z", "trigger": {"anniversary": {}, "at": "10:00"}},
           {"from": "a", "to": "z", "trigger": {"anniversary": "customer_since", "at": 10}},
           {"from": "a", "to": "z", "trigger": {"signal": "review_posted"},
            "actions": [{"name": "thank_reviewer", "params": {"points": {}}}]},
           {"from": "a", "to": "z", "trigger": {"signal": "nps_answered"},
            "guard": {"name": "is_promoter", "params": {"min": 9, "a/b": true}}},
           {"from": "a", "to": "z", "trigger": {"immediately": false}},
           {"from": "a", "to": "z", "trigger": {"signal": "csat_answered"},
            "actions": [{"name": "thank_reviewer", "parmas": {"points": "50"}}]}],
         "reentry": {"policy": "after_cooldown", "cooldown": 90}}
        """;
    JourneyJson.Read read = JourneyJson.read(doc, JourneyDefinitionTest.REGISTRY);
    assertThat(read.definition()).isNull();
    assertThat(read.problems()).containsExactly(
        "/version: needs a whole number of at least 1",
        "/states/1/terminal: needs true or false",
        "/entry/guard/params/min: needs a string",
        "/reentry/cooldown: needs a string such as \"P90D\"",
        "/transitions/0/trigger/after: needs a string such as \"P3D\"",
        "/transitions/1/trigger/atLocal: needs a string such as \"10:00\"",
        "/transitions/2/trigger/anniversary: needs a string such as \"customer_since\"",
        "/transitions/3/trigger/at: needs a string such as \"10:00\"",
        "/transitions/4/actions/0/params/points: needs a string",
        "/transitions/5/guard/params/min: needs a string",
        "/transitions/5/guard/params/a~1b: needs a string",
        "/transitions/6/trigger/immediately: needs true",
        "/transitions/7/actions/0/parmas: unknown key");
  }

  @Test
  void aTriggerHasOneKindAndEveryTimeAndDurationIsChecked() {
    String doc = """
        {"id": "triggers", "version": 1, "start": "a",
         "states": [{"name": "a"}, {"name": "z", "terminal": true}],
         "transitions": [
           {"from": "a", "to": "z", "trigger": {"anniversary": "customer_since"}},
           {"from": "a", "to": "z", "trigger": {"anniversary": "customer_since", "at": "25:00"}},
           {"from": "a", "to": "z", "trigger": {"anniversary": "Customer Since", "at": "10:00"}},
           {"from": "a", "to": "z", "trigger": {"after": "PT0S"}},
           {"from": "a", "to": "z", "trigger": {"after": "P1D", "at": "10:00"}},
           {"from": "a", "to": "z", "trigger": {"signal": "review_posted", "after": "P1D"}}],
         "reentry": {"policy": "never", "cooldown": "P90D"}}
        """;
    JourneyJson.Read read = JourneyJson.read(doc, JourneyDefinitionTest.REGISTRY);
    assertThat(read.definition()).isNull();
    assertThat(read.problems()).containsExactly(
        "/reentry/cooldown: only the after_cooldown policy takes a cooldown",
        "/transitions/0/trigger/at: needs a string such as \"10:00\"",
        "/transitions/1/trigger/at: '25:00' is not a local time such as \"10:00\"",
        "/transitions/2/trigger/anniversary: 'Customer Since' is not a machine name",
        "/transitions/3/trigger/after: 'PT0S' is not a positive duration",
        "/transitions/4/trigger/at: unknown key",
        "/transitions/5/trigger: one trigger per transition, not signal and after");
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

  /** A valid document that uses every key of the format. */
  private static JsonNode everyKey() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("every-key"), 2)
        .startsOn(SignalType.PURCHASE_COMPLETED).entryGuard(Named.of("is_promoter", "min", "9"))
        .state("invited").onEntry(Named.of("ask_review", "motion", "REVIEW")).onExit("alert_owner")
        .state("waiting").state("morning").state("calendar")
        .terminal("reviewed").terminal("lapsed").terminal("exited")
        .from("invited").immediately().to("waiting")
        .transition(new TransitionSpec("waiting", "morning", new Trigger.After(Duration.ofDays(3)),
            Named.of("is_promoter", "min", "7"), List.of()))
        .from("morning").atNext(LocalTime.of(10, 0)).to("calendar")
        .from("calendar").onAnniversary("customer_since", LocalTime.of(9, 30)).to("lapsed")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed")
        .doing(Named.of("thank_reviewer", "points", "50"))
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
        .goal("reviewed", SignalType.REVIEW_POSTED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(90)))
        .build(JourneyDefinitionTest.REGISTRY);
    ObjectNode root = (ObjectNode) MAPPER.readTree(JourneyJson.write(j));
    root.put("description", "every key");
    return root;
  }

  /** Every value of a valid document replaced by each replacement, or removed, one at a time. */
  @Test
  void readNeverThrowsWhenAnyOneValueIsReplacedOrRemoved() {
    JsonNode base = everyKey();
    int slots = slots(base).size();
    assertThat(slots).isEqualTo(82);
    for (int slot = 0; slot < slots; slot++) {
      for (int kind = 0; kind <= REPLACEMENTS.size(); kind++) {
        JsonNode doc = base.deepCopy();
        mutate(doc, slot, kind);
        readsWithoutThrowing(MAPPER.writeValueAsString(doc));
      }
    }
  }

  /** Several values replaced or removed at once; later picks land in what earlier ones left. */
  @Test
  void readNeverThrowsOnAnyMutationsOfAValidDocument() {
    JsonNode base = everyKey();
    qt().withFixedSeed(20260420L).withExamples(3000)
        .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(2, 10))
        .checkAssert(picks -> {
          JsonNode doc = base.deepCopy();
          for (int i = 0; i + 1 < picks.size(); i += 2) {
            mutate(doc, picks.get(i), picks.get(i + 1));
          }
          readsWithoutThrowing(MAPPER.writeValueAsString(doc));
        });
  }

  private static void readsWithoutThrowing(String doc) {
    JourneyJson.Read[] read = new JourneyJson.Read[1];
    assertThatCode(() -> read[0] = JourneyJson.read(doc, JourneyDefinitionTest.REGISTRY))
        .as(doc).doesNotThrowAnyException();
    if (read[0].definition() != null) {
      // what was read writes back and reads as the same journey
      assertThat(JourneyJson.read(JourneyJson.write(read[0].definition()),
          JourneyDefinitionTest.REGISTRY).definition()).as(doc).isEqualTo(read[0].definition());
    } else {
      // a problem names its JSON pointer (empty for the whole document) or is a definition's
      assertThat(read[0].problems()).as(doc).allSatisfy(p -> assertThat(p)
          .matches("(?s)(/[^ :]*)?: .+|[A-Z_]+ at .+: .+"));
    }
  }

  /** Replaces (or, for the kind one past the replacements, removes) the value at a slot. */
  private static void mutate(JsonNode root, int slot, int kind) {
    List<Object[]> slots = slots(root);
    if (slots.isEmpty()) {
      return;
    }
    Object[] s = slots.get(Math.floorMod(slot, slots.size()));
    int k = Math.floorMod(kind, REPLACEMENTS.size() + 1);
    JsonNode with = k < REPLACEMENTS.size() ? REPLACEMENTS.get(k).deepCopy() : null;
    if (s[0] instanceof ObjectNode o) {
      if (with == null) {
        o.remove((String) s[1]);
      } else {
        o.set((String) s[1], with);
      }
    } else {
      ArrayNode a = (ArrayNode) s[0];
      if (with == null) {
        a.remove((Integer) s[1]);
      } else {
        a.set((Integer) s[1], with);
      }
    }
  }

  /** Every value under the root as {container, key or index}, depth first. */
  private static List<Object[]> slots(JsonNode root) {
    List<Object[]> out = new ArrayList<>();
    if (root instanceof ObjectNode o) {
      for (String k : new ArrayList<>(o.propertyNames())) {
        out.add(new Object[] {o, k});
        out.addAll(slots(o.get(k)));
      }
    } else if (root instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Object[] {a, i});
        out.addAll(slots(a.get(i)));
      }
    }
    return out;
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return List.copyOf(out);
  }
}
