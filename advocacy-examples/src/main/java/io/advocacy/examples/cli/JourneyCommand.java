package io.advocacy.examples.cli;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AuditEntry;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyDiagrams;
import io.advocacy.journeys.JourneyInstance;
import io.advocacy.journeys.JourneyJson;
import io.advocacy.journeys.JourneyMachine;
import io.advocacy.journeys.JourneyRegistry;
import io.advocacy.journeys.Step;
import io.advocacy.scoring.AdvocateTier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code advocacy journey}: validate, draw and run journey definitions kept as JSON files. */
@Command(
    name = "journey",
    mixinStandardHelpOptions = true,
    description = "Validate, draw and run a journey definition file (JSON).",
    subcommands = {
      JourneyCommand.Validate.class,
      JourneyCommand.Diagram.class,
      JourneyCommand.Run.class
    },
    footer = {
      "",
      "Guards and actions are named in the file and resolved by this tool: every action name "
          + "the file uses is accepted as a generic action (kind custom unless given with "
          + "--action NAME=KIND), and every guard name is accepted; 'journey run' evaluates a "
          + "guard as --guard NAME=true|false says, and as true when not given (and says so)."
    })
final class JourneyCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandSpec s = Objects.requireNonNull(spec);
    throw new UsageException("journey needs a subcommand: validate, diagram or run (see '"
        + s.qualifiedName() + " --help')");
  }

  /** The names a journey file uses, read leniently from the JSON tree. */
  record Names(Set<String> guards, Set<String> actions) {}

  /** Collects the guard and action names a journey document refers to. */
  static Names names(@Nullable JsonNode root) {
    Set<String> guards = new TreeSet<>();
    Set<String> actions = new TreeSet<>();
    if (root == null || !root.isObject()) {
      return new Names(guards, actions);
    }
    name(root.path("entry").path("guard"), guards);
    for (JsonNode s : root.path("states")) {
      for (JsonNode a : s.path("onEntry")) {
        name(a, actions);
      }
      for (JsonNode a : s.path("onExit")) {
        name(a, actions);
      }
    }
    for (JsonNode t : root.path("transitions")) {
      name(t.path("guard"), guards);
      for (JsonNode a : t.path("actions")) {
        name(a, actions);
      }
    }
    return new Names(guards, actions);
  }

  private static void name(JsonNode n, Set<String> into) {
    if (n.isObject() && n.path("name").isString()) {
      into.add(n.path("name").stringValue());
    }
  }

  /** A journey file read with the CLI's registry. */
  record Loaded(@Nullable JourneyDefinition definition, List<String> problems,
      JourneyRegistry registry, Map<String, Boolean> guards, Set<String> assumed) {}

  /** Reads a journey file: the registry accepts every name it uses. */
  static Loaded load(Path file, Map<String, String> guardValues, Map<String, String> kinds) {
    String text = CliSupport.read(file);
    JsonNode root = null;
    try {
      root = CliSupport.JSON.readTree(text);
    } catch (JacksonException e) {
      // JourneyJson.read reports it with the document's other problems
    }
    Names names = names(root);
    Map<String, Boolean> guards = new TreeMap<>();
    guardValues.forEach((name, value) -> {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new UsageException("--guard " + name + "=" + value + ": the value must be true "
            + "or false");
      }
      guards.put(name, v.equals("true"));
    });
    Set<String> assumed = new TreeSet<>();
    JourneyRegistry.Builder registry = JourneyRegistry.builder();
    for (String g : names.guards) {
      boolean pass = guards.getOrDefault(g, Boolean.TRUE);
      if (!guards.containsKey(g)) {
        assumed.add(g);
      }
      try {
        registry.guard(g, context -> pass);
      } catch (IllegalArgumentException e) {
        // not a machine name: JourneyJson.read reports it with its pointer
      }
    }
    for (String a : names.actions) {
      ActionKind kind = ActionKind.CUSTOM;
      String k = kinds.get(a);
      if (k != null) {
        try {
          kind = ActionKind.valueOf(k.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--action " + a + "=" + k + ": unknown kind; use ask, "
              + "issue_reward, create_crm_task, notify_owner, set_variable or custom");
        }
      }
      try {
        registry.action(a, kind);
      } catch (IllegalArgumentException e) {
        // not a machine name: JourneyJson.read reports it with its pointer
      }
    }
    JourneyRegistry built = registry.build();
    JourneyJson.Read read = JourneyJson.read(text, built);
    List<String> problems = new ArrayList<>();
    for (String p : read.problems()) {
      problems.add(withPointer(p, root));
    }
    return new Loaded(read.definition(), problems, built, guards, assumed);
  }

  private static final Pattern DEFINITION_PROBLEM =
      Pattern.compile("([A-Z_]+) at (.*?): (.*)", Pattern.DOTALL);

  /**
   * A problem as {@code pointer: message}. Document problems carry their pointer already; a
   * definition problem names a state or transition, which is looked up in the document.
   */
  static String withPointer(String problem, @Nullable JsonNode root) {
    Matcher m = DEFINITION_PROBLEM.matcher(problem);
    if (!m.matches()) {
      return problem.startsWith(":") ? "(document)" + problem : problem;
    }
    String code = m.group(1);
    String where = m.group(2);
    String message = code.toLowerCase(Locale.ROOT) + ": " + m.group(3);
    return pointer(code, where, root) + ": " + message;
  }

  private static String pointer(String code, String where, @Nullable JsonNode root) {
    if (root == null) {
      return "(document)";
    }
    JsonNode states = root.path("states");
    JsonNode transitions = root.path("transitions");
    if (code.equals("NO_START")) {
      return "/start";
    }
    if (code.equals("UNKNOWN_GUARD") && where.equals("entry")) {
      return "/entry/guard";
    }
    int arrow = where.indexOf(" -> ");
    if (arrow > 0) {
      String from = where.substring(0, arrow);
      String to = where.substring(arrow + 4);
      for (int i = 0; i < transitions.size(); i++) {
        JsonNode t = transitions.get(i);
        if (t.path("from").asString("").equals(from) && t.path("to").asString("").equals(to)) {
          return "/transitions/" + i;
        }
      }
      return "/transitions";
    }
    if (code.equals("AMBIGUOUS")) {
      for (int i = transitions.size() - 1; i >= 0; i--) {
        if (transitions.get(i).path("from").asString("").equals(where)) {
          return "/transitions/" + i;
        }
      }
      return "/transitions";
    }
    String state = where;
    String suffix = "";
    if (where.endsWith(" (entry)")) {
      state = where.substring(0, where.length() - 8);
      suffix = "/onEntry";
    } else if (where.endsWith(" (exit)")) {
      state = where.substring(0, where.length() - 7);
      suffix = "/onExit";
    }
    int found = -1;
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).path("name").asString("").equals(state)) {
        found = i;
        if (!code.equals("DUPLICATE_STATE")) {
          break;
        }
      }
    }
    return found < 0 ? "/states" : "/states/" + found + suffix;
  }

  /** Loads a journey that must be valid. */
  static Loaded loadValid(Path file, Map<String, String> guards, Map<String, String> kinds) {
    Loaded loaded = load(file, guards, kinds);
    if (loaded.definition == null) {
      throw new UsageException(file + " is not a valid journey (" + loaded.problems.size()
          + (loaded.problems.size() == 1 ? " problem" : " problems") + "; first: "
          + loaded.problems.get(0) + "); see 'journey validate'");
    }
    return loaded;
  }

  /** {@code journey validate FILE}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check a journey file: 'valid' and exit 0, or every problem with its JSON "
          + "pointer and exit 1.")
  static final class Validate implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "The journey definition.")
    @Nullable Path file;

    @Override
    public Integer call() {
      PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
      Loaded loaded = load(Objects.requireNonNull(file), Map.of(), Map.of());
      if (loaded.definition != null) {
        out.println("valid: journey " + loaded.definition.id().value() + " v"
            + loaded.definition.version() + ", " + loaded.definition.states().size()
            + " states, " + loaded.definition.transitions().size() + " transitions");
        out.flush();
        return CliSupport.EXIT_OK;
      }
      out.println("invalid: " + loaded.problems.size()
          + (loaded.problems.size() == 1 ? " problem" : " problems"));
      loaded.problems.forEach(out::println);
      out.flush();
      return CliSupport.EXIT_PROBLEMS;
    }
  }

  /** {@code journey diagram FILE}. */
  @Command(name = "diagram", mixinStandardHelpOptions = true,
      description = "Draw a journey as a Mermaid state diagram or Graphviz DOT.")
  static final class Diagram implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "The journey definition.")
    @Nullable Path file;

    @Option(names = "--format", defaultValue = "mermaid", paramLabel = "FORMAT",
        description = "mermaid (default) or dot.")
    String format = "mermaid";

    @Override
    public Integer call() {
      PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
      CliSupport.choice("format", format, List.of("mermaid", "dot"));
      JourneyDefinition d = Objects.requireNonNull(
          loadValid(Objects.requireNonNull(file), Map.of(), Map.of()).definition);
      String text = format.equals("dot") ? JourneyDiagrams.dot(d) : JourneyDiagrams.mermaid(d);
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
      return CliSupport.EXIT_OK;
    }
  }

  /** {@code journey run FILE --signals SIGNALS}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run a journey over a file of signals: the states each customer visits and "
          + "the actions emitted, with their idempotency keys.",
      footer = {
        "",
        "Signals are taken in time order (ties in file order). Before each signal, every "
            + "running instance's timers due by its instant fire, in the order they fall due; "
            + "--until fires those due by then after the last signal. A customer enters on the "
            + "journey's entry signal (or on their first signal when the journey has none, "
            + "which is then also applied); one instance per customer, no re-entry. Customers "
            + "are plain profiles (UTC, industry other, no score); signals of anonymous "
            + "visitors are skipped.",
        "",
        SignalFiles.HELP_1,
        SignalFiles.HELP_2,
        SignalFiles.HELP_3,
        "",
        "Exit codes: 0 all read; 1 some signals rejected (the run covers the rest); 2 bad "
            + "usage, an invalid journey or unusable input."
      })
  static final class Run implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "The journey definition.")
    @Nullable Path file;

    @Option(names = "--signals", required = true, paramLabel = "SIGNALS.ndjson",
        description = "The signals (see below).")
    @Nullable Path signals;

    @Option(names = "--guard", paramLabel = "NAME=true|false",
        description = "What a named guard answers (default true).")
    Map<String, String> guards = new LinkedHashMap<>();

    @Option(names = "--action", paramLabel = "NAME=KIND",
        description = "The kind of a named action: ask, issue_reward, create_crm_task, "
            + "notify_owner, set_variable or custom (default).")
    Map<String, String> kinds = new LinkedHashMap<>();

    @Option(names = "--until", paramLabel = "INSTANT",
        description = "After the last signal, fire the timers due by this ISO-8601 instant.")
    @Nullable String until;

    @Override
    public Integer call() {
      CommandSpec s = Objects.requireNonNull(spec);
      PrintWriter out = s.commandLine().getOut();
      PrintWriter err = s.commandLine().getErr();
      Instant end = null;
      if (until != null) {
        try {
          end = Instant.parse(until);
        } catch (DateTimeParseException e) {
          throw new UsageException("--until '" + until + "' is not an ISO-8601 instant");
        }
      }
      Loaded loaded = loadValid(Objects.requireNonNull(file), guards, kinds);
      JourneyDefinition d = Objects.requireNonNull(loaded.definition);
      AdapterResult read = SignalFiles.read(Objects.requireNonNull(signals), err);
      JourneyMachine machine = new JourneyMachine(d, loaded.registry);
      out.println("journey " + d.id().value() + " v" + d.version()
          + (d.entry() == null ? ", started by each customer's first signal"
              : ", entered on " + d.entry().name()));
      if (!loaded.assumed.isEmpty()) {
        out.println("guards assumed true (not given with --guard): "
            + String.join(", ", loaded.assumed));
      }
      List<Signal> ordered = new ArrayList<>(read.signals());
      ordered.sort(Comparator.comparing(Signal::occurredAt));
      Map<String, JourneyInstance> instances = new TreeMap<>();
      Map<String, CustomerView> views = new HashMap<>();
      long anonymous = 0;
      for (Signal signal : ordered) {
        fireTimers(machine, instances, views, signal.occurredAt(), out);
        if (!(signal.subject() instanceof CustomerId customer)) {
          anonymous++;
          continue;
        }
        CustomerView view = views.computeIfAbsent(customer.value(), k -> view(customer));
        JourneyInstance current = instances.get(customer.value());
        if (current == null) {
          boolean entry = d.entry() == null || d.entry().equals(signal.type());
          if (!entry) {
            continue;
          }
          Step first = machine.start(d.id().value() + ":" + customer.value(), view, signal,
              signal.occurredAt()).orElse(null);
          if (first == null) {
            out.println(signal.occurredAt() + "  " + customer.value()
                + "  not entered: the entry guard said no");
            continue;
          }
          print(first, customer.value(), out);
          current = first.instance();
          instances.put(customer.value(), current);
          if (d.entry() != null) {
            continue;
          }
        }
        Step step = machine.onSignal(current, signal, view);
        print(step, customer.value(), out);
        instances.put(customer.value(), step.instance());
      }
      if (end != null) {
        fireTimers(machine, instances, views, end, out);
      }
      if (anonymous > 0) {
        err.println(anonymous + " signals of anonymous visitors skipped");
      }
      out.println();
      out.println("customer states:");
      instances.forEach((c, i) -> out.println("  " + c + "  " + i.state()
          + (i.running() ? "" : " (ended)")
          + (i.timers().isEmpty() ? "" : ", next timer " + i.timers().get(0).dueAt())
          + (i.goals().isEmpty() ? "" : ", goals " + String.join(", ", new TreeSet<>(i.goals())))));
      out.flush();
      return SignalFiles.exitCode(read);
    }

    /** Fires every timer due by {@code now}, in the order they fall due across customers. */
    private static void fireTimers(JourneyMachine machine, Map<String, JourneyInstance> instances,
        Map<String, CustomerView> views, Instant now, PrintWriter out) {
      while (true) {
        String next = null;
        Instant earliest = null;
        for (Map.Entry<String, JourneyInstance> e : instances.entrySet()) {
          JourneyInstance i = e.getValue();
          Instant due = i.running() ? i.nextDue().orElse(null) : null;
          if (due != null && !due.isAfter(now) && (earliest == null || due.isBefore(earliest))) {
            next = e.getKey();
            earliest = due;
          }
        }
        if (next == null || earliest == null) {
          return;
        }
        JourneyInstance before = Objects.requireNonNull(instances.get(next));
        Step step = machine.onTimers(before, earliest, Objects.requireNonNull(views.get(next)));
        print(step, next, out);
        instances.put(next, step.instance());
        if (step.instance().equals(before)) {
          return; // nothing changed: stop rather than loop
        }
      }
    }

    private static void print(Step step, String customer, PrintWriter out) {
      Map<String, ActionRequest> byKey = new HashMap<>();
      for (ActionRequest a : step.actions()) {
        byKey.put(a.idempotencyKey(), a);
      }
      for (AuditEntry a : step.audit()) {
        out.println(a.at() + "  " + customer + "  " + a.from() + " -> " + a.to() + "  ("
            + a.trigger() + ")" + (a.note().isEmpty() ? "" : "  note: " + a.note()));
        for (String key : a.actions()) {
          ActionRequest r = byKey.get(key);
          String what = r == null ? "" : r.name() + " [" + r.kind().name().toLowerCase(Locale.ROOT)
              + "]" + (r.params().isEmpty() ? "" : " " + new TreeMap<>(r.params()));
          out.println("    action " + what + "  key " + key);
        }
      }
    }

    private static CustomerView view(CustomerId customer) {
      CustomerProfile profile = CustomerProfile.builder(customer).build();
      return CustomerView.of(profile, OptionalDouble.empty(), AdvocateTier.NONE, Set.of());
    }
  }
}
