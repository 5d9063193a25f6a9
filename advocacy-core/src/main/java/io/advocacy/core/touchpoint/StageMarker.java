package io.advocacy.core.touchpoint;

/**
 * A funnel milestone a touchpoint coincides with; W-shaped attribution gives extra credit to
 * the touches that created the lead and the opportunity.
 *
 * <p>Immutable; thread-safe.
 */
public enum StageMarker {
  /** The touch that created the lead. */
  LEAD_CREATED,
  /** The touch that created the opportunity. */
  OPPORTUNITY_CREATED,
  /** The touch at which the deal closed. */
  CLOSED_WON
}
