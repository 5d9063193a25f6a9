package io.advocacy.journeys.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.contact.ContactOutcome;
import io.advocacy.core.contact.ContactReasonCode;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.reward.ReviewPlatformPolicy;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AskDecision;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneySimulator;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.qualify.QualificationTracker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each playbook journey run on the simulator's virtual clock. */
class AdvocacyPlaybookTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** 12:00 in New York (EST). */
  static final Instant NOON = Instant.parse("2027-03-01T17:00:00Z");
  /** 22:00 in New York: quiet hours. */
  static final Instant EVENING = Instant.parse("2027-03-02T03:00:00Z");
  /** 09:00 in New York after EVENING. */
  static final Instant NEXT_MORNING = Instant.parse("2027-03-02T14:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  static CustomerProfile ada() {
    return CustomerProfile.builder(ADA).timeZone(NEW_YORK)
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2020-01-01T00:00:00Z")))
        .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2019, 3, 5))
        .build();
  }

  static JourneySimulator sim(Instant start, JourneyDefinition... journeys) {
    JourneySimulator.Builder b = JourneySimulator.builder(AdvocacyPlaybook.registry(), start)
        .contactPolicy(AdvocacyPlaybook.contactPolicy())
        .customer(ada(), AdvocateTier.ADVOCATE);
    for (JourneyDefinition d : journeys) {
      b.journey(d);
    }
    return b.build();
  }

  static Signal tierChange(String id, Instant at, AdvocateTier from, AdvocateTier to) {
    return Signal.builder(SignalId.of(id), ADA, SignalType.ADVOCATE_TIER_CHANGED, at)
        .value(to.ordinal())
        .attribute(QualificationTracker.FROM_ATTRIBUTE, from.name())
        .attribute(QualificationTracker.TO_ATTRIBUTE, to.name()).build();
  }

  static Signal eligibleToRefer(String id, Instant at) {
    return Signal.builder(SignalId.of(id), ADA, SignalType.MOTION_ELIGIBILITY_CHANGED, at)
        .value(1).attribute(QualificationTracker.MOTION_ATTRIBUTE, "REFERRAL").build();
  }

  static Signal of(String id, SignalType type, Instant at, double value) {
    return Signal.of(SignalId.of(id), ADA, type, at, value);
  }

  static JourneyDefinition googleReview() {
    return AdvocacyPlaybook.reviewRequest(AdvocacyPlaybook.REVIEW_AFTER_PURCHASE,
        SignalType.PURCHASE_COMPLETED, "google", ReviewPlatformPolicy.defaults().get("google"));
  }

  static List<String> names(List<ActionRequest> actions) {
    return actions.stream().map(a -> a.name() + "@" + a.at()).toList();
  }

  // ---- review request ----

  @Test
  void reviewRequestAsksInTheMorningRemindsOnceAndThanksWithoutIncentiveOnGoogle() {
    JourneySimulator sim = sim(EVENING, googleReview());
    sim.signal(of("p-1", SignalType.PURCHASE_COMPLETED, EVENING, 120));
    String id = "review-after-purchase:c-ada:1";
    assertThat(sim.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.DEFERRED);
      assertThat(d.decision().deferredUntil()).isEqualTo(NEXT_MORNING);
    });
    sim.advance(Duration.ofDays(4));
    // the reminder is due 3 days after entering "asked" (evening, quiet hours again)
    Instant reminderDue = EVENING.plus(Duration.ofDays(3));
    assertThat(sim.asks()).extracting(AskDecision::outcome).containsExactly(
        ContactOutcome.DEFERRED, ContactOutcome.ALLOWED, ContactOutcome.DEFERRED,
        ContactOutcome.ALLOWED);
    // held asks go out at the instant they were allowed
    assertThat(names(sim.actions())).containsExactly(
        "ask_review@" + NEXT_MORNING, "remind_review@" + reminderDue.plus(Duration.ofHours(11)));
    assertThat(sim.asks().get(3).decision().ask().at()).isEqualTo(reminderDue.plus(Duration.ofHours(11)));
    assertThat(sim.actions().get(0).params()).containsEntry("platform", "google")
        .containsEntry("motion", "REVIEW");
    sim.signal(of("r-1", SignalType.REVIEW_POSTED, sim.now(), 2));
    assertThat(sim.statesVisited(id)).containsExactly("asked", "reminded", "reviewed");
    // a two-star review is thanked like any other: nothing is conditioned on the rating
    assertThat(sim.actions()).last().satisfies(a -> {
      assertThat(a.name()).isEqualTo(AdvocacyPlaybook.THANK_REVIEWER);
      assertThat(a.kind()).isEqualTo(io.advocacy.journeys.ActionKind.CUSTOM);
    });
  }

  @Test
  void underTheDefaultOneAskPerMotionCapTheReminderWaitsPastTheLapse() {
    JourneySimulator sim = JourneySimulator.builder(AdvocacyPlaybook.registry(), EVENING)
        .customer(ada(), AdvocateTier.ADVOCATE).journey(googleReview()).build();
    sim.signal(of("p-1", SignalType.PURCHASE_COMPLETED, EVENING, 120));
    sim.advance(Duration.ofDays(20));
    assertThat(sim.statesVisited("review-after-purchase:c-ada:1"))
        .containsExactly("asked", "reminded", "lapsed");
    assertThat(sim.asks().get(2).decision().codes()).contains(ContactReasonCode.MOTION_CAP);
    assertThat(sim.actions()).extracting(ActionRequest::name).containsExactly("ask_review");
  }

  @Test
  void whereThePlatformAllowsIncentivesAReviewEarnsADisclosedRewardWhateverTheRating() {
    JourneyDefinition g2 = AdvocacyPlaybook.reviewRequest(AdvocacyPlaybook.REVIEW_AFTER_PURCHASE,
        SignalType.PURCHASE_COMPLETED, "g2", ReviewPlatformPolicy.defaults().get("g2"));
    JourneySimulator sim = sim(NOON, g2);
    sim.signal(of("p-1", SignalType.PURCHASE_COMPLETED, NOON, 120));
    sim.signal(of("r-1", SignalType.REVIEW_POSTED, NOON.plusSeconds(3600), 1));
    assertThat(sim.actions()).last().satisfies(a -> {
      assertThat(a.name()).isEqualTo(AdvocacyPlaybook.REWARD_REVIEW);
      assertThat(a.params()).containsEntry("disclosure", "incentivised-review")
          .containsEntry("conditioned_on_rating", "false");
    });
  }

  @Test
  void aRecentDetractorIsAskedForAReviewLikeAnyoneElseAndAComplaintEndsTheJourney() {
    JourneySimulator sim = sim(NOON, googleReview());
    sim.signal(of("n-1", SignalType.NPS_ANSWERED, NOON, 4));
    sim.signal(of("p-1", SignalType.PURCHASE_COMPLETED, NOON.plusSeconds(60), 120));
    // no review gating: sentiment does not decide who is asked for a review
    assertThat(sim.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED);
      assertThat(d.decision().codes()).isEmpty();
    });
    assertThat(sim.actions()).extracting(ActionRequest::name).containsExactly("ask_review");
    // a complaint suppresses: the journey exits and the reminder is never sent
    sim.signal(of("c-1", SignalType.COMPLAINT_OPENED, NOON.plus(Duration.ofDays(1)), 1));
    sim.advance(Duration.ofDays(5));
    assertThat(sim.statesVisited("review-after-purchase:c-ada:1"))
        .containsExactly("asked", "exited");
    assertThat(sim.actions()).extracting(ActionRequest::name).containsExactly("ask_review");
    // after the cooldown a new purchase starts the journey again, but its ask is denied while
    // the complaint is open
    sim.signal(of("p-2", SignalType.PURCHASE_COMPLETED, NOON.plus(Duration.ofDays(40)), 60));
    assertThat(sim.asks()).last().satisfies(d ->
        assertThat(d.decision().codes()).containsExactly(ContactReasonCode.OPEN_COMPLAINT));
    assertThat(sim.statesVisited("review-after-purchase:c-ada:2"))
        .containsExactly("asked", "not_asked");
    assertThat(sim.actions()).extracting(ActionRequest::name).containsExactly("ask_review");
  }

  @Test
  void aReviewRequestStartsAgainOnlyAfterItsThirtyDayCooldown() {
    JourneySimulator sim = sim(NOON, googleReview());
    sim.signal(of("p-1", SignalType.PURCHASE_COMPLETED, NOON, 120));
    sim.signal(of("r-1", SignalType.REVIEW_POSTED, NOON.plus(Duration.ofDays(1)), 5));
    sim.signal(of("p-2", SignalType.PURCHASE_COMPLETED, NOON.plus(Duration.ofDays(30)), 80));
    assertThat(sim.instances()).containsExactly("review-after-purchase:c-ada:1");
    sim.signal(of("p-3", SignalType.PURCHASE_COMPLETED, NOON.plus(Duration.ofDays(31)), 80));
    assertThat(sim.instances()).containsExactly("review-after-purchase:c-ada:1",
        "review-after-purchase:c-ada:2");
  }

  @Test
  void aCustomerNotEligibleForAReviewIsNotEnrolledAndYelpIsNeverAsked() {
    CustomerView ineligible = new CustomerView() {
      @Override
      public CustomerProfile profile() {
        return ada();
      }

      @Override
      public OptionalDouble score() {
        return OptionalDouble.of(90);
      }

      @Override
      public AdvocateTier tier() {
        return AdvocateTier.CHAMPION;
      }

      @Override
      public Set<Motion> eligibleMotions() {
        return Set.of(Motion.REFERRAL);
      }
    };
    JourneySimulator sim = JourneySimulator.builder(AdvocacyPlaybook.registry(), NOON)
        .journey(googleReview()).customer(ineligible).build();
    sim.signal(of("p-1", SignalType.PURCHASE_COMPLETED, NOON, 120));
    assertThat(sim.instances()).isEmpty();
    assertThatThrownBy(() -> AdvocacyPlaybook.reviewRequest(AdvocacyPlaybook.REVIEW_AFTER_STAY,
        SignalType.STAY_COMPLETED, "yelp", ReviewPlatformPolicy.defaults().get("yelp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("platform yelp forbids asking for reviews");
  }

  // ---- referral invitation ----

  @Test
  void referralInvitationFollowsUpAndRewardsBothSidesOnConversion() {
    JourneySimulator sim = sim(EVENING, AdvocacyPlaybook.referralInvitation());
    sim.signal(eligibleToRefer("e-1", EVENING));
    assertThat(sim.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.DEFERRED);
      assertThat(d.decision().deferredUntil()).isEqualTo(NEXT_MORNING);
    });
    sim.advance(Duration.ofDays(6));
    sim.signal(Signal.builder(SignalId.of("s-1"), ADA, SignalType.REFERRAL_SHARED, sim.now())
        .value(1).attribute("referee", "customer:c-bob").build());
    sim.signal(of("v-1", SignalType.REFERRAL_CONVERTED, sim.now().plus(Duration.ofDays(3)), 1));
    String id = "referral-invitation:c-ada:1";
    // the share's referee is kept, and named by the conversion's reward for the friend's side
    assertThat(sim.instance(id).variables()).containsExactly(Map.entry("referee", "customer:c-bob"));
    assertThat(sim.statesVisited(id)).containsExactly("invited", "followed_up", "shared", "converted");
    assertThat(sim.actions()).extracting(ActionRequest::name).containsExactly(
        "ask_referral", "remind_referral", "reward_referral");
    assertThat(sim.actions().get(2).params()).containsOnly(Map.entry("sides", "both"),
        Map.entry("referee", "customer:c-bob"));
  }

  @Test
  void referralInvitationSkipsDetractorsAndWaitsNinetyDaysToStartAgain() {
    JourneySimulator sim = sim(NOON, AdvocacyPlaybook.referralInvitation());
    sim.signal(of("n-1", SignalType.NPS_ANSWERED, NOON, 5));
    sim.signal(eligibleToRefer("e-1", NOON.plusSeconds(60)));
    assertThat(sim.statesVisited("referral-invitation:c-ada:1")).containsExactly("invited", "not_asked");
    // ended at NOON+60s: not again before 90 days have passed
    sim.signal(eligibleToRefer("e-2", NOON.plus(Duration.ofDays(89))));
    assertThat(sim.instances()).hasSize(1);
    sim.signal(eligibleToRefer("e-3", NOON.plus(Duration.ofDays(91))));
    assertThat(sim.instances()).hasSize(2);
    // a motion-eligibility signal for another motion, or a loss of eligibility, starts nothing
    sim.signal(Signal.builder(SignalId.of("e-4"), ADA, SignalType.MOTION_ELIGIBILITY_CHANGED,
        NOON.plus(Duration.ofDays(400))).value(1)
        .attribute(QualificationTracker.MOTION_ATTRIBUTE, "REVIEW").build());
    assertThat(sim.instances()).hasSize(2);
  }

  // ---- testimonial, reference and case study ----

  @Test
  void advocatesClimbFromTestimonialToReferenceToCaseStudy() {
    JourneySimulator sim = sim(EVENING, AdvocacyPlaybook.advocateInvitations());
    sim.signal(tierChange("t-1", EVENING, AdvocateTier.PROMOTER, AdvocateTier.ADVOCATE));
    assertThat(sim.asks()).singleElement().satisfies(d ->
        assertThat(d.decision().codes()).containsExactly(ContactReasonCode.QUIET_HOURS));
    sim.advance(Duration.ofDays(1));
    sim.signal(of("st-1", SignalType.STORY_COMPLETED, sim.now(), 1));
    // the default caps allow another ask 2 days after the last (minimum gap)
    sim.advance(Duration.ofDays(3));
    sim.signal(of("rc-1", SignalType.REFERENCE_COMPLETED, sim.now(), 1));
    sim.advance(Duration.ofDays(3));
    sim.signal(of("cs-1", SignalType.CASE_STUDY_COMPLETED, sim.now(), 1));
    assertThat(sim.statesVisited("advocate-invitations:c-ada:1")).containsExactly(
        "testimonial_asked", "reference_asked", "case_study_asked", "completed");
    assertThat(sim.actions()).extracting(ActionRequest::name).containsExactly(
        // the reference ask waits for the morning; the CRM task does not
        "ask_testimonial", "create_crm_task", "ask_reference", "ask_case_study", "recognise");
    assertThat(sim.instance("advocate-invitations:c-ada:1").goals())
        .containsExactlyInAnyOrder("story", "reference", "case_study");
  }

  @Test
  void advocateInvitationsRespectDetractorsAndTheirCooldown() {
    JourneySimulator sim = sim(NOON, AdvocacyPlaybook.advocateInvitations());
    sim.signal(of("n-1", SignalType.NPS_ANSWERED, NOON, 6));
    sim.signal(tierChange("t-1", NOON.plusSeconds(60), AdvocateTier.PROMOTER, AdvocateTier.ADVOCATE));
    assertThat(sim.statesVisited("advocate-invitations:c-ada:1"))
        .containsExactly("testimonial_asked", "not_asked");
    sim.signal(tierChange("t-2", NOON.plus(Duration.ofDays(179)), AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    assertThat(sim.instances()).hasSize(1);
    sim.signal(tierChange("t-3", NOON.plus(Duration.ofDays(181)), AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    assertThat(sim.instances()).hasSize(2);
    // a fall to promoter starts nothing
    sim.signal(tierChange("t-4", NOON.plus(Duration.ofDays(400)), AdvocateTier.CHAMPION, AdvocateTier.PROMOTER));
    assertThat(sim.instances()).hasSize(2);
  }

  // ---- detractor recovery ----

  @Test
  void detractorRecoveryAlertsTheOwnerSuppressesAsksAndResurveys() {
    JourneySimulator sim = sim(NOON, AdvocacyPlaybook.detractorRecovery(),
        AdvocacyPlaybook.referralInvitation());
    sim.signal(of("n-1", SignalType.NPS_ANSWERED, NOON, 2));
    // eligible to refer during recovery: the referral ask is denied by the detractor period
    sim.signal(eligibleToRefer("e-1", NOON.plus(Duration.ofDays(2))));
    assertThat(sim.asks()).singleElement().satisfies(d ->
        assertThat(d.decision().codes()).containsExactly(ContactReasonCode.RECENT_DETRACTOR));
    sim.advance(Duration.ofDays(31));
    sim.signal(of("n-2", SignalType.NPS_ANSWERED, sim.now(), 8));
    assertThat(sim.statesVisited("detractor-recovery:c-ada:1"))
        .containsExactly("recovering", "resurveyed", "recovered");
    assertThat(sim.actions()).extracting(ActionRequest::name)
        .containsExactly("alert_owner", "create_crm_task", "resurvey");
    // another detractor answer within 30 days of the end starts nothing; after, it does
    sim.signal(of("n-3", SignalType.NPS_ANSWERED, sim.now().plus(Duration.ofDays(29)), 1));
    assertThat(sim.instances()).filteredOn(i -> i.startsWith("detractor")).hasSize(1);
    sim.signal(of("n-4", SignalType.NPS_ANSWERED, sim.now().plus(Duration.ofDays(31)), 1));
    assertThat(sim.instances()).filteredOn(i -> i.startsWith("detractor")).hasSize(2);
  }

  @Test
  void aDetractorWhoStaysUnhappyIsEscalatedAgain() {
    JourneySimulator sim = sim(NOON, AdvocacyPlaybook.detractorRecovery());
    sim.signal(of("n-1", SignalType.NPS_ANSWERED, NOON, 9)); // a promoter: no recovery
    assertThat(sim.instances()).isEmpty();
    sim.signal(of("n-2", SignalType.NPS_ANSWERED, NOON.plusSeconds(60), 3));
    sim.advance(Duration.ofDays(30));
    sim.signal(of("n-3", SignalType.NPS_ANSWERED, sim.now().plus(Duration.ofDays(1)), 4));
    assertThat(sim.statesVisited("detractor-recovery:c-ada:1"))
        .containsExactly("recovering", "resurveyed", "unresolved");
    assertThat(sim.actions()).last().satisfies(a ->
        assertThat(a.params()).containsEntry("reason", "still_detractor"));
  }

  // ---- expansion ----

  @Test
  void championsAreInvitedToTheAdvisoryBoardThenToSpeak() {
    JourneySimulator sim = sim(EVENING, AdvocacyPlaybook.expansion());
    sim.signal(tierChange("t-1", EVENING, AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    sim.advance(Duration.ofDays(50));
    assertThat(sim.statesVisited("expansion:c-ada:1"))
        .containsExactly("advisory_invited", "speaking_invited", "completed");
    assertThat(sim.asks()).extracting(AskDecision::outcome).containsExactly(
        ContactOutcome.DEFERRED, ContactOutcome.ALLOWED, ContactOutcome.DEFERRED,
        ContactOutcome.ALLOWED);
    // a champion who was a detractor lately is not invited; no new run within a year
    JourneySimulator other = sim(NOON, AdvocacyPlaybook.expansion());
    other.signal(of("n-1", SignalType.NPS_ANSWERED, NOON, 0));
    other.signal(tierChange("t-1", NOON.plusSeconds(1), AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    assertThat(other.statesVisited("expansion:c-ada:1")).containsExactly("advisory_invited", "not_asked");
    other.signal(tierChange("t-2", NOON.plus(Duration.ofDays(364)), AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    assertThat(other.instances()).hasSize(1);
    other.signal(tierChange("t-3", NOON.plus(Duration.ofDays(366)), AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    assertThat(other.instances()).hasSize(2);
  }

  // ---- recognition moments ----

  @Test
  void everyStepUpToAdvocateOrChampionIsRecognisedAndTheAnniversaryIsCelebratedAtTenLocal() {
    JourneySimulator sim = sim(NOON.minusSeconds(60), AdvocacyPlaybook.tierRecognition(),
        AdvocacyPlaybook.customerAnniversary());
    // reaching promoter is not recognised; advocate and champion are, each time
    sim.signal(tierChange("t-1", NOON.minusSeconds(60), AdvocateTier.NONE, AdvocateTier.PROMOTER));
    sim.signal(tierChange("t-2", NOON, AdvocateTier.PROMOTER, AdvocateTier.ADVOCATE));
    sim.signal(tierChange("t-3", NOON.plus(Duration.ofDays(1)), AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION));
    sim.signal(tierChange("t-4", NOON.plus(Duration.ofDays(2)), AdvocateTier.CHAMPION, AdvocateTier.ADVOCATE));
    sim.advance(Duration.ofDays(10));
    assertThat(sim.actions()).extracting(a -> a.name() + "@" + a.at()).containsExactly(
        "recognise@" + NOON,
        "recognise@" + NOON.plus(Duration.ofDays(1)),
        // customer since 5 March: 10:00 EST on 5 March 2027
        "anniversary_note@2027-03-05T15:00:00Z");
    assertThat(sim.actions().get(0).params()).containsEntry("kind", "RECOGNITION");
    assertThat(sim.asks()).isEmpty();
  }

  @Test
  void thePlaybookListsEveryJourneyAndEachIsValid() {
    assertThat(AdvocacyPlaybook.all()).extracting(d -> d.id().value()).containsExactly(
        "review-after-purchase", "review-after-stay", "review-after-visit",
        "referral-invitation", "advocate-invitations", "detractor-recovery", "expansion",
        "tier-recognition", "customer-anniversary");
  }
}
