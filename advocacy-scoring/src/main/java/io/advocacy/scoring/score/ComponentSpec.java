package io.advocacy.scoring.score;

/**
 * How one component weighs in: its weight, how fast its evidence fades, and how it saturates.
 * The component's value is {@code cap · tanh(S / scale)}, where {@code S} is the decayed sum
 * of its signals' contributions: each contribution halves every {@code halfLifeDays}.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param weight the weight, finite and not negative
 * @param halfLifeDays the half-life of a contribution in days, finite and positive
 * @param scale the decayed sum at which the component reaches tanh(1) ≈ 76 % of its cap,
 *     finite and positive
 * @param cap the largest value the component can take, in (0, 1]
 */
public record ComponentSpec(double weight, double halfLifeDays, double scale, double cap) {
  /**
   * Validates the spec.
   *
   * @param weight the weight
   * @param halfLifeDays the half-life in days
   * @param scale the saturation scale
   * @param cap the cap
   * @throws IllegalArgumentException if a value is out of range
   */
  public ComponentSpec {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("component weight " + weight + " is not finite and >= 0");
    }
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException("half-life " + halfLifeDays + " days is not positive");
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale " + scale + " is not positive");
    }
    if (!(cap > 0 && cap <= 1)) {
      throw new IllegalArgumentException("cap " + cap + " is not in (0, 1]");
    }
  }

  /**
   * The transformed value of a decayed sum.
   *
   * @param decayedSum the sum
   * @return {@code cap · tanh(decayedSum / scale)}
   */
  public double transform(double decayedSum) {
    return cap * Math.tanh(decayedSum / scale);
  }
}
