package io.advocacy.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the results of one run of {@code run-benchmarks.sh} into the README, between the
 * markers {@code <!-- results:begin -->} and {@code <!-- results:end -->}: every JMH figure with
 * its error, every comparison as a ratio ours / peer (or ours / baseline) from the same run, the
 * journey targets met or missed, the footprint figures, the JVM, the JMH settings and the
 * machine.
 *
 * <p>Run: {@code java -cp benchmarks.jar io.advocacy.benchmarks.BenchmarkReport <README.md>
 * <footprint.json> <jmh result.json>...}. Not thread-safe; a command-line tool.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  static final String BEGIN = "<!-- results:begin -->";
  static final String END = "<!-- results:end -->";
  /**
   * The start of the names of the JMH result files of the full engine under another collector
   * than the default ({@code journey-collector-parallel.json}): reported beside the main table
   * against the table's figure for the same size and ids, never in it, and not judged against
   * the targets.
   */
  static final String COLLECTOR_PREFIX = "journey-collector-";

  /**
   * One JMH result row.
   *
   * @param forks each fork's mean over its measured iterations, in fork order (JMH's {@code
   *     rawData}); one entry for a one-fork run
   */
  record Row(String file, String benchmark, String method, Map<String, String> params,
      double score, double error, String unit, String mode, String settings,
      List<Double> forks) {
    String cls() {
      return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    String sim() {
      return cls().substring(cls().lastIndexOf('.') + 1);
    }
  }

  /**
   * Writes the section.
   *
   * @param args the README, the footprint JSON, then the JMH JSON files
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args[0]);
    Path footprint = Path.of(args[1]);
    JsonMapper json = JsonMapper.builder().build();
    List<Row> rows = new ArrayList<>();
    Set<String> jvms = new LinkedHashSet<>();
    Map<String, List<String>> printed = new java.util.LinkedHashMap<>();
    for (int a = 2; a < args.length; a++) {
      Path p = Path.of(args[a]);
      if (!Files.exists(p)) {
        continue;
      }
      if (p.getFileName().toString().endsWith(".txt")) {
        // what a footprint main printed, one measurement a line
        printed.put(p.getFileName().toString(), Files.readAllLines(p, StandardCharsets.UTF_8));
        continue;
      }
      for (JsonNode r : json.readTree(p.toFile())) {
        if (!r.has("benchmark") || !r.has("primaryMetric")) {
          continue; // not a JMH result
        }
        Map<String, String> params = new TreeMap<>();
        if (r.has("params")) {
          r.get("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
        }
        String benchmark = r.get("benchmark").asString();
        JsonNode m = r.get("primaryMetric");
        String settings = String.format(Locale.ROOT, "-f %d -wi %d -w %s -i %d -r %s",
            r.get("forks").asInt(), r.get("warmupIterations").asInt(),
            r.path("warmupTime").asString("-"), r.get("measurementIterations").asInt(),
            r.path("measurementTime").asString("-"));
        double error = m.get("scoreError").isNumber() ? m.get("scoreError").asDouble() : Double.NaN;
        List<Double> forks = new ArrayList<>();
        for (JsonNode fork : m.path("rawData")) {
          double sum = 0;
          for (JsonNode v : fork) {
            sum += v.asDouble();
          }
          if (!fork.isEmpty()) {
            forks.add(sum / fork.size());
          }
        }
        rows.add(new Row(p.getFileName().toString(), benchmark,
            benchmark.substring(benchmark.lastIndexOf('.') + 1), params,
            m.get("score").asDouble(), error, m.get("scoreUnit").asString(),
            r.get("mode").asString(), settings, List.copyOf(forks)));
        jvms.add(r.path("vmName").asString("") + " " + r.path("vmVersion").asString("")
            + " (JDK " + r.path("jdkVersion").asString("") + "), JMH "
            + r.path("jmhVersion").asString("") + ", JVM args " + r.path("jvmArgs").toString());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append('\n');
    // the report is dated by the day it ran: a tool's output, not library time
    java.time.LocalDate ran = java.time.LocalDate.now(java.time.ZoneOffset.UTC); // wall-clock default
    out.append("Generated by `run-benchmarks.sh` from the JMH JSON of one run (").append(ran)
        .append(", ")
        .append(System.getenv().getOrDefault("BENCH_MODE", "full")).append(" mode). Machine: ")
        .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
        .append(memory()).append(" memory, load average at the start ")
        .append(System.getenv().getOrDefault("BENCH_LOAD", "?")).append(".\n\n");
    out.append("JVM: ").append(String.join("; ", jvms)).append(".\n\n");
    Set<String> settings = new LinkedHashSet<>();
    for (Row r : rows) {
      settings.add(r.sim() + " (" + r.mode() + "): `" + r.settings() + "`");
    }
    out.append("JMH settings, one thread:\n\n");
    for (String s : settings) {
      out.append("- ").append(s).append('\n');
    }
    out.append('\n');
    List<Row> others = rows.stream().filter(r -> r.file().startsWith(COLLECTOR_PREFIX)).toList();
    List<Row> main = rows.stream().filter(r -> !r.file().startsWith(COLLECTOR_PREFIX)).toList();
    journeys(out, main, others, footprint, json);
    others(out, rows);
    printed.forEach((file, lines) -> {
      out.append("### Printed by the footprint mains (`").append(file).append("`)\n\n```\n");
      lines.stream().filter(l -> !l.isBlank()).forEach(l -> out.append(l).append('\n'));
      out.append("```\n\n");
    });
    out.append(END).append('\n');
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    String updated = b >= 0 && e > b
        ? text.substring(0, b) + out + text.substring(e + END.length()).replaceFirst("^\n", "")
        : text + "\n## Results of the last run\n\n" + out;
    Files.writeString(readme, updated, StandardCharsets.UTF_8);
    System.out.println("wrote " + rows.size() + " results into " + readme);
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%,.2f", v);
  }

  static String figure(Row r) {
    return fmt(r.score()) + " ± " + fmt(r.error());
  }

  static String ratio(double a, double b) {
    return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? "n/a"
        : String.format(Locale.ROOT, a / b >= 10 ? "%,.0f×" : "%.2f×", a / b);
  }

  private static Row find(List<Row> rows, String cls, String method, Map<String, String> params) {
    for (Row r : rows) {
      if (r.sim().equals(cls) && r.method().equals(method)
          && r.params().entrySet().containsAll(params.entrySet())) {
        return r;
      }
    }
    return null;
  }

  /**
   * A table cell: the figure with its error and, when it was measured in more than one fork, each
   * fork's mean, so that a fork far from the others shows.
   */
  static String cell(Row r) {
    if (r == null) {
      return "—";
    }
    if (r.forks().size() < 2) {
      return figure(r);
    }
    StringBuilder b = new StringBuilder(figure(r)).append(" (forks ");
    for (int k = 0; k < r.forks().size(); k++) {
      b.append(k == 0 ? "" : " / ").append(shortFigure(r.forks().get(k)));
    }
    return b.append(')').toString();
  }

  /** A figure in millions or thousands, to three significant digits or so: 1.89 M, 19.6 k. */
  static String shortFigure(double v) {
    return v >= 1e6 ? String.format(Locale.ROOT, "%.2f M", v / 1e6)
        : v >= 1e3 ? String.format(Locale.ROOT, "%.1f k", v / 1e3) : fmt(v);
  }

  /**
   * The full engine under another collector: per such result, its figure against the table's
   * figure for the same size and ids (the default collector), and the ratio of the two.
   */
  static void collectors(StringBuilder out, List<Row> others, List<Row> main) {
    StringBuilder lines = new StringBuilder();
    for (Row r : others) {
      if (!r.method().equals("oursEngine")) {
        continue;
      }
      String collector = r.file().substring(COLLECTOR_PREFIX.length()).replace(".json", "");
      Row table = find(main, "JourneyTransitionBenchmark", "oursEngine", r.params());
      lines.append("- ").append(String.format(Locale.ROOT, "%,d",
              Integer.parseInt(r.params().getOrDefault("size", "0"))))
          .append(" instances, ").append(r.params().getOrDefault("ids", "?"))
          .append(" ids: default (the table) ").append(cell(table)).append(", ").append(collector)
          .append(' ').append(cell(r)).append(" transitions/s; ").append(collector)
          .append(" / default ").append(ratio(score(r), score(table))).append('\n');
    }
    if (lines.length() > 0) {
      out.append("The full engine under the parallel collector (`-XX:+UseParallelGC`, same heap),"
          + " run right after the table's engine and its peers, against the table's figure under"
          + " the default collector, for hosts that choose a throughput collector; not in the"
          + " table, and the targets are judged on the default collector only:\n\n")
          .append(lines).append('\n');
    }
  }

  private static double score(Row r) {
    return r == null ? Double.NaN : r.score();
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**not met**";
  }

  private static void journeys(StringBuilder out, List<Row> rows, List<Row> others,
      Path footprint, JsonMapper json) throws IOException {
    out.append("### Journeys: transitions per second (one thread, instances round-robined)\n\n");
    out.append("| instances | ours, bare machine | ours, full engine | ours, full engine, random ids"
        + " | ours, full engine, `handleAll` of " + JourneyTransitionBenchmark.BATCH
        + " | stateless4j | squirrel-foundation | Spring Statemachine | bare / stateless4j"
        + " | engine / squirrel | engine / Spring |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    Set<String> sizes = new java.util.TreeSet<>(java.util.Comparator.comparingInt(Integer::parseInt));
    for (Row r : rows) {
      if (r.sim().equals("JourneyTransitionBenchmark")) {
        sizes.add(r.params().get("size"));
      }
    }
    String targets = "";
    for (String size : sizes) {
      Map<String, String> p = Map.of("size", size);
      Row bare = find(rows, "JourneyTransitionBenchmark", "oursBare", p);
      Row engine = find(rows, "JourneyTransitionBenchmark", "oursEngine",
          Map.of("size", size, "ids", "sequential"));
      Row random = find(rows, "JourneyTransitionBenchmark", "oursEngine",
          Map.of("size", size, "ids", "random"));
      Row batched = find(rows, "JourneyTransitionBenchmark", "oursEngineBatch",
          Map.of("size", size, "ids", "sequential"));
      Row s4j = find(rows, "JourneyTransitionBenchmark", "peerStateless4j", p);
      Row sq = find(rows, "JourneyTransitionBenchmark", "peerSquirrel", p);
      Row sp = find(rows, "JourneyTransitionBenchmark", "peerSpring", p);
      out.append("| ").append(String.format(Locale.ROOT, "%,d", Integer.parseInt(size)))
          .append(" | ").append(cell(bare)).append(" | ").append(cell(engine)).append(" | ")
          .append(cell(random)).append(" | ").append(cell(batched)).append(" | ")
          .append(cell(s4j)).append(" | ").append(cell(sq))
          .append(" | ").append(cell(sp))
          .append(" | ").append(ratio(score(bare), score(s4j))).append(" | ")
          .append(ratio(score(engine), score(sq))).append(" | ")
          .append(ratio(score(engine), score(sp))).append(" |\n");
      StringBuilder t = new StringBuilder();
      if (bare != null) {
        t.append("bare ≥ 10 M/s: ").append(verdict(bare.score() >= 10e6));
        if (s4j != null) {
          t.append("; bare ≥ stateless4j: ").append(verdict(bare.score() >= s4j.score()));
        }
      }
      if (engine != null) {
        t.append("; engine ≥ 2 M/s: ").append(verdict(engine.score() >= 2e6));
        if (random != null || batched != null) {
          t.append(" (");
          if (random != null) {
            t.append("random ids: ").append(verdict(random.score() >= 2e6));
          }
          if (batched != null) {
            t.append(random != null ? "; " : "").append("`handleAll` of ")
                .append(JourneyTransitionBenchmark.BATCH).append(": ")
                .append(verdict(batched.score() >= 2e6));
          }
          t.append(')');
        }
        if (sq != null) {
          t.append("; engine ≥ 10× squirrel: ").append(verdict(engine.score() >= 10 * sq.score()));
        }
        if (sp != null) {
          t.append("; engine ≥ 100× Spring: ").append(verdict(engine.score() >= 100 * sp.score()));
        }
      }
      targets += "- " + String.format(Locale.ROOT, "%,d", Integer.parseInt(size)) + " instances: "
          + t + "\n";
    }
    out.append("\nTargets (figures of this run):\n\n").append(targets).append('\n');
    collectors(out, others, rows);

    out.append("### Journeys: instances created per second (one thread)\n\n");
    out.append("| ours, bare `start` | ours, engine (committed to the store) | stateless4j"
        + " | squirrel-foundation (started) | Spring Statemachine (started) | bare / stateless4j"
        + " | engine / squirrel | engine / Spring |\n|---|---|---|---|---|---|---|---|\n");
    Map<String, String> none = Map.of();
    Row cb = find(rows, "JourneyCreationBenchmark", "oursBare", none);
    Row ce = find(rows, "JourneyCreationBenchmark", "oursEngine", none);
    Row c4 = find(rows, "JourneyCreationBenchmark", "peerStateless4j", none);
    Row cq = find(rows, "JourneyCreationBenchmark", "peerSquirrel", none);
    Row cs = find(rows, "JourneyCreationBenchmark", "peerSpring", none);
    out.append("| ").append(cell(cb)).append(" | ").append(cell(ce)).append(" | ")
        .append(cell(c4)).append(" | ").append(cell(cq)).append(" | ").append(cell(cs))
        .append(" | ").append(ratio(score(cb), score(c4))).append(" | ")
        .append(ratio(score(ce), score(cq))).append(" | ").append(ratio(score(ce), score(cs)))
        .append(" |\n\n");

    out.append("### Journeys: `tick` firing due timers (single shot)\n\n");
    out.append("| due timers | instances per call | time (ms) | target ≤ 1 s for 1,000,000 |\n"
        + "|---|---|---|---|\n");
    for (Row r : rows) {
      if (r.sim().equals("JourneyTickBenchmark")) {
        int n = Integer.parseInt(r.params().get("timers"));
        String limit = r.params().get("limit");
        int perCall = limit == null ? n : Math.min(n, Integer.parseInt(limit));
        out.append("| ").append(String.format(Locale.ROOT, "%,d", n)).append(" | ")
            .append(perCall == n ? "all (one call)"
                : String.format(Locale.ROOT, "%,d (as AdvocacyEngine.tick)", perCall))
            .append(" | ").append(figure(r)).append(" | ")
            .append(n == 1_000_000 ? verdict(r.score() <= 1000) : "(smaller size)").append(" |\n");
      }
    }
    out.append('\n');

    out.append("### Journeys: heap bytes per instance (JOL `GraphLayout.parseInstance(holder)"
        + ".totalSize()` minus the holder array, ÷ N)\n\n");
    if (!Files.exists(footprint)) {
      out.append("(no footprint file in this run)\n\n");
      return;
    }
    out.append("| library | figure | instances | bytes per instance |\n|---|---|---|---|\n");
    String idle = null;
    for (JsonNode r : json.readTree(footprint.toFile())) {
      String lib = r.get("library").asString();
      String fig = r.get("figure").asString();
      int n = r.get("instances").asInt();
      double bytes = r.get("bytesPerInstance").asDouble();
      out.append("| ").append(lib).append(" | ").append(fig).append(" | ")
          .append(String.format(Locale.ROOT, "%,d", n)).append(" | ")
          .append(String.format(Locale.ROOT, "%,.1f", bytes)).append(" |\n");
      if (lib.equals("ours-engine") && fig.equals("store at rest")) {
        idle = String.format(Locale.ROOT, "%,d instances: %,.1f B per idle instance in the store "
            + "(audit included): %s", n, bytes, verdict(bytes <= 200));
      }
    }
    out.append("\nTarget ≤ 200 B per idle instance in the in-memory store: ")
        .append(idle == null ? "not measured" : idle).append(".\n\n");
  }

  private static final Map<String, String> BASELINES = Map.of(
      "SegmentAdapterBenchmark", "jacksonTokenizeBaseline",
      "ScorerBenchmark", "bareHashMap");

  private static void others(StringBuilder out, List<Row> rows) {
    Map<String, List<Row>> byClass = new LinkedHashMap<>();
    for (Row r : rows) {
      if (!r.sim().startsWith("Journey")) {
        byClass.computeIfAbsent(r.sim(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<Row>> e : byClass.entrySet()) {
      String baseline = BASELINES.get(e.getKey());
      out.append("### ").append(e.getKey()).append("\n\n| benchmark | parameters | score ± error"
          + " | unit |").append(baseline == null ? "" : " ratio to " + baseline + " |")
          .append("\n|---|---|---|---|").append(baseline == null ? "" : "---|").append('\n');
      for (Row r : e.getValue()) {
        out.append("| ").append(r.method()).append(" | ").append(r.params().isEmpty() ? "—"
            : r.params().toString()).append(" | ").append(figure(r)).append(" | ")
            .append(r.unit()).append(" |");
        if (baseline != null) {
          Row base = null;
          for (Row c : e.getValue()) {
            if (c.method().equals(baseline) && sameSize(c, r)) {
              base = c;
              break;
            }
          }
          out.append(' ').append(base == null ? "—" : ratio(r.score(), base.score())).append(" |");
        }
        out.append('\n');
      }
      out.append('\n');
    }
  }

  /** The same parameters. */
  private static boolean sameSize(Row base, Row r) {
    return base.params().equals(r.params());
  }
}
