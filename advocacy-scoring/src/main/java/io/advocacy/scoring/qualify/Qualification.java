package io.advocacy.scoring.qualify;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.scoring.AdvocateTier;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's tier and the motions they may be invited to, with reasons, at an instant.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param customer the customer
 * @param score the score it was judged from
 * @param tier the tier
 * @param asOf the instant
 * @param motions every motion's eligibility
 */
public record Qualification(
    CustomerId customer, double score, AdvocateTier tier, Instant asOf,
    Map<Motion, MotionEligibility> motions) {
  /**
   * Validates and copies the qualification.
   *
   * @param customer the customer
   * @param score the score
   * @param tier the tier
   * @param asOf the instant
   * @param motions every motion's eligibility
   */
  public Qualification {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(asOf, "asOf");
    motions = Collections.unmodifiableMap(new EnumMap<>(motions));
  }

  /**
   * The motions the customer may be invited to.
   *
   * @return the eligible motions, in impact-ladder order
   */
  public Set<Motion> eligibleMotions() {
    EnumSet<Motion> yes = EnumSet.noneOf(Motion.class);
    motions.forEach((m, e) -> {
      if (e.eligible()) {
        yes.add(m);
      }
    });
    return Collections.unmodifiableSet(yes);
  }

  /**
   * One motion's eligibility.
   *
   * @param motion the motion
   * @return its eligibility with reasons
   */
  public MotionEligibility eligibility(Motion motion) {
    return Objects.requireNonNull(motions.get(motion), () -> "no eligibility for " + motion);
  }
}
