package io.advocacy.core.profile;

/**
 * Where a customer is in their lifecycle; advocacy touchpoints are embedded in every stage,
 * not only at renewal.
 *
 * <p>Immutable; thread-safe.
 */
public enum LifecycleStage {
  /** Getting started. */
  ONBOARDING,
  /** Using the product and reaching first value. */
  ADOPTION,
  /** Growing usage or spend. */
  EXPANSION,
  /** Approaching or at renewal. */
  RENEWAL
}
