package io.advocacy.journeys;

import io.advocacy.core.JourneyId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How running instances move from version {@code n} of a journey to version {@code n + 1}: a
 * mapping of states. A state of version {@code n} that version {@code n + 1} also has, under the
 * same name, maps to itself unless mapped otherwise; a renamed or merged state is mapped
 * explicitly. An instance in a state with no place in the new version is not moved: the engine
 * keeps it on its version and reports it, never dropping it.
 *
 * <p>The engine migrates an instance the next time it touches it (a signal or a tick for it);
 * the instance keeps its id, variables, goals and the instant it entered its state, and its
 * timers are set anew from the new version's transitions out of the mapped state, counted from
 * that instant, so an overdue timer fires on the next tick. Held asks are kept.
 *
 * <pre>{@code
 * JourneyMigration.from(JourneyId.of("review-request"), 1)
 *     .map("asked", "invited")      // renamed in version 2
 *     .build();
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe.
 */
public final class JourneyMigration {
  private final JourneyId journey;
  private final int fromVersion;
  private final Map<String, String> states;

  private JourneyMigration(JourneyId journey, int fromVersion, Map<String, String> states) {
    this.journey = journey;
    this.fromVersion = fromVersion;
    this.states = Map.copyOf(states);
  }

  /**
   * Starts a migration from a version to the next.
   *
   * @param journey the journey
   * @param fromVersion the version instances leave, at least 1
   * @return a builder
   */
  public static Builder from(JourneyId journey, int fromVersion) {
    Objects.requireNonNull(journey, "journey");
    if (fromVersion < 1 || fromVersion == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("from version " + fromVersion
          + " must be at least 1 and have a next version");
    }
    return new Builder(journey, fromVersion);
  }

  /**
   * The journey.
   *
   * @return its id
   */
  public JourneyId journey() {
    return journey;
  }

  /**
   * The version instances leave.
   *
   * @return the version
   */
  public int fromVersion() {
    return fromVersion;
  }

  /**
   * The version instances move to: {@code fromVersion() + 1}.
   *
   * @return the version
   */
  public int toVersion() {
    return fromVersion + 1;
  }

  /**
   * The explicit state mapping, old state to new.
   *
   * @return the mapping
   */
  public Map<String, String> states() {
    return states;
  }

  /**
   * Where a state of the old version goes in the new one.
   *
   * @param state a state of the old version
   * @param target the new version
   * @return the new state, or empty when it has no place there
   */
  public Optional<String> target(String state, JourneyDefinition target) {
    String mapped = states.getOrDefault(state, state);
    return target.states().containsKey(mapped) ? Optional.of(mapped) : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JourneyMigration m && m.journey.equals(journey)
        && m.fromVersion == fromVersion && m.states.equals(states);
  }

  @Override
  public int hashCode() {
    return Objects.hash(journey, fromVersion, states);
  }

  @Override
  public String toString() {
    return "JourneyMigration[" + journey + " v" + fromVersion + " -> v" + toVersion() + " "
        + states + "]";
  }

  /** Builds a {@link JourneyMigration}. Not thread-safe. */
  public static final class Builder {
    private final JourneyId journey;
    private final int fromVersion;
    private final Map<String, String> states = new LinkedHashMap<>();

    private Builder(JourneyId journey, int fromVersion) {
      this.journey = journey;
      this.fromVersion = fromVersion;
    }

    /**
     * Maps a state of the old version to a state of the new one.
     *
     * @param oldState the old state
     * @param newState the new state
     * @return this builder
     * @throws IllegalStateException if the old state was mapped before
     */
    public Builder map(String oldState, String newState) {
      Objects.requireNonNull(oldState, "oldState");
      Objects.requireNonNull(newState, "newState");
      if (states.putIfAbsent(oldState, newState) != null) {
        throw new IllegalStateException("state " + oldState + " mapped twice");
      }
      return this;
    }

    /**
     * Builds the migration.
     *
     * @return the migration
     */
    public JourneyMigration build() {
      return new JourneyMigration(journey, fromVersion, states);
    }
  }
}
