package io.advocacy.scoring.qualify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualificationTest {
  private static final Instant NOW = Instant.parse("2027-06-30T12:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");
  private static final CustomerProfile PROFILE = CustomerProfile.builder(ADA)
      .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2026-01-01T00:00:00Z")))
      .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2027, 1, 1))
      .accountValue(Money.of("25000", "USD"))
      .build();
  private static final QualificationPolicy POLICY = QualificationPolicy.defaults();

  @Test
  void tierThresholdsAreInclusive() {
    TierThresholds t = TierThresholds.DEFAULTS;
    assertThat(t.tierOf(39.999)).isEqualTo(AdvocateTier.NONE);
    assertThat(t.tierOf(40)).isEqualTo(AdvocateTier.PROMOTER);
    assertThat(t.tierOf(59.999)).isEqualTo(AdvocateTier.PROMOTER);
    assertThat(t.tierOf(60)).isEqualTo(AdvocateTier.ADVOCATE);
    assertThat(t.tierOf(80)).isEqualTo(AdvocateTier.CHAMPION);
    assertThat(t.tierOf(Double.NaN)).isEqualTo(AdvocateTier.NONE);
    assertThatThrownBy(() -> new TierThresholds(50, 50, 80))
        .hasMessageContaining("50.0 / 50.0 / 80.0");
  }

  @Test
  void referenceCallSaysWhyNotWithEveryCondition() {
    // 2027-01-01 to 2027-06-30 is 180 days exactly: tenure passes at the boundary.
    Qualification q = POLICY.qualify(CustomerFacts.of(PROFILE, 59, NOW));
    MotionEligibility ref = q.eligibility(Motion.REFERENCE_CALL);
    assertThat(ref.eligible()).isFalse();
    assertThat(ref.conditions()).extracting(Condition::name, Condition::passed, Condition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tier_at_least", false,
                "tier PROMOTER (needs at least ADVOCATE)"),
            org.assertj.core.groups.Tuple.tuple("tenure", true, "customer for 180 days (needs 180)"),
            org.assertj.core.groups.Tuple.tuple("account_value", true,
                "account value 25000.00 USD (needs 10000.00 USD)"),
            org.assertj.core.groups.Tuple.tuple("no_open_complaint", true, "no open complaint"),
            org.assertj.core.groups.Tuple.tuple("contactable", true, "contactable"));
    assertThat(ref.failures()).extracting(Condition::name).containsExactly("tier_at_least");
    assertThat(POLICY.qualify(CustomerFacts.of(PROFILE, 60, NOW))
        .eligibility(Motion.REFERENCE_CALL).eligible()).isTrue();
    assertThat(POLICY.qualify(CustomerFacts.of(PROFILE, 60, NOW.minus(Duration.ofDays(1))))
        .eligibility(Motion.REFERENCE_CALL).failures()).extracting(Condition::reason)
        .containsExactly("customer for 179 days (needs 180)");
  }

  @Test
  void reviewNeedsARecentExperienceAndNoOpenComplaint() {
    CustomerFacts recent = new CustomerFacts(PROFILE, 10, NOW, NOW.minus(Duration.ofDays(30)),
        false, null, null, false);
    assertThat(POLICY.qualify(recent).eligibility(Motion.REVIEW).eligible()).isTrue();
    CustomerFacts old = new CustomerFacts(PROFILE, 10, NOW,
        NOW.minus(Duration.ofDays(30)).minusSeconds(1), false, null, null, false);
    assertThat(POLICY.qualify(old).eligibility(Motion.REVIEW).failures())
        .extracting(Condition::reason)
        .containsExactly("last purchase, stay or visit 30 days ago (needs within 30)");
    CustomerFacts angry = new CustomerFacts(PROFILE, 10, NOW, NOW, true, null, null, false);
    assertThat(POLICY.qualify(angry).eligibility(Motion.REVIEW).failures())
        .extracting(Condition::name).containsExactly("no_open_complaint");
  }

  @Test
  void referralNeedsAPromoterOrASatisfiedCustomerWithConsent() {
    assertThat(POLICY.qualify(new CustomerFacts(PROFILE, 0, NOW, null, false, 9, null, false))
        .eligibility(Motion.REFERRAL).eligible()).isTrue();
    assertThat(POLICY.qualify(new CustomerFacts(PROFILE, 0, NOW, null, false, 6, 4, false))
        .eligibility(Motion.REFERRAL).eligible()).isTrue();
    assertThat(POLICY.qualify(new CustomerFacts(PROFILE, 0, NOW, null, false, 8, 3, false))
        .eligibility(Motion.REFERRAL).failures()).extracting(Condition::reason)
        .containsExactly("latest NPS 8 (needs 9), latest CSAT 3 (needs 4)");
    CustomerProfile silent = CustomerProfile.builder(CustomerId.of("c-silent")).build();
    assertThat(POLICY.qualify(new CustomerFacts(silent, 0, NOW, null, false, 10, null, false))
        .eligibility(Motion.REFERRAL).failures()).extracting(Condition::reason)
        .containsExactly("no consent on any of [EMAIL, SMS, IN_APP]");
  }

  @Test
  void doNotContactClosesEveryMotion() {
    CustomerProfile dnc = PROFILE.toBuilder().flag(RegulatoryFlag.DO_NOT_CONTACT).build();
    assertThat(POLICY.qualify(CustomerFacts.of(dnc, 95, NOW)).eligibleMotions()).isEmpty();
    assertThat(POLICY.qualify(CustomerFacts.of(PROFILE, 95, NOW)).eligibleMotions())
        .contains(Motion.ADVISORY_BOARD, Motion.EVENT_SPEAKING, Motion.TESTIMONIAL)
        .doesNotContain(Motion.CASE_STUDY, Motion.REVIEW, Motion.REFERRAL);
  }

  @Test
  void trackerEmitsOneDerivedSignalPerChange() {
    List<Signal> heard = new ArrayList<>();
    QualificationTracker tracker = new QualificationTracker(
        QualificationPolicy.defaults().withRules(Motion.REVIEW, List.of()), heard::add);
    List<Signal> first = tracker.update(CustomerFacts.of(PROFILE, 85, NOW));
    assertThat(first.get(0).id().value()).isEqualTo("derived.tier.c-ada." + NOW.toEpochMilli());
    assertThat(first.get(0).type()).isEqualTo(SignalType.ADVOCATE_TIER_CHANGED);
    assertThat(first.get(0).attributes()).containsEntry("from_tier", "NONE")
        .containsEntry("to_tier", "CHAMPION");
    assertThat(first.stream().skip(1).map(s -> s.attributes().get("motion")))
        .containsExactly("SOCIAL_SHARE", "REVIEW", "TESTIMONIAL", "COMMUNITY", "BETA_ACCESS",
            "REFERENCE_CALL", "ADVISORY_BOARD", "EVENT_SPEAKING");
    assertThat(tracker.update(CustomerFacts.of(PROFILE, 86, NOW.plusSeconds(1)))).isEmpty();
    List<Signal> drop = tracker.update(CustomerFacts.of(PROFILE, 70, NOW.plusSeconds(2)));
    assertThat(drop).extracting(s -> s.attributes().getOrDefault("to_tier",
        s.attributes().get("motion") + "=" + (int) s.value()))
        .containsExactly("ADVOCATE", "ADVISORY_BOARD=0", "EVENT_SPEAKING=0");
    assertThat(heard).hasSize(first.size() + drop.size());
    assertThat(tracker.last(ADA).tier()).isEqualTo(AdvocateTier.ADVOCATE);
  }

  @Test
  void factsDoNotDependOnSignalOrderOrRepeats() {
    SignalType[] types = {SignalType.NPS_ANSWERED, SignalType.CSAT_ANSWERED,
        SignalType.PURCHASE_COMPLETED, SignalType.COMPLAINT_OPENED, SignalType.COMPLAINT_CLOSED,
        SignalType.OUTCOME_ACHIEVED, SignalType.REVIEW_POSTED};
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 100_000)).ofSizeBetween(0, 25), longs().all())
        .checkAssert((codes, seed) -> {
          List<Signal> signals = new ArrayList<>();
          for (int c : codes) {
            SignalType t = types[c % types.length];
            double v = t.equals(SignalType.NPS_ANSWERED) ? c % 11
                : t.equals(SignalType.CSAT_ANSWERED) ? 1 + c % 5 : 1;
            Signal.Builder b = Signal.builder(SignalId.of("s-" + c), ADA, t,
                NOW.minus(Duration.ofHours(c % 50))).value(v);
            if (t.equals(SignalType.COMPLAINT_OPENED) || t.equals(SignalType.COMPLAINT_CLOSED)) {
              b.attribute("case_id", "case-" + (c % 3));
            }
            signals.add(b.build());
          }
          List<Signal> shuffled = new ArrayList<>(signals);
          shuffled.addAll(signals);
          Collections.shuffle(shuffled, new Random(seed));
          FactsTracker a = new FactsTracker();
          signals.forEach(a::apply);
          FactsTracker b = new FactsTracker();
          shuffled.forEach(b::apply);
          for (int h = 0; h < 50; h += 7) {
            Instant at = NOW.minus(Duration.ofHours(h));
            assertThat(b.facts(PROFILE, 50, at)).isEqualTo(a.facts(PROFILE, 50, at));
          }
        });
  }

  @Test
  void factsTrackerReadsTheLatestAnswers() {
    FactsTracker t = new FactsTracker();
    assertThat(t.apply(Signal.nps(SignalId.of("n-2"), ADA, NOW.minusSeconds(10), 4))).isTrue();
    assertThat(t.apply(Signal.nps(SignalId.of("n-1"), ADA, NOW.minusSeconds(20), 10))).isFalse();
    assertThat(t.apply(Signal.csat(SignalId.of("c-1"), ADA, NOW.minusSeconds(5), 5))).isTrue();
    t.apply(Signal.of(SignalId.of("p-1"), ADA, SignalType.PURCHASE_COMPLETED, NOW.minusSeconds(30), 1));
    t.apply(Signal.builder(SignalId.of("x-1"), ADA, SignalType.ESCALATION_OPENED, NOW.minusSeconds(3))
        .attribute("case_id", "e-1").build());
    CustomerFacts f = t.facts(PROFILE, 50, NOW);
    assertThat(f).isEqualTo(new CustomerFacts(PROFILE, 50, NOW, NOW.minusSeconds(30), true, 4, 5, false));
    assertThat(t.facts(PROFILE, 50, NOW.minusSeconds(4)).openComplaint()).isFalse();
  }
}
