package io.advocacy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AttributeCommandTest {
  @TempDir Path dir;

  /** Three paths: a > b > c (2 conversions, value 300), b > c (1, 100), c (1, 50). */
  private Path threePaths() {
    return CliRun.write(dir, "paths.tsv", "path\tconversions\tnulls\tvalue\n"
        + "a > b > c\t2\t1\t300\nb > c\t1\t1\t100\nc\t1\t0\t50\n");
  }

  private CliRun json(String model) {
    return CliRun.of("attribute", "--input", threePaths().toString(), "--model", model,
        "--format", "json");
  }

  @Test
  void firstTouch() {
    CliRun r = json("first");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{\"model\":\"first\",\"order\":null,\"totalConversions\":4.0,"
        + "\"totalValue\":450.0,\"channels\":["
        + "{\"channel\":\"a\",\"conversions\":2.0,\"value\":300.0},"
        + "{\"channel\":\"b\",\"conversions\":1.0,\"value\":100.0},"
        + "{\"channel\":\"c\",\"conversions\":1.0,\"value\":50.0}]}\n");
  }

  @Test
  void lastTouch() {
    assertThat(json("last").out()).contains("\"channels\":["
        + "{\"channel\":\"c\",\"conversions\":4.0,\"value\":450.0}]}");
  }

  // Linear: a gets 2/3 of 2 conversions' thirds = 2/3 (value 100); b 2/3 + 1/2 = 7/6
  // (100 + 50); c 2/3 + 1/2 + 1 = 13/6 (100 + 50 + 50).
  @Test
  void linear() {
    assertThat(json("linear").out()).contains("\"channels\":["
        + "{\"channel\":\"c\",\"conversions\":2.166667,\"value\":200.0},"
        + "{\"channel\":\"b\",\"conversions\":1.166667,\"value\":150.0},"
        + "{\"channel\":\"a\",\"conversions\":0.666667,\"value\":100.0}]}");
  }

  @Test
  void linearAsTableAndTsv() {
    CliRun table = CliRun.of("attribute", "--input", threePaths().toString(), "--model",
        "linear");
    assertThat(table.out()).isEqualTo("model linear: 4 conversions, value 450.00\n"
        + "channel   conversions         value\n"
        + "c              2.1667        200.00\n"
        + "b              1.1667        150.00\n"
        + "a              0.6667        100.00\n");
    CliRun tsv = CliRun.of("attribute", "--input", threePaths().toString(), "--model",
        "linear", "--format", "tsv");
    assertThat(tsv.out()).isEqualTo("channel\tconversions\tvalue\n"
        + "c\t2.166667\t200\nb\t1.166667\t150\na\t0.666667\t100\n");
  }

  // Golden set A of advocacy-scoring's attribution tests (analyzecore.com): P(conversion) 1/3,
  // without c1 1/6; removal effects c1 0.5, c2 1, c3 1; credit 0.2 / 0.4 / 0.4.
  @Test
  void markovRemovalEffectsOnTheGoldenExample() {
    Path f = CliRun.write(dir, "a.tsv", "path\tconversions\tnulls\tvalue\n"
        + "c1 > c2 > c3\t1\t0\t1000\nc1\t0\t1\t0\nc2 > c3\t0\t1\t0\n");
    CliRun r = CliRun.of("attribute", "--input", f.toString(), "--model", "markov",
        "--format", "json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{\"model\":\"markov\",\"order\":1,\"totalConversions\":1.0,"
        + "\"totalValue\":1000.0,\"channels\":["
        + "{\"channel\":\"c2\",\"conversions\":0.4,\"value\":400.0,\"removalEffect\":1.0},"
        + "{\"channel\":\"c3\",\"conversions\":0.4,\"value\":400.0,\"removalEffect\":1.0},"
        + "{\"channel\":\"c1\",\"conversions\":0.2,\"value\":200.0,\"removalEffect\":0.5}]}\n");
  }

  // Golden set E (simplified Shapley): a 4 conversions, a > b 6 -> a 7, b 3.
  @Test
  void shapleyOnTheGoldenExample() {
    Path f = CliRun.write(dir, "e.tsv", "path\tconversions\tnulls\n"
        + "a\t4\t0\na > b\t6\t0\n");
    assertThat(CliRun.of("attribute", "--input", f.toString(), "--model", "shapley",
        "--format", "tsv").out()).isEqualTo("channel\tconversions\tvalue\na\t7\t0\nb\t3\t0\n");
  }

  @Test
  void theCommaSeparatedExportIsReadToo() {
    Path f = CliRun.write(dir, "p.csv", "path,total_conversions,total_null,"
        + "total_conversion_value\na > b,2,0,10\n");
    assertThat(CliRun.of("attribute", "--input", f.toString(), "--model", "last",
        "--format", "tsv").out()).isEqualTo("channel\tconversions\tvalue\nb\t2\t10\n");
  }

  // W-shaped on the journeys sample: j1 email/referral(lead)/web(opportunity) are all anchors,
  // 1/3 each; j2 referral(first)/web(lead), no opportunity: 1/2 each; j4 social(first) 0.45,
  // email(lead) 0.45, web 0.1. Web: 1200/3 + 800/2 + 500 * 0.1 = 850.
  @Test
  void wShapedOnJourneysWithCreditByAdvocateAndJourney() {
    CliRun r = CliRun.of("attribute", "--journeys", CliRun.sample("journeys.ndjson"),
        "--model", "w-shaped", "--format", "json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{\"model\":\"w-shaped\",\"order\":null,"
        + "\"totalConversions\":3.0,\"totalValue\":2500.0,\"channels\":["
        + "{\"channel\":\"web\",\"conversions\":0.933333,\"value\":850.0},"
        + "{\"channel\":\"referral\",\"conversions\":0.833333,\"value\":800.0},"
        + "{\"channel\":\"email\",\"conversions\":0.783333,\"value\":625.0},"
        + "{\"channel\":\"social\",\"conversions\":0.45,\"value\":225.0}],"
        + "\"apportioned\":false,\"advocates\":["
        + "{\"advocate\":\"(none)\",\"conversions\":1.716667,\"value\":1475.0},"
        + "{\"advocate\":\"c-ada\",\"conversions\":0.833333,\"value\":800.0},"
        + "{\"advocate\":\"c-bo\",\"conversions\":0.45,\"value\":225.0}],\"journeys\":["
        + "{\"journey\":\"(none)\",\"conversions\":1.716667,\"value\":1475.0},"
        + "{\"journey\":\"refer-a-friend\",\"conversions\":0.833333,\"value\":800.0},"
        + "{\"journey\":\"share-a-story\",\"conversions\":0.45,\"value\":225.0}]}\n");
  }

  @Test
  void timeDecayOnJourneysUsesInstants() {
    // one journey: a at day 0, b at day 7, converting at b: weights 1/2 and 1, normalised
    Path f = CliRun.write(dir, "j.ndjson", "{\"id\":\"j\",\"converted\":true,\"value\":30,"
        + "\"touches\":[{\"channel\":\"a\",\"at\":\"2026-01-01T00:00:00Z\"},"
        + "{\"channel\":\"b\",\"at\":\"2026-01-08T00:00:00Z\"}]}\n");
    assertThat(CliRun.of("attribute", "--journeys", f.toString(), "--model", "time-decay",
        "--format", "tsv").out()).isEqualTo("channel\tconversions\tvalue\n"
        + "b\t0.666667\t20\na\t0.333333\t10\n");
  }

  @Test
  void timeDecayAndWShapedOnPathsAreRefused() {
    CliRun r = CliRun.of("attribute", "--input", threePaths().toString(), "--model",
        "time-decay");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: model time-decay needs touch instants: use it with "
        + "--journeys, not with aggregated paths (--input)\n");
    assertThat(CliRun.of("attribute", "--input", threePaths().toString(), "--model",
        "w-shaped").err()).isEqualTo("error: model w-shaped needs stage markers: use it with "
        + "--journeys, not with aggregated paths (--input)\n");
  }

  @Test
  void unknownModelAndFormat() {
    CliRun r = CliRun.of("attribute", "--input", threePaths().toString(), "--model", "u");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: unknown model 'u'; use one of first, last, "
        + "last-non-direct, linear, position, markov, shapley, time-decay, w-shaped\n");
    assertThat(CliRun.of("attribute", "--input", threePaths().toString(), "--model", "first",
        "--format", "csv").err()).isEqualTo("error: unknown format 'csv'; use one of table, "
        + "json, tsv\n");
    assertThat(CliRun.of("attribute", "--input", threePaths().toString(), "--model", "markov",
        "--order", "0").err()).isEqualTo("error: --order 0 is below 1\n");
    assertThat(CliRun.of("attribute", "--input", threePaths().toString(), "--model", "linear",
        "--order", "2").err())
        .isEqualTo("error: --order applies to the markov model only, not linear\n");
  }

  @Test
  void missingFile() {
    CliRun r = CliRun.of("attribute", "--input", "no/such.tsv", "--model", "first");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: file not found: " + Path.of("no/such.tsv") + "\n");
  }

  @Test
  void malformedRowsAreListedAndTheRestAttributed() {
    Path f = CliRun.write(dir, "bad.tsv", "path\tconversions\tnulls\tvalue\n"
        + "a > b\t2\t0\t20\na >  > b\t1\t0\t1\nb\tx\t0\t1\nb\t1\t0\n"
        + "a,b\t1\t0\t1\nb\t1\t-1\t5\n");
    CliRun r = CliRun.of("attribute", "--input", f.toString(), "--model", "first",
        "--format", "tsv");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("channel\tconversions\tvalue\na\t2\t20\n");
    assertThat(r.err()).isEqualTo(
        "line 3, path: 'a >  > b' has an empty channel\n"
            + "line 4, conversions: 'x' is not a whole number\n"
            + "line 5, line: has 3 columns; expected 4\n"
            + "line 6, line: has a comma; paths.tsv takes none\n"
            + "line 7, nulls: -1 is negative\n"
            + f + ": 1 paths read, 5 lines rejected\n");
  }

  @Test
  void badHeader() {
    Path f = CliRun.write(dir, "h.tsv", "route\tconversions\tnulls\n a\t1\t0\n");
    assertThat(CliRun.of("attribute", "--input", CliRun.write(dir, "s.tsv",
        "path conversions nulls\na 1 0\n").toString(), "--model", "first").err())
        .startsWith("line 1, header: expected 'path<TAB>conversions<TAB>nulls<TAB>value'");
    CliRun r = CliRun.of("attribute", "--input", f.toString(), "--model", "first");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("line 1, header: expected 'path<TAB>conversions<TAB>nulls"
        + "<TAB>value' (value may be left out)\n" + f + ": 0 paths read, 1 lines rejected\n"
        + "error: no usable path in " + f + "\n");
  }

  @Test
  void malformedJourneyLines() {
    Path f = CliRun.write(dir, "j.ndjson",
        "{\"id\":\"ok\",\"converted\":true,\"value\":1,\"touches\":[{\"channel\":\"a\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}]}\n"
            + "{\"id\":\"t\",\"converted\":true,\"touches\":[{\"channel\":\"a\",\"at\":\"soon\"}]}\n"
            + "{\"id\":\"s\",\"converted\":true,\"touches\":[{\"channel\":\"a\","
            + "\"at\":\"2026-01-01T00:00:00Z\",\"stage\":\"won\"}]}\n"
            + "{\"id\":\"c\",\"converted\":\"yes\",\"touches\":[]}\n"
            + "{\"id\":\"ok\",\"converted\":false,\"touches\":[{\"channel\":\"a\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}]}\n"
            + "{\"id\":\"e\",\"converted\":false,\"touches\":[]}\n"
            + "{\"id\":\"u\",\"converted\":false,\"touches\":[{\"channel\":\"Web Site\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}]}\n");
    CliRun r = CliRun.of("attribute", "--journeys", f.toString(), "--model", "linear",
        "--format", "tsv");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("channel\tconversions\tvalue\na\t1\t1\n");
    assertThat(r.err()).isEqualTo(
        "line 2, /touches/0/at: 'soon' is not an ISO-8601 instant\n"
            + "line 3, /touches/0/stage: unknown stage marker 'won'; known: lead_created, "
            + "opportunity_created, closed_won\n"
            + "line 4, /converted: needs true or false\n"
            + "line 5, /id: journey ok appears twice\n"
            + "line 6, /touches: needs a non-empty array of touches\n"
            + "line 7, /touches/0/channel: 'Web Site' is not a channel name (lower case, "
            + "e.g. email)\n"
            + f + ": 1 journeys read, 6 lines rejected\n");
  }

  @Test
  void everyNonBlankJourneyLineIsAJourneyOrAProblem() {
    String touch = "{\"channel\":\"a\",\"at\":\"2026-01-01T00:00:00Z\"}";
    List<String> pieces = List.of("{", "}", "\"id\":", "\"j", "\"", ",", "\"converted\":",
        "true", "1e999", "\"touches\":[", touch, "]", "\"stage\":\"x\"", " ", "null", "9");
    qt().forAll(lists().of(lists().of(integers().between(0, pieces.size() - 1))
            .ofSizeBetween(0, 12)).ofSizeBetween(0, 10))
        .checkAssert(lines -> {
          StringBuilder text = new StringBuilder();
          long nonBlank = 0;
          for (List<Integer> line : lines) {
            StringBuilder l = new StringBuilder();
            line.forEach(i -> l.append(pieces.get(i)));
            nonBlank += l.toString().isBlank() ? 0 : 1;
            text.append(l).append('\n');
          }
          var read = JourneyFiles.ndjson(text.toString());
          assertThat(read.journeys().size() + read.problems().size()).isEqualTo(nonBlank);
        });
  }

  @Test
  void creditAddsUpToConversionsForEveryModel() {
    List<String> models = AttributeCommand.PATH_MODELS;
    qt().forAll(lists().of(integers().between(0, 63)).ofSizeBetween(1, 8),
            integers().between(0, models.size() - 1))
        .checkAssert((codes, m) -> {
          StringBuilder text = new StringBuilder("path\tconversions\tnulls\tvalue\n");
          List<String> channels = List.of("a", "b", "c");
          for (int code : codes) {
            List<String> path = new ArrayList<>();
            for (int i = 0; i < 1 + code % 3; i++) {
              path.add(channels.get((code >> i) % 3));
            }
            text.append(String.join(" > ", path)).append('\t').append(code % 5).append('\t')
                .append(code % 2).append('\t').append(code * 10).append('\n');
          }
          Path f = CliRun.write(dir, "q.tsv", text.toString());
          CliRun r = CliRun.of("attribute", "--input", f.toString(), "--model", models.get(m),
              "--format", "json");
          assertThat(r.exit()).isZero();
          JsonNode o = CliSupport.JSON.readTree(r.out());
          double sum = 0;
          for (JsonNode c : o.get("channels")) {
            sum += c.get("conversions").asDouble();
          }
          double total = o.get("totalConversions").asDouble();
          double tolerance = 1e-5 * (1 + o.get("channels").size());
          if (models.get(m).equals("markov") && sum == 0) {
            return; // no path converts: a chain with P(conversion) 0 credits nobody
          }
          assertThat(sum).isCloseTo(total, org.assertj.core.data.Offset.offset(tolerance));
        });
  }
}
