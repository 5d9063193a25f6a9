package io.advocacy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  @TempDir Path dir;

  /** Two equal components, half-life 30 days, scale 1, cap 1: W = 2. */
  private static final String MODEL = "{\"id\":\"test\",\"version\":3,"
      + "\"tiers\":{\"promoter\":40,\"advocate\":60,\"champion\":80},"
      + "\"components\":{"
      + "\"sentiment\":{\"weight\":1,\"halfLifeDays\":30,\"scale\":1,\"cap\":1},"
      + "\"advocacy\":{\"weight\":1,\"halfLifeDays\":30,\"scale\":1,\"cap\":1}},"
      + "\"signals\":{\"nps_answered\":{\"component\":\"sentiment\",\"rule\":\"nps\",\"factor\":1},"
      + "\"review_posted\":{\"component\":\"advocacy\",\"rule\":\"fixed\",\"factor\":1}}}";

  private static final String SIGNALS =
      "{\"id\":\"s1\",\"customer\":\"c-1\",\"type\":\"nps_answered\","
          + "\"at\":\"2026-01-01T00:00:00Z\",\"value\":10}\n"
          + "{\"id\":\"s2\",\"customer\":\"c-2\",\"type\":\"nps_answered\","
          + "\"at\":\"2026-01-01T00:00:00Z\",\"value\":4}\n"
          + "{\"id\":\"s3\",\"customer\":\"c-1\",\"type\":\"review_posted\","
          + "\"at\":\"2026-01-31T00:00:00Z\",\"value\":5}\n";

  // As of 2026-01-31 (the latest signal): c-1's NPS 10 (contribution 1) is one half-life old,
  // sum 0.5; the review (fixed, 1) is new, sum 1. Points: 100 tanh(0.5) / 2 = 23.105858 and
  // 100 tanh(1) / 2 = 38.079708; score 61.185566, tier advocate (60..80). Top signals before
  // saturation: 100 * 1 * 0.5 / 2 = 25 and 100 * 1 / 2 = 50. c-2's NPS 4 (contribution -1)
  // gives -23.105858 and a score clamped at 0.
  @Test
  void scoresTiersAndExplanationsAsJson() {
    Path model = CliRun.write(dir, "model.json", MODEL);
    Path signals = CliRun.write(dir, "s.ndjson", SIGNALS);
    CliRun r = CliRun.of("score", "--input", signals.toString(), "--model", model.toString(),
        "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{\"model\":\"test\",\"modelVersion\":3,"
        + "\"asOf\":\"2026-01-31T00:00:00Z\",\"customers\":["
        + "{\"customer\":\"c-1\",\"score\":61.185566,\"tier\":\"advocate\",\"components\":{"
        + "\"sentiment\":23.105858,\"engagement\":0.0,\"outcomes\":0.0,\"advocacy\":38.079708,"
        + "\"social\":0.0,\"risk\":0.0},\"topSignals\":["
        + "{\"id\":\"s3\",\"type\":\"review_posted\",\"at\":\"2026-01-31T00:00:00Z\","
        + "\"component\":\"advocacy\",\"points\":50.0},"
        + "{\"id\":\"s1\",\"type\":\"nps_answered\",\"at\":\"2026-01-01T00:00:00Z\","
        + "\"component\":\"sentiment\",\"points\":25.0}]},"
        + "{\"customer\":\"c-2\",\"score\":0.0,\"tier\":\"none\",\"components\":{"
        + "\"sentiment\":-23.105858,\"engagement\":0.0,\"outcomes\":0.0,\"advocacy\":0.0,"
        + "\"social\":0.0,\"risk\":0.0},\"topSignals\":["
        + "{\"id\":\"s2\",\"type\":\"nps_answered\",\"at\":\"2026-01-01T00:00:00Z\","
        + "\"component\":\"sentiment\",\"points\":-25.0}]}]}\n");
  }

  // Thirty days later the review is one half-life old too: 100 (tanh(0.25) + tanh(0.5)) / 2 =
  // 12.245803 + 23.105858 = 35.351661, below the promoter threshold of 40.
  @Test
  void asOfReadsLaterWithDecayAsATable() {
    Path model = CliRun.write(dir, "model.json", MODEL);
    Path signals = CliRun.write(dir, "s.ndjson", SIGNALS);
    CliRun r = CliRun.of("score", "--input", signals.toString(), "--model", model.toString(),
        "--as-of", "2026-03-02T00:00:00Z", "--top", "1");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "model test v3, as of 2026-03-02T00:00:00Z, 2 customers\n"
            + "customer   score  tier       sentiment  engagement    outcomes    advocacy"
            + "      social        risk\n"
            + "c-1         35.4  none            12.2         0.0         0.0        23.1"
            + "         0.0         0.0\n"
            + "             +25.0  review_posted s3 at 2026-01-31T00:00:00Z (advocacy)\n"
            + "c-2          0.0  none           -12.2         0.0         0.0         0.0"
            + "         0.0         0.0\n"
            + "             -12.5  nps_answered s2 at 2026-01-01T00:00:00Z (sentiment)\n");
  }

  @Test
  void bundledIndustryModelsByName() {
    CliRun r = CliRun.of("score", "--input", CliRun.sample("signals.ndjson"), "--industry",
        "b2b_saas", "--format", "json", "--top", "0");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("{\"model\":\"b2b_saas\",\"modelVersion\":1,"
        + "\"asOf\":\"2026-02-20T14:00:00Z\",\"customers\":[{\"customer\":\"c-ada\"");
    CliRun unknown = CliRun.of("score", "--input", CliRun.sample("signals.ndjson"),
        "--industry", "mining");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("error: unknown industry 'mining'; use one of "
        + "telecommunications, ecommerce, retail, financial_services, travel_hospitality, "
        + "healthcare, digital_health, media_publishing, b2b_saas, other\n");
  }

  @Test
  void rejectedSignalsAreListedAndTheRestScored() {
    Path model = CliRun.write(dir, "model.json", MODEL);
    Path signals = CliRun.write(dir, "s.ndjson", SIGNALS
        + "{\"id\":\"s4\",\"customer\":\"c-3\",\"type\":\"nps_answered\","
        + "\"at\":\"2026-01-02T00:00:00Z\",\"value\":11}\n"
        + "{\"id\":\"s5\",\"customer\":\"c-3\",\"type\":\"nps_answered\",\"at\":\"later\","
        + "\"value\":9}\n"
        + "{\"id\":\"s6\",\"customer\":\"c-3\",\"type\":\"purchase_completed\","
        + "\"at\":\"2026-01-02T00:00:00Z\",\"value\":1}\n"
        + "not json\n");
    CliRun r = CliRun.of("score", "--input", signals.toString(), "--model", model.toString(),
        "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("\"customer\":\"c-1\",\"score\":61.185566");
    assertThat(r.err().lines()).hasSize(5);
    assertThat(r.err().lines().toList().get(0))
        .isEqualTo("line 4, /value: out_of_range: nps_answered value 11 is outside whole "
            + "numbers 0..10");
    assertThat(r.err().lines().toList().get(1)).startsWith("line 5, /at: ");
    assertThat(r.err().lines().toList().get(2)).startsWith("line 7: malformed_record");
    assertThat(r.err().lines().toList().get(3))
        .isEqualTo(signals + ": 4 signals read, 3 rejected, 0 ignored");
    assertThat(r.err().lines().toList().get(4)).isEqualTo("not scored: 1 type_not_in_model");
  }

  @Test
  void invalidModelFileIsOneLine() {
    Path model = CliRun.write(dir, "model.json", "{\"id\":\"x\",\"version\":1,\"colour\":1}");
    CliRun r = CliRun.of("score", "--input", CliRun.sample("signals.ndjson"), "--model",
        model.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: invalid scoring model " + model + ": ")
        .contains("/colour").hasLineCount(1);
  }

  @Test
  void badInput() {
    CliRun missing = CliRun.of("score", "--input", dir.resolve("none.ndjson").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("error: file not found: " + dir.resolve("none.ndjson") + "\n");
    CliRun asOf = CliRun.of("score", "--input", CliRun.sample("signals.ndjson"), "--as-of",
        "tomorrow");
    assertThat(asOf.err()).isEqualTo("error: --as-of 'tomorrow' is not an ISO-8601 instant "
        + "such as 2026-06-30T00:00:00Z\n");
    Path empty = CliRun.write(dir, "empty.ndjson", "\n");
    assertThat(CliRun.of("score", "--input", empty.toString()).err())
        .isEqualTo("error: no usable signal in " + empty + "\n");
    assertThat(CliRun.of("score", "--input", CliRun.sample("signals.ndjson"), "--format",
        "yaml").err()).isEqualTo("error: unknown format 'yaml'; use one of table, json\n");
  }
}
