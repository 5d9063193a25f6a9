package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyMachineTest {
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  static CustomerView view(CustomerProfile profile, AdvocateTier tier) {
    return CustomerView.of(profile, OptionalDouble.of(50), tier, Set.of(Motion.REVIEW));
  }

  static final CustomerView ADA_VIEW = view(CustomerProfile.builder(ADA)
      .timeZone(ZoneId.of("America/New_York"))
      .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2024, 2, 29)).build(),
      AdvocateTier.PROMOTER);

  static Signal signal(String id, SignalType type, Instant at) {
    return Signal.of(SignalId.of(id), ADA, type, at, 5);
  }

  final JourneyMachine machine = new JourneyMachine(
      JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY), JourneyDefinitionTest.REGISTRY);

  @Test
  void aReviewJourneyRunsOnTimersAndSignals() {
    Step started = machine.start("i-1", ADA_VIEW, signal("p-1", SignalType.PURCHASE_COMPLETED, T0), T0)
        .orElseThrow();
    JourneyInstance i = started.instance();
    assertThat(i.state()).isEqualTo("invited");
    assertThat(i.revision()).isEqualTo(1);
    assertThat(started.actions()).extracting(ActionRequest::idempotencyKey, ActionRequest::name, ActionRequest::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("i-1:r1:entry:0", "ask_review", ActionKind.ASK));
    assertThat(i.nextDue()).contains(T0.plus(Duration.ofDays(3)));
    // Nothing due yet.
    assertThat(machine.onTimers(i, T0.plus(Duration.ofDays(2)), ADA_VIEW).moved()).isFalse();
    Step reminded = machine.onTimers(i, T0.plus(Duration.ofDays(4)), ADA_VIEW);
    assertThat(reminded.instance().state()).isEqualTo("reminded");
    assertThat(reminded.instance().enteredAt()).isEqualTo(T0.plus(Duration.ofDays(3))); // the due time
    assertThat(reminded.actions()).extracting(ActionRequest::idempotencyKey)
        .containsExactly("i-1:r2:entry:0");
    Step reviewed = machine.onSignal(reminded.instance(),
        signal("r-1", SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(5))), ADA_VIEW);
    assertThat(reviewed.instance().state()).isEqualTo("reviewed");
    assertThat(reviewed.instance().running()).isFalse();
    assertThat(reviewed.instance().goals()).containsExactly("reviewed");
    assertThat(reviewed.instance().timers()).isEmpty(); // the 7-day lapse timer is cancelled
    assertThat(reviewed.actions()).extracting(ActionRequest::idempotencyKey, ActionRequest::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("i-1:r3:t2:0", "thank_reviewer"));
    assertThat(reviewed.audit()).singleElement().satisfies(a -> {
      assertThat(a.from()).isEqualTo("reminded");
      assertThat(a.trigger()).isEqualTo("on review_posted");
    });
    // An ended instance ignores everything.
    assertThat(machine.onSignal(reviewed.instance(),
        signal("c-1", SignalType.COMPLAINT_OPENED, T0.plus(Duration.ofDays(6))), ADA_VIEW).moved()).isFalse();
  }

  @Test
  void overdueTimersAfterDowntimeFireOnceInDueOrder() {
    JourneyInstance i = machine.start("i-2", ADA_VIEW, null, T0).orElseThrow().instance();
    Step late = machine.onTimers(i, T0.plus(Duration.ofDays(30)), ADA_VIEW);
    assertThat(late.audit()).extracting(AuditEntry::to).containsExactly("reminded", "lapsed");
    assertThat(late.audit()).extracting(AuditEntry::at)
        .containsExactly(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(10)));
    assertThat(machine.onTimers(late.instance(), T0.plus(Duration.ofDays(60)), ADA_VIEW).moved()).isFalse();
  }

  @Test
  void localTimesAnniversariesImmediateChainsAndThrowingGuards() {
    JourneyRegistry registry = JourneyRegistry.builder()
        .guard("boom", c -> {
          throw new IllegalStateException("host bug");
        })
        .guard("promoter", c -> c.customer().tier().atLeast(AdvocateTier.PROMOTER))
        .action("ask_review", ActionKind.ASK)
        .build();
    JourneyDefinition d = JourneyDefinition.builder(JourneyId.of("windows"), 1)
        .state("start").state("morning").state("anniversary").terminal("done").terminal("never")
        .from("start").immediately().to("never").when("boom")
        .from("start").immediately().to("morning").when("promoter")
        .from("morning").atNext(LocalTime.of(10, 0)).to("anniversary")
        .from("anniversary").onAnniversary(CustomerProfile.CUSTOMER_SINCE, LocalTime.of(9, 0)).to("done")
        .doing("ask_review")
        .build(registry);
    JourneyMachine m = new JourneyMachine(d, registry);
    Step s = m.start("i-3", ADA_VIEW, null, T0).orElseThrow(); // 10:00 EST on 1 March 2027
    assertThat(s.instance().state()).isEqualTo("morning");
    assertThat(s.audit()).extracting(AuditEntry::note)
        .contains("guard boom threw IllegalStateException: host bug");
    // Next 10:00 in New York after 10:00 EST on 1 March: 2 March 10:00 EST = 15:00Z.
    assertThat(s.instance().nextDue()).contains(Instant.parse("2027-03-02T15:00:00Z"));
    Step next = m.onTimers(s.instance(), Instant.parse("2027-03-02T15:00:00Z"), ADA_VIEW);
    assertThat(next.instance().state()).isEqualTo("anniversary");
    // customer since 29 Feb 2024: the 2028 anniversary is 29 Feb 2028 at 09:00 EST = 14:00Z
    // (2027 has no 29 February: 28 February 2027 is already past on 2 March 2027).
    assertThat(next.instance().nextDue()).contains(Instant.parse("2028-02-29T14:00:00Z"));
  }

  @Test
  void anEntryGuardCanSayNo() {
    JourneyRegistry registry = JourneyRegistry.builder().guard("champions", c -> c.customer().tier()
        == AdvocateTier.CHAMPION).build();
    JourneyDefinition d = JourneyDefinition.builder(JourneyId.of("champions-only"), 1)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("champions")
        .state("a").terminal("z").from("a").on(SignalType.REVIEW_POSTED).to("z").build(registry);
    assertThat(new JourneyMachine(d, registry).start("i-4", ADA_VIEW, null, T0)).isEmpty();
  }
}
