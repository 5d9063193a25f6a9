package io.advocacy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpsCommandTest {
  @TempDir Path dir;

  // By hand, adjusted Wald for 50 / 30 / 20: n' = 103, p' = 50.75 / 103 = 0.4927184,
  // d' = 20.75 / 103 = 0.2014563, centre 100 (p' - d') = 29.1262136,
  // SE = 100 sqrt((p' + d' - (p' - d')^2) / n') = 100 sqrt(0.6093411 / 103) = 7.6915104,
  // z(0.95) = 1.9599640, so 29.1262136 -+ 15.0751834 = 14.051130 .. 44.201297.
  @Test
  void countsGiveNpsAndTheAdjustedWaldIntervalAsJson() {
    CliRun r = CliRun.of("nps", "--counts", "50,30,20", "--format", "json");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"nps\":30.0,\"promoters\":50,\"passives\":30,"
        + "\"detractors\":20,\"n\":100,\"interval\":{\"method\":\"adjusted-wald\","
        + "\"confidence\":0.95,\"low\":14.05113,\"high\":44.201297}}\n");
  }

  @Test
  void countsAsText() {
    CliRun r = CliRun.of("nps", "--counts", "50,30,20");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "NPS 30.0 from 100 answers: 50 promoters, 30 passives, 20 detractors\n"
            + "95% interval (adjusted-wald): 14.05 to 44.20\n");
  }

  // Plain Wald: p = 0.5, d = 0.2, SE = 100 sqrt((0.7 - 0.09) / 100) = 7.8102497;
  // 30 -+ 1.9599640 * 7.8102497 = 30 -+ 15.3078081 = 14.692192 .. 45.307808.
  @Test
  void waldIntervalOnRequest() {
    CliRun r = CliRun.of("nps", "--counts", "50,30,20", "--method", "wald", "--format", "json");
    assertThat(r.out()).contains("\"interval\":{\"method\":\"wald\",\"confidence\":0.95,"
        + "\"low\":14.692192,\"high\":45.307808}");
  }

  // z(0.90) = 1.6448536: 29.1262136 -+ 12.6514089 = 16.474805 .. 41.777622.
  @Test
  void otherConfidenceLevel() {
    CliRun r = CliRun.of("nps", "--counts", "50,30,20", "--confidence", "0.9");
    assertThat(r.out()).endsWith("90% interval (adjusted-wald): 16.47 to 41.78\n");
  }

  @Test
  void csvAnswersWithBadRowsAreCountedReportedAndExitOne() {
    Path f = CliRun.write(dir, "answers.csv",
        "id,score\na,10\nb,9\nc,x\nd,7\ne,11\nf\ng,0\n\n");
    CliRun r = CliRun.of("nps", "--input", f.toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"nps\":25.0,\"promoters\":2,\"passives\":1,"
        + "\"detractors\":1,\"n\":4,");
    assertThat(r.err()).isEqualTo(
        "line 4, score: 'x' is not a whole number from 0 to 10\n"
            + "line 6, score: '11' is not a whole number from 0 to 10\n"
            + "line 7: has 1 columns; the header has 2\n"
            + f + ": 4 answers counted, 3 rows rejected\n");
  }

  @Test
  void ndjsonAnswers() {
    Path f = CliRun.write(dir, "answers.ndjson",
        "{\"score\": 10}\n{\"score\": 3}\n{\"score\": 8, \"who\": \"x\"}\n{\"nope\": 1}\n"
            + "{\"score\": 9.5}\n{broken\n[1]\n");
    CliRun r = CliRun.of("nps", "--input", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith(
        "NPS 0.0 from 3 answers: 1 promoters, 1 passives, 1 detractors\n");
    assertThat(r.err().lines()).hasSize(5).startsWith(
        "line 4, /score: is missing",
        "line 5, /score: 9.5 is not a whole number from 0 to 10");
    assertThat(r.err().lines().skip(2).findFirst().orElseThrow()).startsWith("line 6: not JSON");
    assertThat(r.err()).contains("line 7: not a JSON object\n");
  }

  @Test
  void aScoreBeyondIntRangeIsARejectedRowNotAnAbort() {
    Path f = CliRun.write(dir, "big.ndjson",
        "{\"score\": 100000000000000000000000000}\n{\"score\": 9}\n");
    CliRun r = CliRun.of("nps", "--input", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("NPS 100.0 from 1 answers");
    assertThat(r.err()).startsWith("line 1, /score: 100000000000000000000000000 is not a whole "
        + "number from 0 to 10\n");
  }

  @Test
  void missingFileIsOneErrorLineAndExitTwo() {
    CliRun r = CliRun.of("nps", "--input", dir.resolve("none.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: file not found: " + dir.resolve("none.csv") + "\n");
  }

  @Test
  void badUsage() {
    assertThat(CliRun.of("nps", "--counts", "50,30").err())
        .isEqualTo("error: --counts needs three whole numbers P,N,D (promoters, passives, "
            + "detractors); got '50,30'\n");
    assertThat(CliRun.of("nps", "--counts", "1,2,3", "--format", "xml").err())
        .isEqualTo("error: unknown format 'xml'; use one of text, json\n");
    assertThat(CliRun.of("nps", "--counts", "1,2,3", "--method", "wilson").err())
        .isEqualTo("error: unknown method 'wilson'; use one of adjusted-wald, wald\n");
    assertThat(CliRun.of("nps", "--counts", "1,2,3", "--confidence", "1.5").err())
        .isEqualTo("error: --confidence 1.5 is not in (0, 1)\n");
    assertThat(CliRun.of("nps", "--counts", "0,0,0").err())
        .isEqualTo("error: no answers: NPS needs at least one\n");
    CliRun neither = CliRun.of("nps");
    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).startsWith("error: Missing required argument").hasLineCount(1);
    CliRun both = CliRun.of("nps", "--counts", "1,2,3", "--input", "x.csv");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).startsWith("error: ").hasLineCount(1);
  }

  @Test
  void csvWithoutScoreColumn() {
    Path f = CliRun.write(dir, "a.csv", "id,rating\na,1\n");
    CliRun r = CliRun.of("nps", "--input", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: line 1: the CSV header has no 'score' column "
        + "(NDJSON lines start with '{')\n");
  }

  @Test
  void everyNonBlankRowIsCountedOrRejected() {
    qt().forAll(lists().of(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 12)).ofSizeBetween(0, 20),
            integers().between(0, 1))
        .checkAssert((rows, shape) -> {
          String text = (shape == 0 ? "score\n" : "") + String.join("\n", rows);
          StringWriter err = new StringWriter();
          NpsCommand.Answers a;
          try {
            a = NpsCommand.readAnswers(text, new PrintWriter(err, true));
          } catch (UsageException e) {
            return; // a CSV whose first line has no score column: one error, as documented
          }
          long nonBlank = text.lines().filter(l -> !l.isBlank()).count();
          boolean csv = !text.lines().filter(l -> !l.isBlank()).findFirst()
              .map(l -> l.strip().startsWith("{")).orElse(true);
          assertThat(a.summary().n() + a.rejected())
              .isEqualTo(nonBlank == 0 ? 0 : csv ? nonBlank - 1 : nonBlank);
          assertThat(err.toString().lines().count()).isEqualTo(a.rejected());
        });
  }
}
