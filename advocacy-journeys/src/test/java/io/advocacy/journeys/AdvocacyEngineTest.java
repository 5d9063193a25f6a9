package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.adapter.AdapterRegistry;
import io.advocacy.core.adapter.SegmentAdapter;
import io.advocacy.core.contact.ContactOutcome;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.IssueResult;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.score.ScoringModels;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A whole advocacy ladder driven through the facade. */
class AdvocacyEngineTest {
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  final AtomicReference<Instant> now = new AtomicReference<>(T0);
  final InstantSource clock = () -> now.get();

  static CustomerProfile profile(String id, Industry industry, RegulatoryFlag... flags) {
    CustomerProfile.Builder b = CustomerProfile.builder(CustomerId.of(id)).industry(industry)
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2020-01-01T00:00:00Z")))
        .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2023, 3, 10))
        .accountValue(Money.of("50000", "USD"));
    for (RegulatoryFlag f : flags) {
      b.flag(f);
    }
    return b.build();
  }

  int n;

  Signal signal(CustomerId c, SignalType type, Duration after, double value) {
    return Signal.of(SignalId.of("s-" + ++n), c, type, T0.plus(after), value);
  }

  AdvocacyEngine.Builder builder(Map<String, CustomerProfile> profiles) {
    return AdvocacyEngine.builder(clock, c -> profiles.getOrDefault(c.value(),
            CustomerProfile.builder(c).build()))
        .scoringModel(ScoringModels.forIndustry(Industry.B2B_SAAS))
        .playbook();
  }

  List<Signal> ladder() {
    return List.of(
        signal(ADA, SignalType.PRODUCT_USAGE, Duration.ZERO, 30),
        signal(ADA, SignalType.NPS_ANSWERED, Duration.ofHours(1), 10),
        signal(ADA, SignalType.OUTCOME_ACHIEVED, Duration.ofHours(2), 1),
        signal(ADA, SignalType.CSAT_ANSWERED, Duration.ofHours(3), 5),
        signal(ADA, SignalType.REVIEW_POSTED, Duration.ofHours(4), 5),
        signal(ADA, SignalType.REFERRAL_CONVERTED, Duration.ofDays(3), 1),
        signal(ADA, SignalType.OUTCOME_ACHIEVED, Duration.ofDays(4), 1));
  }

  static List<String> types(AdvocacyEngine.Outcome o) {
    return o.signals().stream().map(s -> s.type().name()
        + s.attribute("to_tier").map(t -> ":" + t).orElse("")
        + s.attribute("motion").map(t -> ":" + t).orElse("")).toList();
  }

  @Test
  void aConvertedReferralRewardsBothSidesOnceEachPairedAndTheFriendNamedByTheShare() {
    Map<String, CustomerProfile> profiles = Map.of("c-ada", profile("c-ada", Industry.B2B_SAAS),
        "c-bob", profile("c-bob", Industry.B2B_SAAS));
    AdvocacyEngine engine = builder(profiles).build();
    List<Signal> signals = List.of(
        signal(ADA, SignalType.PRODUCT_USAGE, Duration.ZERO, 30),
        signal(ADA, SignalType.NPS_ANSWERED, Duration.ofHours(1), 10),
        Signal.builder(SignalId.of("share-1"), ADA, SignalType.REFERRAL_SHARED,
            T0.plus(Duration.ofDays(1))).value(1)
            .attribute(io.advocacy.core.referral.ReferralService.REFEREE_ATTRIBUTE, "customer:c-bob")
            .build(),
        signal(ADA, SignalType.REFERRAL_CONVERTED, Duration.ofDays(3), 1));
    List<AdvocacyEngine.Outcome> outcomes = new ArrayList<>();
    for (Signal s : signals) {
      now.set(s.occurredAt());
      outcomes.add(engine.ingest(s));
    }
    String key = "referral-invitation:c-ada:1:r3:t6:1";
    assertThat(outcomes.get(3).rewards()).extracting(r -> r.request().idempotencyKey(),
        r -> r.request().payee().value(), r -> r.request().kind(),
        r -> r.request().value().toString(), r -> r.request().pairing(), r -> r.result().status())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(key, "c-ada", IncentiveKind.GIFT_CARD,
                "25.00 USD", new io.advocacy.core.reward.RewardPairing(key,
                    io.advocacy.core.reward.RewardPairing.Role.REFERRER),
                IssueResult.Status.ISSUED),
            org.assertj.core.groups.Tuple.tuple(key + ":friend", "c-bob",
                IncentiveKind.ACCOUNT_CREDIT, "25.00 USD", new io.advocacy.core.reward.RewardPairing(
                    key, io.advocacy.core.reward.RewardPairing.Role.FRIEND),
                IssueResult.Status.ISSUED));
    // the ask sent, then the share and the conversion, as touches of the referral journey
    assertThat(outcomes).extracting(o -> o.touchpoints().stream()
            .map(t -> t.channel() + ":" + t.motion() + ":" + t.journey()).toList())
        .containsExactly(List.of(),
            List.of("email:REFERRAL:referral-invitation"),
            List.of("referral:REFERRAL:referral-invitation"),
            List.of("referral:REFERRAL:referral-invitation"));
    // the conversion again, under another id: the journey has ended, nothing is paid twice
    AdvocacyEngine.Outcome again = engine.ingest(Signal.of(SignalId.of("v-again"), ADA,
        SignalType.REFERRAL_CONVERTED, T0.plus(Duration.ofDays(3)), 1));
    assertThat(again.rewards()).isEmpty();
    assertThat(engine.rewards().ledger().entries()).hasSize(2);
  }

  @Test
  void aWholeLadderRunsThroughTheFacade() {
    Map<String, CustomerProfile> profiles = Map.of("c-ada", profile("c-ada", Industry.B2B_SAAS));
    List<String> sent = new ArrayList<>();
    AdvocacyEngine engine = builder(profiles)
        .handler(ActionKind.ASK, (a, p) -> sent.add(a.name() + "@" + a.at())).build();
    List<AdvocacyEngine.Outcome> outcomes = new ArrayList<>();
    for (Signal s : ladder()) {
      now.set(s.occurredAt());
      outcomes.add(engine.ingest(s));
    }
    // Listen and qualify: an NPS 10 makes Ada eligible to refer; the CSAT 5 makes her a promoter.
    assertThat(types(outcomes.get(1))).containsExactly("nps_answered",
        "motion_eligibility_changed:REFERRAL");
    assertThat(types(outcomes.get(3))).containsExactly("csat_answered",
        "advocate_tier_changed:PROMOTER", "motion_eligibility_changed:SOCIAL_SHARE",
        "motion_eligibility_changed:COMMUNITY");
    // Invite: the referral invitation is asked at once (15:00 UTC, outside quiet hours).
    assertThat(outcomes.get(1).asks()).singleElement().satisfies(d -> {
      assertThat(d.action().name()).isEqualTo("ask_referral");
      assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED);
    });
    // Reward: the conversion earns the referral gift card; reaching advocate is recognised.
    assertThat(outcomes.get(3).rewards()).isEmpty();
    assertThat(outcomes.get(6).rewards()).singleElement().satisfies(r -> {
      assertThat(r.request().kind()).isEqualTo(IncentiveKind.RECOGNITION);
      assertThat(r.result().status()).isEqualTo(IssueResult.Status.ISSUED);
    });
    assertThat(outcomes.get(5).rewards()).singleElement().satisfies(r -> {
      assertThat(r.request().kind()).isEqualTo(IncentiveKind.GIFT_CARD);
      assertThat(r.request().value().toString()).isEqualTo("25.00 USD");
      assertThat(r.result().status()).isEqualTo(IssueResult.Status.ISSUED);
    });
    // Expand: a second outcome makes Ada an advocate, and the testimonial ask goes out.
    assertThat(types(outcomes.get(6))).startsWith("outcome_achieved",
        "advocate_tier_changed:ADVOCATE");
    assertThat(engine.qualification(ADA).orElseThrow().tier()).isEqualTo(AdvocateTier.ADVOCATE);
    assertThat(sent).containsExactly("ask_referral@" + T0.plusSeconds(3600),
        "ask_testimonial@" + T0.plus(Duration.ofDays(4)));
    assertThat(engine.journeys().store().find("referral-invitation:c-ada:1").orElseThrow().state())
        .isEqualTo("converted");

    // The same conversion delivered again takes effect once.
    Signal again = ladder().get(5);
    AdvocacyEngine.Outcome dup = engine.ingest(Signal.of(SignalId.of("s-6"), ADA,
        SignalType.REFERRAL_CONVERTED, again.occurredAt(), 1));
    assertThat(dup.duplicates()).isEqualTo(1);
    assertThat(dup.rewards()).isEmpty();
    assertThat(engine.rewards().ledger().entries()).hasSize(2);

    // Track over time: on 10 March at 10:00 UTC, the anniversary of becoming a customer.
    now.set(Instant.parse("2027-03-10T10:00:00Z"));
    AdvocacyEngine.Outcome tick = engine.tick();
    assertThat(tick.handled()).extracting(ActionRequest::name).containsExactly("anniversary_note");
    assertThat(engine.journeys().store().pending(100)).isEmpty();
  }

  @Test
  void aCashRewardToAGovernmentProgrammeBeneficiaryIsBlockedAndRecognitionIssuedInstead() {
    CustomerProfile patient = profile("c-pat", Industry.HEALTHCARE,
        RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY);
    CustomerId pat = patient.id();
    AdvocacyEngine engine = builder(Map.of("c-pat", patient)).build();
    engine.ingest(signal(pat, SignalType.NPS_ANSWERED, Duration.ZERO, 10));
    AdvocacyEngine.Outcome o = engine.ingest(signal(pat, SignalType.REFERRAL_CONVERTED,
        Duration.ofDays(2), 1));
    assertThat(o.rewards()).hasSize(2);
    assertThat(o.rewards().get(0)).satisfies(r -> {
      assertThat(r.request().kind()).isEqualTo(IncentiveKind.GIFT_CARD);
      assertThat(r.result().status()).isEqualTo(IssueResult.Status.DENIED);
      assertThat(r.fallback()).isFalse();
    });
    assertThat(o.rewards().get(1)).satisfies(r -> {
      assertThat(r.request().kind()).isEqualTo(IncentiveKind.RECOGNITION);
      assertThat(r.result().status()).isEqualTo(IssueResult.Status.ISSUED);
      assertThat(r.fallback()).isTrue();
    });
    assertThat(engine.rewards().ledger().entries()).allSatisfy(e ->
        assertThat(e.toString()).doesNotContain("GIFT_CARD"));
  }

  @Test
  void aFailingHandlerIsRetriedWithTheSameKeyAndTheActionIsDoneOnce() {
    List<String> attempts = new ArrayList<>();
    AdvocacyEngine engine = builder(Map.of("c-ada", profile("c-ada", Industry.B2B_SAAS)))
        .handler(ActionKind.ASK, (a, p) -> {
          attempts.add(a.idempotencyKey());
          if (attempts.size() == 1) {
            throw new IllegalStateException("mail server down");
          }
        }).build();
    AdvocacyEngine.Outcome first = engine.ingest(signal(ADA, SignalType.NPS_ANSWERED, Duration.ZERO, 10));
    assertThat(first.failures()).containsExactly("referral-invitation:c-ada:1:r1:entry:0: "
        + "IllegalStateException: mail server down");
    assertThat(engine.journeys().store().pending(10)).hasSize(1);
    AdvocacyEngine.Outcome retry = engine.tick(T0.plusSeconds(60));
    assertThat(retry.failures()).isEmpty();
    assertThat(retry.handled()).extracting(ActionRequest::name).containsExactly("ask_referral");
    assertThat(engine.tick(T0.plusSeconds(120)).handled()).isEmpty();
    assertThat(attempts).containsExactly("referral-invitation:c-ada:1:r1:entry:0",
        "referral-invitation:c-ada:1:r1:entry:0");
    // the weekly sweep forgets contact reservations past the rules' look back (30 days with
    // the playbook's rules): the sweep at day 30 keeps the ask of T0, the next one (a week
    // later) drops it
    String ask = "referral-invitation:c-ada:1:r1:entry:0";
    assertThat(engine.contactPolicy().history().find(ask)).isPresent();
    engine.tick(T0.plus(Duration.ofDays(30)));
    assertThat(engine.contactPolicy().history().find(ask)).isPresent();
    engine.tick(T0.plus(Duration.ofDays(37)).plusSeconds(1));
    assertThat(engine.contactPolicy().history().find(ask)).isEmpty();
    assertThat(engine.contactPolicy().history().reservations(ADA)).isEmpty();
  }

  @Test
  void payloadsAreReadByTheirAdapterAndEveryRecordIsAccountedFor() {
    AdvocacyEngine engine = builder(Map.of("c-ada", profile("c-ada", Industry.B2B_SAAS)))
        .adapters(AdapterRegistry.builder().register(SegmentAdapter.builder().build()).build())
        .build();
    String events = """
        {"type":"track","event":"NPS Survey Answered","messageId":"m-1","userId":"c-ada","timestamp":"2027-03-01T15:00:00Z","properties":{"score":10}}
        {"type":"track","event":"NPS Survey Answered","messageId":"m-2","userId":"c-ada","timestamp":"2027-03-01T15:00:00Z","properties":{"score":11}}
        {"type":"page","name":"Pricing","messageId":"m-3","anonymousId":"a-7","timestamp":"2027-03-01T15:01:00Z"}
        """;
    AdvocacyEngine.Outcome o = engine.ingest("segment", events);
    assertThat(o.adapted().signals()).hasSize(1);
    assertThat(o.adapted().rejections()).hasSize(1);
    assertThat(o.adapted().ignored()).hasSize(1);
    assertThat(types(o)).containsExactly("nps_answered", "motion_eligibility_changed:REFERRAL");
    assertThatThrownBy(() -> engine.ingest("hubspot", "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hubspot");
  }

  @Test
  void concurrentCallersLoseNothingAndRewardOnce() throws Exception {
    Map<String, CustomerProfile> profiles = new java.util.HashMap<>();
    for (int c = 0; c < 40; c++) {
      profiles.put("c-" + c, profile("c-" + c, Industry.B2B_SAAS));
    }
    AdvocacyEngine engine = builder(Map.copyOf(profiles)).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          go.await();
          // every thread delivers every customer's NPS answer and conversion (same ids)
          for (int c = 0; c < 40; c++) {
            CustomerId id = CustomerId.of("c-" + c);
            engine.ingest(Signal.of(SignalId.of("n-" + c), id, SignalType.NPS_ANSWERED, T0, 10));
            engine.ingest(Signal.of(SignalId.of("v-" + c), id, SignalType.REFERRAL_CONVERTED,
                T0.plus(Duration.ofDays(1)), 1));
          }
          return null;
        }));
      }
      go.countDown();
      for (java.util.concurrent.Future<?> f : done) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // one referral gift card per customer, one invitation each, nothing left in the outbox
    assertThat(engine.rewards().ledger().entries()).hasSize(40);
    for (int c = 0; c < 40; c++) {
      assertThat(engine.journeys().store().find("referral-invitation:c-" + c + ":1").orElseThrow()
          .state()).isEqualTo("converted");
    }
    assertThat(engine.journeys().store().pending(1000)).isEmpty();
  }

  @Test
  void theBuilderFailsFast() {
    assertThatThrownBy(() -> AdvocacyEngine.builder(clock, c -> CustomerProfile.builder(c).build()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("give either a scoring model or a scorer, not neither");
    assertThatThrownBy(() -> builder(Map.of()).handler(ActionKind.ASK, (a, p) -> { })
        .handler(ActionKind.ASK, (a, p) -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessage("a handler for ASK was set before");
    assertThatThrownBy(() -> builder(Map.of()).defaultRegion("usa"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"usa\"");
  }
}
