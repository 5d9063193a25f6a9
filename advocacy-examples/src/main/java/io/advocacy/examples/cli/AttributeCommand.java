package io.advocacy.examples.cli;

import io.advocacy.scoring.attribution.Attribution;
import io.advocacy.scoring.attribution.AttributionResult;
import io.advocacy.scoring.attribution.ConversionPath;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.attribution.HeuristicModel;
import io.advocacy.scoring.attribution.JourneyRows;
import io.advocacy.scoring.attribution.MarkovResult;
import io.advocacy.scoring.attribution.PathRow;
import io.advocacy.scoring.attribution.PathRows;
import io.advocacy.scoring.attribution.RowProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code advocacy attribute}: credit for conversions by channel under one model. */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description = "Credit for conversions and their value by channel under one attribution "
        + "model; with --journeys also by advocate and by journey.",
    footer = {
      "",
      "Models: first, last, last-non-direct, linear, position (40/20/40), markov (removal "
          + "effect, --order K), shapley (simplified Shapley value); with --journeys also "
          + "time-decay (half-life 7 days) and w-shaped (30/30/30 on the first touch, the "
          + "first lead_created and the first opportunity_created; 10 over the rest), which "
          + "need instants and stage markers.",
      "",
      "--input: aggregated paths, tab-separated, with the header "
          + "'path<TAB>conversions<TAB>nulls<TAB>value' (value may be left out) and paths "
          + "written 'a > b > c'. The comma-separated export "
          + "'path,total_conversions,total_null,total_conversion_value' is read too.",
      "",
      "--journeys: NDJSON, one journey per line (advocate, journey and stage optional):",
      "  {\"id\":\"j1\",\"converted\":true,\"value\":120,\"touches\":[",
      "    {\"channel\":\"referral\",\"at\":\"2026-01-02T10:00:00Z\",\"advocate\":\"c-7\",",
      "     \"journey\":\"refer\",\"stage\":\"lead_created\"}]}",
      "A file ending in .csv is read as the CSV "
          + "'path_id,at,channel,stage,advocate,journey,converted,value', one touch per line.",
      "For markov and shapley on journeys, advocate and journey credit is apportioned from "
          + "channel credit by their share of the channel's touches on converting journeys.",
      "",
      "Exit codes: 0 all read; 1 some lines rejected (listed on stderr, the result covers "
          + "the rest); 2 bad usage or unusable input."
    })
final class AttributeCommand implements Callable<Integer> {
  static final List<String> PATH_MODELS =
      List.of("first", "last", "last-non-direct", "linear", "position", "markov", "shapley");
  static final List<String> JOURNEY_MODELS = List.of("first", "last", "last-non-direct",
      "linear", "position", "markov", "shapley", "time-decay", "w-shaped");

  @Spec @Nullable CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  @Nullable Source source;

  static final class Source {
    @Option(names = "--input", paramLabel = "PATHS.tsv",
        description = "Aggregated paths (see below).")
    @Nullable Path paths;

    @Option(names = "--journeys", paramLabel = "FILE.ndjson",
        description = "Touch-level journeys (see below).")
    @Nullable Path journeys;
  }

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "first, last, last-non-direct, linear, position, markov, shapley; "
          + "time-decay and w-shaped with --journeys.")
  String model = "";

  @Option(names = "--order", defaultValue = "1", paramLabel = "K",
      description = "Markov chain order (default ${DEFAULT-VALUE}).")
  int order = 1;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (default), json or tsv.")
  String format = "table";

  @Override
  public Integer call() {
    CommandSpec s = Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    Source src = Objects.requireNonNull(source);
    CliSupport.choice("format", format, List.of("table", "json", "tsv"));
    CliSupport.choice("model", model, JOURNEY_MODELS);
    if (order < 1) {
      throw new UsageException("--order " + order + " is below 1");
    }
    if (!model.equals("markov") && s.commandLine().getParseResult().hasMatchedOption("--order")) {
      throw new UsageException("--order applies to the markov model only, not " + model);
    }
    if (src.paths != null && !PATH_MODELS.contains(model)) {
      throw new UsageException("model " + model + " needs "
          + (model.equals("time-decay") ? "touch instants" : "stage markers")
          + ": use it with --journeys, not with aggregated paths (--input)");
    }
    Report report = src.paths != null ? onPaths(src.paths, err) : onJourneys(
        Objects.requireNonNull(src.journeys), err);
    print(report, out);
    out.flush();
    return report.problems == 0 ? CliSupport.EXIT_OK : CliSupport.EXIT_PROBLEMS;
  }

  /** What one run computed. */
  record Report(String model, @Nullable Integer order, double conversions, double value,
      AttributionResult result, @Nullable Map<String, Double> removalEffects, long problems) {}

  private Report onPaths(Path file, PrintWriter err) {
    PathRows.Read read = readPaths(CliSupport.read(file));
    report(read.problems(), file, read.rows().size(), "paths", err);
    if (read.rows().isEmpty()) {
      throw new UsageException("no usable path in " + file);
    }
    double conversions = 0;
    double value = 0;
    for (PathRow r : read.rows()) {
      conversions += r.conversions();
      value += r.value();
    }
    AttributionResult result;
    Map<String, Double> effects = null;
    switch (model) {
      case "markov" -> {
        MarkovResult m = Attribution.markov(read.rows(), order, false);
        result = m.attribution();
        effects = m.removalEffects();
      }
      case "shapley" -> result = Attribution.shapleySimplified(read.rows());
      default -> result = Attribution.heuristicOnPaths(heuristic(model), read.rows());
    }
    return new Report(model, model.equals("markov") ? order : null, conversions, value, result,
        effects, read.problems().size());
  }

  private Report onJourneys(Path file, PrintWriter err) {
    String text = CliSupport.read(file);
    JourneyRows.Read read = file.toString().endsWith(".csv")
        ? JourneyRows.read(text, JourneyFiles.MAX_TOUCHES) : JourneyFiles.ndjson(text);
    report(read.problems(), file, read.journeys().size(), "journeys", err);
    if (read.journeys().isEmpty()) {
      throw new UsageException("no usable journey in " + file);
    }
    double conversions = 0;
    double value = 0;
    for (ConversionPath p : read.journeys()) {
      if (p.converted()) {
        conversions++;
        value += p.value();
      }
    }
    AttributionResult result;
    Map<String, Double> effects = null;
    switch (model) {
      case "markov" -> {
        MarkovResult m = Attribution.markovOnJourneys(read.journeys(), order, false);
        result = m.attribution();
        effects = m.removalEffects();
      }
      case "shapley" -> result = Attribution.shapleySimplifiedOnJourneys(read.journeys());
      default -> result = Attribution.heuristic(heuristic(model), read.journeys());
    }
    return new Report(model, model.equals("markov") ? order : null, conversions, value, result,
        effects, read.problems().size());
  }

  private static void report(List<RowProblem> problems, Path file, int read, String what,
      PrintWriter err) {
    for (RowProblem p : problems) {
      CliSupport.problem(err, p.row(), p.field(), p.message());
    }
    if (!problems.isEmpty()) {
      err.println(file + ": " + read + " " + what + " read, " + problems.size()
          + " lines rejected");
    }
  }

  /**
   * Reads aggregated paths: the tab-separated form of this tool, or the comma-separated export
   * {@link PathRows} reads. Tab-separated lines are handed to {@link PathRows} as CSV, so a
   * channel name with a comma in it is rejected on its line; problem fields use this tool's
   * column names.
   */
  static PathRows.Read readPaths(String text) {
    String[] lines = text.split("\r?\n", -1);
    if (lines[0].strip().startsWith("path,")) {
      return PathRows.read(text);
    }
    List<String> header = List.of(lines[0].strip().split("\t", -1));
    if (!header.equals(List.of("path", "conversions", "nulls", "value"))
        && !header.equals(List.of("path", "conversions", "nulls"))) {
      return new PathRows.Read(List.of(), List.of(new RowProblem(1, "header",
          "expected 'path<TAB>conversions<TAB>nulls<TAB>value' (value may be left out)")));
    }
    List<RowProblem> commas = new ArrayList<>();
    StringBuilder csv = new StringBuilder(header.size() == 4
        ? "path,total_conversions,total_null,total_conversion_value" : "path,total_conversions,"
            + "total_null");
    for (int i = 1; i < lines.length; i++) {
      csv.append('\n');
      if (lines[i].contains(",")) {
        commas.add(new RowProblem(i + 1, "line", "has a comma; paths.tsv takes none"));
      } else {
        csv.append(lines[i].replace('\t', ','));
      }
    }
    PathRows.Read read = PathRows.read(csv.toString());
    List<RowProblem> problems = new ArrayList<>(commas);
    for (RowProblem p : read.problems()) {
      problems.add(new RowProblem(p.row(), switch (p.field()) {
        case "total_conversions" -> "conversions";
        case "total_null" -> "nulls";
        case "total_conversion_value" -> "value";
        default -> p.field();
      }, p.message()));
    }
    problems.sort(Comparator.comparingInt(RowProblem::row));
    return new PathRows.Read(read.rows(), problems);
  }

  static HeuristicModel heuristic(String name) {
    return switch (name) {
      case "first" -> HeuristicModel.firstTouch();
      case "last" -> HeuristicModel.lastTouch();
      case "last-non-direct" -> HeuristicModel.lastNonDirect();
      case "linear" -> HeuristicModel.linear();
      case "position" -> HeuristicModel.positionBased();
      case "time-decay" -> HeuristicModel.timeDecay();
      case "w-shaped" -> HeuristicModel.wShaped();
      default -> throw new UsageException("unknown model '" + name + "'");
    };
  }

  private static List<Map.Entry<String, Credit>> ranked(Map<String, Credit> credit) {
    List<Map.Entry<String, Credit>> list = new ArrayList<>(credit.entrySet());
    list.sort(Comparator.comparingDouble((Map.Entry<String, Credit> e) ->
        -CliSupport.round6(e.getValue().conversions())).thenComparing(Map.Entry::getKey));
    return list;
  }

  private void print(Report r, PrintWriter out) {
    switch (format) {
      case "json" -> out.println(CliSupport.JSON.writeValueAsString(json(r)));
      case "tsv" -> tsv(r, out);
      default -> table(r, out);
    }
  }

  private static ObjectNode json(Report r) {
    ObjectNode o = CliSupport.JSON.createObjectNode();
    o.put("model", r.model);
    if (r.order == null) {
      o.putNull("order");
    } else {
      o.put("order", r.order.intValue());
    }
    o.put("totalConversions", CliSupport.round6(r.conversions));
    o.put("totalValue", CliSupport.round6(r.value));
    ArrayNode channels = o.putArray("channels");
    for (Map.Entry<String, Credit> e : ranked(r.result.byChannel())) {
      ObjectNode c = channels.addObject();
      c.put("channel", e.getKey());
      c.put("conversions", CliSupport.round6(e.getValue().conversions()));
      c.put("value", CliSupport.round6(e.getValue().value()));
      if (r.removalEffects != null) {
        c.put("removalEffect", CliSupport.round6(r.removalEffects.getOrDefault(e.getKey(), 0.0)));
      }
    }
    if (!r.result.byAdvocate().isEmpty() || !r.result.byJourney().isEmpty()) {
      o.put("apportioned", r.result.apportioned());
      credits(o.putArray("advocates"), "advocate", r.result.byAdvocate());
      credits(o.putArray("journeys"), "journey", r.result.byJourney());
    }
    return o;
  }

  private static void credits(ArrayNode array, String key, Map<String, Credit> credit) {
    for (Map.Entry<String, Credit> e : ranked(credit)) {
      ObjectNode c = array.addObject();
      c.put(key, e.getKey());
      c.put("conversions", CliSupport.round6(e.getValue().conversions()));
      c.put("value", CliSupport.round6(e.getValue().value()));
    }
  }

  private static void tsv(Report r, PrintWriter out) {
    boolean markov = r.removalEffects != null;
    out.println("channel\tconversions\tvalue" + (markov ? "\tremoval_effect" : ""));
    for (Map.Entry<String, Credit> e : ranked(r.result.byChannel())) {
      out.println(e.getKey() + "\t" + CliSupport.plain(e.getValue().conversions()) + "\t"
          + CliSupport.plain(e.getValue().value())
          + (markov ? "\t" + CliSupport.plain(r.removalEffects.getOrDefault(e.getKey(), 0.0))
              : ""));
    }
  }

  private static void table(Report r, PrintWriter out) {
    out.println("model " + r.model + (r.order == null ? "" : ", order " + r.order) + ": "
        + CliSupport.fixed(r.conversions, 0) + " conversions, value "
        + CliSupport.fixed(r.value, 2));
    boolean markov = r.removalEffects != null;
    section(out, "channel", r.result.byChannel(), markov ? r.removalEffects : null);
    if (!r.result.byAdvocate().isEmpty()) {
      String note = r.result.apportioned() ? " (apportioned by share of touches)" : "";
      out.println();
      section(out, "advocate" + note, r.result.byAdvocate(), null);
      out.println();
      section(out, "journey" + note, r.result.byJourney(), null);
    }
  }

  private static void section(PrintWriter out, String title, Map<String, Credit> credit,
      @Nullable Map<String, Double> effects) {
    int width = Math.max(title.length(), 8);
    for (String k : credit.keySet()) {
      width = Math.max(width, k.length());
    }
    String head = String.format(java.util.Locale.ROOT, "%-" + width + "s  %11s  %12s", title,
        "conversions", "value");
    out.println(effects == null ? head : head + "  removal effect");
    for (Map.Entry<String, Credit> e : ranked(credit)) {
      String line = String.format(java.util.Locale.ROOT, "%-" + width + "s  %11.4f  %12.2f",
          e.getKey(), e.getValue().conversions(), e.getValue().value());
      out.println(effects == null ? line : line + String.format(java.util.Locale.ROOT,
          "  %14.4f", effects.getOrDefault(e.getKey(), 0.0)));
    }
  }
}
