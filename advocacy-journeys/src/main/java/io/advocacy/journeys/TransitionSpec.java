package io.advocacy.journeys;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transition: from a state (or, for a global exit, from any non-terminal state) to another
 * when a trigger fires and the guard, if any, allows it; its actions run on the way.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param from the source state, or null for a global exit
 * @param to the target state
 * @param trigger what fires it
 * @param guard the guard, or null
 * @param actions the actions
 */
public record TransitionSpec(
    @Nullable String from, String to, Trigger trigger, @Nullable Named guard, List<Named> actions) {
  /**
   * Validates the transition.
   *
   * @param from the source, or null for a global exit
   * @param to the target
   * @param trigger the trigger
   * @param guard the guard, or null
   * @param actions the actions
   */
  public TransitionSpec {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(trigger, "trigger");
    actions = List.copyOf(actions);
  }

  /**
   * Whether it applies from any non-terminal state.
   *
   * @return true for a global exit
   */
  public boolean global() {
    return from == null;
  }

  /**
   * A label for diagrams: {@code trigger [guard] / action, action}.
   *
   * @return the label
   */
  public String label() {
    StringBuilder b = new StringBuilder(trigger.label());
    if (guard != null) {
      b.append(" [").append(guard).append(']');
    }
    if (!actions.isEmpty()) {
      b.append(" / ");
      for (int i = 0; i < actions.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(actions.get(i));
      }
    }
    return b.toString();
  }
}
