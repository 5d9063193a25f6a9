package io.advocacy.scoring.qualify;

import io.advocacy.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What qualification reads about one customer at one instant. The host builds it from its own
 * data, or a {@link FactsTracker} folds it from signals.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param profile the customer's profile (consent, flags, dated attributes, account value)
 * @param score the advocate score as of {@code asOf}, 0–100
 * @param asOf the instant the facts describe
 * @param lastExperience the latest purchase, stay, booking or visit, or null
 * @param openComplaint true if a complaint or escalation is open
 * @param latestNps the latest NPS answer (0–10), or null
 * @param latestCsat the latest CSAT answer (1–5), or null
 * @param outcomeOnRecord true if a measured outcome has been recorded
 */
public record CustomerFacts(
    CustomerProfile profile,
    double score,
    Instant asOf,
    @Nullable Instant lastExperience,
    boolean openComplaint,
    @Nullable Integer latestNps,
    @Nullable Integer latestCsat,
    boolean outcomeOnRecord) {
  /**
   * Validates the facts.
   *
   * @param profile the profile
   * @param score the score
   * @param asOf the instant
   * @param lastExperience the latest experience, or null
   * @param openComplaint whether a complaint is open
   * @param latestNps the latest NPS answer, or null
   * @param latestCsat the latest CSAT answer, or null
   * @param outcomeOnRecord whether an outcome is recorded
   * @throws IllegalArgumentException if the score or an answer is out of range
   */
  public CustomerFacts {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(asOf, "asOf");
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException("score " + score + " is outside 0–100");
    }
    if (latestNps != null && (latestNps < 0 || latestNps > 10)) {
      throw new IllegalArgumentException("latest NPS " + latestNps + " is outside 0–10");
    }
    if (latestCsat != null && (latestCsat < 1 || latestCsat > 5)) {
      throw new IllegalArgumentException("latest CSAT " + latestCsat + " is outside 1–5");
    }
  }

  /**
   * Facts with only a profile and a score.
   *
   * @param profile the profile
   * @param score the score
   * @param asOf the instant
   * @return the facts
   */
  public static CustomerFacts of(CustomerProfile profile, double score, Instant asOf) {
    return new CustomerFacts(profile, score, asOf, null, false, null, null, false);
  }
}
