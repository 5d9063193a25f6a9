package io.advocacy.core.reward;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Review compliance for every industry, applied to rewards whose reason is a review:
 *
 * <ul>
 *   <li>a reward is never conditioned on a review's sentiment or rating ({@code
 *       SENTIMENT_CONDITIONED}; US FTC Trade Regulation Rule on the Use of Consumer Reviews and
 *       Testimonials, 16 CFR Part 465);
 *   <li>per platform ({@link ReviewPlatformPolicy}): asking at all, giving an incentive (any
 *       reward, recognition included), and asking only selected customers;
 *   <li>an allowed incentivised review requires the disclosure {@link #DISCLOSURE}.
 * </ul>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param platforms policies by lower-case platform name
 * @param fallback the policy for platforms not in the map
 */
public record ReviewRule(Map<String, ReviewPlatformPolicy> platforms, ReviewPlatformPolicy fallback)
    implements ComplianceRule {
  /** The rule id used in reasons. */
  public static final String ID = "review";
  /** The disclosure id an incentivised review requires. */
  public static final String DISCLOSURE = "incentivised-review";

  /**
   * Copies the map.
   *
   * @param platforms policies by lower-case platform name
   * @param fallback the policy for platforms not in the map
   */
  public ReviewRule {
    platforms = Map.copyOf(platforms);
    Objects.requireNonNull(fallback, "fallback");
  }

  /**
   * The rule with {@link ReviewPlatformPolicy#defaults()} and {@link
   * ReviewPlatformPolicy#unknownPlatform()}.
   *
   * @return the rule
   */
  public static ReviewRule defaults() {
    return new ReviewRule(ReviewPlatformPolicy.defaults(), ReviewPlatformPolicy.unknownPlatform());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at) {
    ReviewContext review = request.reason().review();
    if (review == null) {
      return ComplianceDecision.allow();
    }
    List<ComplianceReason> reasons = new ArrayList<>();
    if (review.conditionedOnSentiment()) {
      reasons.add(ComplianceReason.deny(ReasonCode.SENTIMENT_CONDITIONED, ID,
          "a reward must not depend on a review's sentiment or rating (16 CFR Part 465)"));
    }
    ReviewPlatformPolicy policy = platforms.getOrDefault(review.platform(), fallback);
    if (!policy.asksAllowed()) {
      reasons.add(ComplianceReason.deny(ReasonCode.REVIEW_ASK_NOT_ALLOWED, ID,
          review.platform() + " does not allow asking for reviews (" + policy.source() + ")"));
    }
    if (!policy.incentivesAllowed()) {
      reasons.add(ComplianceReason.deny(ReasonCode.REVIEW_INCENTIVE_NOT_ALLOWED, ID,
          review.platform() + " does not allow incentives for reviews (" + policy.source() + ")"));
    }
    if (review.selectiveAsk() && !policy.selectiveAskAllowed()) {
      reasons.add(ComplianceReason.deny(ReasonCode.SELECTIVE_REVIEW_ASK_NOT_ALLOWED, ID,
          review.platform() + " does not allow asking only selected customers (" + policy.source() + ")"));
    }
    return new ComplianceDecision(reasons, Set.of(DISCLOSURE));
  }
}
