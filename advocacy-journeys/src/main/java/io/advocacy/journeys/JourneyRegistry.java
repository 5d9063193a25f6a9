package io.advocacy.journeys;

import io.advocacy.core.internal.Require;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The guards and actions journeys may name. Definitions reference them by name, so the same
 * definition can live in a JSON file.
 *
 * <p>Immutable; thread-safe if its guards are.
 */
public final class JourneyRegistry {
  private final Map<String, Guard> guards;
  private final Map<String, ActionKind> actions;

  private JourneyRegistry(Map<String, Guard> guards, Map<String, ActionKind> actions) {
    this.guards = Map.copyOf(guards);
    this.actions = Map.copyOf(actions);
  }

  /**
   * A builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A guard by name.
   *
   * @param name the name
   * @return the guard, or empty
   */
  public Optional<Guard> guard(String name) {
    return Optional.ofNullable(guards.get(name));
  }

  /**
   * An action's kind by name.
   *
   * @param name the name
   * @return the kind, or empty
   */
  public Optional<ActionKind> action(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  /** Builds a {@link JourneyRegistry}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Guard> guards = new TreeMap<>();
    private final Map<String, ActionKind> actions = new TreeMap<>();

    private Builder() {}

    /**
     * Registers a guard.
     *
     * @param name a machine name, not registered before
     * @param guard the guard
     * @return this builder
     * @throws IllegalStateException if the name is taken
     */
    public Builder guard(String name, Guard guard) {
      Require.name("guard name", name);
      if (guards.putIfAbsent(name, Objects.requireNonNull(guard, "guard")) != null) {
        throw new IllegalStateException("guard " + name + " is registered twice");
      }
      return this;
    }

    /**
     * Registers an action.
     *
     * @param name a machine name, not registered before
     * @param kind what it does
     * @return this builder
     * @throws IllegalStateException if the name is taken
     */
    public Builder action(String name, ActionKind kind) {
      Require.name("action name", name);
      if (actions.putIfAbsent(name, Objects.requireNonNull(kind, "kind")) != null) {
        throw new IllegalStateException("action " + name + " is registered twice");
      }
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     */
    public JourneyRegistry build() {
      return new JourneyRegistry(guards, actions);
    }
  }
}
