package io.advocacy.core.contact;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.profile.ContactChannel;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An allowed ask as the {@link ContactHistoryStore} keeps it: the slot it holds in the
 * customer's frequency caps.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param askId the ask's id, unique in the store
 * @param customer the customer asked
 * @param channel the channel
 * @param motion the motion
 * @param programme the programme, or null
 * @param at the instant of the ask
 */
public record ContactReservation(
    String askId,
    CustomerId customer,
    ContactChannel channel,
    Motion motion,
    @Nullable ProgrammeId programme,
    Instant at) {
  /**
   * Validates the reservation.
   *
   * @param askId the ask's id
   * @param customer the customer asked
   * @param channel the channel
   * @param motion the motion
   * @param programme the programme, or null
   * @param at the instant of the ask
   */
  public ContactReservation {
    Require.identifier("ask id", askId);
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(at, "at");
  }
}
