package io.advocacy.core.reward;

import java.time.Instant;
import java.time.ZoneId;

/** Period arithmetic shared by the rules. Stateless; thread-safe. */
final class Periods {
  private Periods() {}

  /** The payee's counting rewards in {@code unit} issued in the calendar year of {@code at}. */
  static RewardValue calendarYearTotal(
      RewardHistory history, RewardRequest request, String unit, Instant at) {
    ZoneId zone = request.profile().timeZone();
    int year = at.atZone(zone).getYear();
    return history.total(request.payee(), unit, r -> r.issuedAt().atZone(zone).getYear() == year);
  }
}
