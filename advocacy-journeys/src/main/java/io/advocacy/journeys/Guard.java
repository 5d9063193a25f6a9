package io.advocacy.journeys;

/**
 * A condition on a transition, registered by name in a {@link JourneyRegistry}. Host code: it
 * may throw; the engine isolates it (a throwing guard counts as false and is reported).
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface Guard {
  /**
   * Whether the transition may fire.
   *
   * @param context what the guard may read
   * @return true to allow it
   */
  boolean test(GuardContext context);
}
