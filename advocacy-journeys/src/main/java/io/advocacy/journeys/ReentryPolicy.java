package io.advocacy.journeys;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a customer may start a journey again.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param kind never, after a cooldown, or always
 * @param cooldown the cooldown after the last instance ended; zero unless {@code AFTER_COOLDOWN}
 */
public record ReentryPolicy(Kind kind, Duration cooldown) {
  /** The kinds of policy. */
  public enum Kind {
    /** Once per customer. */
    NEVER,
    /** Again once the cooldown has passed since the last instance ended. */
    AFTER_COOLDOWN,
    /** Again whenever the entry trigger fires and no instance is running. */
    ALWAYS
  }

  /** Once per customer. */
  public static final ReentryPolicy NEVER = new ReentryPolicy(Kind.NEVER, Duration.ZERO);
  /** Whenever no instance is running. */
  public static final ReentryPolicy ALWAYS = new ReentryPolicy(Kind.ALWAYS, Duration.ZERO);

  /**
   * Validates the policy.
   *
   * @param kind the kind
   * @param cooldown the cooldown
   * @throws IllegalArgumentException if a cooldown is missing or given to another kind
   */
  public ReentryPolicy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cooldown, "cooldown");
    if ((kind == Kind.AFTER_COOLDOWN) != (cooldown.compareTo(Duration.ZERO) > 0)) {
      throw new IllegalArgumentException("re-entry " + kind + " with cooldown " + cooldown);
    }
  }

  /**
   * Again after a cooldown.
   *
   * @param cooldown a positive cooldown
   * @return the policy
   */
  public static ReentryPolicy afterCooldown(Duration cooldown) {
    return new ReentryPolicy(Kind.AFTER_COOLDOWN, cooldown);
  }
}
