package io.advocacy.journeys;

import io.advocacy.core.internal.Require;
import java.util.List;

/**
 * A state of a journey.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the state's name, a machine name
 * @param terminal whether the journey ends here
 * @param onEntry actions run on entering
 * @param onExit actions run on leaving
 */
public record StateSpec(String name, boolean terminal, List<Named> onEntry, List<Named> onExit) {
  /**
   * Validates the state.
   *
   * @param name the name
   * @param terminal whether terminal
   * @param onEntry entry actions
   * @param onExit exit actions
   */
  public StateSpec {
    Require.name("state name", name);
    onEntry = List.copyOf(onEntry);
    onExit = List.copyOf(onExit);
  }
}
