package io.advocacy.journeys;

import java.util.Objects;

/**
 * One problem with a journey definition.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param code the machine-readable kind
 * @param where the state or transition concerned
 * @param message a sentence naming the values
 */
public record DefinitionProblem(Code code, String where, String message) {
  /** The kinds of problem. */
  public enum Code {
    /** No start state, or the start is not a declared state. */
    NO_START,
    /** A transition names a state that is not declared. */
    UNKNOWN_STATE,
    /** A state no path from the start reaches. */
    UNREACHABLE,
    /** A non-terminal state with no way out (no transition and no global exit). */
    DEAD_END,
    /**
     * Two unguarded transitions on the same trigger from one state, or two unguarded global
     * exits on one signal, or a state's own unguarded transition on the signal of an unguarded
     * global exit (which then never fires from that state).
     */
    AMBIGUOUS,
    /** A timer, calendar or immediate transition out of a terminal state. */
    TIMER_ON_TERMINAL,
    /** A transition out of a terminal state on a signal. */
    TRANSITION_FROM_TERMINAL,
    /** A guard name the registry does not know. */
    UNKNOWN_GUARD,
    /** An action name the registry does not know. */
    UNKNOWN_ACTION,
    /** A global exit on a timer: global exits take signals only. */
    GLOBAL_TIMER,
    /** A state declared twice. */
    DUPLICATE_STATE,
    /**
     * An action parameter of the form <code>${…}</code> that is none of the references the
     * machine replaces (see {@link JourneyMachine}).
     */
    UNKNOWN_REFERENCE
  }

  /**
   * Validates the problem.
   *
   * @param code the kind
   * @param where the state or transition
   * @param message a sentence
   */
  public DefinitionProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + " at " + where + ": " + message;
  }
}
