package io.advocacy.scoring.score;

import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.qualify.TierThresholds;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scoring model: data, not code. Loaded from a versioned JSON document by {@link
 * ScoringModels}.
 *
 * <h2>The score</h2>
 *
 * Each component's value is {@code cap · tanh(S / scale)} with {@code S} its decayed sum (see
 * {@link ComponentSpec}). With {@code W} the sum of the weights of every component but risk,
 *
 * <pre>
 * score = 100 · clamp((Σ weight · value over components other than risk − weight_risk · value_risk) / W, 0, 1)
 * </pre>
 *
 * so a customer strong on every component scores near 100 and risk pulls the score down.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the model's id, e.g. {@code "b2b_saas"}
 * @param version its version, at least 1
 * @param tiers the tier thresholds
 * @param components every component's spec (a component missing from the document has weight 0)
 * @param signals the rule per signal type; types not listed do not affect the score
 */
public record ScoringModel(
    String id, int version, TierThresholds tiers, Map<Component, ComponentSpec> components,
    Map<SignalType, SignalRule> signals) {
  /** The spec of a component the document leaves out: weight 0. */
  public static final ComponentSpec ABSENT = new ComponentSpec(0, 30, 1, 1);

  /**
   * Validates and copies the model.
   *
   * @param id the id
   * @param version the version
   * @param tiers the tier thresholds
   * @param components the component specs
   * @param signals the signal rules
   * @throws IllegalArgumentException if the version is below 1 or every non-risk weight is 0
   */
  public ScoringModel {
    Require.name("model id", id);
    if (version < 1) {
      throw new IllegalArgumentException("model " + id + " version " + version + " is below 1");
    }
    Objects.requireNonNull(tiers, "tiers");
    EnumMap<Component, ComponentSpec> all = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      all.put(c, components.getOrDefault(c, ABSENT));
    }
    components = Collections.unmodifiableMap(all);
    signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    if (positiveWeight(components) <= 0) {
      throw new IllegalArgumentException("model " + id + " has no weight outside risk");
    }
  }

  private static double positiveWeight(Map<Component, ComponentSpec> components) {
    double w = 0;
    for (Map.Entry<Component, ComponentSpec> e : components.entrySet()) {
      if (e.getKey() != Component.RISK) {
        w += e.getValue().weight();
      }
    }
    return w;
  }

  /**
   * The score of some decayed sums.
   *
   * @param decayedSums one per component, in {@link Component} order
   * @return the score, 0–100
   */
  public double score(double[] decayedSums) {
    double total = 0;
    for (Component c : Component.values()) {
      ComponentSpec spec = components.get(c);
      double v = spec.weight() * spec.transform(decayedSums[c.ordinal()]);
      total += c == Component.RISK ? -v : v;
    }
    double s = 100 * total / positiveWeight(components);
    return Math.max(0, Math.min(100, s));
  }

  /**
   * A component's weighted share of the score, in score points (negative for risk).
   *
   * @param component the component
   * @param decayedSum its decayed sum
   * @return {@code ±100 · weight · value / W}
   */
  public double points(Component component, double decayedSum) {
    ComponentSpec spec = components.get(component);
    double v = 100 * spec.weight() * spec.transform(decayedSum) / positiveWeight(components);
    return component == Component.RISK ? -v : v;
  }
}
