package io.advocacy.core.reward;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered set of {@link ComplianceRule}s, evaluated together: the decision holds every
 * rule's reasons and disclosures (all rules run, so a denial lists every problem at once).
 *
 * <pre>{@code
 * CompliancePolicy policy = CompliancePolicy.builder()
 *     .rule(HealthcareRule.defaults())
 *     .rule(new RegionAndValueRule(Set.of("KP"), List.of()))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe if its rules are. The builder is not thread-safe.
 */
public final class CompliancePolicy {
  private final List<ComplianceRule> rules;

  private CompliancePolicy(List<ComplianceRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * The default rules: {@link HealthcareRule#defaults()}, {@link
   * FinancialServicesRule#defaults()}, {@link ReviewRule#defaults()} and {@link
   * RegionAndValueRule#defaults()}.
   *
   * @return the policy
   */
  public static CompliancePolicy defaults() {
    return builder()
        .rule(HealthcareRule.defaults())
        .rule(FinancialServicesRule.defaults())
        .rule(ReviewRule.defaults())
        .rule(RegionAndValueRule.defaults())
        .build();
  }

  /**
   * Starts an empty policy.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rules, in order.
   *
   * @return an immutable list
   */
  public List<ComplianceRule> rules() {
    return rules;
  }

  /**
   * Evaluates every rule. A rule that throws does not stop the others: its failure becomes a
   * denying {@link ReasonCode#RULE_FAILED} reason (fail closed) naming the exception.
   *
   * @param request the request
   * @param history the rewards already issued
   * @param at the instant the reward would be issued
   * @return the combined decision
   */
  public ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(at, "at");
    ComplianceDecision decision = ComplianceDecision.allow();
    for (ComplianceRule rule : rules) {
      ComplianceDecision one;
      try {
        one = Objects.requireNonNull(rule.evaluate(request, history, at), "rule decision");
      } catch (RuntimeException e) {
        // a host rule may throw; isolate it and deny rather than let it corrupt the flow
        one = ComplianceDecision.of(ComplianceReason.deny(ReasonCode.RULE_FAILED, rule.id(),
            "rule " + rule.id() + " failed: " + e));
      }
      decision = decision.and(one);
    }
    return decision;
  }

  /** Builds a {@link CompliancePolicy}. Not thread-safe. */
  public static final class Builder {
    private final List<ComplianceRule> rules = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private Builder() {}

    /**
     * Adds a rule.
     *
     * @param rule the rule
     * @return this builder
     * @throws IllegalStateException if a rule with the same id was added
     */
    public Builder rule(ComplianceRule rule) {
      Objects.requireNonNull(rule, "rule");
      if (!ids.add(Objects.requireNonNull(rule.id(), "rule id"))) {
        throw new IllegalStateException("a rule with id " + rule.id() + " was already added");
      }
      rules.add(rule);
      return this;
    }

    /**
     * Builds the policy; later builder calls do not change it.
     *
     * @return the policy
     */
    public CompliancePolicy build() {
      return new CompliancePolicy(rules);
    }
  }
}
