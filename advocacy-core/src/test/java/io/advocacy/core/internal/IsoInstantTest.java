package io.advocacy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timestamp fast path agrees with {@link OffsetDateTime#parse} wherever it answers. */
class IsoInstantTest {

  private static Instant reference(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void agreesWithTheGeneralParserOnRandomInstants() {
    Random random = new Random(20261122L);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong() % 10_000_000_000L;
      if (seconds < -62_000_000_000L) {
        continue;
      }
      int nanos = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000);
      int offsetMinutes = random.nextInt(3) == 0 ? 0 : random.nextInt(18 * 60 * 2 + 1) - 18 * 60;
      String text =
          Instant.ofEpochSecond(Math.abs(seconds), nanos)
              .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
              .toString();
      if (text.length() >= 20 && text.charAt(16) != ':') {
        continue; // toString drops zero seconds; not the common shape
      }
      Instant fast = IsoInstant.parse(text);
      if (fast != null) {
        assertThat(fast).as(text).isEqualTo(reference(text));
      }
    }
  }

  @Test
  void answersTheCommonShapesAndLeavesTheRestToTheGeneralParser() {
    assertThat(IsoInstant.parse("2026-03-01T10:15:30.120Z"))
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.120Z"));
    assertThat(IsoInstant.parse("2024-02-29T23:59:59-05:30"))
        .isEqualTo(Instant.parse("2024-03-01T05:29:59Z"));
    assertThat(IsoInstant.parse("1969-12-31T23:59:59.999999999Z"))
        .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999999Z"));
    for (String doubtful :
        List.of("2026-02-29T10:15:30Z", "2026-03-01T10:15:30", "2026-03-01T10:15Z",
            "2026-03-01T24:00:00Z", "2026-03-01T10:15:30.Z", "2026-03-01T10:15:30.1234567890Z",
            "2026-03-01T10:15:30+0100", "+2026-03-01T10:15:30Z", "2026-03-01t10:15:30Z")) {
      assertThat(IsoInstant.parse(doubtful)).as(doubtful).isNull();
    }
  }
}
