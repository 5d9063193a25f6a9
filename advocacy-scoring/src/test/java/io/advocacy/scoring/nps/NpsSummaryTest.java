package io.advocacy.scoring.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NpsSummaryTest {
  private static final Offset<Double> E = within(1e-9);
  private static final double Z95 = 1.959963984540054; // two-sided 95 % normal quantile

  @Test
  void bandsFollowTheStandardCuts() {
    assertThat(NpsBand.of(0)).isEqualTo(NpsBand.DETRACTOR);
    assertThat(NpsBand.of(6)).isEqualTo(NpsBand.DETRACTOR);
    assertThat(NpsBand.of(7)).isEqualTo(NpsBand.PASSIVE);
    assertThat(NpsBand.of(8)).isEqualTo(NpsBand.PASSIVE);
    assertThat(NpsBand.of(9)).isEqualTo(NpsBand.PROMOTER);
    assertThat(NpsBand.of(10)).isEqualTo(NpsBand.PROMOTER);
    assertThatThrownBy(() -> NpsBand.of(11)).hasMessage("NPS answer 11 is outside 0–10");
    assertThat(NpsSummary.ofScores(10, 9, 8, 7, 6, 0)).isEqualTo(new NpsSummary(2, 2, 2));
  }

  @Test
  void waldIntervalByHand() {
    NpsSummary s = new NpsSummary(60, 25, 15);
    assertThat(s.nps()).isCloseTo(45.0, E); // 100 · (60 − 15) / 100
    NpsInterval i = s.interval(0.95, IntervalMethod.WALD).orElseThrow();
    // p = 0.60, d = 0.15: variance (0.75 − 0.45²) / 100 = 0.005475; se = 0.0739932 → 7.39932 points
    double se = 100 * Math.sqrt((0.75 - 0.45 * 0.45) / 100);
    assertThat(i.standardError()).isCloseTo(se, E).isCloseTo(7.399324293474371, E);
    assertThat(i.centre()).isCloseTo(45.0, E);
    assertThat(i.lower()).isCloseTo(45 - Z95 * se, E).isCloseTo(30.49759087485795, within(1e-6));
    assertThat(i.upper()).isCloseTo(59.502409125142044, within(1e-6));
    assertThat(i.marginOfError()).isCloseTo(Z95 * se, within(1e-9));
    // At 90 %, z = 1.6448536: [32.829, 57.171]
    NpsInterval ninety = s.interval(0.90, IntervalMethod.WALD).orElseThrow();
    assertThat(ninety.lower()).isCloseTo(32.82919459888854, within(1e-6));
    assertThat(ninety.upper()).isCloseTo(57.170805401111444, within(1e-6));
  }

  @Test
  void adjustedWaldIntervalByHand() {
    NpsSummary s = new NpsSummary(60, 25, 15);
    NpsInterval i = s.interval().orElseThrow();
    assertThat(i.method()).isEqualTo(IntervalMethod.ADJUSTED_WALD);
    assertThat(i.level()).isEqualTo(0.95);
    // n' = 103, p' = 60.75/103, d' = 15.75/103; centre = 100 · 45/103 = 43.6893
    double p = 60.75 / 103;
    double d = 15.75 / 103;
    double se = 100 * Math.sqrt((p + d - (p - d) * (p - d)) / 103);
    assertThat(i.centre()).isCloseTo(100.0 * 45 / 103, E);
    assertThat(i.standardError()).isCloseTo(se, E).isCloseTo(7.3196289828672825, within(1e-9));
    assertThat(i.lower()).isCloseTo(29.343111201734096, within(1e-6));
    assertThat(i.upper()).isCloseTo(58.035529574964926, within(1e-6));
  }

  @Test
  void boundsAreClampedAndAllPromotersStillGetAWidth() {
    NpsSummary ten = new NpsSummary(10, 0, 0);
    NpsInterval wald = ten.interval(0.95, IntervalMethod.WALD).orElseThrow();
    assertThat(wald.lower()).isEqualTo(100.0); // the Wald interval collapses at 100
    assertThat(wald.upper()).isEqualTo(100.0);
    NpsInterval adjusted = ten.interval().orElseThrow();
    // n' = 13, p' = 10.75/13, d' = 0.75/13: centre 76.923, upper 106.34 clamped to 100
    assertThat(adjusted.centre()).isCloseTo(100.0 * 10 / 13, E);
    assertThat(adjusted.lower()).isCloseTo(47.503551544790206, within(1e-6));
    assertThat(adjusted.upper()).isEqualTo(100.0);
  }

  @Test
  void noAnswersHaveNoScoreAndNoInterval() {
    assertThat(NpsSummary.EMPTY.nps()).isNaN();
    assertThat(NpsSummary.EMPTY.interval()).isEmpty();
    assertThatThrownBy(() -> NpsSummary.EMPTY.interval(1.0, IntervalMethod.WALD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0");
    assertThatThrownBy(() -> new NpsSummary(-1, 0, 0)).hasMessageContaining("promoters -1");
  }

  @Test
  void npsAndBoundsStayWithinPlusMinusHundred() {
    qt().forAll(integers().between(0, 5000), integers().between(0, 5000), integers().between(0, 5000),
            doubles().between(0.5, 0.999))
        .assuming((p, pa, d, level) -> p + pa + d > 0)
        .checkAssert((p, pa, d, level) -> {
          NpsSummary s = new NpsSummary(p, pa, d);
          assertThat(s.nps()).isBetween(-100.0, 100.0);
          for (IntervalMethod m : IntervalMethod.values()) {
            NpsInterval i = s.interval(level, m).orElseThrow();
            assertThat(i.lower()).isBetween(-100.0, 100.0);
            assertThat(i.upper()).isBetween(-100.0, 100.0);
            assertThat(i.lower()).isLessThanOrEqualTo(i.centre());
            assertThat(i.upper()).isGreaterThanOrEqualTo(i.centre());
          }
        });
  }

  @Test
  void atFixedSharesTheIntervalNarrowsAsNGrows() {
    qt().forAll(integers().between(0, 50), integers().between(0, 50), integers().between(0, 50),
            integers().between(2, 40))
        .assuming((p, pa, d, k) -> p + pa + d > 0 && p + d > 0)
        .checkAssert((p, pa, d, k) -> {
          NpsSummary small = new NpsSummary(p, pa, d);
          NpsSummary large = new NpsSummary((long) p * k, (long) pa * k, (long) d * k);
          for (IntervalMethod m : IntervalMethod.values()) {
            double se1 = small.interval(0.95, m).orElseThrow().standardError();
            double se2 = large.interval(0.95, m).orElseThrow().standardError();
            if (m == IntervalMethod.WALD && se1 == 0) {
              assertThat(se2).isEqualTo(0.0); // all promoters or all detractors
            } else {
              assertThat(se2).isLessThan(se1);
            }
          }
        });
  }
}
