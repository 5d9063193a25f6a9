package io.advocacy.core.contact;

/**
 * The answer to an {@link Ask}.
 *
 * <p>Immutable; thread-safe.
 */
public enum ContactOutcome {
  /** The customer may be asked now; the ask's slot is reserved. */
  ALLOWED,
  /** Not now, but waiting is enough: ask again at the decision's {@code deferredUntil}. */
  DEFERRED,
  /** Not to be asked: waiting would not help (no consent, suppression). */
  DENIED
}
