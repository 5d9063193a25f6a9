package io.advocacy.core.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * Hours of the customer's own day in which they are not asked, judged by the wall clock of the
 * customer's time zone: an instant is quiet when the local time is at or after {@code start}
 * and before {@code end}. When {@code start} is after {@code end} the quiet hours span midnight
 * (21:00 to 09:00, say).
 *
 * <h2>Daylight-saving changes</h2>
 *
 * Quiet hours follow the local clock, not a count of hours: after a spring-forward night a
 * deferral to 09:00 lands at 09:00 of the new offset. A boundary whose local time does not exist
 * that day (02:30 on a night the clock jumps from 02:00 to 03:00) is taken at the instant of
 * the jump: the first instant whose local time is at or past the boundary. On an autumn night
 * the clock shows the repeated hour twice, and membership is judged by the clock each time;
 * {@link #endAfter} returns the first instant at which the clock reaches {@code end}.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param start the local time quiet hours begin (inclusive)
 * @param end the local time they end (exclusive)
 */
public record QuietHours(LocalTime start, LocalTime end) {
  /**
   * Validates the hours.
   *
   * @param start the local time quiet hours begin (inclusive)
   * @param end the local time they end (exclusive)
   * @throws IllegalArgumentException if start equals end
   */
  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException(
          "quiet hours start " + start + " equals end " + end + "; leave quiet hours unset instead");
    }
  }

  /**
   * Quiet hours between two local times.
   *
   * @param start the local time quiet hours begin (inclusive)
   * @param end the local time they end (exclusive)
   * @return the quiet hours
   */
  public static QuietHours between(LocalTime start, LocalTime end) {
    return new QuietHours(start, end);
  }

  /**
   * Whether an instant falls in these quiet hours in a time zone.
   *
   * @param at the instant
   * @param zone the customer's time zone
   * @return true if the local time at {@code at} is quiet
   */
  public boolean isQuiet(Instant at, ZoneId zone) {
    LocalTime local = LocalTime.ofInstant(at, zone);
    if (start.isBefore(end)) {
      return !local.isBefore(start) && local.isBefore(end);
    }
    return !local.isBefore(start) || local.isBefore(end);
  }

  /**
   * The first instant at or after {@code at} that is not quiet: {@code at} itself when it is not
   * quiet, otherwise the next instant at which the local clock reaches {@code end}.
   *
   * @param at the instant
   * @param zone the customer's time zone
   * @return the end of the quiet period containing {@code at}, or {@code at}
   */
  public Instant endAfter(Instant at, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    Instant candidate = at;
    // A repeated autumn hour can make the first end land in quiet time again; a few steps suffice.
    for (int step = 0; step < 4 && isQuiet(candidate, zone); step++) {
      candidate = nextReaching(candidate, zone);
    }
    return candidate;
  }

  private Instant nextReaching(Instant after, ZoneId zone) {
    LocalDateTime target = LocalDate.ofInstant(after, zone).atTime(end);
    for (int day = 0; day < 3; day++, target = target.plusDays(1)) {
      Instant reached = firstInstantReaching(target, zone);
      if (reached.isAfter(after)) {
        return reached;
      }
      Instant repeated = ZonedDateTime.ofLocal(target, zone, null).withLaterOffsetAtOverlap()
          .toInstant();
      if (repeated.isAfter(after)) {
        return repeated;
      }
    }
    throw new IllegalStateException("no end of quiet hours after " + after + " in " + zone);
  }

  private static Instant firstInstantReaching(LocalDateTime local, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }
}
