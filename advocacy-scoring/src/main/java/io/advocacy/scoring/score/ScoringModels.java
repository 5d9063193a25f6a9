package io.advocacy.scoring.score;

import io.advocacy.core.internal.Require;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.qualify.TierThresholds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes scoring models as JSON, and holds the default model of each industry.
 *
 * <pre>{@code
 * {"id": "b2b_saas", "version": 1,
 *  "tiers": {"promoter": 40, "advocate": 60, "champion": 80},
 *  "components": {"sentiment": {"weight": 0.25, "halfLifeDays": 180, "scale": 1.5, "cap": 1}, ...},
 *  "signals": {"nps_answered": {"component": "sentiment", "rule": "nps", "factor": 1}, ...}}
 * }</pre>
 *
 * {@link #parse} never throws for a bad document: it reports every problem with its JSON
 * pointer — unknown keys, a missing or non-numeric value, an unknown component, rule or signal
 * type (host-defined types are allowed when marked {@code "custom": true}), a negative
 * half-life, a non-finite weight, tiers out of order.
 *
 * <p>Stateless; thread-safe.
 */
public final class ScoringModels {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> TOP = Set.of("id", "version", "tiers", "components", "signals",
      "description");
  private static final Set<String> COMPONENT_KEYS = Set.of("weight", "halfLifeDays", "scale", "cap");
  private static final Set<String> SIGNAL_KEYS = Set.of("component", "rule", "factor",
      "maxPerSignal", "custom");

  private ScoringModels() {}

  /**
   * The default model of an industry, from this module's resources. The rationale of each is
   * in the README's table.
   *
   * @param industry the industry
   * @return the model
   * @throws IllegalStateException if the bundled resource is missing or broken (a build defect)
   */
  public static ScoringModel forIndustry(Industry industry) {
    String name = industry.name().toLowerCase(Locale.ROOT);
    String resource = "/io/advocacy/scoring/models/" + name + ".json";
    try (InputStream in = ScoringModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no bundled scoring model " + resource);
      }
      ModelLoad load = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (load.model() == null) {
        throw new IllegalStateException("bundled model " + resource + ": " + load.problems());
      }
      return load.model();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a model document.
   *
   * @param json the document
   * @return the model, or every problem with its JSON pointer
   */
  public static ModelLoad parse(String json) {
    List<ModelProblem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      return new ModelLoad(null, List.of(new ModelProblem("", "not JSON: "
          + e.getOriginalMessage())));
    }
    if (root == null || !root.isObject()) {
      return new ModelLoad(null, List.of(new ModelProblem("", "a model is a JSON object")));
    }
    unknownKeys(root, "", TOP, problems);
    String id = null;
    JsonNode idNode = root.get("id");
    if (idNode == null || !idNode.isString() || !Require.isName(idNode.stringValue())) {
      problems.add(new ModelProblem("/id", "needs a machine name such as \"b2b_saas\""));
    } else {
      id = idNode.stringValue();
    }
    int version = 0;
    JsonNode v = root.get("version");
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
      problems.add(new ModelProblem("/version",
          "needs a whole number of at least 1 (and at most " + Integer.MAX_VALUE + ")"));
    } else {
      version = v.intValue();
    }
    TierThresholds tiers = tiers(root.get("tiers"), problems);
    Set<Component> declared = java.util.EnumSet.noneOf(Component.class);
    Map<Component, ComponentSpec> components =
        components(root.get("components"), declared, problems);
    Map<SignalType, SignalRule> signals = signals(root.get("signals"), declared, problems);
    if (!problems.isEmpty()) {
      return new ModelLoad(null, problems);
    }
    try {
      return new ModelLoad(new ScoringModel(id, version, tiers, components, signals), List.of());
    } catch (IllegalArgumentException e) {
      return new ModelLoad(null, List.of(new ModelProblem("/components", e.getMessage())));
    }
  }

  private static @Nullable TierThresholds tiers(@Nullable JsonNode node, List<ModelProblem> problems) {
    if (node == null) {
      return TierThresholds.DEFAULTS;
    }
    if (!node.isObject()) {
      problems.add(new ModelProblem("/tiers", "must be an object"));
      return null;
    }
    unknownKeys(node, "/tiers", Set.of("promoter", "advocate", "champion"), problems);
    double[] t = new double[3];
    String[] names = {"promoter", "advocate", "champion"};
    boolean ok = true;
    for (int i = 0; i < 3; i++) {
      Double d = number(node, names[i], "/tiers", problems);
      if (d == null) {
        ok = false;
      } else {
        t[i] = d;
      }
    }
    if (!ok) {
      return null;
    }
    try {
      return new TierThresholds(t[0], t[1], t[2]);
    } catch (IllegalArgumentException e) {
      problems.add(new ModelProblem("/tiers", e.getMessage()));
      return null;
    }
  }

  private static Map<Component, ComponentSpec> components(
      @Nullable JsonNode node, Set<Component> declared, List<ModelProblem> problems) {
    Map<Component, ComponentSpec> out = new EnumMap<>(Component.class);
    if (node == null || !node.isObject()) {
      problems.add(new ModelProblem("/components", "needs an object of components"));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = "/components/" + escape(e.getKey());
      var component = Component.ofKey(e.getKey());
      if (component.isEmpty()) {
        problems.add(new ModelProblem(path, "unknown component \"" + e.getKey()
            + "\"; known: sentiment, engagement, outcomes, advocacy, social, risk"));
        continue;
      }
      declared.add(component.get());
      JsonNode c = e.getValue();
      if (!c.isObject()) {
        problems.add(new ModelProblem(path, "must be an object"));
        continue;
      }
      unknownKeys(c, path, COMPONENT_KEYS, problems);
      Double weight = number(c, "weight", path, problems);
      Double halfLife = number(c, "halfLifeDays", path, problems);
      Double scale = number(c, "scale", path, problems);
      Double cap = c.has("cap") ? number(c, "cap", path, problems) : Double.valueOf(1);
      boolean ok = weight != null && halfLife != null && scale != null && cap != null;
      if (weight != null && weight < 0) {
        problems.add(new ModelProblem(path + "/weight", weight + " is negative"));
        ok = false;
      }
      if (halfLife != null && halfLife <= 0) {
        problems.add(new ModelProblem(path + "/halfLifeDays",
            halfLife + (halfLife < 0 ? " is negative" : " is zero")));
        ok = false;
      }
      if (scale != null && scale <= 0) {
        problems.add(new ModelProblem(path + "/scale", scale + " is not positive"));
        ok = false;
      }
      if (cap != null && !(cap > 0 && cap <= 1)) {
        problems.add(new ModelProblem(path + "/cap", cap + " is not in (0, 1]"));
        ok = false;
      }
      if (ok) {
        out.put(component.get(), new ComponentSpec(weight, halfLife, scale, cap));
      }
    }
    return out;
  }

  private static Map<SignalType, SignalRule> signals(@Nullable JsonNode node,
      Set<Component> components, List<ModelProblem> problems) {
    Map<SignalType, SignalRule> out = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      problems.add(new ModelProblem("/signals", "needs an object of signal rules"));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = "/signals/" + escape(e.getKey());
      JsonNode r = e.getValue();
      if (!r.isObject()) {
        problems.add(new ModelProblem(path, "must be an object"));
        continue;
      }
      unknownKeys(r, path, SIGNAL_KEYS, problems);
      boolean custom = r.has("custom") && r.get("custom").asBoolean(false);
      SignalType type = null;
      if (SignalType.wellKnown(e.getKey()).isPresent()) {
        type = SignalType.of(e.getKey());
      } else if (custom && Require.isName(e.getKey())) {
        type = SignalType.of(e.getKey());
      } else {
        problems.add(new ModelProblem(path, "unknown signal type \"" + e.getKey()
            + "\" (mark a host-defined type with \"custom\": true)"));
      }
      Component component = null;
      JsonNode cn = r.get("component");
      if (cn == null || !cn.isString() || Component.ofKey(cn.stringValue()).isEmpty()) {
        problems.add(new ModelProblem(path + "/component", "needs one of sentiment, engagement,"
            + " outcomes, advocacy, social, risk"));
      } else {
        component = Component.ofKey(cn.stringValue()).get();
        if (!components.contains(component)) {
          problems.add(new ModelProblem(path + "/component", "component \"" + cn.stringValue()
              + "\" is not declared under /components"));
        }
      }
      RuleKind kind = null;
      JsonNode kn = r.get("rule");
      if (kn == null || !kn.isString()) {
        problems.add(new ModelProblem(path + "/rule", "needs one of nps, csat, value, fixed, amount"));
      } else {
        try {
          kind = RuleKind.valueOf(kn.stringValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          problems.add(new ModelProblem(path + "/rule", "unknown rule \"" + kn.stringValue()
              + "\"; known: nps, csat, value, fixed, amount"));
        }
      }
      Double factor = r.has("factor") ? number(r, "factor", path, problems) : Double.valueOf(1);
      Double max = r.has("maxPerSignal") ? number(r, "maxPerSignal", path, problems) : Double.valueOf(0);
      if (max != null && max < 0) {
        problems.add(new ModelProblem(path + "/maxPerSignal", max + " is negative"));
        max = null;
      }
      if (type != null && component != null && kind != null && factor != null && max != null) {
        out.put(type, new SignalRule(component, kind, factor, max));
      }
    }
    return out;
  }

  private static @Nullable Double number(JsonNode parent, String key, String path,
      List<ModelProblem> problems) {
    JsonNode n = parent.get(key);
    if (n == null) {
      problems.add(new ModelProblem(path + "/" + key, "is missing"));
      return null;
    }
    if (!n.isNumber()) {
      problems.add(new ModelProblem(path + "/" + key, n + " is not a number"));
      return null;
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      problems.add(new ModelProblem(path + "/" + key, d + " is not finite"));
      return null;
    }
    return d;
  }

  private static void unknownKeys(JsonNode node, String path, Set<String> known,
      List<ModelProblem> problems) {
    for (String k : node.propertyNames()) {
      if (!known.contains(k)) {
        problems.add(new ModelProblem(path + "/" + escape(k), "unknown key \"" + k + "\""));
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Writes a model as a document {@link #parse} reads back to an equal model.
   *
   * @param model the model
   * @return the JSON text, pretty-printed, keys in a stable order
   */
  public static String toJson(ScoringModel model) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", model.id());
    root.put("version", model.version());
    ObjectNode tiers = root.putObject("tiers");
    tiers.put("promoter", model.tiers().promoter());
    tiers.put("advocate", model.tiers().advocate());
    tiers.put("champion", model.tiers().champion());
    ObjectNode components = root.putObject("components");
    model.components().forEach((c, s) -> {
      ObjectNode n = components.putObject(c.key());
      n.put("weight", s.weight());
      n.put("halfLifeDays", s.halfLifeDays());
      n.put("scale", s.scale());
      n.put("cap", s.cap());
    });
    ObjectNode signals = root.putObject("signals");
    model.signals().forEach((t, r) -> {
      ObjectNode n = signals.putObject(t.name());
      n.put("component", r.component().key());
      n.put("rule", r.kind().name().toLowerCase(Locale.ROOT));
      n.put("factor", r.factor());
      if (r.maxPerSignal() > 0) {
        n.put("maxPerSignal", r.maxPerSignal());
      }
      if (!t.isWellKnown()) {
        n.put("custom", true);
      }
    });
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
