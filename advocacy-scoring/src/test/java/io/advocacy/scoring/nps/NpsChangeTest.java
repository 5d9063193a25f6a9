package io.advocacy.scoring.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NpsChangeTest {
  @Test
  void significantEvenThoughTheTwoIntervalsOverlap() {
    NpsSummary before = new NpsSummary(240, 100, 60); // NPS 45, Wald 95 % [37.75, 52.25]
    NpsSummary after = new NpsSummary(268, 92, 40); // NPS 57, Wald 95 % [50.46, 63.54]
    NpsInterval a = before.interval(0.95, IntervalMethod.WALD).orElseThrow();
    NpsInterval b = after.interval(0.95, IntervalMethod.WALD).orElseThrow();
    assertThat(a.upper()).isGreaterThan(b.lower()); // the intervals overlap ...
    NpsChange c = NpsChange.between(before, after, 0.95, IntervalMethod.WALD).orElseThrow();
    // ... but the difference 12 has se = √(3.69966² + 3.33579²) = 4.98147 and 95 % interval
    // 12 ± 1.95996 · 4.98147 = [2.2365, 21.7635], which excludes 0.
    assertThat(c.difference()).isCloseTo(12.0, within(1e-9));
    assertThat(c.standardError()).isCloseTo(4.981465647778774, within(1e-9));
    assertThat(c.lower()).isCloseTo(2.23650674013013, within(1e-6));
    assertThat(c.upper()).isCloseTo(21.763493259869897, within(1e-6));
    assertThat(c.significant()).isTrue();
  }

  @Test
  void adjustedWaldChangeByHand() {
    NpsChange c = NpsChange.between(new NpsSummary(240, 100, 60), new NpsSummary(268, 92, 40))
        .orElseThrow();
    // adjusted centres 100·(240.75−60.75)/403 = 44.6650 and 100·(268.75−40.75)/403 = 56.5757
    assertThat(c.difference()).isCloseTo(100.0 * 228 / 403 - 100.0 * 180 / 403, within(1e-9));
    assertThat(c.lower()).isCloseTo(2.164240782370415, within(1e-6));
    assertThat(c.upper()).isCloseTo(21.657099168001807, within(1e-6));
    assertThat(c.significant()).isTrue();
  }

  @Test
  void aSmallSampleChangeIsNotSignificant() {
    NpsChange c = NpsChange.between(new NpsSummary(60, 25, 15), new NpsSummary(70, 20, 10),
        0.95, IntervalMethod.WALD).orElseThrow();
    // se = √(0.005475 + 0.0044) · 100 = 9.93730; 15 ± 19.4767
    assertThat(c.difference()).isCloseTo(15.0, within(1e-9));
    assertThat(c.standardError()).isCloseTo(100 * Math.sqrt(0.005475 + 0.0044), within(1e-9));
    assertThat(c.lower()).isNegative();
    assertThat(c.significant()).isFalse();
  }

  @Test
  void noChangeWithoutAnswersOnBothSides() {
    assertThat(NpsChange.between(NpsSummary.EMPTY, new NpsSummary(1, 0, 0))).isEmpty();
    assertThat(NpsChange.between(new NpsSummary(1, 0, 0), NpsSummary.EMPTY)).isEmpty();
  }
}
