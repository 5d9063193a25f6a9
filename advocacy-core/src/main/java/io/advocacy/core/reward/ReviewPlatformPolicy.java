package io.advocacy.core.reward;

import java.util.Map;
import java.util.Objects;

/**
 * What one review platform allows: asking for reviews at all, incentives for reviews, and asking
 * only selected (happy) customers. Configurable data; the {@link #defaults()} summarise each
 * platform's public policy as named in {@link #source()} and must be checked by the host's
 * counsel, since platforms change their terms.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param asksAllowed whether a business may ask customers for reviews at all
 * @param incentivesAllowed whether a reward may be given for a review (always with disclosure)
 * @param selectiveAskAllowed whether a business may ask only selected customers
 * @param source where the policy comes from
 */
public record ReviewPlatformPolicy(
    boolean asksAllowed, boolean incentivesAllowed, boolean selectiveAskAllowed, String source) {

  /**
   * Validates the policy.
   *
   * @param asksAllowed whether asking for reviews is allowed
   * @param incentivesAllowed whether incentives are allowed
   * @param selectiveAskAllowed whether asking only selected customers is allowed
   * @param source where the policy comes from
   */
  public ReviewPlatformPolicy {
    Objects.requireNonNull(source, "source");
  }

  /**
   * The default policies by platform machine name:
   *
   * <ul>
   *   <li>{@code google}: no incentives, no selective asking (Google Maps user-contributed
   *       content policy, "Fake engagement");
   *   <li>{@code trustpilot}: no incentives for reviews, no selective invitations (Trustpilot
   *       Guidelines for Businesses);
   *   <li>{@code yelp}: no asking for reviews at all (Yelp Content Guidelines, "Don't ask for
   *       reviews");
   *   <li>{@code amazon}: no incentivised reviews, no selective asking (Amazon Community
   *       Guidelines and customer-review policies);
   *   <li>{@code g2} and {@code capterra}: incentives allowed if disclosed and not conditioned on
   *       sentiment; no selective asking (G2 Community Guidelines; Capterra/Gartner Digital
   *       Markets review guidelines).
   * </ul>
   *
   * @return an immutable map
   */
  public static Map<String, ReviewPlatformPolicy> defaults() {
    ReviewPlatformPolicy disclosed = new ReviewPlatformPolicy(true, true, false,
        "G2 Community Guidelines / Capterra review guidelines: incentives if disclosed and not sentiment-conditioned");
    return Map.of(
        "google", new ReviewPlatformPolicy(true, false, false,
            "Google Maps user-contributed content policy: no incentives, no selective soliciting"),
        "trustpilot", new ReviewPlatformPolicy(true, false, false,
            "Trustpilot Guidelines for Businesses: no incentives, no selective invitations"),
        "yelp", new ReviewPlatformPolicy(false, false, false,
            "Yelp Content Guidelines: businesses must not ask for reviews"),
        "amazon", new ReviewPlatformPolicy(true, false, false,
            "Amazon Community Guidelines: no incentivised reviews"),
        "g2", disclosed,
        "capterra", disclosed);
  }

  /**
   * The policy for a platform not in the configured map: asking allowed, incentives allowed
   * with disclosure, no selective asking (US FTC 16 CFR Part 465 forbids suppressing
   * negative reviews).
   *
   * @return the policy
   */
  public static ReviewPlatformPolicy unknownPlatform() {
    return new ReviewPlatformPolicy(true, true, false,
        "default for unlisted platforms: disclosed incentives, no selective asking");
  }
}
