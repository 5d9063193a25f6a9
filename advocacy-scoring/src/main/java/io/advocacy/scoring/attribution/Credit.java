package io.advocacy.scoring.attribution;

/**
 * Credit given to one channel, advocate or journey.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param conversions attributed conversions
 * @param value attributed conversion value
 */
public record Credit(double conversions, double value) {
  /** No credit. */
  public static final Credit ZERO = new Credit(0, 0);

  /**
   * This credit plus another.
   *
   * @param other the other credit
   * @return the sum
   */
  public Credit plus(Credit other) {
    return new Credit(conversions + other.conversions, value + other.value);
  }
}
