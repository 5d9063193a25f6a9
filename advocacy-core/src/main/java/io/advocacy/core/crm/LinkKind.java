package io.advocacy.core.crm;

/**
 * How advocacy is connected to an opportunity.
 *
 * <p>Immutable; thread-safe.
 */
public enum LinkKind {
  /** A converted referral brought the deal; at most one per opportunity. */
  SOURCED,
  /** An advocacy touch reached the account before the deal was created. */
  INFLUENCED
}
