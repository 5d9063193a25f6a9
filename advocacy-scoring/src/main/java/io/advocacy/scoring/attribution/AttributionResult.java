package io.advocacy.scoring.attribution;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model's credit by channel, and by advocate and journey where the model defines them.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param model the model's name, e.g. {@code "markov_order_1"}
 * @param byChannel credit per channel
 * @param byAdvocate credit per advocate id ({@value #NONE} for touches without one); empty for
 *     aggregated paths
 * @param byJourney credit per journey id ({@value #NONE} for touches without one); empty for
 *     aggregated paths
 * @param apportioned true when advocate and journey credit is apportioned from channel credit
 *     by each one's share of that channel's touches on converting paths (Markov and Shapley),
 *     rather than given touch by touch
 */
public record AttributionResult(
    String model,
    Map<String, Credit> byChannel,
    Map<String, Credit> byAdvocate,
    Map<String, Credit> byJourney,
    boolean apportioned) {
  /** The key of credit for touches without an advocate or journey. */
  public static final String NONE = "(none)";

  /**
   * Validates and copies the result (keys sorted).
   *
   * @param model the model's name
   * @param byChannel credit per channel
   * @param byAdvocate credit per advocate
   * @param byJourney credit per journey
   * @param apportioned whether advocate and journey credit is apportioned
   */
  public AttributionResult {
    Objects.requireNonNull(model, "model");
    byChannel = Collections.unmodifiableMap(new TreeMap<>(byChannel));
    byAdvocate = Collections.unmodifiableMap(new TreeMap<>(byAdvocate));
    byJourney = Collections.unmodifiableMap(new TreeMap<>(byJourney));
  }

  /**
   * The total credit given.
   *
   * @return the sum over channels
   */
  public Credit total() {
    return byChannel.values().stream().reduce(Credit.ZERO, Credit::plus);
  }
}
