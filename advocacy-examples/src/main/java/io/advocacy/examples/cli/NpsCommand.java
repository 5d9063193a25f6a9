package io.advocacy.examples.cli;

import io.advocacy.scoring.nps.IntervalMethod;
import io.advocacy.scoring.nps.NpsInterval;
import io.advocacy.scoring.nps.NpsSummary;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code advocacy nps}: NPS with its confidence interval, from counts or a file of answers. */
@Command(
    name = "nps",
    mixinStandardHelpOptions = true,
    description = "Net Promoter Score with its confidence interval, from counts or answers.",
    footer = {
      "",
      "Input files (--input) hold one answer (0-10) per row. CSV: a header line with a "
          + "'score' column (other columns are ignored), then one row per answer; plain "
          + "comma-separated, no quoted fields. NDJSON: one JSON object per line with a "
          + "whole-number \"score\", e.g. {\"score\": 9}. The first non-blank line decides: "
          + "'{' means NDJSON. Blank lines are skipped; a bad row is reported on stderr "
          + "(line, field, reason) and left out.",
      "",
      "Exit codes: 0 all read; 1 some rows rejected (the result covers the rest); 2 bad "
          + "usage or no usable answer."
    })
final class NpsCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  @Nullable Source source;

  static final class Source {
    @Option(names = "--counts", paramLabel = "P,N,D",
        description = "Promoters, passives and detractors, e.g. 50,30,20.")
    @Nullable String counts;

    @Option(names = "--input", paramLabel = "FILE",
        description = "A CSV or NDJSON file of answers (see below).")
    @Nullable Path input;
  }

  @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
      description = "Confidence level in (0, 1); default ${DEFAULT-VALUE}.")
  double confidence;

  @Option(names = "--method", defaultValue = "adjusted-wald", paramLabel = "METHOD",
      description = "adjusted-wald (default; adds 3 answers, 0.75 promoter and 0.75 "
          + "detractor) or wald.")
  String method = "adjusted-wald";

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default) or json.")
  String format = "text";

  @Override
  public Integer call() {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    CliSupport.choice("format", format, List.of("text", "json"));
    IntervalMethod m = switch (CliSupport.choice("method", method,
        List.of("adjusted-wald", "wald"))) {
      case "wald" -> IntervalMethod.WALD;
      default -> IntervalMethod.ADJUSTED_WALD;
    };
    if (!(confidence > 0 && confidence < 1)) {
      throw new UsageException("--confidence " + confidence + " is not in (0, 1)");
    }
    Source src = java.util.Objects.requireNonNull(source);
    NpsSummary summary;
    int exit = CliSupport.EXIT_OK;
    if (src.counts != null) {
      summary = counts(src.counts);
    } else {
      Path file = java.util.Objects.requireNonNull(src.input);
      Answers answers = readAnswers(CliSupport.read(file), err);
      if (answers.rejected > 0) {
        err.println(file + ": " + answers.summary.n() + " answers counted, " + answers.rejected
            + " rows rejected");
        exit = CliSupport.EXIT_PROBLEMS;
      }
      summary = answers.summary;
    }
    if (summary.n() == 0) {
      throw new UsageException("no answers: NPS needs at least one");
    }
    NpsInterval interval = summary.interval(confidence, m).orElseThrow();
    String methodName = m == IntervalMethod.WALD ? "wald" : "adjusted-wald";
    if (format.equals("json")) {
      ObjectNode o = CliSupport.JSON.createObjectNode();
      o.put("nps", CliSupport.round6(summary.nps()));
      o.put("promoters", summary.promoters());
      o.put("passives", summary.passives());
      o.put("detractors", summary.detractors());
      o.put("n", summary.n());
      ObjectNode i = o.putObject("interval");
      i.put("method", methodName);
      i.put("confidence", confidence);
      i.put("low", CliSupport.round6(interval.lower()));
      i.put("high", CliSupport.round6(interval.upper()));
      out.println(CliSupport.JSON.writeValueAsString(o));
    } else {
      out.println("NPS " + CliSupport.fixed(summary.nps(), 1) + " from " + summary.n()
          + " answers: " + summary.promoters() + " promoters, " + summary.passives()
          + " passives, " + summary.detractors() + " detractors");
      out.println(percent(confidence) + "% interval (" + methodName + "): "
          + CliSupport.fixed(interval.lower(), 2) + " to " + CliSupport.fixed(interval.upper(), 2));
    }
    out.flush();
    return exit;
  }

  private static String percent(double level) {
    return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
  }

  private static NpsSummary counts(String text) {
    String[] parts = text.split(",", -1);
    String usage = "--counts needs three whole numbers P,N,D (promoters, passives, detractors);"
        + " got '" + text + "'";
    if (parts.length != 3) {
      throw new UsageException(usage);
    }
    long[] n = new long[3];
    for (int i = 0; i < 3; i++) {
      try {
        n[i] = Long.parseLong(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new UsageException(usage);
      }
      if (n[i] < 0) {
        throw new UsageException(usage);
      }
    }
    return new NpsSummary(n[0], n[1], n[2]);
  }

  /** The answers of a file: the summary of the good rows and how many were rejected. */
  record Answers(NpsSummary summary, long rejected) {}

  /** Reads answers from CSV or NDJSON text, reporting each bad row on {@code err}. */
  static Answers readAnswers(String text, PrintWriter err) {
    String[] lines = text.split("\r?\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      return new Answers(NpsSummary.EMPTY, 0);
    }
    return lines[first].strip().startsWith("{")
        ? ndjson(lines, err) : csv(lines, first, err);
  }

  private static Answers ndjson(String[] lines, PrintWriter err) {
    NpsSummary s = NpsSummary.EMPTY;
    long rejected = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      JsonNode node;
      try {
        node = CliSupport.JSON.readTree(lines[i]);
      } catch (JacksonException e) {
        CliSupport.problem(err, line, "", "not JSON: " + e.getOriginalMessage());
        rejected++;
        continue;
      }
      if (node == null || !node.isObject()) {
        CliSupport.problem(err, line, "", "not a JSON object");
        rejected++;
        continue;
      }
      JsonNode score = node.get("score");
      if (score == null || score.isNull()) {
        CliSupport.problem(err, line, "/score", "is missing");
        rejected++;
      } else if (!score.isIntegralNumber() || !score.canConvertToInt() || score.asInt() < 0
          || score.asInt() > 10) {
        CliSupport.problem(err, line, "/score", score + " is not a whole number from 0 to 10");
        rejected++;
      } else {
        s = s.plus(score.asInt());
      }
    }
    return new Answers(s, rejected);
  }

  private static Answers csv(String[] lines, int headerIndex, PrintWriter err) {
    String[] header = lines[headerIndex].split(",", -1);
    int column = -1;
    for (int c = 0; c < header.length; c++) {
      if (header[c].strip().toLowerCase(Locale.ROOT).equals("score")) {
        column = c;
      }
    }
    if (column < 0) {
      throw new UsageException("line " + (headerIndex + 1)
          + ": the CSV header has no 'score' column (NDJSON lines start with '{')");
    }
    NpsSummary s = NpsSummary.EMPTY;
    long rejected = 0;
    for (int i = headerIndex + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      String[] cols = lines[i].split(",", -1);
      if (cols.length != header.length) {
        CliSupport.problem(err, line, "", "has " + cols.length + " columns; the header has "
            + header.length);
        rejected++;
        continue;
      }
      String v = cols[column].strip();
      int score;
      try {
        score = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        score = -1;
      }
      if (score < 0 || score > 10) {
        CliSupport.problem(err, line, "score", "'" + v + "' is not a whole number from 0 to 10");
        rejected++;
      } else {
        s = s.plus(score);
      }
    }
    return new Answers(s, rejected);
  }
}
