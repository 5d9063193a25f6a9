package io.advocacy.core.identity;

/**
 * What recording an {@link IdentityLink} did.
 *
 * <p>Immutable; thread-safe.
 */
public enum LinkOutcome {
  /** The anonymous id is now linked to the customer. */
  LINKED,
  /** The same link was already recorded; nothing changed. */
  ALREADY_LINKED,
  /**
   * The anonymous id was already linked to a different customer; the first link stands and
   * this one was not recorded.
   */
  CONFLICT
}
