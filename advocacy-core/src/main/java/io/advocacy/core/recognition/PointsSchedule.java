package io.advocacy.core.recognition;

import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Points per act of advocacy, and an optional daily cap per act type: at most that many acts of
 * the type earn points per customer per UTC day — the earliest ones by event time (ties by
 * signal id), so the result never depends on arrival order. A social mention earns points only
 * with positive sentiment (a value above 0).
 *
 * <table>
 *   <caption>{@link #defaults()}</caption>
 *   <tr><th>act</th><th>points</th><th>daily cap</th></tr>
 *   <tr><td>referral converted</td><td>200</td><td>—</td></tr>
 *   <tr><td>case study completed</td><td>300</td><td>—</td></tr>
 *   <tr><td>reference completed</td><td>150</td><td>—</td></tr>
 *   <tr><td>story completed</td><td>100</td><td>—</td></tr>
 *   <tr><td>review posted</td><td>50</td><td>—</td></tr>
 *   <tr><td>community joined</td><td>20</td><td>—</td></tr>
 *   <tr><td>referral shared</td><td>10</td><td>5</td></tr>
 *   <tr><td>social mention (positive)</td><td>10</td><td>5</td></tr>
 *   <tr><td>community posted</td><td>5</td><td>10</td></tr>
 * </table>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param points points per act type; types not listed earn nothing
 * @param dailyCaps acts per type per customer per UTC day that earn points; types not listed
 *     are uncapped
 */
public record PointsSchedule(Map<SignalType, Integer> points, Map<SignalType, Integer> dailyCaps) {
  /**
   * Validates and copies the schedule.
   *
   * @param points points per act type, each positive
   * @param dailyCaps daily caps, each at least 1
   * @throws IllegalArgumentException if a value is out of range
   */
  public PointsSchedule {
    points = Map.copyOf(points);
    dailyCaps = Map.copyOf(dailyCaps);
    points.forEach((t, p) -> {
      if (p < 1) {
        throw new IllegalArgumentException("points for " + t + " are " + p + "; at least 1");
      }
    });
    dailyCaps.forEach((t, c) -> {
      if (c < 1) {
        throw new IllegalArgumentException("daily cap for " + t + " is " + c + "; at least 1");
      }
    });
  }

  /**
   * The default schedule above.
   *
   * @return the schedule
   */
  public static PointsSchedule defaults() {
    return new PointsSchedule(
        Map.of(SignalType.REFERRAL_CONVERTED, 200, SignalType.CASE_STUDY_COMPLETED, 300,
            SignalType.REFERENCE_COMPLETED, 150, SignalType.STORY_COMPLETED, 100,
            SignalType.REVIEW_POSTED, 50, SignalType.COMMUNITY_JOINED, 20,
            SignalType.REFERRAL_SHARED, 10, SignalType.SOCIAL_MENTION, 10,
            SignalType.COMMUNITY_POSTED, 5),
        Map.of(SignalType.REFERRAL_SHARED, 5, SignalType.SOCIAL_MENTION, 5,
            SignalType.COMMUNITY_POSTED, 10));
  }

  /**
   * The points a signal would earn before any daily cap.
   *
   * @param signal the signal
   * @return the points, or empty when it is not a scheduled act (or a mention that is not
   *     positive)
   */
  public Optional<Integer> pointsFor(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    Integer p = points.get(signal.type());
    if (p == null || (signal.type().equals(SignalType.SOCIAL_MENTION) && !(signal.value() > 0))) {
      return Optional.empty();
    }
    return Optional.of(p);
  }
}
