package io.advocacy.core.contact;

import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One invitation of one customer to one motion through one channel at one instant. The id is
 * the ask's idempotency key: an ask decided twice under the same id reserves one slot.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the host's id for this ask, unique per ask (a journey step's action id, say)
 * @param profile the customer asked: consent, time zone and flags are read from it
 * @param channel the channel the ask would go out on
 * @param motion the motion the customer is invited to
 * @param programme the programme the ask belongs to, or null
 * @param at the instant the ask would go out
 */
public record Ask(
    String id,
    CustomerProfile profile,
    ContactChannel channel,
    Motion motion,
    @Nullable ProgrammeId programme,
    Instant at) {
  /**
   * Validates the ask.
   *
   * @param id the host's id for this ask
   * @param profile the customer asked
   * @param channel the channel
   * @param motion the motion
   * @param programme the programme, or null
   * @param at the instant
   * @throws IllegalArgumentException if the id is blank or malformed
   */
  public Ask {
    Require.identifier("ask id", id);
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(at, "at");
  }

  /**
   * An ask outside any programme.
   *
   * @param id the host's id for this ask
   * @param profile the customer asked
   * @param channel the channel
   * @param motion the motion
   * @param at the instant
   * @return the ask
   */
  public static Ask of(
      String id, CustomerProfile profile, ContactChannel channel, Motion motion, Instant at) {
    return new Ask(id, profile, channel, motion, null, at);
  }

  /**
   * This ask moved to another instant (to retry a deferred ask under the same id).
   *
   * @param instant the new instant
   * @return a copy at {@code instant}
   */
  public Ask at(Instant instant) {
    return new Ask(id, profile, channel, motion, programme, instant);
  }

  /**
   * The reservation this ask would hold in the contact history.
   *
   * @return the reservation
   */
  public ContactReservation toReservation() {
    return new ContactReservation(id, profile.id(), channel, motion, programme, at);
  }
}
