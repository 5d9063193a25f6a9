package io.advocacy.core.contact;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ContactHistoryStore} did with a reservation.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status what happened
 * @param reservation the reservation now held under the ask id (the earlier one for a
 *     duplicate), or the refused candidate
 * @param reasons the violated rules when refused; empty otherwise
 */
public record ReservationResult(
    Status status, ContactReservation reservation, List<ContactReason> reasons) {
  /** What a store did with a reservation. */
  public enum Status {
    /** The slot is now held. */
    RESERVED,
    /** The ask id already held a slot; nothing changed. */
    DUPLICATE,
    /** A frequency rule would be broken; nothing changed. */
    REFUSED
  }

  /**
   * Validates the result.
   *
   * @param status what happened
   * @param reservation the reservation held or refused
   * @param reasons the violated rules when refused
   * @throws IllegalArgumentException if a refusal has no reason or another status has one
   */
  public ReservationResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reservation, "reservation");
    reasons = List.copyOf(reasons);
    if ((status == Status.REFUSED) == reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "reservation result " + status + " with reasons " + reasons);
    }
  }

  /**
   * A held slot.
   *
   * @param reservation the reservation
   * @return the result
   */
  public static ReservationResult reserved(ContactReservation reservation) {
    return new ReservationResult(Status.RESERVED, reservation, List.of());
  }

  /**
   * An ask id seen before.
   *
   * @param existing the reservation already held
   * @return the result
   */
  public static ReservationResult duplicate(ContactReservation existing) {
    return new ReservationResult(Status.DUPLICATE, existing, List.of());
  }

  /**
   * A refusal.
   *
   * @param candidate the refused reservation
   * @param reasons the violated rules, not empty
   * @return the result
   */
  public static ReservationResult refused(
      ContactReservation candidate, List<ContactReason> reasons) {
    return new ReservationResult(Status.REFUSED, candidate, reasons);
  }
}
