package io.advocacy.scoring.attribution;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shapley values of a characteristic function, with their standard errors when sampled.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param values each player's value
 * @param standardErrors each value's standard error; all 0 when exact
 * @param exact true when computed exactly over every subset, false when sampled
 * @param permutations how many permutations were sampled (0 when exact)
 */
public record ShapleyValues(
    Map<String, Double> values, Map<String, Double> standardErrors, boolean exact,
    int permutations) {
  /**
   * Copies the values.
   *
   * @param values the values
   * @param standardErrors the standard errors
   * @param exact whether exact
   * @param permutations permutations sampled
   */
  public ShapleyValues {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
    standardErrors = Collections.unmodifiableMap(new TreeMap<>(standardErrors));
  }
}
