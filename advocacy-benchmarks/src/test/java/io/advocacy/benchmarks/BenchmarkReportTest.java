package io.advocacy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {
  @TempDir Path dir;

  /** One JMH throughput result of the full engine, as JMH writes it in its JSON. */
  private static String engine(double score, String jvmArg) {
    return engine("oursEngine", score, jvmArg);
  }

  /** One JMH throughput result of a method of the transition benchmark. */
  private static String engine(String method, double score, String jvmArg) {
    return String.format(Locale.ROOT, """
        [{"benchmark": "io.advocacy.benchmarks.JourneyTransitionBenchmark.%s",
          "mode": "thrpt", "forks": 1, "warmupIterations": 3, "warmupTime": "2 s",
          "measurementIterations": 3, "measurementTime": "1 s", "jvmArgs": ["%s"],
          "vmName": "vm", "vmVersion": "1", "jdkVersion": "17", "jmhVersion": "1.37",
          "params": {"ids": "sequential", "size": "10000"},
          "primaryMetric": {"score": %s, "scoreError": 100000.0, "scoreUnit": "ops/s"}}]
        """, method, jvmArg, score);
  }

  private String report(String... files) throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "# title\n\n" + BenchmarkReport.BEGIN + "\nold\n"
        + BenchmarkReport.END + "\n\nprose after\n", StandardCharsets.UTF_8);
    String[] args = new String[files.length + 2];
    args[0] = readme.toString();
    args[1] = dir.resolve("no-footprint.json").toString();
    for (int k = 0; k < files.length; k++) {
      args[k + 2] = dir.resolve(files[k]).toString();
    }
    BenchmarkReport.main(args);
    return Files.readString(readme, StandardCharsets.UTF_8);
  }

  @Test
  void theParallelCollectorIsReportedBesideTheTableAgainstItsFigure() throws IOException {
    Files.writeString(dir.resolve("journey-transitions-ours.json"), engine(1_900_000, "-Xms6g"));
    Files.writeString(dir.resolve("journey-collector-parallel.json"),
        engine(2_280_000, "-XX:+UseParallelGC"));

    // the other collector listed first: the table must still not take it
    String text = report("journey-collector-parallel.json", "journey-transitions-ours.json");

    // the table and the target verdict take the default collector only
    assertThat(text).contains("| 10,000 | — | 1,900,000 ± 100,000 | — |");
    assertThat(text).contains("engine ≥ 2 M/s: **not met**");
    assertThat(text).contains("- 10,000 instances, sequential ids: default (the table) 1,900,000 ±"
        + " 100,000, parallel 2,280,000 ± 100,000 transitions/s; parallel / default 1.20×\n");
    assertThat(text).contains("\"-XX:+UseParallelGC\"");
    assertThat(text).startsWith("# title\n\n" + BenchmarkReport.BEGIN)
        .endsWith(BenchmarkReport.END + "\n\nprose after\n")
        .doesNotContain("\nold\n");
  }

  @Test
  void theEngineInBatchesHasItsOwnColumnAndVerdict() throws IOException {
    Files.writeString(dir.resolve("journey-transitions-ours.json"), engine(1_900_000, "-Xms6g"));
    Files.writeString(dir.resolve("journey-transitions-batches.json"),
        engine("oursEngineBatch", 2_200_000, "-Xms6g"));

    String text = report("journey-transitions-ours.json", "journey-transitions-batches.json");

    assertThat(text).contains("| ours, full engine, random ids | ours, full engine, `handleAll`"
        + " of 100 | stateless4j |");
    assertThat(text).contains("| 10,000 | — | 1,900,000 ± 100,000 | — | 2,200,000 ± 100,000 | — |");
    assertThat(text).contains("engine ≥ 2 M/s: **not met** (`handleAll` of 100: met)");
  }

  @Test
  void aFigureOfSeveralForksShowsEachForksMean() throws IOException {
    String threeForks = """
        [{"benchmark": "io.advocacy.benchmarks.JourneyTransitionBenchmark.oursEngine",
          "mode": "thrpt", "forks": 3, "warmupIterations": 3, "warmupTime": "2 s",
          "measurementIterations": 3, "measurementTime": "1 s", "jvmArgs": [],
          "params": {"ids": "sequential", "size": "10000"},
          "primaryMetric": {"score": 2100000.0, "scoreError": 300000.0, "scoreUnit": "ops/s",
            "rawData": [[1800000, 1900000, 2000000], [2500000, 2600000, 2700000],
                        [1700000, 1800000, 1900000]]}},
         {"benchmark": "io.advocacy.benchmarks.JourneyTransitionBenchmark.peerSpring",
          "mode": "thrpt", "forks": 3, "warmupIterations": 3, "warmupTime": "2 s",
          "measurementIterations": 3, "measurementTime": "1 s", "jvmArgs": [],
          "params": {"size": "10000"},
          "primaryMetric": {"score": 20000.0, "scoreError": 1000.0, "scoreUnit": "ops/s",
            "rawData": [[19600, 19600], [20400, 20400], [20000, 20000]]}}]
        """;
    Files.writeString(dir.resolve("journey-transitions-ours.json"), threeForks);

    String text = report("journey-transitions-ours.json");

    assertThat(text).contains("| 10,000 | — | 2,100,000 ± 300,000 (forks 1.90 M / 2.60 M / 1.80 M)"
        + " | — | — | — | — | 20,000 ± 1,000 (forks 19.6 k / 20.4 k / 20.0 k) | n/a | n/a | 105× |");
    assertThat(text).contains("engine ≥ 2 M/s: met").contains("engine ≥ 100× Spring: met")
        .contains("JourneyTransitionBenchmark (thrpt): `-f 3 -wi 3 -w 2 s -i 3 -r 1 s`");
  }

  @Test
  void withoutAnotherCollectorThereIsNoSuchSection() throws IOException {
    Files.writeString(dir.resolve("journey-transitions-ours.json"), engine(2_100_000, "-Xms6g"));

    String text = report("journey-transitions-ours.json");

    assertThat(text).contains("engine ≥ 2 M/s: met");
    assertThat(text).doesNotContain("parallel collector").doesNotContain("parallel / default");
  }
}
