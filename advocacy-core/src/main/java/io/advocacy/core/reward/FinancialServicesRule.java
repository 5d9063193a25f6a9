package io.advocacy.core.reward;

import io.advocacy.core.Money;
import io.advocacy.core.profile.Industry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Financial-services rules, applied when the payee's industry is {@link
 * Industry#FINANCIAL_SERVICES}:
 *
 * <ul>
 *   <li>a maximum value per reward in {@code maximumPerReward}'s currency ({@code
 *       MAXIMUM_REWARD_EXCEEDED}; rewards in other units are not compared);
 *   <li>every reward with a value requires the {@code disclosures} (default {@code
 *       "compensated-endorsement"}, after the US SEC marketing rule's disclosure of compensated
 *       testimonials and endorsements, 17 CFR 275.206(4)-1, and the FTC Endorsement Guides, 16
 *       CFR Part 255);
 *   <li>when the payee's monetary rewards in {@code reportingThreshold}'s currency in the
 *       calendar year (payee's time zone), including this one, reach the threshold, the reward
 *       is allowed and flagged {@code REPORTING_THRESHOLD_REACHED} (default USD 600, the US
 *       Form 1099-MISC threshold for other income).
 * </ul>
 *
 * <p>These defaults summarise public sources and must be checked by the host's counsel.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param maximumPerReward the maximum value of one reward
 * @param reportingThreshold the per-payee annual reporting threshold
 * @param disclosures ids of the disclosures every valued reward requires
 */
public record FinancialServicesRule(
    Money maximumPerReward, Money reportingThreshold, Set<String> disclosures)
    implements ComplianceRule {
  /** The rule id used in reasons. */
  public static final String ID = "financial-services";

  /**
   * Validates the rule.
   *
   * @param maximumPerReward the maximum value of one reward
   * @param reportingThreshold the per-payee annual reporting threshold
   * @param disclosures ids of the disclosures every valued reward requires
   * @throws IllegalArgumentException if an amount is negative
   */
  public FinancialServicesRule {
    Objects.requireNonNull(maximumPerReward, "maximumPerReward");
    Objects.requireNonNull(reportingThreshold, "reportingThreshold");
    if (maximumPerReward.isNegative() || reportingThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "amounts must not be negative: " + maximumPerReward + ", " + reportingThreshold);
    }
    disclosures = Set.copyOf(disclosures);
  }

  /**
   * The defaults: at most USD 500 per reward, reporting threshold USD 600, disclosure {@code
   * "compensated-endorsement"}.
   *
   * @return the rule
   */
  public static FinancialServicesRule defaults() {
    return new FinancialServicesRule(
        Money.of("500", "USD"), Money.of("600", "USD"), Set.of("compensated-endorsement"));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at) {
    if (request.profile().industry() != Industry.FINANCIAL_SERVICES) {
      return ComplianceDecision.allow();
    }
    RewardValue value = request.value();
    List<ComplianceReason> reasons = new ArrayList<>();
    RewardValue max = RewardValue.of(maximumPerReward);
    if (value.unit().equals(max.unit()) && value.isGreaterThan(max)) {
      reasons.add(ComplianceReason.deny(ReasonCode.MAXIMUM_REWARD_EXCEEDED, ID,
          "value " + value + " exceeds the maximum of " + max + " per reward"));
    }
    RewardValue threshold = RewardValue.of(reportingThreshold);
    if (request.kind().isMonetary() && value.unit().equals(threshold.unit())) {
      // only monetary kinds count towards the reporting threshold
      RewardValue monetary = history.total(request.payee(), threshold.unit(),
          r -> r.request().kind().isMonetary()
              && r.issuedAt().atZone(request.profile().timeZone()).getYear()
                  == at.atZone(request.profile().timeZone()).getYear());
      RewardValue after = monetary.plus(value);
      if (!threshold.isGreaterThan(after)) {
        reasons.add(ComplianceReason.flag(ReasonCode.REPORTING_THRESHOLD_REACHED, ID,
            "payee's monetary rewards this year reach " + after + ", at or above the reporting threshold of " + threshold));
      }
    }
    return new ComplianceDecision(reasons, value.isZero() ? Set.of() : disclosures);
  }
}
