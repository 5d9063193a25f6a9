package io.advocacy.core.reward;

import static io.advocacy.core.reward.Fixtures.T0;
import static io.advocacy.core.reward.Fixtures.item;
import static io.advocacy.core.reward.Fixtures.profile;
import static io.advocacy.core.reward.Fixtures.request;
import static io.advocacy.core.reward.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceRulesTest {
  private static final CustomerProfile PATIENT = profile("p-1", Industry.HEALTHCARE, true);
  private static final CustomerProfile HEALTHY = profile("p-2", Industry.HEALTHCARE, false);
  private static final CustomerProfile BANKER = profile("f-1", Industry.FINANCIAL_SERVICES, false);
  private static final CustomerProfile SAAS = profile("s-1", Industry.B2B_SAAS, false);

  private static RewardService service() {
    return RewardService.builder(RewardLedger.inMemory(), new Fixtures.TestClock(T0)).build();
  }

  @Test
  void cashAndCashEquivalentsToABeneficiaryAreDenied() {
    RewardService rewards = service();
    for (IncentiveKind kind : List.of(IncentiveKind.CASH, IncentiveKind.GIFT_CARD)) {
      IssueResult r = rewards.request(request("k-" + kind, PATIENT).kind(kind).value(usd("5")).build());
      assertThat(r.status()).isEqualTo(IssueResult.Status.DENIED);
      assertThat(r.decision().has(ReasonCode.CASH_EQUIVALENT_TO_BENEFICIARY)).isTrue();
      assertThat(r.decision().reasons()).anyMatch(x -> x.ruleId().equals(HealthcareRule.ID) && x.denies());
    }
    IssueResult credit = rewards.request(request("k-credit", PATIENT)
        .kind(IncentiveKind.ACCOUNT_CREDIT).creditUsableAsCash(true).value(usd("5")).build());
    assertThat(credit.decision().has(ReasonCode.CASH_EQUIVALENT_TO_BENEFICIARY)).isTrue();
    IssueResult storeCredit = rewards.request(request("k-store-credit", PATIENT)
        .kind(IncentiveKind.ACCOUNT_CREDIT).value(usd("5")).build());
    assertThat(storeCredit.status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(rewards.ledger().entries()).hasSize(1);
    // the same cash to a healthcare customer who is not a beneficiary is allowed
    assertThat(rewards.request(request("k-cash-ok", HEALTHY).kind(IncentiveKind.CASH)
        .value(usd("50")).build()).status()).isEqualTo(IssueResult.Status.ISSUED);
  }

  @Test
  void nominalValuePerItemIsFifteenDollars() {
    RewardService rewards = service();
    assertThat(rewards.request(item("a", PATIENT, "15.00")).status()).isEqualTo(IssueResult.Status.ISSUED);
    IssueResult over = rewards.request(item("b", PATIENT, "15.01"));
    assertThat(over.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(over.decision().reasons()).singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.NOMINAL_VALUE_PER_ITEM_EXCEEDED);
          assertThat(r.message()).contains("15.01 USD", "15.00 USD");
        });
  }

  @Test
  void nominalValuePerYearIsSeventyFiveDollarsPerCalendarYear() {
    Fixtures.TestClock clock = new Fixtures.TestClock(Instant.parse("2026-01-02T00:00:00Z"));
    RewardService rewards = RewardService.builder(RewardLedger.inMemory(), clock).build();
    for (int i = 1; i <= 5; i++) {
      assertThat(rewards.request(item("y-" + i, PATIENT, "15")).status())
          .as("item %d", i).isEqualTo(IssueResult.Status.ISSUED);
      clock.advance(Duration.ofDays(30));
    }
    IssueResult sixth = rewards.request(item("y-6", PATIENT, "15"));
    assertThat(sixth.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(sixth.decision().has(ReasonCode.NOMINAL_VALUE_PER_YEAR_EXCEEDED)).isTrue();
    assertThat(rewards.request(item("y-6b", PATIENT, "0.01")).status()).isEqualTo(IssueResult.Status.DENIED);
    clock.advance(Duration.ofDays(365));
    assertThat(rewards.request(item("y-7", PATIENT, "15")).status()).isEqualTo(IssueResult.Status.ISSUED);
  }

  @Test
  void voidedItemsNoLongerCountTowardsTheYear() {
    RewardService rewards = service();
    for (int i = 1; i <= 5; i++) {
      rewards.request(item("v-" + i, PATIENT, "15"));
    }
    RewardId first = rewards.ledger().findByKey("v-1").orElseThrow().id();
    assertThat(rewards.voidReward(first, "returned").applied()).isTrue();
    assertThat(rewards.request(item("v-6", PATIENT, "15")).status()).isEqualTo(IssueResult.Status.ISSUED);
  }

  @Test
  void pointsCannotBeCheckedAgainstANominalValueLimit() {
    IssueResult r = service().request(request("pts", PATIENT).kind(IncentiveKind.POINTS)
        .value(RewardValue.points(100)).build());
    assertThat(r.decision().has(ReasonCode.VALUE_NOT_CHECKABLE)).isTrue();
    assertThat(service().request(request("rec", PATIENT).build()).status())
        .isEqualTo(IssueResult.Status.ISSUED);
  }

  @Test
  void noRemunerationForReferringABeneficiary() {
    RewardService rewards = service();
    IssueResult r = rewards.request(request("ak", HEALTHY).kind(IncentiveKind.SWAG).value(usd("5"))
        .reason(RewardReason.referral(true)).build());
    assertThat(r.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(r.decision().has(ReasonCode.BENEFICIARY_REFERRAL_REMUNERATION)).isTrue();
    assertThat(rewards.request(request("ak-ok", HEALTHY).kind(IncentiveKind.SWAG).value(usd("5"))
        .reason(RewardReason.referral(false)).build()).status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(rewards.request(request("ak-thanks", HEALTHY)
        .reason(RewardReason.referral(true)).build()).status()).isEqualTo(IssueResult.Status.ISSUED);
  }

  @Test
  void financialServicesFlagsThePayeeAtTheReportingThreshold() {
    RewardService rewards = service();
    IssueResult first = rewards.request(request("f1", BANKER).kind(IncentiveKind.CASH).value(usd("400")).build());
    assertThat(first.status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(first.decision().reasons()).isEmpty();
    assertThat(first.decision().requiredDisclosures()).containsExactly("compensated-endorsement");
    IssueResult second = rewards.request(request("f2", BANKER).kind(IncentiveKind.CASH).value(usd("200")).build());
    assertThat(second.status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(second.decision().isAllowed()).isTrue();
    assertThat(second.decision().reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.REPORTING_THRESHOLD_REACHED);
      assertThat(r.denies()).isFalse();
      assertThat(r.message()).contains("600.00 USD");
    });
    IssueResult big = rewards.request(request("f3", BANKER).kind(IncentiveKind.CASH).value(usd("500.01")).build());
    assertThat(big.decision().has(ReasonCode.MAXIMUM_REWARD_EXCEEDED)).isTrue();
    assertThat(big.status()).isEqualTo(IssueResult.Status.DENIED);
  }

  @Test
  void googleReviewIncentiveIsDenied() {
    IssueResult r = service().request(request("g", SAAS).kind(IncentiveKind.GIFT_CARD).value(usd("10"))
        .reason(RewardReason.review(new ReviewContext("Google", false, false))).build());
    assertThat(r.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(r.decision().has(ReasonCode.REVIEW_INCENTIVE_NOT_ALLOWED)).isTrue();
  }

  @Test
  void g2ReviewIncentiveIsAllowedWithADisclosureButNotSelectively() {
    RewardService rewards = service();
    IssueResult ok = rewards.request(request("g2", SAAS).kind(IncentiveKind.GIFT_CARD).value(usd("10"))
        .reason(RewardReason.review(new ReviewContext("g2", false, false))).build());
    assertThat(ok.status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(ok.decision().requiredDisclosures()).containsExactly(ReviewRule.DISCLOSURE);
    IssueResult selective = rewards.request(request("g2-s", SAAS).kind(IncentiveKind.GIFT_CARD).value(usd("10"))
        .reason(RewardReason.review(new ReviewContext("g2", false, true))).build());
    assertThat(selective.decision().has(ReasonCode.SELECTIVE_REVIEW_ASK_NOT_ALLOWED)).isTrue();
    IssueResult yelp = rewards.request(request("y", SAAS)
        .reason(RewardReason.review(new ReviewContext("yelp", false, false))).build());
    assertThat(yelp.decision().has(ReasonCode.REVIEW_ASK_NOT_ALLOWED)).isTrue();
  }

  @Test
  void sentimentConditionedRewardIsDeniedOnEveryPlatform() {
    for (String platform : List.of("g2", "capterra", "some-forum")) {
      IssueResult r = service().request(request("s-" + platform, SAAS).kind(IncentiveKind.POINTS)
          .value(RewardValue.points(10))
          .reason(RewardReason.review(new ReviewContext(platform, true, false))).build());
      assertThat(r.status()).isEqualTo(IssueResult.Status.DENIED);
      assertThat(r.decision().reasons()).extracting(ComplianceReason::code)
          .containsExactly(ReasonCode.SENTIMENT_CONDITIONED);
    }
  }

  @Test
  void blockedRegionAndMaximumValue() {
    CompliancePolicy policy = CompliancePolicy.builder()
        .rule(new RegionAndValueRule(Set.of("kp"), List.of(usd("100"), RewardValue.points(1000))))
        .build();
    RewardService rewards = RewardService.builder(RewardLedger.inMemory(), new Fixtures.TestClock(T0))
        .compliance(policy).build();
    IssueResult blocked = rewards.request(RewardRequest.builder("r1", SAAS, "KP").requestedAt(T0).build());
    assertThat(blocked.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(blocked.decision().reasons()).singleElement()
        .satisfies(r -> assertThat(r.ruleId()).isEqualTo(RegionAndValueRule.ID))
        .satisfies(r -> assertThat(r.code()).isEqualTo(ReasonCode.REGION_BLOCKED));
    assertThat(rewards.request(request("r2", SAAS).kind(IncentiveKind.CASH).value(usd("100.01")).build())
        .decision().has(ReasonCode.MAXIMUM_REWARD_EXCEEDED)).isTrue();
    assertThat(rewards.request(request("r3", SAAS).kind(IncentiveKind.CASH).value(usd("100")).build())
        .status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(rewards.request(request("r4", SAAS).kind(IncentiveKind.CASH)
        .value(RewardValue.of(Money.of("5000", "EUR"))).build()).status())
        .as("no maximum in EUR; no conversion").isEqualTo(IssueResult.Status.ISSUED);
  }

  @Test
  void capsCountOnlyTheirUnitWithinTheRollingWindow() {
    Fixtures.TestClock clock = new Fixtures.TestClock(T0);
    RewardPolicy policy = RewardPolicy.builder()
        .capPerWindow(RewardValue.points(100), Duration.ofDays(30))
        .capTotal(RewardValue.points(150))
        .holdPeriod(Duration.ofDays(14))
        .build();
    RewardService rewards = RewardService.builder(RewardLedger.inMemory(), clock).policy(policy).build();
    RewardRequest.Builder pts = request("c1", SAAS).kind(IncentiveKind.POINTS).value(RewardValue.points(80));
    IssueResult first = rewards.request(pts.build());
    assertThat(first.reward().payableAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
    assertThat(rewards.request(request("c2", SAAS).kind(IncentiveKind.POINTS)
        .value(RewardValue.points(30)).build()).decision().has(ReasonCode.CAP_PER_PERIOD_EXCEEDED)).isTrue();
    assertThat(rewards.request(request("c-usd", SAAS).kind(IncentiveKind.CASH).value(usd("999")).build())
        .status()).isEqualTo(IssueResult.Status.ISSUED);
    clock.advance(Duration.ofDays(30));
    assertThat(rewards.request(request("c3", SAAS).kind(IncentiveKind.POINTS)
        .value(RewardValue.points(70)).build()).status()).isEqualTo(IssueResult.Status.ISSUED);
    IssueResult total = rewards.request(request("c4", SAAS).kind(IncentiveKind.POINTS)
        .value(RewardValue.points(1)).build());
    assertThat(total.decision().reasons()).extracting(ComplianceReason::code)
        .containsExactly(ReasonCode.CAP_TOTAL_EXCEEDED);
  }

  @Test
  void holdPeriodDelaysFulfilment() {
    Fixtures.TestClock clock = new Fixtures.TestClock(T0);
    RewardService rewards = RewardService.builder(RewardLedger.inMemory(), clock)
        .policy(RewardPolicy.builder().holdPeriod(Duration.ofDays(14)).build()).build();
    RewardId id = rewards.request(item("h", SAAS, "10")).reward().id();
    assertThat(rewards.approve(id).applied()).isTrue();
    assertThat(rewards.fulfil(id).status()).isEqualTo(TransitionResult.Status.NOT_YET_PAYABLE);
    clock.advance(Duration.ofDays(14));
    assertThat(rewards.fulfil(id).applied()).isTrue();
  }

  @Test
  void programmerErrorsFailFast() {
    assertThatThrownBy(() -> request("x", SAAS).kind(IncentiveKind.RECOGNITION).value(usd("1")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recognition");
    assertThatThrownBy(() -> request("x", SAAS).kind(IncentiveKind.POINTS).value(usd("1")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request("x", SAAS).kind(IncentiveKind.CASH).creditUsableAsCash(true)
        .value(usd("1")).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CASH");
    assertThatThrownBy(() -> RewardRequest.builder("x", SAAS, "USA").requestedAt(T0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USA");
    assertThatThrownBy(() -> RewardRequest.builder("x", SAAS, "US").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new RewardValue("points", new java.math.BigDecimal("1.5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> usd("-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewContext(" ", false, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RewardReason(Motion.REVIEW, null, null, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompliancePolicy.builder().rule(ReviewRule.defaults()).rule(ReviewRule.defaults()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("review");
    assertThatThrownBy(() -> RewardPolicy.builder().holdPeriod(Duration.ZERO).holdPeriod(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new HealthcareRule(Money.of("15", "USD"), Money.of("75", "EUR"), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service().request(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("request");
  }

  @Test
  void aThrowingRuleDeniesAndRecordsNothing() {
    ComplianceRule broken = new ComplianceRule() {
      @Override
      public String id() {
        return "host.broken";
      }

      @Override
      public ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at) {
        throw new IllegalStateException("database down");
      }
    };
    RewardService rewards = RewardService.builder(RewardLedger.inMemory(), new Fixtures.TestClock(T0))
        .compliance(CompliancePolicy.builder().rule(broken).rule(ReviewRule.defaults()).build()).build();
    IssueResult r = rewards.request(item("x", SAAS, "1"));
    assertThat(r.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(r.decision().reasons()).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(ReasonCode.RULE_FAILED);
      assertThat(x.ruleId()).isEqualTo("host.broken");
      assertThat(x.message()).contains("database down");
    });
    assertThat(rewards.ledger().entries()).isEmpty();
  }

  @Test
  void doubleSidedReferralSidesAreCheckedOnTheirOwn() {
    RewardService rewards = service();
    RewardRequest referrer = request("pair-1-referrer", HEALTHY).kind(IncentiveKind.GIFT_CARD)
        .value(usd("20")).pairing(new RewardPairing("pair-1", RewardPairing.Role.REFERRER)).build();
    RewardRequest friend = request("pair-1-friend", PATIENT).kind(IncentiveKind.GIFT_CARD)
        .value(usd("20")).pairing(new RewardPairing("pair-1", RewardPairing.Role.FRIEND)).build();
    IssueResult a = rewards.request(referrer);
    IssueResult b = rewards.request(friend);
    assertThat(a.status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(a.reward().request().pairing().pairId()).isEqualTo("pair-1");
    assertThat(b.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(b.decision().has(ReasonCode.CASH_EQUIVALENT_TO_BENEFICIARY)).isTrue();
  }

  @Test
  void rewardValuesKeepTheirUnits() {
    assertThat(usd("15")).isEqualTo(usd("15.00"));
    assertThat(usd("15").toString()).isEqualTo("15.00 USD");
    assertThat(RewardValue.points(5).plus(RewardValue.points(7))).isEqualTo(RewardValue.points(12));
    assertThat(RewardValue.points(5).money()).isEmpty();
    assertThat(usd("2").money()).contains(Money.of("2", "USD"));
    assertThatThrownBy(() -> usd("1").plus(RewardValue.points(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("units differ");
    assertThatThrownBy(() -> RewardValue.zero("XYZ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void incentiveKindsKnowWhatTheyAre() {
    assertThat(IncentiveKind.CASH.isCashEquivalent(false)).isTrue();
    assertThat(IncentiveKind.GIFT_CARD.isCashEquivalent(false)).isTrue();
    assertThat(IncentiveKind.ACCOUNT_CREDIT.isCashEquivalent(false)).isFalse();
    assertThat(IncentiveKind.ACCOUNT_CREDIT.isCashEquivalent(true)).isTrue();
    assertThat(IncentiveKind.SWAG.isMonetary()).isFalse();
    assertThat(IncentiveKind.RECOGNITION.isMonetary()).isFalse();
    assertThat(IncentiveKind.CHARITY_DONATION.isMonetary()).isTrue();
    assertThat(IncentiveKind.CHARITY_DONATION.isCashEquivalent(true)).isFalse();
  }
}
