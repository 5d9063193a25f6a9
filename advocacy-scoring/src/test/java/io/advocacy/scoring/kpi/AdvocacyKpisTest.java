package io.advocacy.scoring.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.advocacy.core.AccountId;
import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.crm.LinkRule;
import io.advocacy.core.crm.LinkedOpportunity;
import io.advocacy.core.crm.Opportunity;
import io.advocacy.core.crm.OpportunityId;
import io.advocacy.core.crm.OpportunityLink;
import io.advocacy.core.crm.OpportunityStatus;
import io.advocacy.core.referral.PartyFacts;
import io.advocacy.core.referral.Referral;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.referral.ReferralState;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.Touchpoint;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.TimeWindow;
import io.advocacy.scoring.nps.NpsSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvocacyKpisTest {
  private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
  private static final TimeWindow Q1 = new TimeWindow(T0, Instant.parse("2027-04-01T00:00:00Z"));
  private static final CustomerId ADA = CustomerId.of("c-ada");
  private static final CustomerId BOB = CustomerId.of("c-bob");
  private static final CustomerId CY = CustomerId.of("c-cy");

  private static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  private static Signal act(String id, CustomerId who, SignalType type, int d, double value) {
    return Signal.of(SignalId.of(id), who, type, day(d), value);
  }

  @Test
  void poolPromoterRateAndRetention() {
    Map<CustomerId, AdvocateTier> start = Map.of(ADA, AdvocateTier.CHAMPION,
        BOB, AdvocateTier.ADVOCATE, CY, AdvocateTier.PROMOTER);
    Map<CustomerId, AdvocateTier> end = Map.of(ADA, AdvocateTier.ADVOCATE,
        BOB, AdvocateTier.PROMOTER, CY, AdvocateTier.CHAMPION);
    assertThat(AdvocacyKpis.advocatePoolSize(start, AdvocateTier.ADVOCATE).value()).isEqualTo(2);
    assertThat(AdvocacyKpis.advocatePoolSize(start, AdvocateTier.PROMOTER).value()).isEqualTo(3);
    // advocates at start: Ada, Bob; still advocates at end: Ada → 1/2
    Kpi retention = AdvocacyKpis.advocateRetention(start, end, AdvocateTier.ADVOCATE);
    assertThat(retention.numerator()).isEqualTo(1);
    assertThat(retention.denominator()).isEqualTo(2);
    assertThat(retention.value()).isEqualTo(0.5);
    assertThat(AdvocacyKpis.promoterRate(new NpsSummary(60, 25, 15)).value()).isEqualTo(0.6);
    assertThat(AdvocacyKpis.promoterRate(NpsSummary.EMPTY).value()).isNaN();
  }

  @Test
  void actsPerAdvocateAndRepeatAdvocacy() {
    List<Signal> signals = List.of(
        act("s-1", ADA, SignalType.REVIEW_POSTED, 1, 5),
        act("s-1", ADA, SignalType.REVIEW_POSTED, 1, 5), // repeated id: once
        act("s-2", ADA, SignalType.REFERRAL_CONVERTED, 10, 1),
        act("s-3", BOB, SignalType.SOCIAL_MENTION, 11, 0.8),
        act("s-4", BOB, SignalType.SOCIAL_MENTION, 12, -0.5), // negative mention: not an act
        act("s-5", CY, SignalType.CASE_STUDY_COMPLETED, 200, 1), // outside Q1
        act("s-6", CY, SignalType.NPS_ANSWERED, 5, 10), // not an act
        Signal.of(SignalId.of("s-7"), AnonymousId.of("v-1"), SignalType.REVIEW_POSTED, day(3), 5));
    // acts in Q1: Ada 2, Bob 1 → 3 acts / 2 advocates = 1.5; repeat: Ada → 1/2
    Kpi perAdvocate = AdvocacyKpis.actsPerAdvocate(signals, Q1);
    assertThat(perAdvocate.numerator()).isEqualTo(3);
    assertThat(perAdvocate.denominator()).isEqualTo(2);
    assertThat(perAdvocate.value()).isEqualTo(1.5);
    assertThat(AdvocacyKpis.repeatAdvocacy(signals, Q1).value()).isEqualTo(0.5);
  }

  private static Referral referral(String visitor, Map<ReferralState, Instant> history,
      ReferralState state) {
    return new Referral(new ReferralId(ReferralCode.fromPayload("K7MQ"), AnonymousId.of(visitor)),
        ADA, null, state, history, null, null, PartyFacts.NONE, 0);
  }

  @Test
  void referralLeadsAndConversionRateByCohort() {
    List<Referral> referrals = List.of(
        referral("v-1", Map.of(ReferralState.CLICKED, day(1), ReferralState.SIGNED_UP, day(2),
            ReferralState.CONVERTED, day(5)), ReferralState.CONVERTED),
        referral("v-2", Map.of(ReferralState.CLICKED, day(3), ReferralState.SIGNED_UP, day(95)),
            ReferralState.SIGNED_UP),
        referral("v-3", Map.of(ReferralState.CLICKED, day(4)), ReferralState.CLICKED),
        referral("v-4", Map.of(ReferralState.CLICKED, day(6), ReferralState.REJECTED, day(6)),
            ReferralState.REJECTED),
        referral("v-5", Map.of(ReferralState.CLICKED, day(100), ReferralState.CONVERTED, day(101)),
            ReferralState.CONVERTED));
    // leads: signed up in Q1 → v-1 only (v-2 signed up on day 95, after Q1 ends on day 90)
    assertThat(AdvocacyKpis.referralLeads(referrals, Q1).value()).isEqualTo(1);
    // cohort: clicked in Q1 and not rejected → v-1, v-2, v-3; converted: v-1 → 1/3
    Kpi rate = AdvocacyKpis.referralConversionRate(referrals, Q1);
    assertThat(rate.numerator()).isEqualTo(1);
    assertThat(rate.denominator()).isEqualTo(3);
  }

  private static LinkedOpportunity deal(String id, String amount, int created, OpportunityStatus status,
      Integer closed, boolean referred) {
    Opportunity o = new Opportunity(OpportunityId.of(id), AccountId.of("a-" + id), null,
        Money.of(amount, amount.startsWith("9") ? "EUR" : "USD"), null, day(created), status,
        closed == null ? null : day(closed), null);
    OpportunityLink sourced = referred
        ? new OpportunityLink(o.id(), LinkRule.NAMED_REFERRAL,
            new ReferralId(ReferralCode.fromPayload("K7MQ"), AnonymousId.of("v-" + id)), null, ADA,
            "named by the CRM")
        : null;
    return new LinkedOpportunity(o, sourced, List.of());
  }

  @Test
  void pipelineRevenueAndReferredVersusOther() {
    List<LinkedOpportunity> deals = List.of(
        deal("1", "1000", 1, OpportunityStatus.WON, 11, true),    // referred, 10-day cycle
        deal("2", "3000", 2, OpportunityStatus.WON, 32, true),    // referred, 30-day cycle
        deal("3", "2000", 3, OpportunityStatus.LOST, 20, true),   // referred, lost
        deal("4", "5000", 4, OpportunityStatus.WON, 64, false),   // other, 60-day cycle
        deal("5", "4000", 5, OpportunityStatus.LOST, 15, false),  // other, lost
        deal("6", "4000", 6, OpportunityStatus.LOST, 16, false),  // other, lost
        deal("7", "900", 7, OpportunityStatus.OPEN, null, true),  // referred, EUR, open
        deal("8", "7000", 120, OpportunityStatus.OPEN, null, true)); // created after Q1
    assertThat(AdvocacyKpis.referralSourcedPipeline(deals, Q1)).containsExactly(
        Map.entry("EUR", Money.of("900", "EUR")), Map.entry("USD", Money.of("6000", "USD")));
    assertThat(AdvocacyKpis.referralSourcedRevenue(deals, Q1))
        .containsExactly(Map.entry("USD", Money.of("4000", "USD")));
    DealComparison c = AdvocacyKpis.referredVersusOther(deals, Q1);
    assertThat(c.referred()).isEqualTo(new DealStats(2, 1, 2.0 / 3, 20.0, 20.0));
    assertThat(c.other()).isEqualTo(new DealStats(1, 2, 1.0 / 3, 60.0, 60.0));
    Map<DealSource, Map<String, Money>> bySource =
        AdvocacyKpis.pipelineBySource(deals, Q1, o -> o.id().value().equals("4")
            ? DealSource.PAID : DealSource.ORGANIC);
    assertThat(bySource.get(DealSource.REFERRAL)).containsExactly(
        Map.entry("EUR", Money.of("900", "EUR")), Map.entry("USD", Money.of("6000", "USD")));
    assertThat(bySource.get(DealSource.PAID)).containsExactly(Map.entry("USD", Money.of("5000", "USD")));
    assertThat(bySource.get(DealSource.ORGANIC)).containsExactly(Map.entry("USD", Money.of("8000", "USD")));
    assertThat(bySource.get(DealSource.OTHER)).isEmpty();
  }

  @Test
  void touchesPerCustomerAndParticipation() {
    List<Touchpoint> touches = List.of(
        Touchpoint.builder(ADA, Channel.of("email"), day(1)).motion(Motion.REVIEW).build(),
        Touchpoint.builder(BOB, Channel.REFERRAL, day(2)).motion(Motion.REFERRAL).build(),
        Touchpoint.builder(BOB, Channel.of("paid_search"), day(3)).build(), // no motion
        Touchpoint.builder(CY, Channel.of("email"), day(100)).motion(Motion.REVIEW).build());
    Kpi k = AdvocacyKpis.advocacyTouchesPerCustomer(touches, Q1, 4);
    assertThat(k.value()).isEqualTo(0.5); // 2 advocacy touches in Q1 / 4 customers
    assertThat(AdvocacyKpis.programmeParticipation(30, 120).value()).isEqualTo(0.25);
  }

  @Test
  void netRevenueRetentionPerCohortByHand() {
    Map<CustomerId, Money> start = Map.of(
        ADA, Money.of("1000", "USD"), BOB, Money.of("500", "USD"), CY, Money.of("200", "USD"));
    List<Signal> signals = List.of(
        Signal.builder(SignalId.of("e-1"), ADA, SignalType.SUBSCRIPTION_EXPANDED, day(10))
            .amount(Money.of("300", "USD")).build(),
        Signal.builder(SignalId.of("e-2"), BOB, SignalType.SUBSCRIPTION_CONTRACTED, day(20))
            .amount(Money.of("100", "USD")).build(),
        Signal.builder(SignalId.of("e-3"), CY, SignalType.SUBSCRIPTION_CANCELLED, day(30))
            .amount(Money.of("250", "USD")).build(), // capped at the 200 left
        Signal.builder(SignalId.of("e-4"), BOB, SignalType.SUBSCRIPTION_EXPANDED, day(200))
            .amount(Money.of("999", "USD")).build(), // outside the window
        Signal.builder(SignalId.of("e-5"), CustomerId.of("c-new"), SignalType.SUBSCRIPTION_EXPANDED,
            day(15)).amount(Money.of("700", "USD")).build()); // no starting revenue: not in NRR
    Map<String, Map<String, Kpi>> nrr = AdvocacyKpis.netRevenueRetention(start, signals, Q1,
        c -> c.equals(CY) ? "2025" : "2024");
    // 2024 cohort: Ada 1000 → 1300, Bob 500 → 400: 1700 / 1500
    assertThat(nrr.get("2024").get("USD").numerator()).isEqualTo(1700.0);
    assertThat(nrr.get("2024").get("USD").denominator()).isEqualTo(1500.0);
    assertThat(nrr.get("2024").get("USD").value()).isCloseTo(1700.0 / 1500, within(1e-12));
    // 2025 cohort: Cy 200 → 0
    assertThat(nrr.get("2025").get("USD").value()).isEqualTo(0.0);
  }
}
