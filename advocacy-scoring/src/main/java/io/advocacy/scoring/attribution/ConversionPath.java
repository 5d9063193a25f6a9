package io.advocacy.scoring.attribution;

import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One journey to a conversion or not: its touchpoints in time order and the outcome.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param touches the touchpoints, sorted by instant on construction (stable for equal instants)
 * @param converted whether the journey converted
 * @param value the conversion's value (0 when it did not convert)
 * @param convertedAt when it converted; null means at the last touch
 */
public record ConversionPath(
    List<Touchpoint> touches, boolean converted, double value, @Nullable Instant convertedAt) {
  /**
   * Validates and orders the path.
   *
   * @param touches the touchpoints, at least one
   * @param converted whether it converted
   * @param value the value, finite and not negative
   * @param convertedAt when it converted, or null
   * @throws IllegalArgumentException if there are no touches or the value is invalid
   */
  public ConversionPath {
    List<Touchpoint> sorted = new ArrayList<>(touches);
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a conversion path needs at least one touch");
    }
    sorted.sort(Comparator.comparing(Touchpoint::at));
    touches = List.copyOf(sorted);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("conversion value " + value + " is not finite and >= 0");
    }
  }

  /**
   * A converted path.
   *
   * @param value the conversion's value
   * @param touches the touchpoints
   * @return the path
   */
  public static ConversionPath converted(double value, Touchpoint... touches) {
    return new ConversionPath(List.of(touches), true, value, null);
  }

  /**
   * A path that did not convert.
   *
   * @param touches the touchpoints
   * @return the path
   */
  public static ConversionPath notConverted(Touchpoint... touches) {
    return new ConversionPath(List.of(touches), false, 0, null);
  }

  /**
   * When the conversion happened: {@code convertedAt}, or the last touch.
   *
   * @return the instant
   */
  public Instant conversionInstant() {
    return Objects.requireNonNullElse(convertedAt, touches.get(touches.size() - 1).at());
  }
}
