package io.advocacy.core.reward;

import io.advocacy.core.Money;
import io.advocacy.core.profile.Industry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Healthcare and digital-health anti-inducement rules, applied when the payee's industry is
 * {@link Industry#HEALTHCARE} or {@link Industry#DIGITAL_HEALTH}:
 *
 * <ul>
 *   <li>no cash or cash equivalents ({@link RewardRequest#isCashEquivalent()}) to a government
 *       health-programme beneficiary ({@code CASH_EQUIVALENT_TO_BENEFICIARY});
 *   <li>non-cash items (everything but cash equivalents and zero-value recognition) within
 *       nominal-value limits: at most {@code perItem} each and {@code perYear} in total per
 *       payee per calendar year in the payee's time zone (defaults USD 15 and USD 75, after the
 *       US HHS-OIG <i>Policy Statement Regarding Gifts of Nominal Value to Medicare and Medicaid
 *       Beneficiaries</i>, December 2016). The year total counts every reward in the limit's
 *       currency that still counts. Items valued in points or another currency cannot be
 *       checked and are denied ({@code VALUE_NOT_CHECKABLE}). With {@code
 *       beneficiariesOnly} false (the default, because hosts often do not know who is a
 *       beneficiary) the limits apply to every payee in these industries;
 *   <li>no remuneration (any reward other than zero-value recognition) to anyone for referring a
 *       government health-programme beneficiary ({@code BENEFICIARY_REFERRAL_REMUNERATION}; the
 *       US federal Anti-Kickback Statute, 42 U.S.C. 1320a-7b(b)).
 * </ul>
 *
 * <p>These defaults summarise public sources and must be checked by the host's counsel.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param perItem the nominal-value limit per item
 * @param perYear the nominal-value limit per payee per calendar year, same currency
 * @param beneficiariesOnly whether the nominal-value limits apply to beneficiaries only
 */
public record HealthcareRule(Money perItem, Money perYear, boolean beneficiariesOnly)
    implements ComplianceRule {
  /** The rule id used in reasons. */
  public static final String ID = "healthcare";

  private static final Set<Industry> INDUSTRIES = Set.of(Industry.HEALTHCARE, Industry.DIGITAL_HEALTH);

  /**
   * Validates the limits.
   *
   * @param perItem the nominal-value limit per item
   * @param perYear the nominal-value limit per year, same currency
   * @param beneficiariesOnly whether the limits apply to beneficiaries only
   * @throws IllegalArgumentException if a limit is negative or the currencies differ
   */
  public HealthcareRule {
    Objects.requireNonNull(perItem, "perItem");
    Objects.requireNonNull(perYear, "perYear");
    if (perItem.isNegative() || perYear.isNegative()) {
      throw new IllegalArgumentException("nominal-value limits must not be negative: " + perItem + ", " + perYear);
    }
    if (!perItem.currency().equals(perYear.currency())) {
      throw new IllegalArgumentException("perItem " + perItem + " and perYear " + perYear + " differ in currency");
    }
  }

  /**
   * The defaults: USD 15 per item, USD 75 per year, applied to every payee.
   *
   * @return the rule
   */
  public static HealthcareRule defaults() {
    return new HealthcareRule(Money.of("15", "USD"), Money.of("75", "USD"), false);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at) {
    if (!INDUSTRIES.contains(request.profile().industry())) {
      return ComplianceDecision.allow();
    }
    boolean beneficiary = request.profile().isGovernmentHealthProgrammeBeneficiary();
    boolean recognition = request.kind() == IncentiveKind.RECOGNITION;
    List<ComplianceReason> reasons = new ArrayList<>();
    if (request.reason().referredIsGovernmentHealthProgrammeBeneficiary() && !recognition) {
      reasons.add(ComplianceReason.deny(ReasonCode.BENEFICIARY_REFERRAL_REMUNERATION, ID,
          "no " + request.kind() + " may be given for referring a government health-programme beneficiary"));
    }
    if (beneficiary && request.isCashEquivalent()) {
      reasons.add(ComplianceReason.deny(ReasonCode.CASH_EQUIVALENT_TO_BENEFICIARY, ID,
          request.kind() + " is cash or a cash equivalent; payee is a government health-programme beneficiary"));
    }
    boolean nonCashItem = !request.isCashEquivalent() && !recognition;
    if (nonCashItem && (beneficiary || !beneficiariesOnly)) {
      RewardValue value = request.value();
      String currency = perItem.currencyCode();
      if (!value.unit().equals(currency)) {
        reasons.add(ComplianceReason.deny(ReasonCode.VALUE_NOT_CHECKABLE, ID,
            "value " + value + " cannot be checked against the nominal-value limit in " + currency));
      } else {
        RewardValue itemLimit = RewardValue.of(perItem);
        if (value.isGreaterThan(itemLimit)) {
          reasons.add(ComplianceReason.deny(ReasonCode.NOMINAL_VALUE_PER_ITEM_EXCEEDED, ID,
              "value " + value + " exceeds the nominal-value limit of " + itemLimit + " per item"));
        }
        RewardValue year = Periods.calendarYearTotal(history, request, currency, at);
        RewardValue after = year.plus(value);
        RewardValue yearLimit = RewardValue.of(perYear);
        if (after.isGreaterThan(yearLimit)) {
          reasons.add(ComplianceReason.deny(ReasonCode.NOMINAL_VALUE_PER_YEAR_EXCEEDED, ID,
              "year total would be " + after + " (already " + year + "), above the limit of "
                  + yearLimit + " per year"));
        }
      }
    }
    return new ComplianceDecision(reasons, Set.of());
  }
}
