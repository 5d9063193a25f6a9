package io.advocacy.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static CustomerProfile customer(String id, ZoneId zone) {
    return CustomerProfile.builder(CustomerId.of(id))
        .timeZone(zone)
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2020-01-01T00:00:00Z")))
        .consent(ContactChannel.SMS, Consent.grantedAt(Instant.parse("2020-01-01T00:00:00Z")))
        .build();
  }

  private static final CustomerProfile ADA = customer("c-ada", ZoneOffset.UTC);

  private static Ask ask(String id, CustomerProfile who, Motion motion, Instant at) {
    return Ask.of(id, who, ContactChannel.EMAIL, motion, at);
  }

  private static Instant day(double days) {
    return T0.plusSeconds((long) (days * 86_400));
  }

  /** No quiet hours, so the frequency tests read plainly. */
  private static ContactPolicy capsOnly() {
    return ContactPolicy.builder().noQuietHours().build();
  }

  @Test
  void theReadmeExampleIsDeferredToNineInTheMorning() {
    ContactPolicy policy = ContactPolicy.defaults();
    CustomerProfile ada = customer("c-ada", NEW_YORK);
    policy.observe(Signal.nps(SignalId.of("evt-1"), ada.id(), Instant.parse("2026-03-01T15:00:00Z"), 10));
    ContactDecision decision = policy.decide(Ask.of("ask-42", ada, ContactChannel.EMAIL,
        Motion.REVIEW, Instant.parse("2026-03-02T03:00:00Z")));
    assertThat(decision.outcome()).isEqualTo(ContactOutcome.DEFERRED);
    assertThat(decision.deferredUntil()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
    assertThat(decision.codes()).containsExactly(ContactReasonCode.QUIET_HOURS);
  }

  @Test
  void aPlainAskIsAllowedAndReservesItsSlot() {
    ContactPolicy policy = capsOnly();
    ContactDecision d = policy.decide(ask("a-1", ADA, Motion.REVIEW, T0));
    assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED);
    assertThat(d.reasons()).isEmpty();
    assertThat(d.reservation()).isEqualTo(ask("a-1", ADA, Motion.REVIEW, T0).toReservation());
    assertThat(policy.history().reservations(ADA.id())).containsExactly(d.reservation());
  }

  @Test
  void theSameAskTwiceHoldsOneSlot() {
    ContactPolicy policy = capsOnly();
    ContactDecision first = policy.decide(ask("a-1", ADA, Motion.REVIEW, T0));
    ContactDecision again = policy.decide(ask("a-1", ADA, Motion.REVIEW, day(1)));
    assertThat(again.outcome()).isEqualTo(ContactOutcome.ALLOWED);
    assertThat(again.codes()).containsExactly(ContactReasonCode.DUPLICATE_ASK);
    assertThat(again.reservation()).isEqualTo(first.reservation());
    assertThat(policy.history().reservations(ADA.id())).hasSize(1);
  }

  @Test
  void consentMustBeValidAtTheInstant() {
    ContactPolicy policy = capsOnly();
    CustomerProfile late = CustomerProfile.builder(CustomerId.of("c-late"))
        .consent(ContactChannel.EMAIL, Consent.grantedAt(day(1))).build();
    CustomerProfile revoked = CustomerProfile.builder(CustomerId.of("c-rev"))
        .consent(ContactChannel.EMAIL, Consent.grantedAt(day(-10)).revokedAt(day(-1))).build();
    assertThat(policy.decide(ask("a-1", late, Motion.REVIEW, T0)).codes())
        .containsExactly(ContactReasonCode.NO_CONSENT);
    assertThat(policy.decide(ask("a-2", late, Motion.REVIEW, day(1))).allowed()).isTrue();
    ContactDecision d = policy.decide(ask("a-3", revoked, Motion.REVIEW, T0));
    assertThat(d.outcome()).isEqualTo(ContactOutcome.DENIED);
    assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.message())
        .isEqualTo("no EMAIL consent valid at 2027-01-04T12:00:00Z for c-rev"));
    // SMS was never granted to 'late'.
    assertThat(policy.decide(Ask.of("a-4", late, ContactChannel.SMS, Motion.REVIEW, day(2)))
        .codes()).containsExactly(ContactReasonCode.NO_CONSENT);
    assertThat(policy.history().reservations(revoked.id())).isEmpty();
  }

  @Test
  void doNotContactFromTheProfileOrTheStoreDenies() {
    ContactPolicy policy = capsOnly();
    CustomerProfile flagged = ADA.toBuilder().flag(RegulatoryFlag.DO_NOT_CONTACT).build();
    assertThat(policy.decide(ask("a-1", flagged, Motion.REVIEW, T0)).codes())
        .containsExactly(ContactReasonCode.DO_NOT_CONTACT);
    policy.suppressions().record(
        new SuppressionEvent(SuppressionEvent.Kind.DO_NOT_CONTACT_SET, ADA.id(), null, day(1)));
    policy.suppressions().record(
        new SuppressionEvent(SuppressionEvent.Kind.DO_NOT_CONTACT_CLEARED, ADA.id(), null, day(5)));
    assertThat(policy.check(ask("a-2", ADA, Motion.REVIEW, day(0.5))).allowed()).isTrue();
    assertThat(policy.check(ask("a-2", ADA, Motion.REVIEW, day(1))).codes())
        .containsExactly(ContactReasonCode.DO_NOT_CONTACT);
    assertThat(policy.check(ask("a-2", ADA, Motion.REVIEW, day(5))).allowed()).isTrue();
    // Both sources at once give one reason, not two.
    assertThat(policy.check(ask("a-3", flagged, Motion.REVIEW, day(2))).reasons()).hasSize(1);
  }

  @Test
  void anOpenComplaintOrEscalationDeniesUntilClosed() {
    ContactPolicy policy = capsOnly();
    assertThat(policy.observe(signal("s-1", SignalType.COMPLAINT_OPENED, day(0), "case-7"))).isTrue();
    assertThat(policy.observe(signal("s-1", SignalType.COMPLAINT_OPENED, day(0), "case-7"))).isFalse();
    policy.observe(signal("s-2", SignalType.ESCALATION_OPENED, day(1), "case-9"));
    ContactDecision d = policy.check(ask("a-1", ADA, Motion.REVIEW, day(2)));
    assertThat(d.outcome()).isEqualTo(ContactOutcome.DENIED);
    assertThat(d.reasons()).extracting(ContactReason::message).containsExactly(
        "complaint case-7 open since 2027-01-04T12:00:00Z",
        "escalation case-9 open since 2027-01-05T12:00:00Z");
    policy.observe(signal("s-3", SignalType.COMPLAINT_CLOSED, day(3), "case-7"));
    // A close without a case id closes every escalation opened at or before it.
    policy.observe(signal("s-4", SignalType.ESCALATION_CLOSED, day(4), null));
    assertThat(policy.check(ask("a-1", ADA, Motion.REVIEW, day(3))).codes())
        .containsExactly(ContactReasonCode.OPEN_ESCALATION);
    assertThat(policy.check(ask("a-1", ADA, Motion.REVIEW, day(4))).allowed()).isTrue();
  }

  @Test
  void aCloseArrivingBeforeItsOpenStillCloses() {
    ContactPolicy policy = capsOnly();
    policy.observe(signal("s-2", SignalType.COMPLAINT_CLOSED, day(2), "case-1"));
    policy.observe(signal("s-1", SignalType.COMPLAINT_OPENED, day(1), "case-1"));
    assertThat(policy.check(ask("a", ADA, Motion.REVIEW, day(1.5))).codes())
        .containsExactly(ContactReasonCode.OPEN_COMPLAINT);
    assertThat(policy.check(ask("a", ADA, Motion.REVIEW, day(2))).allowed()).isTrue();
  }

  @Test
  void aDetractorAnswerSuppressesForTheDetractorPeriodExactly() {
    ContactPolicy policy = capsOnly();
    policy.observe(Signal.nps(SignalId.of("n-1"), ADA.id(), T0, 6));
    policy.observe(Signal.nps(SignalId.of("n-2"), ADA.id(), day(1), 10)); // does not lift it
    ContactDecision d = policy.check(ask("a", ADA, Motion.REFERRAL, day(90).minusSeconds(1)));
    assertThat(d.codes()).containsExactly(ContactReasonCode.RECENT_DETRACTOR);
    assertThat(d.reasons().get(0).message()).isEqualTo(
        "detractor answer at 2027-01-04T12:00:00Z suppresses asks until 2027-04-04T12:00:00Z");
    assertThat(policy.check(ask("a", ADA, Motion.REFERRAL, day(90))).allowed()).isTrue();
    // A 7 is a passive, not a detractor.
    ContactPolicy other = capsOnly();
    assertThat(other.observe(Signal.nps(SignalId.of("n-3"), ADA.id(), T0, 7))).isFalse();
  }

  @Test
  void everyDenialReasonIsListed() {
    ContactPolicy policy = capsOnly();
    CustomerProfile nobody = CustomerProfile.builder(CustomerId.of("c-x"))
        .flag(RegulatoryFlag.DO_NOT_CONTACT).build();
    policy.observe(Signal.nps(SignalId.of("n-1"), nobody.id(), T0, 0));
    assertThat(policy.decide(ask("a", nobody, Motion.TESTIMONIAL, day(1))).codes())
        .containsExactlyInAnyOrder(ContactReasonCode.NO_CONSENT, ContactReasonCode.DO_NOT_CONTACT,
            ContactReasonCode.RECENT_DETRACTOR);
  }

  @Test
  void aDetractorIsAskedForAReviewLikeAnyoneElseButNotForAReferral() {
    ContactPolicy policy = capsOnly();
    policy.observe(Signal.nps(SignalId.of("n-1"), ADA.id(), T0, 2));
    // review gating (asking only the likely happy) is what platforms forbid: sentiment never
    // holds a review ask back by default
    ContactDecision review = policy.decide(ask("r", ADA, Motion.REVIEW, day(1)));
    assertThat(review.outcome()).isEqualTo(ContactOutcome.ALLOWED);
    assertThat(review.codes()).isEmpty();
    assertThat(policy.check(ask("f", ADA, Motion.REFERRAL, day(3))).codes())
        .containsExactly(ContactReasonCode.RECENT_DETRACTOR);
    assertThat(ContactPolicy.DEFAULT_MOTION_DETRACTOR_PERIODS)
        .containsExactly(Map.entry(Motion.REVIEW, Duration.ZERO));
    // an open complaint still holds back a review ask: that is not sentiment but an open case
    policy.observe(signal("s-1", SignalType.COMPLAINT_OPENED, day(4), "case-1"));
    assertThat(policy.check(ask("r-2", ADA, Motion.REVIEW, day(20))).codes())
        .containsExactly(ContactReasonCode.OPEN_COMPLAINT);
  }

  @Test
  void aMotionsOwnDetractorPeriodOverridesTheDefault() {
    ContactPolicy policy = ContactPolicy.builder().noQuietHours()
        .detractorPeriod(Duration.ofDays(10))
        .detractorPeriod(Motion.REVIEW, Duration.ofDays(5))
        .detractorPeriod(Motion.REFERRAL, Duration.ZERO).build();
    policy.observe(Signal.nps(SignalId.of("n-1"), ADA.id(), T0, 0));
    assertThat(policy.check(ask("r", ADA, Motion.REVIEW, day(5).minusSeconds(1))).codes())
        .containsExactly(ContactReasonCode.RECENT_DETRACTOR);
    assertThat(policy.check(ask("r", ADA, Motion.REVIEW, day(5))).allowed()).isTrue();
    assertThat(policy.check(ask("f", ADA, Motion.REFERRAL, T0)).allowed()).isTrue();
    assertThat(policy.check(ask("t", ADA, Motion.TESTIMONIAL, day(10).minusSeconds(1))).codes())
        .containsExactly(ContactReasonCode.RECENT_DETRACTOR);
    assertThat(policy.check(ask("t", ADA, Motion.TESTIMONIAL, day(10))).allowed()).isTrue();
    assertThatThrownBy(() -> ContactPolicy.builder()
        .detractorPeriod(Motion.REVIEW, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("detractor period PT-24H is negative");
  }

  @Test
  void customerCapDefersUntilTheOldestAskLeavesTheWindow() {
    ContactPolicy policy = capsOnly(); // 3 per 30 days, 1 per motion per 14 days, 2-day gap
    assertThat(policy.decide(ask("a-1", ADA, Motion.REVIEW, day(0))).allowed()).isTrue();
    assertThat(policy.decide(ask("a-2", ADA, Motion.REFERRAL, day(3))).allowed()).isTrue();
    assertThat(policy.decide(ask("a-3", ADA, Motion.CASE_STUDY, day(6))).allowed()).isTrue();
    ContactDecision fourth = policy.decide(ask("a-4", ADA, Motion.SOCIAL_SHARE, day(9)));
    assertThat(fourth.outcome()).isEqualTo(ContactOutcome.DEFERRED);
    assertThat(fourth.codes()).containsExactly(ContactReasonCode.CUSTOMER_CAP);
    assertThat(fourth.deferredUntil()).isEqualTo(day(30)); // day 0 + 30 days leaves the window
    assertThat(fourth.reservation()).isNull();
    assertThat(policy.decide(ask("a-4", ADA, Motion.SOCIAL_SHARE, day(30))).allowed()).isTrue();
  }

  @Test
  void motionCapCountsOnlyTheSameMotion() {
    ContactPolicy policy = capsOnly();
    policy.decide(ask("a-1", ADA, Motion.REVIEW, day(0)));
    ContactDecision again = policy.decide(ask("a-2", ADA, Motion.REVIEW, day(5)));
    assertThat(again.codes()).containsExactly(ContactReasonCode.MOTION_CAP);
    assertThat(again.deferredUntil()).isEqualTo(day(14));
    assertThat(policy.decide(ask("a-3", ADA, Motion.REFERRAL, day(5))).allowed()).isTrue();
  }

  @Test
  void minimumGapHoldsInBothDirections() {
    ContactPolicy policy = capsOnly();
    policy.decide(ask("a-1", ADA, Motion.REVIEW, day(10)));
    ContactDecision after = policy.check(ask("a-2", ADA, Motion.REFERRAL, day(11)));
    assertThat(after.codes()).containsExactly(ContactReasonCode.MINIMUM_GAP);
    assertThat(after.deferredUntil()).isEqualTo(day(12));
    // An ask decided late, for an instant just before the held one, is deferred past it.
    ContactDecision before = policy.check(ask("a-3", ADA, Motion.REFERRAL, day(9)));
    assertThat(before.codes()).containsExactly(ContactReasonCode.MINIMUM_GAP);
    assertThat(before.deferredUntil()).isEqualTo(day(12));
    assertThat(policy.check(ask("a-4", ADA, Motion.REFERRAL, day(8))).allowed()).isTrue();
  }

  @Test
  void releaseFreesTheSlotOnce() {
    ContactPolicy policy = capsOnly();
    policy.decide(ask("a-1", ADA, Motion.REVIEW, day(0)));
    assertThat(policy.check(ask("a-2", ADA, Motion.REVIEW, day(1))).allowed()).isFalse();
    assertThat(policy.release("a-1")).isTrue();
    assertThat(policy.release("a-1")).isFalse();
    assertThat(policy.decide(ask("a-2", ADA, Motion.REVIEW, day(1))).allowed()).isTrue();
  }

  @Test
  void quietHoursDeferToTheLocalEndAcrossTheSpringForwardNight() {
    // New York springs forward on 2027-03-14 at 02:00 EST -> 03:00 EDT.
    CustomerProfile nyc = customer("c-nyc", NEW_YORK);
    ContactPolicy policy = ContactPolicy.defaults(); // quiet 21:00–09:00
    Instant saturday2300 = Instant.parse("2027-03-14T04:00:00Z"); // 23:00 EST on the 13th
    ContactDecision d = policy.decide(ask("a-1", nyc, Motion.REVIEW, saturday2300));
    assertThat(d.outcome()).isEqualTo(ContactOutcome.DEFERRED);
    assertThat(d.codes()).containsExactly(ContactReasonCode.QUIET_HOURS);
    // 09:00 EDT is 13:00Z. Adding the 10 wall-clock hours from 23:00 EST would give 14:00Z
    // (10:00 EDT), an hour off.
    assertThat(d.deferredUntil()).isEqualTo(Instant.parse("2027-03-14T13:00:00Z"));
    assertThat(policy.decide(ask("a-1", nyc, Motion.REVIEW, d.deferredUntil())).allowed()).isTrue();
  }

  @Test
  void aQuietBoundaryInsideTheSkippedHourIsTheInstantOfTheJump() {
    CustomerProfile nyc = customer("c-nyc", NEW_YORK);
    QuietHours hours = QuietHours.between(LocalTime.of(22, 0), LocalTime.of(2, 30));
    ContactPolicy policy = ContactPolicy.builder().quietHours(hours).build();
    // 01:30 EST; 02:30 does not exist that night: the clock jumps from 02:00 EST (07:00Z) to 03:00 EDT.
    ContactDecision d = policy.check(ask("a-1", nyc, Motion.REVIEW, Instant.parse("2027-03-14T06:30:00Z")));
    assertThat(d.deferredUntil()).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
    assertThat(hours.isQuiet(Instant.parse("2027-03-14T06:59:59Z"), NEW_YORK)).isTrue();
    assertThat(hours.isQuiet(Instant.parse("2027-03-14T07:00:00Z"), NEW_YORK)).isFalse();
    // A quiet start inside the gap: quiet from 02:30 begins at the jump too.
    QuietHours early = QuietHours.between(LocalTime.of(2, 30), LocalTime.of(6, 0));
    assertThat(early.isQuiet(Instant.parse("2027-03-14T06:59:59Z"), NEW_YORK)).isFalse();
    assertThat(early.isQuiet(Instant.parse("2027-03-14T07:00:00Z"), NEW_YORK)).isTrue();
    assertThat(early.endAfter(Instant.parse("2027-03-14T07:00:00Z"), NEW_YORK))
        .isEqualTo(Instant.parse("2027-03-14T10:00:00Z")); // 06:00 EDT
  }

  @Test
  void theRepeatedAutumnHourIsJudgedByTheClockEachTime() {
    // New York falls back on 2027-11-07: 02:00 EDT (06:00Z) -> 01:00 EST.
    QuietHours hours = QuietHours.between(LocalTime.of(22, 0), LocalTime.of(1, 30));
    assertThat(hours.endAfter(Instant.parse("2027-11-07T05:00:00Z"), NEW_YORK)) // 01:00 EDT
        .isEqualTo(Instant.parse("2027-11-07T05:30:00Z")); // 01:30 EDT
    assertThat(hours.isQuiet(Instant.parse("2027-11-07T06:00:00Z"), NEW_YORK)).isTrue(); // 01:00 EST
    assertThat(hours.endAfter(Instant.parse("2027-11-07T06:00:00Z"), NEW_YORK))
        .isEqualTo(Instant.parse("2027-11-07T06:30:00Z")); // 01:30 EST
  }

  @Test
  void quietHoursSpareInAppMessagesAndFollowPerCustomerHours() {
    CustomerProfile nyc = customer("c-nyc", NEW_YORK).toBuilder()
        .consent(ContactChannel.IN_APP, Consent.grantedAt(Instant.parse("2020-01-01T00:00:00Z")))
        .build();
    Instant night = Instant.parse("2027-01-05T04:00:00Z"); // 23:00 EST
    assertThat(ContactPolicy.defaults()
        .check(Ask.of("a", nyc, ContactChannel.IN_APP, Motion.REVIEW, night)).allowed()).isTrue();
    ContactPolicy owl = ContactPolicy.builder()
        .quietHours(p -> Optional.of(QuietHours.between(LocalTime.of(1, 0), LocalTime.of(7, 0))))
        .build();
    assertThat(owl.check(ask("a", nyc, Motion.REVIEW, night)).allowed()).isTrue();
  }

  @Test
  void aCapThatFreesInQuietHoursDefersToTheirEnd() {
    CustomerProfile nyc = customer("c-nyc", NEW_YORK);
    ContactPolicy policy = ContactPolicy.builder()
        .rules(new FrequencyRules(List.of(FrequencyCap.perCustomer(1, Duration.ofDays(1))), Duration.ZERO))
        .build();
    Instant tenAm = Instant.parse("2027-01-05T15:00:00Z"); // 10:00 EST
    assertThat(policy.decide(ask("a-1", nyc, Motion.REVIEW, tenAm)).allowed()).isTrue();
    ContactDecision d = policy.decide(ask("a-2", nyc, Motion.REFERRAL, tenAm.plusSeconds(3600)));
    assertThat(d.deferredUntil()).isEqualTo(tenAm.plus(Duration.ofDays(1)));
    // Held at 20:59 EST with a window of a day and 10 minutes: the slot frees at 21:09 EST the
    // next day, inside quiet hours (21:00–09:00), so the ask waits until 09:00 EST after that.
    ContactPolicy late = ContactPolicy.builder()
        .rules(new FrequencyRules(
            List.of(FrequencyCap.perCustomer(1, Duration.ofDays(1).plusMinutes(10))), Duration.ZERO))
        .build();
    late.decide(ask("a-1", nyc, Motion.REVIEW, Instant.parse("2027-01-06T01:59:00Z")));
    ContactDecision e = late.decide(ask("a-2", nyc, Motion.REFERRAL, Instant.parse("2027-01-06T02:05:00Z")));
    assertThat(e.reasons()).extracting(ContactReason::code)
        .containsExactly(ContactReasonCode.QUIET_HOURS, ContactReasonCode.CUSTOMER_CAP);
    assertThat(e.deferredUntil()).isEqualTo(Instant.parse("2027-01-07T14:00:00Z")); // 09:00 EST on the 7th
  }

  @Test
  void consentLapsingBeforeTheDeferralDenies() {
    CustomerProfile leaving = CustomerProfile.builder(CustomerId.of("c-leaving"))
        .consent(ContactChannel.EMAIL, Consent.grantedAt(day(-100)).revokedAt(day(5))).build();
    ContactPolicy policy = capsOnly();
    policy.decide(ask("a-1", leaving, Motion.REVIEW, day(0)));
    ContactDecision d = policy.decide(ask("a-2", leaving, Motion.REVIEW, day(1)));
    assertThat(d.outcome()).isEqualTo(ContactOutcome.DENIED);
    assertThat(d.reasons()).extracting(ContactReason::message).containsExactly(
        "no EMAIL consent at 2027-01-18T12:00:00Z, the earliest instant the ask could go out");
  }

  @Test
  void sixteenThreadsAskingForTheLastSlotGetExactlyOneYes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        ContactPolicy policy = capsOnly();
        policy.decide(ask("a-first", ADA, Motion.REVIEW, day(0)));
        policy.decide(ask("a-second", ADA, Motion.REFERRAL, day(3)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ContactDecision>> answers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          Ask mine = ask("a-last-" + t, ADA, Motion.CASE_STUDY, day(6));
          answers.add(pool.submit(() -> {
            start.await();
            return policy.decide(mine);
          }));
        }
        start.countDown();
        int yes = 0;
        for (Future<ContactDecision> f : answers) {
          ContactDecision d = f.get(10, TimeUnit.SECONDS);
          if (d.allowed()) {
            yes++;
          } else {
            assertThat(d.outcome()).isEqualTo(ContactOutcome.DEFERRED);
            assertThat(d.deferredUntil()).isEqualTo(day(30));
          }
        }
        assertThat(yes).isEqualTo(1);
        assertThat(policy.history().reservations(ADA.id())).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> ContactPolicy.builder().detractorPeriod(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-24H");
    assertThatThrownBy(() -> QuietHours.between(LocalTime.NOON, LocalTime.NOON))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:00");
    assertThatThrownBy(() -> FrequencyCap.perCustomer(0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> new FrequencyCap(1, Duration.ofDays(1), FrequencyCap.Scope.ONE_MOTION, null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new ContactDecision(ask("a", ADA, Motion.REVIEW, T0),
        ContactOutcome.DENIED, null, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Whatever asks arrive, in whatever order of instants: every ask gets exactly one answer; the
   * reservations held never break a rule; a deferral's instant passes at once and the instant
   * just before it does not.
   */
  @Test
  void reservationsNeverBreakARuleAndDeferralsAreExact() {
    Motion[] motions = {Motion.REVIEW, Motion.REFERRAL, Motion.CASE_STUDY};
    CustomerProfile nyc = customer("c-nyc", NEW_YORK);
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 3 * 24 * 60 * 90)).ofSizeBetween(1, 40))
        .checkAssert(minutes -> {
          ContactPolicy policy = ContactPolicy.defaults();
          int allowed = 0;
          int others = 0;
          for (int i = 0; i < minutes.size(); i++) {
            int m = minutes.get(i);
            Ask a = Ask.of("a-" + i, nyc, ContactChannel.EMAIL, motions[m % 3], T0.plusSeconds(60L * (m / 3)));
            ContactDecision d = policy.decide(a);
            if (d.allowed()) {
              allowed++;
            } else {
              others++;
              assertThat(d.outcome()).isEqualTo(ContactOutcome.DEFERRED);
              Instant until = d.deferredUntil();
              assertThat(until).isAfter(a.at());
              assertThat(policy.check(a.at(until)).allowed()).isTrue();
              assertThat(policy.check(a.at(until.minusMillis(1))).allowed()).isFalse();
            }
          }
          assertThat(allowed + others).isEqualTo(minutes.size());
          List<ContactReservation> held = policy.history().reservations(nyc.id());
          assertThat(held).hasSize(allowed);
          for (ContactReservation r : held) {
            List<ContactReservation> rest = new ArrayList<>(held);
            rest.remove(r);
            assertThat(ContactPolicy.DEFAULT_RULES.violations(rest, r)).isEmpty();
            assertThat(ContactPolicy.DEFAULT_QUIET_HOURS.isQuiet(r.at(), NEW_YORK)).isFalse();
          }
        });
  }

  private static Signal signal(String id, SignalType type, Instant at, String caseId) {
    Signal.Builder b = Signal.builder(SignalId.of(id), ADA.id(), type, at);
    if (caseId != null) {
      b.attribute(SuppressionEvent.CASE_ID_ATTRIBUTE, caseId);
    }
    return b.build();
  }
}
