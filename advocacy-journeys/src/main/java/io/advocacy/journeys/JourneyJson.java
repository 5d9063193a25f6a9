package io.advocacy.journeys;

import io.advocacy.core.JourneyId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Journey definitions as JSON files, so marketing operations can keep journeys in version
 * control. Guards and actions are names resolved from a {@link JourneyRegistry}.
 *
 * <pre>{@code
 * {"id": "review-request", "version": 1, "start": "invited",
 *  "entry": {"signal": "purchase_completed"},
 *  "reentry": {"policy": "after_cooldown", "cooldown": "P90D"},
 *  "states": [{"name": "invited", "onEntry": [{"name": "ask_review"}]},
 *             {"name": "reviewed", "terminal": true}],
 *  "transitions": [
 *    {"from": "invited", "to": "reviewed", "trigger": {"signal": "review_posted"},
 *     "actions": [{"name": "thank_reviewer", "params": {"points": "50"}}]},
 *    {"from": "*", "to": "exited", "trigger": {"signal": "complaint_opened"}}],
 *  "goals": {"reviewed": "review_posted"}}
 * }</pre>
 *
 * Triggers, one kind per trigger object: {@code {"signal": type}}, {@code {"after": "P3D"}} (a
 * positive ISO-8601 duration), {@code {"atLocal": "10:00"}}, {@code {"anniversary":
 * "customer_since", "at": "10:00"}} ({@code "at"} is required: there is no default time), {@code
 * {"immediately": true}}. A transition {@code "from": "*"} is a global exit. Guards (the entry
 * guard too) and actions are {@code {"name": name, "params": {key: string}}}; every parameter
 * value is a JSON string. {@link #write} is deterministic; {@link #read} never throws for a bad
 * document (a value of the wrong JSON type included) and reports every problem with its JSON
 * pointer, then the definition's own problems.
 *
 * <p>Stateless; thread-safe.
 */
public final class JourneyJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Each trigger kind's key, and the keys its object may hold. */
  private static final Map<String, Set<String>> TRIGGER_KEYS = triggerKeys();

  private static Map<String, Set<String>> triggerKeys() {
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    keys.put("signal", Set.of("signal"));
    keys.put("after", Set.of("after"));
    keys.put("atLocal", Set.of("atLocal"));
    keys.put("anniversary", Set.of("anniversary", "at"));
    keys.put("immediately", Set.of("immediately"));
    return java.util.Collections.unmodifiableMap(keys);
  }

  private JourneyJson() {}

  /**
   * The result of reading a document.
   *
   * @param definition the journey, or null when there are problems
   * @param problems every problem: {@code /json/pointer: message}, or a definition problem
   */
  public record Read(@Nullable JourneyDefinition definition, List<String> problems) {
    /**
     * Validates the result.
     *
     * @param definition the journey, or null
     * @param problems the problems
     */
    public Read {
      problems = List.copyOf(problems);
      if ((definition == null) == problems.isEmpty()) {
        throw new IllegalArgumentException("read " + definition + " with " + problems);
      }
    }
  }

  /**
   * Writes a journey.
   *
   * @param journey the journey
   * @return pretty-printed JSON, stable for equal journeys
   */
  public static String write(JourneyDefinition journey) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", journey.id().value());
    root.put("version", journey.version());
    root.put("start", journey.start());
    if (journey.entry() != null) {
      ObjectNode entry = root.putObject("entry");
      entry.put("signal", journey.entry().name());
      if (journey.entryGuard() != null) {
        entry.set("guard", named(journey.entryGuard()));
      }
    }
    ObjectNode reentry = root.putObject("reentry");
    reentry.put("policy", journey.reentry().kind().name().toLowerCase(java.util.Locale.ROOT));
    if (journey.reentry().kind() == ReentryPolicy.Kind.AFTER_COOLDOWN) {
      reentry.put("cooldown", journey.reentry().cooldown().toString());
    }
    ArrayNode states = root.putArray("states");
    for (StateSpec s : journey.states().values()) {
      ObjectNode n = states.addObject();
      n.put("name", s.name());
      if (s.terminal()) {
        n.put("terminal", true);
      }
      list(n, "onEntry", s.onEntry());
      list(n, "onExit", s.onExit());
    }
    ArrayNode transitions = root.putArray("transitions");
    for (TransitionSpec t : journey.transitions()) {
      ObjectNode n = transitions.addObject();
      n.put("from", t.global() ? "*" : t.from());
      n.put("to", t.to());
      n.set("trigger", trigger(t.trigger()));
      if (t.guard() != null) {
        n.set("guard", named(t.guard()));
      }
      list(n, "actions", t.actions());
    }
    ObjectNode goals = root.putObject("goals");
    journey.goals().forEach((name, type) -> goals.put(name, type.name()));
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void list(ObjectNode parent, String key, List<Named> items) {
    if (!items.isEmpty()) {
      ArrayNode a = parent.putArray(key);
      items.forEach(i -> a.add(named(i)));
    }
  }

  private static ObjectNode named(Named n) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", n.name());
    if (!n.params().isEmpty()) {
      ObjectNode p = o.putObject("params");
      n.params().forEach(p::put);
    }
    return o;
  }

  private static ObjectNode trigger(Trigger t) {
    ObjectNode o = MAPPER.createObjectNode();
    if (t instanceof Trigger.OnSignal s) {
      o.put("signal", s.type().name());
    } else if (t instanceof Trigger.After a) {
      o.put("after", a.delay().toString());
    } else if (t instanceof Trigger.AtLocalTime l) {
      o.put("atLocal", l.time().toString());
    } else if (t instanceof Trigger.Anniversary an) {
      o.put("anniversary", an.attribute());
      o.put("at", an.time().toString());
    } else {
      o.put("immediately", true);
    }
    return o;
  }

  /**
   * Reads a journey. Never throws for the document.
   *
   * @param json the document
   * @param registry the guards and actions names may refer to
   * @return the journey, or every problem
   */
  public static Read read(String json, JourneyRegistry registry) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(registry, "registry");
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      return new Read(null, List.of(": not JSON: " + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      return new Read(null, List.of(": a journey is a JSON object"));
    }
    unknown(root, "", Set.of("id", "version", "start", "entry", "reentry", "states",
        "transitions", "goals", "description"), problems);
    String id = text(root, "id", "", problems);
    JsonNode v = root.get("version");
    int version = 0;
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
      problems.add("/version: needs a whole number of at least 1");
    } else {
      version = v.intValue();
    }
    if (id != null && Require.identifierProblem(id) != null) {
      problems.add("/id: " + Require.identifierProblem(id));
      id = null;
    }
    if (id == null || version == 0) {
      // keep reading to report everything, with a placeholder journey
      id = id == null ? "invalid" : id;
      version = Math.max(version, 1);
    }
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of(id), version);
    JsonNode states = root.get("states");
    if (states == null || !states.isArray()) {
      problems.add("/states: needs an array of states");
    } else {
      for (int i = 0; i < states.size(); i++) {
        state(states.get(i), "/states/" + i, b, problems);
      }
    }
    String start = text(root, "start", "", problems);
    if (start != null) {
      b.start(start);
    }
    JsonNode entry = root.get("entry");
    if (entry != null && !entry.isObject()) {
      problems.add("/entry: must be an object");
    } else if (entry != null) {
      unknown(entry, "/entry", Set.of("signal", "guard"), problems);
      SignalType type = signal(entry.get("signal"), "/entry/signal", problems);
      if (type != null) {
        b.startsOn(type);
      }
      if (entry.has("guard")) {
        Named g = named(entry.get("guard"), "/entry/guard", problems);
        if (g != null) {
          b.entryGuard(g);
        }
      }
    }
    JsonNode reentry = root.get("reentry");
    if (reentry != null && !reentry.isObject()) {
      problems.add("/reentry: must be an object");
    } else if (reentry != null) {
      ReentryPolicy p = reentry(reentry, problems);
      if (p != null) {
        b.reentry(p);
      }
    }
    JsonNode transitions = root.get("transitions");
    if (transitions != null && !transitions.isArray()) {
      problems.add("/transitions: must be an array");
    } else if (transitions != null) {
      for (int i = 0; i < transitions.size(); i++) {
        transition(transitions.get(i), "/transitions/" + i, b, problems);
      }
    }
    JsonNode goals = root.get("goals");
    if (goals != null && goals.isObject()) {
      for (Map.Entry<String, JsonNode> e : goals.properties()) {
        String path = "/goals/" + pointer(e.getKey());
        boolean named = Require.isName(e.getKey());
        if (!named) {
          problems.add(path + ": " + quoted(e.getKey()) + " is not a machine name");
        }
        SignalType t = signal(e.getValue(), path, problems);
        if (t != null && named) {
          b.goal(e.getKey(), t);
        }
      }
    } else if (goals != null) {
      problems.add("/goals: must be an object");
    }
    if (!problems.isEmpty()) {
      return new Read(null, problems);
    }
    List<DefinitionProblem> invalid = b.problems(registry);
    if (!invalid.isEmpty()) {
      return new Read(null, invalid.stream().map(DefinitionProblem::toString).toList());
    }
    return new Read(b.build(registry), List.of());
  }

  private static void state(JsonNode n, String path, JourneyDefinition.Builder b,
      List<String> problems) {
    if (!n.isObject()) {
      problems.add(path + ": a state is an object");
      return;
    }
    unknown(n, path, Set.of("name", "terminal", "onEntry", "onExit"), problems);
    String name = text(n, "name", path, problems);
    if (name != null && !Require.isName(name)) {
      problems.add(path + "/name: " + quoted(name) + " is not a machine name");
      return;
    }
    JsonNode terminal = n.get("terminal");
    if (terminal != null && !terminal.isBoolean()) {
      problems.add(path + "/terminal: needs true or false");
    }
    List<Named> entry = list(n.get("onEntry"), path + "/onEntry", problems);
    List<Named> exit = list(n.get("onExit"), path + "/onExit", problems);
    if (name != null) {
      b.state(new StateSpec(name, terminal != null && terminal.isBoolean()
          && terminal.booleanValue(), entry, exit));
    }
  }

  private static void transition(JsonNode n, String path, JourneyDefinition.Builder b,
      List<String> problems) {
    if (!n.isObject()) {
      problems.add(path + ": a transition is an object");
      return;
    }
    unknown(n, path, Set.of("from", "to", "trigger", "guard", "actions"), problems);
    String from = text(n, "from", path, problems);
    String to = text(n, "to", path, problems);
    Trigger trigger = trigger(n.get("trigger"), path + "/trigger", problems);
    Named guard = n.has("guard") ? named(n.get("guard"), path + "/guard", problems) : null;
    List<Named> actions = list(n.get("actions"), path + "/actions", problems);
    if (from != null && to != null && trigger != null) {
      b.transition(new TransitionSpec("*".equals(from) ? null : from, to, trigger, guard, actions));
    }
  }

  private static @Nullable Trigger trigger(@Nullable JsonNode n, String path,
      List<String> problems) {
    if (n == null || !n.isObject()) {
      problems.add(path + ": needs an object such as {\"signal\": \"review_posted\"}");
      return null;
    }
    List<String> kinds = TRIGGER_KEYS.keySet().stream().filter(n::has).toList();
    if (kinds.isEmpty()) {
      problems.add(path
          + ": unknown trigger; use signal, after, atLocal, anniversary or immediately");
      return null;
    }
    if (kinds.size() > 1) {
      problems.add(path + ": one trigger per transition, not " + String.join(" and ", kinds));
      return null;
    }
    String kind = kinds.get(0);
    int before = problems.size();
    unknown(n, path, TRIGGER_KEYS.get(kind), problems);
    Trigger t = switch (kind) {
      case "signal" -> {
        SignalType type = signal(n.get("signal"), path + "/signal", problems);
        yield type == null ? null : new Trigger.OnSignal(type);
      }
      case "after" -> {
        Duration delay = duration(n.get("after"), path + "/after", "P3D", problems);
        yield delay == null ? null : new Trigger.After(delay);
      }
      case "atLocal" -> {
        LocalTime time = localTime(n.get("atLocal"), path + "/atLocal", problems);
        yield time == null ? null : new Trigger.AtLocalTime(time);
      }
      case "anniversary" -> {
        String attribute = string(n.get("anniversary"), path + "/anniversary", "customer_since",
            problems);
        if (attribute != null && !Require.isName(attribute)) {
          problems.add(path + "/anniversary: " + quoted(attribute) + " is not a machine name");
          attribute = null;
        }
        LocalTime time = localTime(n.get("at"), path + "/at", problems);
        yield attribute == null || time == null ? null : new Trigger.Anniversary(attribute, time);
      }
      default -> { // immediately
        JsonNode immediately = n.get("immediately");
        if (!immediately.isBoolean() || !immediately.booleanValue()) {
          problems.add(path + "/immediately: needs true");
          yield null;
        }
        yield new Trigger.Immediately();
      }
    };
    return problems.size() == before ? t : null;
  }

  private static @Nullable String string(@Nullable JsonNode n, String path, String example,
      List<String> problems) {
    if (n == null || !n.isString()) {
      problems.add(path + ": needs a string such as \"" + example + "\"");
      return null;
    }
    return n.stringValue();
  }

  private static @Nullable Duration duration(@Nullable JsonNode n, String path, String example,
      List<String> problems) {
    String text = string(n, path, example, problems);
    if (text == null) {
      return null;
    }
    Duration d;
    try {
      d = Duration.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(path + ": " + quoted(text) + " is not an ISO-8601 duration such as \""
          + example + "\"");
      return null;
    }
    if (d.isNegative() || d.isZero()) {
      problems.add(path + ": " + quoted(text) + " is not a positive duration");
      return null;
    }
    return d;
  }

  private static @Nullable LocalTime localTime(@Nullable JsonNode n, String path,
      List<String> problems) {
    String text = string(n, path, "10:00", problems);
    if (text == null) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(path + ": " + quoted(text) + " is not a local time such as \"10:00\"");
      return null;
    }
  }

  private static @Nullable SignalType signal(@Nullable JsonNode n, String path,
      List<String> problems) {
    if (n == null || !n.isString() || !Require.isName(n.stringValue())) {
      problems.add(path + ": needs a signal type name");
      return null;
    }
    return SignalType.of(n.stringValue());
  }

  private static @Nullable ReentryPolicy reentry(JsonNode n, List<String> problems) {
    unknown(n, "/reentry", Set.of("policy", "cooldown"), problems);
    String policy = n.path("policy").asString("");
    if (n.has("cooldown") && !policy.equals("after_cooldown")) {
      problems.add("/reentry/cooldown: only the after_cooldown policy takes a cooldown");
    }
    return switch (policy) {
      case "never" -> ReentryPolicy.NEVER;
      case "always" -> ReentryPolicy.ALWAYS;
      case "after_cooldown" -> {
        Duration cooldown = duration(n.get("cooldown"), "/reentry/cooldown", "P90D", problems);
        yield cooldown == null ? null : ReentryPolicy.afterCooldown(cooldown);
      }
      default -> {
        problems.add("/reentry/policy: " + quoted(policy)
            + "; use never, after_cooldown or always");
        yield null;
      }
    };
  }

  private static List<Named> list(@Nullable JsonNode n, String path, List<String> problems) {
    List<Named> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (!n.isArray()) {
      problems.add(path + ": must be an array");
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      Named x = named(n.get(i), path + "/" + i, problems);
      if (x != null) {
        out.add(x);
      }
    }
    return out;
  }

  private static @Nullable Named named(JsonNode n, String path, List<String> problems) {
    if (!n.isObject() || !n.path("name").isString() || !Require.isName(n.path("name").stringValue())) {
      problems.add(path + ": needs {\"name\": a machine name}");
      return null;
    }
    int before = problems.size();
    unknown(n, path, Set.of("name", "params"), problems);
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = n.get("params");
    if (p != null && !p.isObject()) {
      problems.add(path + "/params: must be an object of strings");
    } else if (p != null) {
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        if (e.getValue().isString()) {
          params.put(e.getKey(), e.getValue().stringValue());
        } else {
          problems.add(path + "/params/" + pointer(e.getKey()) + ": needs a string");
        }
      }
    }
    return problems.size() == before ? new Named(n.get("name").stringValue(), params) : null;
  }

  private static @Nullable String text(JsonNode n, String key, String path, List<String> problems) {
    JsonNode v = n.get(key);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      problems.add(path + "/" + key + ": needs a non-empty string");
      return null;
    }
    return v.stringValue();
  }

  private static void unknown(JsonNode n, String path, Set<String> known, List<String> problems) {
    for (String k : n.propertyNames()) {
      if (!known.contains(k)) {
        problems.add(path + "/" + pointer(k) + ": unknown key");
      }
    }
  }

  /** A key as a JSON Pointer reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  private static String pointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** A value from the document for a message, in single quotes, long ones shortened. */
  private static String quoted(String value) {
    return "'" + (value.length() > 80 ? value.substring(0, 77) + "..." : value) + "'";
  }
}
