package io.advocacy.scoring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Published worked examples; sources in {@code src/test/resources/attribution/golden.md}. */
class AttributionGoldenTest {
  @Test
  void markovFirstOrderSetA() {
    MarkovResult m = Attribution.markov(List.of(PathRow.of("c1 > c2 > c3", 1, 0, 1000),
        PathRow.of("c1", 0, 1, 0), PathRow.of("c2 > c3", 0, 1, 0)), 1, false);
    assertThat(m.conversionProbability()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.removalEffects()).containsOnlyKeys("c1", "c2", "c3");
    assertThat(m.removalEffects().get("c1")).isCloseTo(0.5, within(1e-12));
    assertThat(m.removalEffects().get("c2")).isCloseTo(1.0, within(1e-12));
    assertThat(m.removalEffects().get("c3")).isCloseTo(1.0, within(1e-12));
    Map<String, Credit> c = m.attribution().byChannel();
    assertThat(c.get("c1").conversions()).isCloseTo(0.2, within(1e-9));
    assertThat(c.get("c2").conversions()).isCloseTo(0.4, within(1e-9));
    assertThat(c.get("c3").conversions()).isCloseTo(0.4, within(1e-9));
    assertThat(c.get("c1").value()).isCloseTo(200, within(1e-9));
    assertThat(c.get("c3").value()).isCloseTo(400, within(1e-9));
    assertThat(m.transitions().get(MarkovResult.START))
        .containsEntry("c1", 2.0 / 3).containsEntry("c2", 1.0 / 3);
    assertThat(m.transitions().get("c3")).containsEntry(MarkovResult.CONVERSION, 0.5)
        .containsEntry(MarkovResult.NULL, 0.5);
  }

  @Test
  void simplifiedShapleySetE() {
    Map<String, Credit> two = Attribution.shapleySimplified(
        List.of(PathRow.of("a", 4, 0, 40), PathRow.of("a > b", 6, 0, 60))).byChannel();
    assertThat(two.get("a").conversions()).isEqualTo(7.0);
    assertThat(two.get("b").conversions()).isEqualTo(3.0);
    assertThat(two.get("a").value()).isEqualTo(70.0);
    Map<String, Credit> four = Attribution.shapleySimplified(
        List.of(PathRow.of("a > b > c > d", 10, 0, 0))).byChannel();
    assertThat(four.values()).extracting(Credit::conversions).containsOnly(2.5);
  }

  static final Map<Set<String>, Double> GAME_G = Map.of(
      Set.of("O"), 7.0, Set.of("F"), 6.0, Set.of("D"), 4.0, Set.of("O", "F"), 15.0,
      Set.of("O", "D"), 7.0, Set.of("F", "D"), 9.0, Set.of("O", "F", "D"), 19.0);

  @Test
  void classicShapleySetGExactlyAndSampled() {
    ShapleyValues exact = Attribution.shapley(GAME_G, 16, 2, 1);
    assertThat(exact.exact()).isTrue();
    assertThat(exact.values().get("O")).isCloseTo(23.0 / 3, within(1e-12));
    assertThat(exact.values().get("F")).isCloseTo(49.0 / 6, within(1e-12));
    assertThat(exact.values().get("D")).isCloseTo(19.0 / 6, within(1e-12));
    ShapleyValues sampled = Attribution.shapley(GAME_G, 0, 20_000, 42);
    assertThat(sampled.exact()).isFalse();
    for (String p : List.of("O", "F", "D")) {
      double se = sampled.standardErrors().get(p);
      assertThat(se).isPositive();
      assertThat(sampled.values().get(p)).isCloseTo(exact.values().get(p), within(4 * se));
    }
    // the sampled values are deterministic for a seed
    assertThat(Attribution.shapley(GAME_G, 0, 20_000, 42)).isEqualTo(sampled);
  }
}
