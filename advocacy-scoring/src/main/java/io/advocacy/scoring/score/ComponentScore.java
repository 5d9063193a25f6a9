package io.advocacy.scoring.score;

import java.util.Objects;

/**
 * One component of an explained score.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param component the component
 * @param decayedSum the decayed sum of its contributions as of the explanation's instant
 * @param value its transformed value, {@code cap · tanh(sum / scale)}
 * @param points its weighted share of the score in score points (negative for risk); the
 *     points of all components add up to the score before it is clamped to 0–100
 */
public record ComponentScore(Component component, double decayedSum, double value, double points) {
  /**
   * Validates the component score.
   *
   * @param component the component
   * @param decayedSum the decayed sum
   * @param value the transformed value
   * @param points the weighted share in points
   */
  public ComponentScore {
    Objects.requireNonNull(component, "component");
  }
}
