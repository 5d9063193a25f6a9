package io.advocacy.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.SignalType;
import org.junit.jupiter.api.Test;

class ScoringModelsTest {
  @Test
  void everyIndustryHasAModelThatRoundTrips() {
    for (Industry industry : Industry.values()) {
      ScoringModel m = ScoringModels.forIndustry(industry);
      assertThat(m.id()).isEqualTo(industry.name().toLowerCase(java.util.Locale.ROOT));
      assertThat(m.version()).isEqualTo(1);
      assertThat(m.signals()).containsKey(SignalType.NPS_ANSWERED);
      ModelLoad again = ScoringModels.parse(ScoringModels.toJson(m));
      assertThat(again.problems()).isEmpty();
      assertThat(again.model()).isEqualTo(m);
    }
  }

  @Test
  void everyProblemIsReportedWithItsPath() {
    String doc = """
        {"id": "Bad Id", "version": 0, "colour": "blue",
         "tiers": {"promoter": 50, "advocate": 40, "champion": 80},
         "components": {
           "sentiment": {"weight": 1, "halfLifeDays": -3, "scale": 1},
           "engagement": {"weight": "heavy", "halfLifeDays": 30, "scale": 0, "cap": 2},
           "mood": {"weight": 1, "halfLifeDays": 1, "scale": 1}},
         "signals": {
           "nps_answered": {"component": "sentiment", "rule": "nps"},
           "nps_typo": {"component": "sentiment", "rule": "nps"},
           "csat_answered": {"component": "vibes", "rule": "guess"},
           "product_usage": {"component": "engagement", "rule": "value", "factor": 1e999},
           "my_webhook": {"component": "sentiment", "rule": "fixed", "custom": true}}}
        """;
    ModelLoad load = ScoringModels.parse(doc);
    assertThat(load.model()).isNull();
    assertThat(load.problems()).extracting(ModelProblem::toString).containsExactly(
        "/colour: unknown key \"colour\"",
        "/id: needs a machine name such as \"b2b_saas\"",
        "/version: needs a whole number of at least 1 (and at most 2147483647)",
        "/tiers: tier thresholds 50.0 / 40.0 / 80.0 are not ascending within (0, 100]",
        "/components/sentiment/halfLifeDays: -3.0 is negative",
        "/components/engagement/weight: \"heavy\" is not a number",
        "/components/engagement/scale: 0.0 is not positive",
        "/components/engagement/cap: 2.0 is not in (0, 1]",
        "/components/mood: unknown component \"mood\"; known: sentiment, engagement, outcomes, advocacy, social, risk",
        "/signals/nps_typo: unknown signal type \"nps_typo\" (mark a host-defined type with \"custom\": true)",
        "/signals/csat_answered/component: needs one of sentiment, engagement, outcomes, advocacy, social, risk",
        "/signals/csat_answered/rule: unknown rule \"guess\"; known: nps, csat, value, fixed, amount",
        "/signals/product_usage/factor: Infinity is not finite");
  }

  @Test
  void garbageIsAProblemNotAnException() {
    assertThat(ScoringModels.parse("{").problems()).hasSize(1);
    assertThat(ScoringModels.parse("[1,2]").problems()).extracting(ModelProblem::message)
        .containsExactly("a model is a JSON object");
  }

  @Test
  void wrongShapesAnywhereAreProblemsNotExceptions() {
    String[] docs = {
        "", "null", "42", "\"model\"", "{}",
        "{\"id\": \"m\", \"version\": 1, \"tiers\": null, \"components\": [], \"signals\": \"x\"}",
        "{\"id\": 7, \"version\": 1.5, \"tiers\": [1, 2], \"components\": {\"risk\": 3},"
            + " \"signals\": {\"nps_answered\": []}}",
        "{\"id\": \"m\", \"version\": 99999999999999999999, \"tiers\": {\"promoter\": \"a\"},"
            + " \"components\": {\"risk\": {\"weight\": null, \"halfLifeDays\": {}}},"
            + " \"signals\": {\"nps_answered\": {\"component\": 1, \"rule\": null,"
            + " \"factor\": \"x\", \"maxPerSignal\": -1}}}",
        "{\"id\": \"m\", \"id\": \"n\"}",
        "{\"a\": [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}",
    };
    assertThat(ScoringModels.parse(docs[7]).problems()).extracting(ModelProblem::path)
        .contains("/version", "/tiers/promoter", "/components/risk/weight",
            "/components/risk/halfLifeDays", "/signals/nps_answered/component",
            "/signals/nps_answered/rule", "/signals/nps_answered/factor",
            "/signals/nps_answered/maxPerSignal");
    for (String doc : docs) {
      ModelLoad load = ScoringModels.parse(doc);
      assertThat(load.model()).as(doc).isNull();
      assertThat(load.problems()).as(doc).isNotEmpty()
          // JSON pointers: "" is the whole document
          .allSatisfy(p -> assertThat(p.path()).matches("|/.*"));
    }
  }
}
