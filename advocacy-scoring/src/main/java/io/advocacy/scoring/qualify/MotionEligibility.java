package io.advocacy.scoring.qualify;

import io.advocacy.core.Motion;
import java.util.List;
import java.util.Objects;

/**
 * Whether a customer may be invited to a motion, with every condition's answer: the reasons
 * for a yes and for a no.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param motion the motion
 * @param eligible true when every condition passed
 * @param conditions each condition with its answer
 */
public record MotionEligibility(Motion motion, boolean eligible, List<Condition> conditions) {
  /**
   * Validates the answer.
   *
   * @param motion the motion
   * @param eligible whether every condition passed
   * @param conditions the conditions
   * @throws IllegalArgumentException if {@code eligible} disagrees with the conditions
   */
  public MotionEligibility {
    Objects.requireNonNull(motion, "motion");
    conditions = List.copyOf(conditions);
    if (eligible != conditions.stream().allMatch(Condition::passed)) {
      throw new IllegalArgumentException(
          "eligibility " + eligible + " for " + motion + " disagrees with " + conditions);
    }
  }

  /**
   * The conditions that failed.
   *
   * @return the failures; empty when eligible
   */
  public List<Condition> failures() {
    return conditions.stream().filter(c -> !c.passed()).toList();
  }
}
