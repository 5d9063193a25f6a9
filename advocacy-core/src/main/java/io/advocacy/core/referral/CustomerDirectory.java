package io.advocacy.core.referral;

import io.advocacy.core.CustomerId;
import java.time.Instant;

/**
 * The host's answer to "was this person already a customer?", for {@link
 * FraudRules#refereeAlreadyCustomer(CustomerDirectory)}. Must be thread-safe; may throw (the
 * referral is then rejected with {@link ReferralReasons#FRAUD_RULE_FAILED}).
 */
@FunctionalInterface
public interface CustomerDirectory {
  /**
   * Whether a customer was a paying customer before an instant.
   *
   * @param customer the referee's customer id
   * @param before the start of the referral (its first event)
   * @return true if they already were a customer
   */
  boolean wasCustomerBefore(CustomerId customer, Instant before);
}
