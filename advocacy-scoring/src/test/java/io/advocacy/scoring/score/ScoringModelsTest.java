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
        "/version: needs a whole number of at least 1",
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
}
