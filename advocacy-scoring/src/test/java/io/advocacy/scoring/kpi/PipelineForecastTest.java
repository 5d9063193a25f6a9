package io.advocacy.scoring.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineForecastTest {
  @Test
  void funnelArithmeticAndIntervalByHand() {
    PipelineForecast f = PipelineForecast.compute(200, 1.5, 300, 1000, 40, 200,
        List.of(10_000.0, 20_000.0, 30_000.0), 30, 60, "USD", 0.90).orElseThrow();
    // referrals 200 · 1.5 · 0.3 = 90; opportunities 90 · 0.2 = 18; pipeline 18 · 20,000;
    // revenue · 0.5
    assertThat(f.expectedReferrals()).isCloseTo(90.0, within(1e-9));
    assertThat(f.expectedOpportunities()).isCloseTo(18.0, within(1e-9));
    assertThat(f.expectedPipeline()).isCloseTo(360_000.0, within(1e-6));
    assertThat(f.expectedRevenue()).isCloseTo(180_000.0, within(1e-6));
    // se: acceptance √(0.3·0.7/1000) = 0.0144914; conversion √(0.2·0.8/200) = 0.0282843;
    // deal s = 10,000, se = 10,000/√3 = 5773.50; win √(0.25/60) = 0.0645497.
    // V = (0.0144914/0.3)² + (0.0282843/0.2)² + (5773.50/20000)² = 0.0023333 + 0.02 + 0.0833333
    assertThat(f.inputs()).extracting(ForecastInput::name).containsExactly("advocate_pool",
        "asks_per_advocate", "ask_acceptance", "referral_conversion", "average_deal", "win_rate");
    assertThat(f.inputs().get(4).standardError()).isCloseTo(5773.502691896258, within(1e-6));
    assertThat(f.inputs().get(2).basis()).isEqualTo("300 accepted of 1000 asks");
    double v = 0.10566666666666666;
    double z = 1.6448536269514715;
    assertThat(f.pipelineLower()).isCloseTo(360_000 / Math.exp(z * Math.sqrt(v)), within(1e-3))
        .isCloseTo(210_907.82163884066, within(1e-3));
    assertThat(f.pipelineUpper()).isCloseTo(614_486.4566565366, within(1e-3));
    assertThat(f.revenueLower()).isCloseTo(101_255.78564955606, within(1e-3));
    assertThat(f.revenueUpper()).isCloseTo(319_981.71553510684, within(1e-3));
  }

  @Test
  void nothingToForecastFromIsEmptyAndNonsenseFailsFast() {
    assertThat(PipelineForecast.compute(10, 1, 0, 0, 1, 2, List.of(1.0), 1, 2, "USD", 0.9)).isEmpty();
    assertThat(PipelineForecast.compute(10, 1, 1, 2, 1, 2, List.of(), 1, 2, "USD", 0.9)).isEmpty();
    assertThatThrownBy(() -> PipelineForecast.compute(10, 1, 5, 2, 1, 2, List.of(1.0), 1, 2, "USD", 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 accepted of 2 asks");
  }
}
