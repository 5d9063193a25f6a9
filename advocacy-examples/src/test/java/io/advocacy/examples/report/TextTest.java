package io.advocacy.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.Money;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void numbersFormatTheSameEverywhere() {
    assertThat(Text.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Text.nps(27.94)).isEqualTo("+27.9");
    assertThat(Text.nps(-0.04)).isEqualTo("0.0");
    assertThat(Text.nps(-5)).isEqualTo("-5.0");
    assertThat(Text.percent(0.2973)).isEqualTo("29.7%");
    assertThat(Text.money(Money.of("1843200", "USD"))).isEqualTo("1,843,200.00 USD");
    assertThat(Text.money(Money.of("1500", "JPY"))).isEqualTo("1,500 JPY");
    assertThat(Text.moneyWhole(Money.of("731550.50", "USD"))).isEqualTo("731,551 USD");
    assertThat(Text.compact(950)).isEqualTo("950");
    assertThat(Text.compact(500_000)).isEqualTo("500k");
    assertThat(Text.compact(121_500)).isEqualTo("121.5k");
    assertThat(Text.compact(1_843_200)).isEqualTo("1.8M");
    assertThat(Text.compact(2.5)).isEqualTo("2.5");
  }

  @Test
  void escapingCoversMarkupQuotesAndControlCharacters() {
    assertThat(Text.escape("<b>&\"x\"'\u0001\n")).isEqualTo("&lt;b&gt;&amp;&quot;x&quot;&#39;\n");
  }
}
