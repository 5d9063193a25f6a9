package io.advocacy.scoring.score;

import io.advocacy.core.CustomerId;
import io.advocacy.scoring.AdvocateTier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why a customer has their score: each component's part, and the signals that contributed most.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param customer the customer
 * @param asOf the instant the score is read at
 * @param score the score, 0–100
 * @param tier the tier
 * @param components every component, in {@link Component} order
 * @param topSignals the signals with the largest shares (by magnitude), largest first
 * @param modelId the model's id
 * @param modelVersion the model's version
 */
public record ScoreExplanation(
    CustomerId customer, Instant asOf, double score, AdvocateTier tier,
    List<ComponentScore> components, List<ContributingSignal> topSignals, String modelId,
    int modelVersion) {
  /**
   * Validates and copies the explanation.
   *
   * @param customer the customer
   * @param asOf the instant
   * @param score the score
   * @param tier the tier
   * @param components the components
   * @param topSignals the top signals
   * @param modelId the model's id
   * @param modelVersion the model's version
   */
  public ScoreExplanation {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(tier, "tier");
    components = List.copyOf(components);
    topSignals = List.copyOf(topSignals);
    Objects.requireNonNull(modelId, "modelId");
  }
}
