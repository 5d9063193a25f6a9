package io.advocacy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's example commands on the bundled samples run cleanly. */
class SamplesTest {
  @Test
  void everyReadmeExampleRunsWithExitZeroAndNothingOnStderr() {
    String[][] commands = {
      {"nps", "--counts", "50,30,20"},
      {"nps", "--input", CliRun.sample("answers.csv"), "--format", "json"},
      {"nps", "--input", CliRun.sample("answers.ndjson")},
      {"attribute", "--input", CliRun.sample("paths.tsv"), "--model", "markov"},
      {"attribute", "--journeys", CliRun.sample("journeys.ndjson"), "--model", "w-shaped"},
      {"score", "--input", CliRun.sample("signals.ndjson"), "--industry", "b2b_saas"},
      {"journey", "validate", CliRun.sample("review-request.json")},
      {"journey", "diagram", CliRun.sample("review-request.json")},
      {"journey", "run", CliRun.sample("review-request.json"), "--signals",
          CliRun.sample("review-signals.ndjson")},
    };
    for (String[] c : commands) {
      CliRun r = CliRun.of(c);
      assertThat(r.err()).as(String.join(" ", c)).isEmpty();
      assertThat(r.exit()).as(String.join(" ", c)).isZero();
      assertThat(r.out()).as(String.join(" ", c)).isNotEmpty();
    }
  }

  @Test
  void answersCsvSample() {
    // 10, 9, 9, 10, 9, 10 promote; 8, 7, 8 are passive; 6, 3, 5 detract: NPS 100 * 3 / 12
    assertThat(CliRun.of("nps", "--input", CliRun.sample("answers.csv")).out())
        .startsWith("NPS 25.0 from 12 answers: 6 promoters, 3 passives, 3 detractors\n");
  }

  @Test
  void topLevelHelpListsTheSubcommands() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("nps", "attribute", "score", "journey");
  }
}
