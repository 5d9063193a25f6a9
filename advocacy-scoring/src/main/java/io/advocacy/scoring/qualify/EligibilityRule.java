package io.advocacy.scoring.qualify;

import io.advocacy.scoring.AdvocateTier;

/**
 * One condition of a motion's eligibility. Ready-made rules are in {@link Conditions}; a host
 * may write its own.
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface EligibilityRule {
  /**
   * Tests a customer.
   *
   * @param facts what is known about the customer
   * @param tier the customer's tier from the policy's thresholds
   * @return the named answer with its reason
   */
  Condition test(CustomerFacts facts, AdvocateTier tier);
}
