package io.advocacy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueRuleTest {

  @Test
  void npsAllowsWholeNumbersFromZeroToTen() {
    ValueRule nps = SignalType.NPS_ANSWERED.valueRule();
    for (int i = 0; i <= 10; i++) {
      assertThat(nps.allows(i)).as("%d", i).isTrue();
      assertThat(nps.problem(i)).isNull();
    }
    assertThat(nps.problem(11)).isEqualTo("11 is outside whole numbers 0..10");
    assertThat(nps.problem(-1)).isEqualTo("-1 is outside whole numbers 0..10");
    assertThat(nps.problem(7.5)).isEqualTo("7.5 is not a whole number in whole numbers 0..10");
    assertThat(nps.problem(Double.NaN)).isEqualTo("NaN is not a finite number");
    assertThat(nps.problem(Double.POSITIVE_INFINITY)).isEqualTo("Infinity is not a finite number");
    assertThat(nps.problem(Double.NEGATIVE_INFINITY))
        .isEqualTo("-Infinity is not a finite number");
    assertThat(nps.allows(10.000001)).isFalse();
  }

  @Test
  void csatAllowsOneToFive() {
    ValueRule csat = SignalType.CSAT_ANSWERED.valueRule();
    assertThat(csat).isEqualTo(ValueRule.integers(1, 5));
    assertThat(csat.allows(1)).isTrue();
    assertThat(csat.allows(5)).isTrue();
    assertThat(csat.problem(0)).isEqualTo("0 is outside whole numbers 1..5");
    assertThat(csat.problem(6)).isEqualTo("6 is outside whole numbers 1..5");
    assertThat(csat.problem(4.5)).isEqualTo("4.5 is not a whole number in whole numbers 1..5");
  }

  @Test
  void socialSentimentAllowsMinusOneToOne() {
    ValueRule social = SignalType.SOCIAL_MENTION.valueRule();
    assertThat(social.allows(-1)).isTrue();
    assertThat(social.allows(0.25)).isTrue();
    assertThat(social.allows(1)).isTrue();
    assertThat(social.problem(1.5)).isEqualTo("1.5 is outside -1..1");
    assertThat(social.problem(-1.01)).isEqualTo("-1.01 is outside -1..1");
  }

  @Test
  void openRangesPrintInfinity() {
    assertThat(ValueRule.NON_NEGATIVE.problem(-0.5)).isEqualTo("-0.5 is outside 0..+inf");
    assertThat(ValueRule.ANY.allows(-Double.MAX_VALUE)).isTrue();
    assertThat(ValueRule.ANY.problem(Double.NaN)).isEqualTo("NaN is not a finite number");
  }

  @Test
  void rejectsBadBounds() {
    assertThatThrownBy(() -> ValueRule.between(2, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("value rule bounds must be finite with min <= max: [2.0, 1.0]");
    assertThatThrownBy(() -> ValueRule.between(0, Double.POSITIVE_INFINITY))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("value rule bounds must be finite with min <= max: [0.0, Infinity]");
    assertThatThrownBy(() -> new ValueRule(Double.NaN, 1, false))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }
}
