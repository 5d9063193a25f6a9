package io.advocacy.scoring.attribution;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Markov chain model's credit with its workings.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param attribution the credit
 * @param conversionProbability P(conversion) from the start state
 * @param removalEffects per channel, {@code 1 − P(conversion without it) / P(conversion)}
 * @param transitions the transition probabilities, state to state; states are {@value
 *     #START}, {@value #CONVERSION}, {@value #NULL} and channel windows joined by {@code " > "}
 */
public record MarkovResult(
    AttributionResult attribution, double conversionProbability,
    Map<String, Double> removalEffects, Map<String, Map<String, Double>> transitions) {
  /** The start state. */
  public static final String START = "(start)";
  /** The conversion state. */
  public static final String CONVERSION = "(conversion)";
  /** The null (no conversion) state. */
  public static final String NULL = "(null)";

  /**
   * Copies the result.
   *
   * @param attribution the credit
   * @param conversionProbability P(conversion)
   * @param removalEffects removal effects
   * @param transitions transition probabilities
   */
  public MarkovResult {
    Objects.requireNonNull(attribution, "attribution");
    removalEffects = Collections.unmodifiableMap(new TreeMap<>(removalEffects));
    Map<String, Map<String, Double>> copy = new TreeMap<>();
    transitions.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    transitions = Collections.unmodifiableMap(copy);
  }
}
