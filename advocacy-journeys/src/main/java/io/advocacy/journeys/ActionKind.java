package io.advocacy.journeys;

/**
 * What an action does, as the engine and the host's handlers see it.
 *
 * <p>Immutable; thread-safe.
 */
public enum ActionKind {
  /** Invite the customer to a motion: the contact policy decides first. */
  ASK,
  /** Issue a reward through the reward service and its compliance rules. */
  ISSUE_REWARD,
  /** Create a task in the host's CRM. */
  CREATE_CRM_TASK,
  /** Tell an owner (account manager, success manager). */
  NOTIFY_OWNER,
  /**
   * Set instance variables, one per parameter; the machine applies it in the step and emits
   * nothing for it (see {@link JourneyMachine}).
   */
  SET_VARIABLE,
  /** Anything else the host handles. */
  CUSTOM
}
