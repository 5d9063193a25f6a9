package io.advocacy.core.crm;

/**
 * Where an opportunity stands: open, or closed as won or lost.
 *
 * <p>Immutable; thread-safe.
 */
public enum OpportunityStatus {
  /** Not closed yet. */
  OPEN,
  /** Closed and won: the deal is a booking. */
  WON,
  /** Closed and lost. */
  LOST;

  /**
   * Whether the opportunity is closed.
   *
   * @return true for {@code WON} and {@code LOST}
   */
  public boolean isClosed() {
    return this != OPEN;
  }
}
