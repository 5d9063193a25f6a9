package io.advocacy.core.crm;

import io.advocacy.core.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A booking: the amount of a won opportunity, booked when it closed.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param opportunity the won opportunity
 * @param amount the booked amount, not negative
 * @param bookedAt when the opportunity was won
 */
public record Booking(OpportunityId opportunity, Money amount, Instant bookedAt) {
  /**
   * Validates the booking.
   *
   * @param opportunity the won opportunity
   * @param amount the booked amount, not negative
   * @param bookedAt when the opportunity was won
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the amount is negative
   */
  public Booking {
    Objects.requireNonNull(opportunity, "opportunity");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(bookedAt, "bookedAt");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "booking of opportunity " + opportunity + ": amount " + amount + " is negative");
    }
  }
}
