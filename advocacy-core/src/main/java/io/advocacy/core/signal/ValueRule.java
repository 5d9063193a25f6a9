package io.advocacy.core.signal;

import org.jspecify.annotations.Nullable;

/**
 * The numeric values a {@link SignalType} allows: always finite, within {@code [min, max]},
 * and whole numbers when {@link #integral()} is set (an NPS answer of 7.5 is out of range).
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param min the smallest allowed value
 * @param max the largest allowed value
 * @param integral whether only whole numbers are allowed
 */
public record ValueRule(double min, double max, boolean integral) {
  /** Any finite value. */
  public static final ValueRule ANY =
      new ValueRule(-Double.MAX_VALUE, Double.MAX_VALUE, false);
  /** Any finite value at or above zero. */
  public static final ValueRule NON_NEGATIVE = new ValueRule(0, Double.MAX_VALUE, false);

  /**
   * Validates the bounds.
   *
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @param integral whether only whole numbers are allowed
   * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
   */
  public ValueRule {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException(
          "value rule bounds must be finite with min <= max: [" + min + ", " + max + "]");
    }
  }

  /**
   * Whole numbers from {@code min} to {@code max}.
   *
   * @param min the smallest
   * @param max the largest
   * @return the rule
   */
  public static ValueRule integers(int min, int max) {
    return new ValueRule(min, max, true);
  }

  /**
   * Any finite number from {@code min} to {@code max}.
   *
   * @param min the smallest
   * @param max the largest
   * @return the rule
   */
  public static ValueRule between(double min, double max) {
    return new ValueRule(min, max, false);
  }

  /**
   * Says what is wrong with a value, or null when it is allowed.
   *
   * @param value the candidate
   * @return a phrase such as "11 is outside 0..10", or null
   */
  public @Nullable String problem(double value) {
    if (!Double.isFinite(value)) {
      return value + " is not a finite number";
    }
    if (value < min || value > max) {
      return format(value) + " is outside " + describe();
    }
    if (integral && value != Math.rint(value)) {
      return format(value) + " is not a whole number in " + describe();
    }
    return null;
  }

  /**
   * Whether a value is allowed.
   *
   * @param value the candidate
   * @return true when {@link #problem(double)} is null
   */
  public boolean allows(double value) {
    return problem(value) == null;
  }

  private String describe() {
    String lo = min == -Double.MAX_VALUE ? "-inf" : format(min);
    String hi = max == Double.MAX_VALUE ? "+inf" : format(max);
    return (integral ? "whole numbers " : "") + lo + ".." + hi;
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
