package io.advocacy.core.reward;

import java.util.Locale;
import java.util.Objects;

/**
 * The facts about a review that a reward is given for.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param platform the review platform's machine name, lower case, e.g. {@code "google"},
 *     {@code "trustpilot"}, {@code "g2"}; see {@link ReviewPlatformPolicy}
 * @param conditionedOnSentiment whether the reward depends on the review's sentiment or
 *     rating (never allowed)
 * @param selectiveAsk whether only selected customers (for example promoters) were asked
 */
public record ReviewContext(String platform, boolean conditionedOnSentiment, boolean selectiveAsk) {
  /**
   * Validates the context and lower-cases the platform name.
   *
   * @param platform the review platform's machine name
   * @param conditionedOnSentiment whether the reward depends on the review's sentiment
   * @param selectiveAsk whether only selected customers were asked
   * @throws IllegalArgumentException if the platform is blank
   */
  public ReviewContext {
    Objects.requireNonNull(platform, "platform");
    if (platform.isBlank()) {
      throw new IllegalArgumentException("review platform is blank");
    }
    platform = platform.strip().toLowerCase(Locale.ROOT);
  }
}
