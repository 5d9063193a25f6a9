package io.advocacy.core.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fast path for the one timestamp shape event pipelines nearly always send:
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}. Anything else (or anything
 * doubtful) returns null, and the caller falls back to the general ISO parser, which also
 * produces the rejection message. It accepts nothing {@link java.time.OffsetDateTime#parse}
 * would refuse.
 *
 * <p>This class is thread-safe (stateless).
 */
final class IsoInstant {
  private IsoInstant() {}

  /**
   * Parses the common shape.
   *
   * @param s the text
   * @return the instant, or null when the text is not in the common shape
   */
  static @Nullable Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = epochDay(year, month, day);
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
