package io.advocacy.core.adapter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an adapter reads an instant from a field.
 *
 * <ul>
 *   <li>{@link #iso()}: ISO-8601 with a zone offset or {@code Z}, e.g.
 *       {@code 2026-03-01T10:15:30.120Z} or {@code 2026-03-01T11:15:30+01:00}; a local
 *       date-time without offset is rejected, never guessed.
 *   <li>{@link #epochSeconds()} and {@link #epochMillis()}: a JSON number or plain decimal
 *       text; fractions are kept to the nanosecond, as written in decimal.
 *   <li>{@link #pattern(String, ZoneId)}: a {@link DateTimeFormatter} pattern for a local
 *       date-time, read in the given zone (e.g. {@code "dd/MM/yyyy HH:mm"} in
 *       {@code Europe/London}). Dates that do not exist (31 February) are rejected, not
 *       moved. A local time in a daylight-saving gap is moved forward by the gap's length
 *       (02:30 on the spring-forward day in Berlin reads as 03:30 CEST); one in an autumn
 *       overlap takes the earlier offset, as {@link java.time.ZonedDateTime} does.
 * </ul>
 *
 * <p>Immutable; thread-safe.
 */
public final class TimestampFormat {
  private enum Kind {
    ISO,
    EPOCH_SECONDS,
    EPOCH_MILLIS,
    PATTERN
  }

  private static final TimestampFormat ISO = new TimestampFormat(Kind.ISO, null, null, "iso");
  private static final TimestampFormat SECONDS =
      new TimestampFormat(Kind.EPOCH_SECONDS, null, null, "epoch_seconds");
  private static final TimestampFormat MILLIS =
      new TimestampFormat(Kind.EPOCH_MILLIS, null, null, "epoch_millis");

  /** Largest epoch second accepted (year 9999). */
  private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(MAX_EPOCH_SECONDS);

  /** Decimal text, optionally with an exponent; not "12f", "0x10", "NaN" or "Infinity". */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

  private final Kind kind;
  private final @Nullable DateTimeFormatter formatter;
  private final @Nullable ZoneId zone;
  private final String description;

  private TimestampFormat(
      Kind kind, @Nullable DateTimeFormatter formatter, @Nullable ZoneId zone, String description) {
    this.kind = kind;
    this.formatter = formatter;
    this.zone = zone;
    this.description = description;
  }

  /**
   * ISO-8601 with an offset or {@code Z}.
   *
   * @return the format
   */
  public static TimestampFormat iso() {
    return ISO;
  }

  /**
   * Seconds since 1970-01-01T00:00Z, possibly fractional.
   *
   * @return the format
   */
  public static TimestampFormat epochSeconds() {
    return SECONDS;
  }

  /**
   * Milliseconds since 1970-01-01T00:00Z.
   *
   * @return the format
   */
  public static TimestampFormat epochMillis() {
    return MILLIS;
  }

  /**
   * A local date-time pattern read in a zone.
   *
   * @param pattern a {@link DateTimeFormatter} pattern with date and time fields
   * @param zone the zone the local times are in
   * @return the format
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public static TimestampFormat pattern(String pattern, ZoneId zone) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(zone, "zone");
    DateTimeFormatter formatter;
    try {
      // STRICT, so that 31/02 is rejected instead of read as 28/02; the default era lets
      // year-of-era patterns ("yyyy") resolve under STRICT.
      formatter =
          new DateTimeFormatterBuilder()
              .appendPattern(pattern)
              .parseDefaulting(ChronoField.ERA, 1)
              .toFormatter()
              .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("timestamp pattern \"" + pattern + "\" is invalid", e);
    }
    return new TimestampFormat(Kind.PATTERN, formatter, zone, pattern + " in " + zone);
  }

  /**
   * Whether this format reads numbers (epoch seconds or milliseconds).
   *
   * @return true for the epoch formats
   */
  public boolean isNumeric() {
    return kind == Kind.EPOCH_SECONDS || kind == Kind.EPOCH_MILLIS;
  }

  /**
   * Reads an instant from text.
   *
   * @param text the field's text
   * @return the instant, or null when the text does not follow this format
   */
  public @Nullable Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      switch (kind) {
        case ISO:
          return OffsetDateTime.parse(text.trim()).toInstant();
        case PATTERN:
          return LocalDateTime.parse(text.trim(), Objects.requireNonNull(formatter))
              .atZone(Objects.requireNonNull(zone))
              .toInstant();
        default:
          String number = text.trim();
          return DECIMAL.matcher(number).matches() ? fromDecimal(new BigDecimal(number)) : null;
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Reads an instant from a number (epoch formats only).
   *
   * @param number the field's number
   * @return the instant, or null when the number is not finite, out of range, or this format
   *     is not numeric
   */
  public @Nullable Instant fromNumber(double number) {
    if (!isNumeric() || !Double.isFinite(number)) {
      return null;
    }
    // BigDecimal.valueOf takes the shortest decimal that reads back as this double, i.e. the
    // digits that were written (1772360130.123), not its binary value (…130.12299990654).
    return fromDecimal(BigDecimal.valueOf(number));
  }

  private @Nullable Instant fromDecimal(BigDecimal number) {
    BigDecimal seconds = kind == Kind.EPOCH_MILLIS ? number.movePointLeft(3) : number;
    if (seconds.abs().compareTo(MAX_SECONDS.add(BigDecimal.ONE)) >= 0) {
      return null; // also keeps setScale below from working on huge exponents
    }
    seconds = seconds.setScale(9, RoundingMode.HALF_EVEN);
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    if (whole.abs().compareTo(MAX_SECONDS) > 0) {
      return null; // within year 9999 (any fraction of its last second) and its mirror
    }
    long nanos = seconds.subtract(whole).movePointRight(9).longValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** Returns e.g. {@code iso} or {@code dd/MM/yyyy HH:mm in Europe/London}. */
  @Override
  public String toString() {
    return description;
  }
}
