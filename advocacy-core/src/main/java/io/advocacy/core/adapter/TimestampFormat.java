package io.advocacy.core.adapter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an adapter reads an instant from a field.
 *
 * <ul>
 *   <li>{@link #iso()}: ISO-8601 with a zone offset or {@code Z}, e.g.
 *       {@code 2026-03-01T10:15:30.120Z} or {@code 2026-03-01T11:15:30+01:00}; a local
 *       date-time without offset is rejected, never guessed.
 *   <li>{@link #epochSeconds()} and {@link #epochMillis()}: a JSON number or numeric text.
 *   <li>{@link #pattern(String, ZoneId)}: a {@link DateTimeFormatter} pattern for a local
 *       date-time, read in the given zone (e.g. {@code "dd/MM/yyyy HH:mm"} in
 *       {@code Europe/London}).
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
      formatter = DateTimeFormatter.ofPattern(pattern);
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
          return fromNumber(Double.parseDouble(text.trim()));
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
    double seconds = kind == Kind.EPOCH_MILLIS ? number / 1000.0 : number;
    if (Math.abs(seconds) > MAX_EPOCH_SECONDS) {
      return null;
    }
    long whole = (long) Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1_000_000_000d);
    return Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999L));
  }

  /** Returns e.g. {@code iso} or {@code dd/MM/yyyy HH:mm in Europe/London}. */
  @Override
  public String toString() {
    return description;
  }
}
