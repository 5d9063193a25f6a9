package io.advocacy.journeys;

import io.advocacy.core.internal.Require;
import java.util.Map;
import java.util.TreeMap;

/**
 * A guard or action referenced by name, with string parameters; resolved from a {@link
 * JourneyRegistry}, so definitions stay data.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the registered name, a machine name
 * @param params parameters, sorted by key
 */
public record Named(String name, Map<String, String> params) {
  /**
   * Validates the reference.
   *
   * @param name the name
   * @param params the parameters
   */
  public Named {
    Require.name("guard or action name", name);
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /**
   * A reference without parameters.
   *
   * @param name the name
   * @return the reference
   */
  public static Named of(String name) {
    return new Named(name, Map.of());
  }

  /**
   * A reference with parameters given as alternating keys and values, e.g. {@code
   * Named.of("ask_review", "motion", "REVIEW", "channel", "EMAIL")}.
   *
   * @param name the name
   * @param keysAndValues keys and values, alternating
   * @return the reference
   * @throws IllegalArgumentException if a key has no value or a key is repeated
   */
  public static Named of(String name, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("parameters of " + name + " need a value for every key: "
          + java.util.Arrays.toString(keysAndValues));
    }
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (params.put(keysAndValues[i], keysAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("parameter " + keysAndValues[i] + " of " + name
            + " is given twice");
      }
    }
    return new Named(name, params);
  }

  @Override
  public String toString() {
    return params.isEmpty() ? name : name + params;
  }
}
