package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.SignalId;
import io.advocacy.core.contact.ContactOutcome;
import io.advocacy.core.contact.ContactPolicy;
import io.advocacy.core.contact.ContactReasonCode;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.internal.InMemoryInstanceStore;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The contact policy decides every ask before it reaches the outbox. */
class ContactGateTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** 22:00 in New York (EST, UTC-5): inside the default quiet hours 21:00-09:00. */
  static final Instant EVENING = Instant.parse("2027-03-02T03:00:00Z");
  /** 09:00 in New York the next morning. */
  static final Instant MORNING = Instant.parse("2027-03-02T14:00:00Z");
  static final Instant NOON = Instant.parse("2027-03-01T17:00:00Z");

  static final JourneyRegistry REGISTRY = JourneyRegistry.builder()
      .action("ask_review", ActionKind.ASK)
      .action("thank_reviewer", ActionKind.ISSUE_REWARD)
      .build();

  static JourneyDefinition.Builder journey(Named ask) {
    return JourneyDefinition.builder(JourneyId.of("review-request"), 1)
        .startsOn(SignalType.PURCHASE_COMPLETED)
        .state("invited").onEntry(ask)
        .terminal("reviewed").terminal("lapsed").terminal("not_asked")
        .from("invited").after(Duration.ofDays(10)).to("lapsed")
        .from("invited").on(JourneySignals.ASK_DENIED).to("not_asked")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed").doing("thank_reviewer");
  }

  static final Named ASK = Named.of("ask_review", "motion", "REVIEW", "channel", "EMAIL");

  static CustomerProfile consenting(String id) {
    return CustomerProfile.builder(CustomerId.of(id)).timeZone(NEW_YORK)
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2020-01-01T00:00:00Z")))
        .build();
  }

  final ContactPolicy policy = ContactPolicy.defaults();

  JourneyEngine engine(InstanceStore store, Named ask) {
    return JourneyEngine.builder(store, REGISTRY, c -> JourneyMachineTest.view(
            c.value().startsWith("silent") ? CustomerProfile.builder(c).timeZone(NEW_YORK).build()
                : consenting(c.value()), AdvocateTier.PROMOTER))
        .journey(journey(ask).build(REGISTRY))
        .contactPolicy(policy)
        .build();
  }

  static Signal signal(String id, String customer, SignalType type, Instant at) {
    return Signal.of(SignalId.of(id), CustomerId.of(customer), type, at, 5);
  }

  @Test
  void anAllowedAskReachesTheOutboxWithItsSlotReserved() {
    JourneyEngine engine = engine(InstanceStore.inMemory(), ASK);
    JourneyEngine.Result r = engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(r.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED);
      assertThat(d.decision().reservation()).isNotNull();
    });
    assertThat(engine.store().pending(10)).extracting(ActionRequest::idempotencyKey)
        .containsExactly("review-request:c-ada:1:r1:entry:0");
  }

  @Test
  void eachCommitCarriesTheContactSlotsItsAllowedAsksHoldAndNoOther() {
    List<Commit> commits = new ArrayList<>();
    InstanceStore real = InstanceStore.inMemory();
    InstanceStore recording = new ForwardingInstanceStore(real) {
      @Override
      public boolean commit(Commit commit) {
        commits.add(commit);
        return real.commit(commit);
      }

      @Override
      public boolean[] commitAll(List<Commit> batch) {
        commits.addAll(batch);
        return real.commitAll(batch);
      }
    };
    JourneyEngine engine = engine(recording, ASK);
    // in quiet hours: deferred, the commit holds no slot; the tick at nine sends it with its slot
    engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, EVENING));
    engine.tick(MORNING, 10);
    // allowed at once for another customer
    engine.handle(signal("p-2", "c-bo", SignalType.PURCHASE_COMPLETED, NOON));
    String ada = "review-request:c-ada:1:r1:entry:0";
    String bo = "review-request:c-bo:1:r1:entry:0";
    assertThat(commits).extracting(c -> c.instance().id(),
            c -> c.reservations().stream().map(r -> r.askId() + "@" + r.at()).toList())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("review-request:c-ada:1", List.of()),
            org.assertj.core.groups.Tuple.tuple("review-request:c-ada:1",
                List.of(ada + "@" + MORNING)),
            org.assertj.core.groups.Tuple.tuple("review-request:c-bo:1", List.of(bo + "@" + NOON)));
    // what each commit holds is what the contact history holds
    assertThat(commits.get(2).reservations()).singleElement()
        .satisfies(r -> assertThat(policy.release(r.askId())).isTrue());
  }

  @Test
  void aBatchReportsEachSignalsOwnContactDecisions() {
    JourneyEngine engine = engine(InstanceStore.inMemory(), ASK);
    List<JourneyEngine.Result> results = engine.handleAll(List.of(
        signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON),
        signal("r-0", "c-ada", SignalType.REVIEW_POSTED, NOON.plusSeconds(5)),
        signal("p-2", "silent-bo", SignalType.PURCHASE_COMPLETED, NOON),
        signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON)));
    assertThat(results).hasSize(4);
    assertThat(results.get(0).asks()).singleElement()
        .satisfies(d -> assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED));
    assertThat(results.get(1).asks()).isEmpty();
    assertThat(results.get(1).steps()).singleElement()
        .satisfies(st -> assertThat(st.instance().state()).isEqualTo("reviewed"));
    assertThat(results.get(2).asks()).singleElement().satisfies(d ->
        assertThat(d.decision().codes()).containsExactly(ContactReasonCode.NO_CONSENT));
    assertThat(results.get(3).duplicate()).isTrue();
    assertThat(results.get(3).asks()).isEmpty();
  }

  @Test
  void anAskInQuietHoursIsHeldAndSentAtNineInTheMorning() {
    JourneyEngine engine = engine(InstanceStore.inMemory(), ASK);
    JourneyEngine.Result r = engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, EVENING));
    assertThat(r.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.DEFERRED);
      assertThat(d.decision().deferredUntil()).isEqualTo(MORNING);
      assertThat(d.decision().codes()).containsExactly(ContactReasonCode.QUIET_HOURS);
    });
    JourneyInstance held = engine.store().find("review-request:c-ada:1").orElseThrow();
    assertThat(held.state()).isEqualTo("invited");
    assertThat(held.heldAsks()).singleElement().satisfies(h -> {
      assertThat(h.retryAt()).isEqualTo(MORNING);
      assertThat(h.attempts()).isEqualTo(1);
    });
    assertThat(held.nextDue()).contains(MORNING);
    assertThat(engine.store().pending(10)).isEmpty();
    assertThat(engine.store().audit(held.id())).extracting(AuditEntry::note)
        .contains("ask review-request:c-ada:1:r1:entry:0 deferred until " + MORNING
            + ": QUIET_HOURS");

    assertThat(engine.tick(MORNING.minusSeconds(1), 10).steps()).isEmpty();
    JourneyEngine.Result morning = engine.tick(MORNING, 10);
    assertThat(morning.asks()).singleElement()
        .satisfies(d -> assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED));
    assertThat(engine.store().pending(10)).extracting(ActionRequest::idempotencyKey)
        .containsExactly("review-request:c-ada:1:r1:entry:0");
    JourneyInstance after = engine.store().find("review-request:c-ada:1").orElseThrow();
    assertThat(after.heldAsks()).isEmpty();
    assertThat(after.nextDue()).contains(EVENING.plus(Duration.ofDays(10)));
    // Nothing more to do at the same instant: the ask is sent once.
    assertThat(engine.tick(MORNING, 10).steps()).isEmpty();
    assertThat(engine.store().pending(10)).hasSize(1);
    // sent by a later commit than the one that made it, the ask's key is still its
    // instance's own, found in its chain: the store's outbox spares it the key table
    assertThat(engine.store().acknowledge("review-request:c-ada:1:r1:entry:0")).isTrue();
    assertThat(engine.store().acknowledge("review-request:c-ada:1:r1:entry:0")).isFalse();
    assertThat(((InMemoryInstanceStore) engine.store()).keysChained()).isTrue();
  }

  @Test
  void aHeldAskIsDroppedWhenItsStateIsLeft() {
    JourneyEngine engine = engine(InstanceStore.inMemory(), ASK);
    engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, EVENING));
    engine.handle(signal("r-1", "c-ada", SignalType.REVIEW_POSTED, EVENING.plusSeconds(600)));
    JourneyInstance done = engine.store().find("review-request:c-ada:1").orElseThrow();
    assertThat(done.state()).isEqualTo("reviewed");
    assertThat(done.heldAsks()).isEmpty();
    assertThat(engine.tick(MORNING, 10).steps()).isEmpty();
    assertThat(engine.store().pending(10)).extracting(ActionRequest::name)
        .containsExactly("thank_reviewer");
  }

  @Test
  void aDeniedAskIsRecordedAndTheJourneyTakesItsDenialBranch() {
    JourneyEngine engine = engine(InstanceStore.inMemory(), ASK);
    JourneyEngine.Result r = engine.handle(signal("p-1", "silent-bo", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(r.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.DENIED);
      assertThat(d.decision().codes()).containsExactly(ContactReasonCode.NO_CONSENT);
    });
    JourneyInstance i = engine.store().find("review-request:silent-bo:1").orElseThrow();
    assertThat(i.state()).isEqualTo("not_asked");
    assertThat(i.running()).isFalse();
    assertThat(engine.store().pending(10)).isEmpty();
    assertThat(engine.store().audit(i.id()))
        .extracting(AuditEntry::from, AuditEntry::to, AuditEntry::trigger, AuditEntry::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("(start)", "invited", "on purchase_completed", ""),
            org.assertj.core.groups.Tuple.tuple("invited", "invited", "contact policy",
                "ask review-request:silent-bo:1:r1:entry:0 denied: NO_CONSENT"),
            org.assertj.core.groups.Tuple.tuple("invited", "not_asked", "on ask_denied", ""));
  }

  @Test
  void aRecentDetractorIsNotAskedForATestimonialButIsForAReview() {
    JourneyEngine engine = engine(InstanceStore.inMemory(),
        Named.of("ask_review", "motion", "TESTIMONIAL", "channel", "EMAIL"));
    policy.observe(Signal.nps(SignalId.of("n-1"), CustomerId.of("c-ada"), NOON.minusSeconds(3600), 3));
    JourneyEngine.Result r = engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(r.asks()).singleElement().satisfies(d ->
        assertThat(d.decision().codes()).containsExactly(ContactReasonCode.RECENT_DETRACTOR));
    assertThat(engine.store().find("review-request:c-ada:1").orElseThrow().state())
        .isEqualTo("not_asked");
    // a review ask is never held back by sentiment (no review gating)
    JourneyEngine reviews = engine(InstanceStore.inMemory(), ASK);
    JourneyEngine.Result asked =
        reviews.handle(signal("p-2", "c-ada", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(asked.asks()).singleElement().satisfies(d ->
        assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED));
    assertThat(reviews.store().find("review-request:c-ada:1").orElseThrow().state())
        .isEqualTo("invited");
  }

  @Test
  void anAskWithoutAMotionIsDeniedAsInvalid() {
    JourneyEngine engine = engine(InstanceStore.inMemory(), Named.of("ask_review", "channel", "EMAIL"));
    JourneyEngine.Result r = engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(r.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.DENIED);
      assertThat(d.decision()).isNull();
      assertThat(d.problem()).isEqualTo("ask ask_review has no valid motion parameter (null)");
    });
    assertThat(engine.store().find("review-request:c-ada:1").orElseThrow().state())
        .isEqualTo("not_asked");
  }

  /** A store whose first commit throws ({@code throwIt}) or is refused; the rest go through. */
  static InstanceStore firstCommitFails(InstanceStore real, boolean throwIt) {
    AtomicBoolean fail = new AtomicBoolean(true);
    return new ForwardingInstanceStore(real) {
      @Override
      public boolean commit(Commit commit) {
        if (fail.getAndSet(false)) {
          if (throwIt) {
            throw new IllegalStateException("database gone");
          }
          return false;
        }
        return real.commit(commit);
      }
    };
  }

  @Test
  void aCommitThatThrowsReleasesTheContactSlotAndTheSignalCanBeDeliveredAgain() {
    InstanceStore real = InstanceStore.inMemory();
    JourneyEngine engine = engine(firstCommitFails(real, true), ASK);
    Signal p1 = signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.handle(p1))
        .hasMessage("database gone");
    // delivered again: handled, and its ask is a fresh allowance, not a duplicate of a held slot
    JourneyEngine.Result again = engine.handle(p1);
    assertThat(again.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED);
      assertThat(d.decision().codes()).doesNotContain(ContactReasonCode.DUPLICATE_ASK);
    });
    assertThat(real.pending(10)).hasSize(1);
  }

  @Test
  void aCommitThatLosesItsRaceReleasesTheContactSlot() {
    InstanceStore real = InstanceStore.inMemory();
    JourneyEngine engine = engine(firstCommitFails(real, false), ASK);
    JourneyEngine.Result lost = engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(lost.steps()).isEmpty();
    assertThat(lost.skipped()).singleElement().asString().contains("another writer");
    // The slot was released: the same ask decided again is a fresh allowance, not a duplicate.
    JourneyEngine.Result again = engine.handle(signal("p-2", "c-ada", SignalType.PURCHASE_COMPLETED, NOON));
    assertThat(again.asks()).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo(ContactOutcome.ALLOWED);
      assertThat(d.decision().codes()).doesNotContain(ContactReasonCode.DUPLICATE_ASK);
    });
    assertThat(real.pending(10)).hasSize(1);
  }

  @Test
  void withoutAPolicyAsksGoStraightToTheOutbox() {
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(), REGISTRY,
            c -> JourneyMachineTest.view(CustomerProfile.builder(c).build(), AdvocateTier.NONE))
        .journey(journey(ASK).build(REGISTRY)).build();
    JourneyEngine.Result r = engine.handle(signal("p-1", "silent-bo", SignalType.PURCHASE_COMPLETED, EVENING));
    assertThat(r.asks()).isEmpty();
    assertThat(engine.store().pending(10)).hasSize(1);
  }
}
