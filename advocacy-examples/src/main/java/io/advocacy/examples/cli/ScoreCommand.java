package io.advocacy.examples.cli;

import io.advocacy.core.CustomerId;
import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.scoring.score.AdvocateScorer;
import io.advocacy.scoring.score.ComponentScore;
import io.advocacy.scoring.score.ContributingSignal;
import io.advocacy.scoring.score.ModelLoad;
import io.advocacy.scoring.score.ModelProblem;
import io.advocacy.scoring.score.ScoreExplanation;
import io.advocacy.scoring.score.ScoreUpdate;
import io.advocacy.scoring.score.ScoringModel;
import io.advocacy.scoring.score.ScoringModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code advocacy score}: advocate scores, tiers and explanations per customer. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Advocate score (0-100), tier and explanation per customer, from a file of "
        + "signals.",
    footer = {
      "",
      SignalFiles.HELP_1,
      SignalFiles.HELP_2,
      SignalFiles.HELP_3,
      "",
      "The model: --model FILE (a scoring model JSON document, as the bundled ones), or "
          + "--industry NAME for a bundled model (b2b_saas, telecommunications, ecommerce, "
          + "retail, financial_services, travel_hospitality, healthcare, digital_health, "
          + "media_publishing, other); default: other. Scores are read as of --as-of, by "
          + "default the latest signal's instant. Every customer with a scored signal is listed. Signals of a type the model does not score, "
          + "or of an anonymous visitor, are counted on stderr but are not problems.",
      "",
      "Exit codes: 0 all read; 1 some records rejected (listed on stderr, the scores cover "
          + "the rest); 2 bad usage, unusable input or an invalid model."
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "SIGNALS.ndjson",
      description = "The signals (see below).")
  @Nullable Path input;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable ModelChoice modelChoice;

  static final class ModelChoice {
    @Option(names = "--model", paramLabel = "MODEL.json", description = "A scoring model file.")
    @Nullable Path file;

    @Option(names = "--industry", paramLabel = "NAME",
        description = "A bundled industry model, e.g. b2b_saas.")
    @Nullable String industry;
  }

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "Read scores at this ISO-8601 instant; default: the latest signal's.")
  @Nullable String asOf;

  @Option(names = "--top", defaultValue = "3", paramLabel = "K",
      description = "Top contributing signals per customer, 0-20 (default ${DEFAULT-VALUE}).")
  int top = 3;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (default) or json.")
  String format = "table";

  ScoreCommand() {}

  @Override
  public Integer call() {
    CommandSpec s = Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    CliSupport.choice("format", format, List.of("table", "json"));
    if (top < 0 || top > 20) {
      throw new UsageException("--top " + top + " is not in 0..20");
    }
    Instant readAt = null;
    if (asOf != null) {
      try {
        readAt = Instant.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new UsageException("--as-of '" + asOf + "' is not an ISO-8601 instant such as "
            + "2026-06-30T00:00:00Z");
      }
    }
    ScoringModel model = model(modelChoice);
    AdapterResult signals = SignalFiles.read(Objects.requireNonNull(input), err);
    AdvocateScorer scorer = AdvocateScorer.builder(model).explanations(top).build();
    TreeSet<String> customers = new TreeSet<>();
    SortedMap<String, Integer> notScored = new TreeMap<>();
    Instant latest = Instant.MIN;
    for (Signal signal : signals.signals()) {
      ScoreUpdate u = scorer.apply(signal);
      if (u.status() == ScoreUpdate.Status.IGNORED) {
        notScored.merge(String.valueOf(u.reason()), 1, Integer::sum);
      } else if (signal.subject() instanceof CustomerId c) {
        customers.add(c.value());
      }
      if (signal.occurredAt().isAfter(latest)) {
        latest = signal.occurredAt();
      }
    }
    if (!notScored.isEmpty()) {
      List<String> parts = new ArrayList<>();
      notScored.forEach((reason, n) -> parts.add(n + " " + reason));
      err.println("not scored: " + String.join(", ", parts));
    }
    Instant at = readAt == null ? latest : readAt;
    List<ScoreExplanation> explanations = new ArrayList<>();
    for (String c : customers) {
      explanations.add(scorer.explain(CustomerId.of(c), at, top));
    }
    if (format.equals("json")) {
      out.println(CliSupport.JSON.writeValueAsString(json(model, at, explanations)));
    } else {
      table(model, at, explanations, out);
    }
    out.flush();
    return SignalFiles.exitCode(signals);
  }

  /** The model chosen on the command line. */
  static ScoringModel model(@Nullable ModelChoice choice) {
    if (choice != null && choice.file != null) {
      ModelLoad load = ScoringModels.parse(CliSupport.read(choice.file));
      if (load.model() == null) {
        List<String> problems = new ArrayList<>();
        for (ModelProblem p : load.problems()) {
          problems.add(p.path() + " " + p.message());
        }
        throw new UsageException("invalid scoring model " + choice.file + ": "
            + String.join("; ", problems));
      }
      return load.model();
    }
    Industry industry = Industry.OTHER;
    if (choice != null && choice.industry != null) {
      try {
        industry = Industry.valueOf(choice.industry.strip().toUpperCase(Locale.ROOT)
            .replace('-', '_'));
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (Industry i : Industry.values()) {
          names.add(i.name().toLowerCase(Locale.ROOT));
        }
        throw new UsageException("unknown industry '" + choice.industry + "'; use one of "
            + String.join(", ", names));
      }
    }
    return ScoringModels.forIndustry(industry);
  }

  private static ObjectNode json(ScoringModel model, Instant at, List<ScoreExplanation> list) {
    ObjectNode o = CliSupport.JSON.createObjectNode();
    o.put("model", model.id());
    o.put("modelVersion", model.version());
    o.put("asOf", at.toString());
    ArrayNode customers = o.putArray("customers");
    for (ScoreExplanation e : list) {
      ObjectNode c = customers.addObject();
      c.put("customer", e.customer().value());
      c.put("score", CliSupport.round6(e.score()));
      c.put("tier", e.tier().name().toLowerCase(Locale.ROOT));
      ObjectNode parts = c.putObject("components");
      for (ComponentScore p : e.components()) {
        parts.put(p.component().key(), CliSupport.round6(p.points()));
      }
      ArrayNode topSignals = c.putArray("topSignals");
      for (ContributingSignal t : e.topSignals()) {
        ObjectNode n = topSignals.addObject();
        n.put("id", t.id().value());
        n.put("type", t.type().name());
        n.put("at", t.at().toString());
        n.put("component", t.component().key());
        n.put("points", CliSupport.round6(t.points()));
      }
    }
    return o;
  }

  private static void table(ScoringModel model, Instant at, List<ScoreExplanation> list,
      PrintWriter out) {
    out.println("model " + model.id() + " v" + model.version() + ", as of " + at + ", "
        + list.size() + " customers");
    int width = 8;
    for (ScoreExplanation e : list) {
      width = Math.max(width, e.customer().value().length());
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %6s  %-8s",
        "customer", "score", "tier"));
    if (!list.isEmpty()) {
      for (ComponentScore p : list.get(0).components()) {
        head.append(String.format(Locale.ROOT, "  %10s", p.component().key()));
      }
    }
    out.println(head);
    for (ScoreExplanation e : list) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
          "%-" + width + "s  %6.1f  %-8s", e.customer().value(), e.score(),
          e.tier().name().toLowerCase(Locale.ROOT)));
      for (ComponentScore p : e.components()) {
        line.append(String.format(Locale.ROOT, "  %10s", CliSupport.fixed(p.points(), 1)));
      }
      out.println(line);
      for (ContributingSignal t : e.topSignals()) {
        out.println(String.format(Locale.ROOT, "%-" + width + "s    %+6.1f  %s %s at %s (%s)",
            "", t.points(), t.type().name(), t.id().value(), t.at(), t.component().key()));
      }
    }
  }
}
