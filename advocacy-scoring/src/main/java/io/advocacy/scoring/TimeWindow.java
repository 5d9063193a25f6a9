package io.advocacy.scoring;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A half-open interval of event time, {@code [from, to)}.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param from the first instant inside
 * @param to the first instant after
 */
public record TimeWindow(Instant from, Instant to) implements Comparable<TimeWindow> {
  /**
   * Validates the window.
   *
   * @param from the first instant inside
   * @param to the first instant after
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("time window to " + to + " is not after from " + from);
    }
  }

  /**
   * Whether an instant lies inside.
   *
   * @param at the instant
   * @return {@code from <= at < to}
   */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  /**
   * Consecutive calendar months in a time zone.
   *
   * @param first the first month
   * @param count how many months, at least 1
   * @param zone the zone whose midnights bound the months
   * @return the windows, oldest first
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public static List<TimeWindow> months(YearMonth first, int count, ZoneId zone) {
    if (count < 1) {
      throw new IllegalArgumentException("month count " + count + " is below 1");
    }
    List<TimeWindow> windows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      YearMonth m = first.plusMonths(i);
      windows.add(new TimeWindow(
          m.atDay(1).atStartOfDay(zone).toInstant(),
          m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }
    return List.copyOf(windows);
  }

  @Override
  public int compareTo(TimeWindow other) {
    int c = from.compareTo(other.from);
    return c != 0 ? c : to.compareTo(other.to);
  }
}
