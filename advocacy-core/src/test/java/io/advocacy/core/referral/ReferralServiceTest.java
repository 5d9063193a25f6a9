package io.advocacy.core.referral;

import static io.advocacy.core.referral.ReferralOutcome.Kind.APPLIED;
import static io.advocacy.core.referral.ReferralOutcome.Kind.DUPLICATE;
import static io.advocacy.core.referral.ReferralOutcome.Kind.IGNORED;
import static io.advocacy.core.referral.ReferralOutcome.Kind.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReferralServiceTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");
  static final CustomerId BOB = CustomerId.of("c-bob");
  static final CustomerId NEW = CustomerId.of("c-new");
  static final AnonymousId VISITOR = AnonymousId.of("a-9");
  static final PiiHasher HASHER = PiiHasher.withKey(PiiHasherTest.KEY);

  final AtomicReference<Instant> now = new AtomicReference<>(T0);
  final AtomicInteger ids = new AtomicInteger();

  ReferralService.Builder builder() {
    return ReferralService.builder(ReferralStore.inMemory())
        .clock(now::get).random(new Random(42)).hasher(HASHER);
  }

  static ReferralCode issue(ReferralService service, CustomerId referrer, PartyFacts facts) {
    return ((CodeIssueResult.Issued) service.issueCode(referrer, facts)).code().code();
  }

  Signal signal(SignalType type, SubjectId subject, Instant at, Map<String, String> attributes) {
    Signal.Builder b = Signal.builder(SignalId.of("e-" + ids.incrementAndGet()), subject, type, at);
    attributes.forEach(b::attribute);
    return b.build();
  }

  Signal click(ReferralCode code, SubjectId visitor, Instant at) {
    return signal(SignalType.REFERRAL_CLICKED, visitor, at, Map.of("referral_code", code.value()));
  }

  Signal signUp(SubjectId customer, AnonymousId visitor, Instant at) {
    return signal(SignalType.REFERRAL_SIGNED_UP, customer, at,
        Map.of(Signal.ANONYMOUS_ID_ATTRIBUTE, visitor.value()));
  }

  Signal convert(SubjectId customer, Instant at) {
    return signal(SignalType.REFERRAL_CONVERTED, customer, at, Map.of());
  }

  @Test
  void happyPathWithEveryTransitionTimestamped() {
    ReferralService service = builder().build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    Signal share = signal(SignalType.REFERRAL_SHARED, ADA, T0,
        Map.of("referral_code", code.value(), "referee", VISITOR.asText()));
    assertThat(service.apply(share).kind()).isEqualTo(APPLIED);
    assertThat(service.apply(click(code, VISITOR, T0.plusSeconds(10))).kind()).isEqualTo(APPLIED);
    assertThat(service.apply(signUp(NEW, VISITOR, T0.plusSeconds(20))).kind()).isEqualTo(APPLIED);
    ReferralOutcome converted = service.apply(convert(NEW, T0.plusSeconds(30)));
    assertThat(converted.kind()).isEqualTo(APPLIED);
    Referral r = converted.referral();
    assertThat(r.state()).isEqualTo(ReferralState.CONVERTED);
    assertThat(r.refereeCustomer()).isEqualTo(NEW);
    assertThat(r.referrer()).isEqualTo(ADA);
    now.set(T0.plusSeconds(99));
    ReferralOutcome rewarded = service.markRewarded(r.id(), "rw-1");
    assertThat(rewarded.kind()).isEqualTo(APPLIED);
    assertThat(rewarded.referral().history()).isEqualTo(Map.of(
        ReferralState.SHARED, T0,
        ReferralState.CLICKED, T0.plusSeconds(10),
        ReferralState.SIGNED_UP, T0.plusSeconds(20),
        ReferralState.CONVERTED, T0.plusSeconds(30),
        ReferralState.REWARDED, T0.plusSeconds(99)));
    assertThat(rewarded.referral().rewardReference()).isEqualTo("rw-1");
    assertThat(rewarded.referral().version()).isEqualTo(4);
    assertThat(service.markRewarded(r.id(), "rw-1").kind()).isEqualTo(DUPLICATE);
    assertThat(service.markRewarded(r.id(), "rw-2"))
        .isEqualTo(new ReferralOutcome(REJECTED, "already_rewarded", rewarded.referral()));
  }

  @Test
  void staleReferralsExpireAfterTheWindowAndConvertedOnesDoNot() {
    ReferralService service = builder().build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    AnonymousId other = AnonymousId.of("a-10");
    Referral early = service.apply(click(code, VISITOR, T0)).referral();
    Referral late = service.apply(click(code, other, T0.plus(Duration.ofDays(5)))).referral();
    // The window is 30 days, inclusive: at exactly T0 + 30 days nothing has expired yet.
    now.set(T0.plus(Duration.ofDays(30)));
    assertThat(service.expireStale(10)).isEmpty();
    now.set(T0.plus(Duration.ofDays(30)).plusSeconds(1));
    List<Referral> expired = service.expireStale(10);
    assertThat(expired).extracting(Referral::id).containsExactly(early.id());
    assertThat(expired.get(0).state()).isEqualTo(ReferralState.EXPIRED);
    assertThat(expired.get(0).reason()).isEqualTo("outside_window");
    assertThat(expired.get(0).history()).containsEntry(ReferralState.EXPIRED, now.get());
    assertThat(service.expireStale(10)).isEmpty(); // idempotent
    assertThat(service.apply(convert(other, T0.plus(Duration.ofDays(6)))).kind()).isEqualTo(APPLIED);
    now.set(T0.plus(Duration.ofDays(90)));
    assertThat(service.expireStale(10)).isEmpty(); // the converted one stays converted
    assertThat(service.store().findReferral(late.id()).orElseThrow().state())
        .isEqualTo(ReferralState.CONVERTED);
  }

  @Test
  void theHostCanRejectAReferralOnceButNotAfterItsReward() {
    ReferralService service = builder().build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    Referral r = service.apply(click(code, VISITOR, T0)).referral();
    now.set(T0.plusSeconds(60));
    ReferralOutcome rejected = service.reject(r.id(), "manual review: same household");
    assertThat(rejected.kind()).isEqualTo(APPLIED);
    assertThat(rejected.referral().state()).isEqualTo(ReferralState.REJECTED);
    assertThat(rejected.referral().reason()).isEqualTo("rejected_by_host");
    assertThat(service.reject(r.id(), "again").kind()).isEqualTo(DUPLICATE);
    assertThat(service.apply(convert(VISITOR, T0.plusSeconds(90))).kind()).isNotEqualTo(APPLIED);

    AnonymousId other = AnonymousId.of("a-11");
    service.apply(click(code, other, T0));
    Referral converted = service.apply(convert(other, T0.plusSeconds(5))).referral();
    service.markRewarded(converted.id(), "rw-1");
    assertThat(service.reject(converted.id(), "too late"))
        .extracting(ReferralOutcome::kind, ReferralOutcome::reason)
        .containsExactly(REJECTED, "already_rewarded");
  }

  @Test
  void theSameEventTwiceChangesNothing() {
    ReferralService service = builder().build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    Signal click = click(code, VISITOR, T0);
    ReferralOutcome first = service.apply(click);
    assertThat(service.apply(click)).isEqualTo(new ReferralOutcome(DUPLICATE, "duplicate_event", null));
    assertThat(service.store().findReferral(first.referral().id())).contains(first.referral());
    Signal conversion = convert(VISITOR, T0.plusSeconds(5));
    assertThat(service.apply(conversion).kind()).isEqualTo(APPLIED);
    assertThat(service.apply(conversion).kind()).isEqualTo(DUPLICATE);
    ReferralOutcome again = service.apply(convert(VISITOR, T0.plusSeconds(6)));
    assertThat(again.kind()).isEqualTo(DUPLICATE);
    assertThat(again.reason()).isEqualTo("already_converted");
    assertThat(again.referral().version()).isEqualTo(1);
  }

  @Test
  void processedIdsAreForgottenAfterTheHorizon() {
    ReferralService service = builder().deduplicationHorizon(Duration.ofDays(1)).build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    Signal click = click(code, VISITOR, T0);
    service.apply(click);
    now.set(T0.plus(Duration.ofHours(23)));
    assertThat(service.forgetOldEvents()).isZero();
    now.set(T0.plus(Duration.ofHours(25)));
    assertThat(service.forgetOldEvents()).isEqualTo(1);
    // Beyond the horizon the event is applied again; the referral is past CLICKED already.
    assertThat(service.apply(click).reason()).isEqualTo("already_past");
  }

  @Test
  void illegalAndPointlessTransitionsAreAnsweredNotThrown() {
    ReferralService service = builder().build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    Referral r = service.apply(click(code, VISITOR, T0)).referral();
    assertThat(service.markRewarded(r.id(), "rw-1").reason()).isEqualTo("illegal_transition");
    assertThat(service.apply(signUp(NEW, VISITOR, T0.plusSeconds(5))).kind()).isEqualTo(APPLIED);
    ReferralOutcome backwards = service.apply(click(code, VISITOR, T0.plusSeconds(6)));
    assertThat(backwards.kind()).isEqualTo(IGNORED);
    assertThat(backwards.reason()).isEqualTo("already_past");
    assertThat(service.markRewarded(new ReferralId(code, AnonymousId.of("a-x")), "rw"))
        .isEqualTo(new ReferralOutcome(REJECTED, "no_referral", null));
    // After expiry nothing moves.
    ReferralService strict = builder().attributionWindow(Duration.ofDays(1)).build();
    ReferralCode c2 = issue(strict, ADA, PartyFacts.NONE);
    strict.apply(click(c2, VISITOR, T0));
    assertThat(strict.apply(convert(VISITOR, T0.plus(Duration.ofDays(2)))).reason())
        .isEqualTo("outside_window");
    ReferralOutcome afterExpiry = strict.apply(convert(VISITOR, T0.plus(Duration.ofDays(3))));
    assertThat(afterExpiry.kind()).isEqualTo(REJECTED);
    assertThat(afterExpiry.reason()).isEqualTo("illegal_transition");
    assertThat(afterExpiry.referral().state()).isEqualTo(ReferralState.EXPIRED);
  }

  @Test
  void badInputIsAnsweredWithAReason() {
    ReferralService service = builder().build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    assertThat(service.apply(Signal.nps(SignalId.of("n-1"), ADA, T0, 9)))
        .isEqualTo(new ReferralOutcome(IGNORED, "not_a_referral_signal", null));
    assertThat(service.apply(signal(SignalType.REFERRAL_CLICKED, VISITOR, T0, Map.of())).reason())
        .isEqualTo("missing_code");
    assertThat(service.apply(signal(SignalType.REFERRAL_CLICKED, VISITOR, T0,
        Map.of("referral_code", "K0MQC"))).reason()).isEqualTo("invalid_code");
    assertThat(service.apply(click(ReferralCode.fromPayload("ZZZZZZZZ"), VISITOR, T0)).reason())
        .isEqualTo("unknown_code");
    assertThat(service.apply(signal(SignalType.REFERRAL_SHARED, ADA, T0,
        Map.of("referral_code", code.value()))).kind()).isEqualTo(IGNORED);
    assertThat(service.apply(signal(SignalType.REFERRAL_SHARED, BOB, T0,
        Map.of("referral_code", code.value(), "referee", "anonymous:x"))).reason())
        .isEqualTo("not_code_owner");
    assertThat(service.apply(signal(SignalType.REFERRAL_SHARED, ADA, T0,
        Map.of("referral_code", code.value(), "referee", "x"))).reason())
        .isEqualTo("invalid_referee");
    assertThat(service.apply(convert(NEW, T0)).reason()).isEqualTo("no_referral");
    assertThat(service.apply(signal(SignalType.REFERRAL_CONVERTED, NEW, T0,
        Map.of("referral_code", code.value()))).reason()).isEqualTo("no_referral");
  }

  @Test
  void aCodeTypedAtSignUpStartsTheReferralAndTheWindow() {
    ReferralService service = builder().attributionWindow(Duration.ofDays(10)).build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    Signal typed = signal(SignalType.REFERRAL_SIGNED_UP, NEW, T0, Map.of("referral_code", code.value()));
    Referral r = service.apply(typed).referral();
    assertThat(r.state()).isEqualTo(ReferralState.SIGNED_UP);
    assertThat(r.windowStart()).isEqualTo(T0);
    assertThat(service.apply(convert(NEW, T0.plus(Duration.ofDays(10)))).kind()).isEqualTo(APPLIED);
  }

  @Test
  void windowEdges() {
    for (long offsetSeconds : new long[] {0, Duration.ofDays(30).toSeconds(),
        Duration.ofDays(30).toSeconds() + 1}) {
      ReferralService service = builder().build();
      ReferralCode code = issue(service, ADA, PartyFacts.NONE);
      service.apply(click(code, VISITOR, T0));
      service.apply(signUp(NEW, VISITOR, T0.plus(Duration.ofDays(20))));
      ReferralOutcome o = service.apply(convert(NEW, T0.plusSeconds(offsetSeconds)));
      if (offsetSeconds <= Duration.ofDays(30).toSeconds()) {
        assertThat(o.kind()).as("offset %s", offsetSeconds).isEqualTo(APPLIED);
      } else {
        assertThat(o.kind()).isEqualTo(REJECTED);
        assertThat(o.reason()).isEqualTo("outside_window");
        assertThat(o.referral().state()).isEqualTo(ReferralState.EXPIRED);
        assertThat(o.referral().reason()).isEqualTo("outside_window");
      }
    }
  }

  @Test
  void builderFailsFast() {
    ReferralService.Builder b = ReferralService.builder(ReferralStore.inMemory());
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
    b.clock(now::get);
    assertThatThrownBy(() -> b.clock(now::get)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.codePayloadLength(30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadLength");
    assertThatThrownBy(() -> b.attributionWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attributionWindow");
    assertThatThrownBy(() -> b.maxCodeAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCodeAttempts");
  }

  @Test
  void codeGenerationRetriesCollisionsThenGivesUp() {
    // A generator that always returns 0 makes the same code every time.
    RandomGenerator zeros = () -> 0L;
    ReferralService service = ReferralService.builder(ReferralStore.inMemory())
        .clock(now::get).random(zeros).codePayloadLength(4).maxCodeAttempts(3).build();
    CodeIssueResult first = service.issueCode(ADA, PartyFacts.NONE);
    assertThat(first).isInstanceOf(CodeIssueResult.Issued.class);
    assertThat(((CodeIssueResult.Issued) first).code())
        .isEqualTo(new IssuedCode(new ReferralCode("22222"), ADA, T0, PartyFacts.NONE));
    assertThat(service.issueCode(BOB, PartyFacts.NONE)).isEqualTo(new CodeIssueResult.Exhausted(3));
    // Two symbols of payload: 961 codes; all distinct among those issued.
    ReferralService small = ReferralService.builder(ReferralStore.inMemory())
        .clock(now::get).random(new Random(5)).codePayloadLength(2).maxCodeAttempts(50).build();
    List<ReferralCode> codes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      codes.add(issue(small, CustomerId.of("c-" + i), PartyFacts.NONE));
    }
    assertThat(codes).doesNotHaveDuplicates();
  }

  // ---- competing referrers ----

  record Race(ReferralOutcome first, ReferralOutcome second, ReferralService service) {}

  /** Ada's referee clicks at T0+10s; Bob's click on the same referee is at {@code bobAt}. */
  Race compete(CompetingReferrerPolicy policy, Instant bobAt) {
    ReferralService service = builder().competingReferrerPolicy(policy).build();
    ReferralCode ada = issue(service, ADA, PartyFacts.NONE);
    ReferralCode bob = issue(service, BOB, PartyFacts.NONE);
    ReferralOutcome first = service.apply(click(ada, VISITOR, T0.plusSeconds(10)));
    ReferralOutcome second = service.apply(click(bob, VISITOR, bobAt));
    return new Race(first, second, service);
  }

  ReferralState stateOf(Race race, ReferralOutcome o) {
    return race.service().store().findReferral(o.referral().id()).orElseThrow().state();
  }

  @Test
  void firstClickWins() {
    Race later = compete(CompetingReferrerPolicy.FIRST_CLICK_WINS, T0.plusSeconds(20));
    assertThat(later.second().reason()).isEqualTo("competing_referrer");
    assertThat(stateOf(later, later.first())).isEqualTo(ReferralState.CLICKED);
    // Bob's click happened earlier but arrived later: it takes the credit.
    Race earlier = compete(CompetingReferrerPolicy.FIRST_CLICK_WINS, T0);
    assertThat(earlier.second().kind()).isEqualTo(APPLIED);
    Referral ada = earlier.service().store().findReferral(earlier.first().referral().id()).orElseThrow();
    assertThat(ada.state()).isEqualTo(ReferralState.REJECTED);
    assertThat(ada.reason()).isEqualTo("superseded");
    assertThat(earlier.service().apply(convert(VISITOR, T0.plusSeconds(60))).referral().referrer())
        .isEqualTo(BOB);
  }

  @Test
  void lastClickWins() {
    Race later = compete(CompetingReferrerPolicy.LAST_CLICK_WINS, T0.plusSeconds(20));
    assertThat(later.second().kind()).isEqualTo(APPLIED);
    assertThat(stateOf(later, later.first())).isEqualTo(ReferralState.REJECTED);
    assertThat(later.service().apply(convert(VISITOR, T0.plusSeconds(60))).referral().referrer())
        .isEqualTo(BOB);
    Race earlier = compete(CompetingReferrerPolicy.LAST_CLICK_WINS, T0);
    assertThat(earlier.second().reason()).isEqualTo("competing_referrer");
    assertThat(stateOf(earlier, earlier.first())).isEqualTo(ReferralState.CLICKED);
  }

  @Test
  void existingReferrerKeepsCredit() {
    for (Instant bobAt : List.of(T0, T0.plusSeconds(20))) {
      Race race = compete(CompetingReferrerPolicy.EXISTING_REFERRER_KEEPS_CREDIT, bobAt);
      assertThat(race.second().kind()).isEqualTo(REJECTED);
      assertThat(race.second().reason()).isEqualTo("competing_referrer");
      assertThat(race.second().referral().state()).isEqualTo(ReferralState.REJECTED);
      assertThat(stateOf(race, race.first())).isEqualTo(ReferralState.CLICKED);
      assertThat(race.service().apply(convert(VISITOR, T0.plusSeconds(60))).referral().referrer())
          .isEqualTo(ADA);
    }
  }

  @Test
  void aConvertedReferralKeepsItsCreditUnderEveryPolicy() {
    for (CompetingReferrerPolicy policy : CompetingReferrerPolicy.values()) {
      for (Instant bobAt : List.of(T0, T0.plusSeconds(30))) {
        ReferralService service = builder().competingReferrerPolicy(policy).build();
        ReferralCode ada = issue(service, ADA, PartyFacts.NONE);
        ReferralCode bob = issue(service, BOB, PartyFacts.NONE);
        service.apply(click(ada, VISITOR, T0.plusSeconds(10)));
        service.apply(convert(VISITOR, T0.plusSeconds(20)));
        assertThat(service.apply(click(bob, VISITOR, bobAt)).reason())
            .as("%s at %s", policy, bobAt).isEqualTo("competing_referrer");
        // Once rejected, the same referral stays rejected.
        assertThat(service.apply(click(bob, VISITOR, bobAt.plusSeconds(1))).reason())
            .isEqualTo("illegal_transition");
      }
    }
  }

  @Test
  void aSignUpJoiningAVisitorAndACustomerKeepsOneReferrer() {
    ReferralService service = builder().build();
    ReferralCode ada = issue(service, ADA, PartyFacts.NONE);
    ReferralCode bob = issue(service, BOB, PartyFacts.NONE);
    // The same person: logged in as c-new on one device, anonymous a-9 on another.
    Referral viaBob = service.apply(click(bob, NEW, T0.plusSeconds(20))).referral();
    Referral viaAda = service.apply(click(ada, VISITOR, T0.plusSeconds(10))).referral();
    ReferralOutcome signUp = service.apply(signUp(NEW, VISITOR, T0.plusSeconds(30)));
    assertThat(signUp.kind()).isEqualTo(APPLIED);
    assertThat(signUp.referral().id()).isEqualTo(viaAda.id()); // first click wins
    Referral bobs = service.store().findReferral(viaBob.id()).orElseThrow();
    assertThat(bobs.state()).isEqualTo(ReferralState.REJECTED);
    assertThat(bobs.reason()).isEqualTo("superseded");
    assertThat(service.apply(convert(NEW, T0.plusSeconds(40))).referral().referrer()).isEqualTo(ADA);
  }

  // ---- fraud rules ----

  @Test
  void selfReferralBySameCustomerEmailDeviceOrPayment() {
    PartyFacts adaFacts = HASHER.facts("Ada.Lovelace@gmail.com", "dev-ada", "card-ada");
    ReferralService service = builder().fraudRules(List.of(FraudRules.selfReferral())).build();
    ReferralCode code = issue(service, ADA, adaFacts);
    assertThat(service.apply(click(code, ADA, T0)).reason()).isEqualTo("self_referral");
    List<Map<String, String>> disguises = List.of(
        Map.of("email", "adalovelace+2@googlemail.com"),
        Map.of("device_fingerprint", "dev-ada"),
        Map.of("payment_fingerprint", "card-ada"));
    int n = 0;
    for (Map<String, String> disguise : disguises) {
      AnonymousId visitor = AnonymousId.of("a-" + n++);
      Map<String, String> attrs = new java.util.HashMap<>(disguise);
      attrs.put("referral_code", code.value());
      ReferralOutcome o = service.apply(signal(SignalType.REFERRAL_CLICKED, visitor, T0, attrs));
      assertThat(o.reason()).as(disguise.toString()).isEqualTo("self_referral");
      assertThat(o.referral().state()).isEqualTo(ReferralState.REJECTED);
    }
    // A different address is fine; the e-mail learnt at sign-up is checked too.
    assertThat(service.apply(click(code, VISITOR, T0)).kind()).isEqualTo(APPLIED);
    ReferralOutcome signUp = service.apply(signal(SignalType.REFERRAL_SIGNED_UP, NEW,
        T0.plusSeconds(5), Map.of("anonymous_id", VISITOR.value(), "email", "ada.lovelace@gmail.com")));
    assertThat(signUp.reason()).isEqualTo("self_referral");
    assertThat(signUp.referral().state()).isEqualTo(ReferralState.REJECTED);
    assertThat(signUp.referral().refereeFacts().email()).isEqualTo(adaFacts.email());
  }

  @Test
  void refereeAlreadyACustomer() {
    CustomerDirectory directory = (customer, before) -> customer.equals(BOB);
    ReferralService service = builder()
        .fraudRules(List.of(FraudRules.refereeAlreadyCustomer(directory))).build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    assertThat(service.apply(click(code, BOB, T0)).reason()).isEqualTo("referee_already_customer");
    assertThat(service.apply(click(code, VISITOR, T0)).kind()).isEqualTo(APPLIED);
    assertThat(service.apply(signUp(BOB, VISITOR, T0.plusSeconds(1))).reason())
        .isEqualTo("referee_already_customer");
    ReferralService failing = builder().fraudRules(List.of(FraudRules.refereeAlreadyCustomer(
        (c, b) -> { throw new IllegalStateException("directory down"); }))).build();
    ReferralCode c2 = issue(failing, ADA, PartyFacts.NONE);
    assertThat(failing.apply(click(c2, NEW, T0)).reason()).isEqualTo("fraud_rule_failed");
  }

  @Test
  void duplicateRefereeAlreadyReferredAndConverted() {
    ReferralService service = builder()
        .competingReferrerPolicy(CompetingReferrerPolicy.LAST_CLICK_WINS)
        .fraudRules(List.of(FraudRules.duplicateReferee())).build();
    ReferralCode ada = issue(service, ADA, PartyFacts.NONE);
    ReferralCode bob = issue(service, BOB, PartyFacts.NONE);
    service.apply(click(ada, VISITOR, T0));
    service.apply(signUp(NEW, VISITOR, T0.plusSeconds(1)));
    assertThat(service.apply(convert(NEW, T0.plusSeconds(2))).kind()).isEqualTo(APPLIED);
    // Bob's code typed later by the same customer: the rule answers (the policy also would).
    ReferralOutcome again = service.apply(signal(SignalType.REFERRAL_SIGNED_UP, NEW,
        T0.plusSeconds(3), Map.of("referral_code", bob.value())));
    assertThat(again.kind()).isEqualTo(REJECTED);
    assertThat(again.reason()).isIn("duplicate_referee", "competing_referrer");
    // The rule alone, on a context built by hand.
    FraudRule rule = FraudRules.duplicateReferee();
    Referral candidate = Referral.create(new ReferralId(bob, NEW), BOB, NEW,
        ReferralState.SIGNED_UP, T0.plusSeconds(3), PartyFacts.NONE);
    IssuedCode bobCode = service.store().findCode(bob).orElseThrow();
    assertThat(rule.flags(new FraudContext(candidate, bobCode, service.store()))).isTrue();
    Referral fresh = Referral.create(new ReferralId(bob, AnonymousId.of("a-other")), BOB, null,
        ReferralState.CLICKED, T0, PartyFacts.NONE);
    assertThat(rule.flags(new FraudContext(fresh, bobCode, service.store()))).isFalse();
    assertThat(rule.reasonCode()).isEqualTo("duplicate_referee");
  }

  @Test
  void velocityCountsReferralsInARollingDay() {
    ReferralService service = builder()
        .fraudRules(List.of(FraudRules.velocity(3, Duration.ofDays(1)))).build();
    ReferralCode code = issue(service, ADA, PartyFacts.NONE);
    List<ReferralOutcome> outcomes = new ArrayList<>();
    Instant[] at = {T0, T0.plus(Duration.ofHours(6)), T0.plus(Duration.ofHours(12)),
        T0.plus(Duration.ofHours(18)), T0.plus(Duration.ofHours(31)), T0.plus(Duration.ofHours(32))};
    for (int i = 0; i < at.length; i++) {
      outcomes.add(service.apply(click(code, AnonymousId.of("a-" + i), at[i])));
    }
    assertThat(outcomes).extracting(ReferralOutcome::kind)
        .containsExactly(APPLIED, APPLIED, APPLIED, REJECTED, APPLIED, REJECTED);
    // At 18h: 0h, 6h, 12h are within a day. At 31h: 12h and 18h (rejected ones count too).
    // At 32h: 12h, 18h and 31h.
    assertThat(outcomes.get(3).reason()).isEqualTo("velocity");
    assertThatThrownBy(() -> FraudRules.velocity(0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be at least 1: 0");
    assertThatThrownBy(() -> FraudRules.velocity(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("window must be positive: PT0S");
  }

  /**
   * Idempotency as a property: any sequence of lifecycle signals, each delivered once or twice
   * in any order, leaves the same referral as delivering each once in order of first delivery.
   */
  @Test
  void redeliveringSignalsChangesNothing() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 12), integers().all())
        .checkAssert((steps, seed) -> {
          List<Signal> signals = new ArrayList<>();
          ReferralCode code = ReferralCode.fromPayload("K7MQ");
          for (int i = 0; i < steps.size(); i++) {
            Instant at = T0.plusSeconds(i);
            signals.add(switch (steps.get(i)) {
              case 0 -> click(code, VISITOR, at);
              case 1 -> signUp(NEW, VISITOR, at);
              case 2 -> convert(NEW, at);
              default -> signal(SignalType.REFERRAL_SHARED, ADA, at,
                  Map.of("referral_code", code.value(), "referee", VISITOR.asText()));
            });
          }
          List<Signal> redelivered = new ArrayList<>();
          Random random = new Random(seed);
          for (Signal s : signals) {
            redelivered.add(s);
            if (random.nextBoolean()) {
              redelivered.add(s);
            }
          }
          assertThat(finalState(redelivered, code)).isEqualTo(finalState(signals, code));
        });
  }

  private Referral finalState(List<Signal> signals, ReferralCode code) {
    ReferralStore store = ReferralStore.inMemory();
    store.insertCode(new IssuedCode(code, ADA, T0, PartyFacts.NONE));
    ReferralService service = ReferralService.builder(store).clock(now::get).random(new Random(1)).build();
    signals.forEach(service::apply);
    List<Referral> all = new ArrayList<>(store.findByReferee(VISITOR));
    all.addAll(store.findByReferee(NEW));
    Collections.sort(all, java.util.Comparator.comparing(Referral::toString));
    return all.isEmpty() ? null : all.get(0);
  }
}
