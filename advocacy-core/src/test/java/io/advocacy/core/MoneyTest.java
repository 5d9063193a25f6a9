package io.advocacy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void normalisesToTheCurrencyScale() {
    Money ten = Money.of("10", "USD");
    assertThat(ten).isEqualTo(Money.of("10.00", "USD")).isEqualTo(Money.of("10.0000", "USD"));
    assertThat(ten.amount()).isEqualByComparingTo("10").scale().isEqualTo(2);
    assertThat(ten).hasToString("10.00 USD");
    assertThat(ten.hashCode()).isEqualTo(Money.of("10.00", "USD").hashCode());
    assertThat(Money.of(new BigDecimal("1E+3"), USD)).hasToString("1000.00 USD");
    assertThat(Money.of(" 49.9 ", "EUR")).hasToString("49.90 EUR");
  }

  @Test
  void yenHasNoDecimals() {
    Money yen = Money.of("1500", "JPY");
    assertThat(yen.amount()).scale().isEqualTo(0);
    assertThat(yen).isEqualTo(Money.of("1500.00", "JPY")).hasToString("1500 JPY");
    assertThat(Money.of(new BigDecimal("2E+3"), JPY)).hasToString("2000 JPY");
    assertThatThrownBy(() -> Money.of("1500.5", "JPY"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 1500.5 has more than 0 decimal places for JPY");
  }

  @Test
  void rejectsMoreDecimalsThanTheCurrencyHas() {
    assertThatThrownBy(() -> Money.of("19.999", "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 19.999 has more than 2 decimal places for USD");
    assertThat(Money.scaleProblem(new BigDecimal("19.999"), USD))
        .isEqualTo("amount 19.999 has more than 2 decimal places for USD");
    assertThat(Money.scaleProblem(new BigDecimal("19.990"), USD)).isNull();
  }

  @Test
  void rejectsNonNumbersAndUnknownCurrencies() {
    assertThatThrownBy(() -> Money.of("ten", "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount \"ten\" is not a decimal number");
    assertThatThrownBy(() -> Money.of("10", "XYZ"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency \"XYZ\" is not an ISO 4217 code");
    assertThatThrownBy(() -> Money.currency("usd"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency \"usd\" is not an ISO 4217 code");
    assertThatThrownBy(() -> Money.of(null, USD)).isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("amount");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("currency");
  }

  @Test
  void addsSubtractsAndCompares() {
    Money a = Money.of("19.99", "USD");
    Money b = Money.of("0.01", "USD");
    assertThat(a.plus(b)).isEqualTo(Money.of("20", "USD"));
    assertThat(b.minus(a)).isEqualTo(Money.of("-19.98", "USD"));
    assertThat(b.minus(a).isNegative()).isTrue();
    assertThat(a.isNegative()).isFalse();
    assertThat(Money.zero(USD)).hasToString("0.00 USD");
    assertThat(a.compareTo(b)).isPositive();
    assertThat(b.compareTo(a)).isNegative();
    assertThat(a.compareTo(Money.of("19.990", "USD"))).isZero();
    assertThat(a.currencyCode()).isEqualTo("USD");
  }

  @Test
  void refusesToMixCurrencies() {
    Money usd = Money.of("1", "USD");
    Money eur = Money.of("1", "EUR");
    String message = "cannot combine 1.00 USD with 1.00 EUR: currencies differ";
    assertThatThrownBy(() -> usd.plus(eur))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> usd.minus(eur))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> usd.compareTo(eur))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(usd).isNotEqualTo(eur);
  }

  @Test
  void plusThenMinusIsTheIdentity() {
    qt().forAll(
            longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
            longs().between(-1_000_000_000_000L, 1_000_000_000_000L))
        .checkAssert(
            (cents1, cents2) -> {
              Money a = Money.of(BigDecimal.valueOf(cents1, 2), USD);
              Money b = Money.of(BigDecimal.valueOf(cents2, 2), USD);
              assertThat(a.plus(b).minus(b)).isEqualTo(a);
              assertThat(a.plus(b)).isEqualTo(b.plus(a));
              assertThat(a.plus(b).compareTo(a)).isEqualTo(Long.signum(cents2));
            });
  }
}
