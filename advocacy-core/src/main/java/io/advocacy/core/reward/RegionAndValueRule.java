package io.advocacy.core.reward;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits for every industry: regions where no reward may be given ({@code REGION_BLOCKED}) and a
 * maximum value per reward per unit ({@code MAXIMUM_REWARD_EXCEEDED}; a reward in a unit with no
 * maximum is not limited). The defaults block nothing and limit nothing.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param blockedRegions ISO 3166 alpha-2 codes, upper case
 * @param maxima the maximum value per reward, at most one per unit
 */
public record RegionAndValueRule(Set<String> blockedRegions, List<RewardValue> maxima)
    implements ComplianceRule {
  /** The rule id used in reasons. */
  public static final String ID = "region-and-value";

  /**
   * Normalises regions to upper case and copies the collections.
   *
   * @param blockedRegions ISO 3166 alpha-2 codes
   * @param maxima the maximum value per reward, at most one per unit
   * @throws IllegalArgumentException if two maxima share a unit
   */
  public RegionAndValueRule {
    blockedRegions = blockedRegions.stream()
        .map(r -> r.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    maxima = List.copyOf(maxima);
    if (maxima.stream().map(RewardValue::unit).distinct().count() != maxima.size()) {
      throw new IllegalArgumentException("maxima " + maxima + " repeat a unit");
    }
  }

  /**
   * The rule that blocks no region and limits no value.
   *
   * @return the rule
   */
  public static RegionAndValueRule defaults() {
    return new RegionAndValueRule(Set.of(), List.of());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at) {
    List<ComplianceReason> reasons = new ArrayList<>();
    if (blockedRegions.contains(request.region())) {
      reasons.add(ComplianceReason.deny(ReasonCode.REGION_BLOCKED, ID,
          "rewards are blocked in region " + request.region()));
    }
    for (RewardValue max : maxima) {
      if (max.unit().equals(request.value().unit()) && request.value().isGreaterThan(max)) {
        reasons.add(ComplianceReason.deny(ReasonCode.MAXIMUM_REWARD_EXCEEDED, ID,
            "value " + request.value() + " exceeds the maximum of " + max + " per reward"));
      }
    }
    return new ComplianceDecision(reasons, Set.of());
  }
}
