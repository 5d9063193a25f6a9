package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void isoWithZuluOrOffset() {
    TimestampFormat iso = TimestampFormat.iso();
    assertThat(iso.parse("2026-03-01T10:15:30.120Z"))
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.120Z"));
    assertThat(iso.parse("2026-03-01T11:15:30+01:00"))
        .isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(iso.parse("2026-03-01T05:45:30.000000001-04:30"))
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.000000001Z"));
    assertThat(iso.parse(" 2026-03-01T10:15:30Z ")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(iso.isNumeric()).isFalse();
    assertThat(iso).hasToString("iso");
  }

  @Test
  void isoRejectsLocalTimesAndJunk() {
    TimestampFormat iso = TimestampFormat.iso();
    assertThat(iso.parse("2026-03-01T10:15:30")).isNull();
    assertThat(iso.parse("2026-03-01")).isNull();
    assertThat(iso.parse("2026-02-30T10:15:30Z")).isNull();
    assertThat(iso.parse("1772360130")).isNull();
    assertThat(iso.parse("")).isNull();
    assertThat(iso.fromNumber(1772360130)).isNull();
    assertThatThrownBy(() -> iso.parse(null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("text");
  }

  @Test
  void epochSeconds() {
    TimestampFormat seconds = TimestampFormat.epochSeconds();
    assertThat(seconds.isNumeric()).isTrue();
    assertThat(seconds.parse("1772360130")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(seconds.fromNumber(1772360130)).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(seconds.parse("0")).isEqualTo(Instant.EPOCH);
    assertThat(seconds.parse("-1.5")).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    assertThat(seconds.fromNumber(-1.5)).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    assertThat(seconds).hasToString("epoch_seconds");
  }

  @Test
  void fractionalEpochSecondsKeepTheirDigits() {
    // Regression: fractions went through binary doubles, so .123 came back as .122999907.
    TimestampFormat seconds = TimestampFormat.epochSeconds();
    Instant expected = Instant.parse("2026-03-01T10:15:30.123Z");
    assertThat(seconds.parse("1772360130.123")).isEqualTo(expected);
    assertThat(seconds.fromNumber(1772360130.123)).isEqualTo(expected);
    assertThat(seconds.parse("1772360130.123456789"))
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456789Z"));
    assertThat(seconds.parse("0.000000001")).isEqualTo(Instant.ofEpochSecond(0, 1));
  }

  @Test
  void epochMillis() {
    TimestampFormat millis = TimestampFormat.epochMillis();
    Instant expected = Instant.parse("2026-03-01T10:15:30.123Z");
    assertThat(millis.parse("1772360130123")).isEqualTo(expected);
    assertThat(millis.fromNumber(1772360130123d)).isEqualTo(expected);
    assertThat(millis.parse("1772360130123.5"))
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.123500Z"));
    assertThat(millis.parse("-1")).isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
    assertThat(millis).hasToString("epoch_millis");
  }

  @Test
  void epochRejectsNonNumbersAndOutOfRange() {
    TimestampFormat seconds = TimestampFormat.epochSeconds();
    TimestampFormat millis = TimestampFormat.epochMillis();
    assertThat(seconds.parse("2026-03-01T10:15:30Z")).isNull();
    assertThat(seconds.parse("")).isNull();
    assertThat(seconds.parse("NaN")).isNull();
    assertThat(seconds.parse("Infinity")).isNull();
    assertThat(seconds.parse("12f")).isNull();
    assertThat(seconds.parse("0x10")).isNull();
    assertThat(seconds.fromNumber(Double.NaN)).isNull();
    assertThat(seconds.fromNumber(Double.POSITIVE_INFINITY)).isNull();
    // Year 9999 is the last one accepted.
    assertThat(seconds.parse("253402300799")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(seconds.parse("253402300800")).isNull();
    assertThat(seconds.parse("-253402300800")).isNull();
    assertThat(seconds.fromNumber(1e300)).isNull();
    assertThat(millis.parse("253402300799999")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    assertThat(millis.parse("253402300800000")).isNull();
  }

  @Test
  void patternInAZone() {
    TimestampFormat format = TimestampFormat.pattern("dd/MM/yyyy HH:mm", ZoneId.of("Europe/London"));
    assertThat(format.parse("01/07/2026 09:30")).isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
    assertThat(format.parse("01/01/2026 09:30")).isEqualTo(Instant.parse("2026-01-01T09:30:00Z"));
    assertThat(format.parse("2026-01-01 09:30")).isNull();
    assertThat(format.parse("31/02/2026 09:30")).isNull();
    assertThat(format.isNumeric()).isFalse();
    assertThat(format.fromNumber(0)).isNull();
    assertThat(format).hasToString("dd/MM/yyyy HH:mm in Europe/London");
  }

  @Test
  void patternRejectsDatesAndTimesThatDoNotExist() {
    // Regression: the default SMART resolver read 31/02 as 28/02 and 24:00 as next midnight.
    TimestampFormat dmy = TimestampFormat.pattern("dd/MM/yyyy HH:mm", ZoneId.of("UTC"));
    assertThat(dmy.parse("31/02/2026 09:30")).isNull();
    assertThat(dmy.parse("29/02/2026 09:30")).isNull();
    assertThat(dmy.parse("29/02/2028 09:30")).isEqualTo(Instant.parse("2028-02-29T09:30:00Z"));
    assertThat(dmy.parse("01/03/2026 24:00")).isNull();
    TimestampFormat proleptic = TimestampFormat.pattern("uuuu-MM-dd'T'HH:mm:ss", ZoneId.of("UTC"));
    assertThat(proleptic.parse("2026-04-30T23:59:59")).isEqualTo(Instant.parse("2026-04-30T23:59:59Z"));
    assertThat(proleptic.parse("2026-04-31T00:00:00")).isNull();
  }

  @Test
  void patternAcrossTheSpringForwardGapMovesForward() {
    // 2026-03-29 02:00 to 03:00 does not exist in Berlin. java.time's ZonedDateTime moves a
    // local time in a gap forward by the gap's length: 02:30 becomes 03:30 CEST (+02:00),
    // which is 01:30 UTC, the same instant as 01:30 CET would be plus one hour.
    TimestampFormat format = TimestampFormat.pattern("yyyy-MM-dd HH:mm", BERLIN);
    assertThat(format.parse("2026-03-29 01:59")).isEqualTo(Instant.parse("2026-03-29T00:59:00Z"));
    assertThat(format.parse("2026-03-29 02:30")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(format.parse("2026-03-29 03:30")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(format.parse("2026-03-29 03:00")).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
  }

  @Test
  void patternInTheAutumnOverlapTakesTheEarlierOffset() {
    // 2026-10-25 02:00 to 03:00 happens twice in Berlin; java.time takes the earlier offset
    // (CEST, +02:00).
    TimestampFormat format = TimestampFormat.pattern("yyyy-MM-dd HH:mm", BERLIN);
    assertThat(format.parse("2026-10-25 02:30")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(format.parse("2026-10-25 03:30")).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
  }

  @Test
  void rejectsInvalidPatterns() {
    assertThatThrownBy(() -> TimestampFormat.pattern("yyyy-MM-dd {", BERLIN))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestamp pattern \"yyyy-MM-dd {\" is invalid");
    assertThatThrownBy(() -> TimestampFormat.pattern(null, BERLIN))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("pattern");
    assertThatThrownBy(() -> TimestampFormat.pattern("yyyy", null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("zone");
  }
}
