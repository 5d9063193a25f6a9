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

  @Override
  public String toString() {
    return params.isEmpty() ? name : name + params;
  }
}
