package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulator's own contract: the virtual clock, ids, and what it records. */
class JourneySimulatorTest {
  static final Instant T0 = JourneyMachineTest.T0;
  static final CustomerId ADA = JourneyMachineTest.ADA;

  JourneySimulator sim() {
    return JourneySimulator.builder(JourneyDefinitionTest.REGISTRY, T0)
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY))
        .customer(CustomerProfile.builder(ADA).build(), AdvocateTier.PROMOTER)
        .build();
  }

  @Test
  void timersFireAtTheirOwnInstantsWhileTheClockAdvances() {
    JourneySimulator sim = sim();
    sim.signal(ADA, SignalType.PURCHASE_COMPLETED, 1);
    sim.advance(Duration.ofDays(30));
    assertThat(sim.now()).isEqualTo(T0.plus(Duration.ofDays(30)));
    assertThat(sim.statesVisited("review-request:c-ada:1"))
        .containsExactly("invited", "reminded", "lapsed");
    assertThat(sim.audit("review-request:c-ada:1"))
        .filteredOn(e -> !e.trigger().equals("contact policy"))
        .extracting(AuditEntry::at).containsExactly(
        T0, T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(10)));
    // ADA has no consent: every ask is denied, and the review journey has no denial branch
    assertThat(sim.asks()).hasSize(2).allSatisfy(d ->
        assertThat(d.outcome()).isEqualTo(io.advocacy.core.contact.ContactOutcome.DENIED));
    assertThat(sim.actions()).isEmpty();
  }

  @Test
  void aSignalFromThePastIsDeliveredWithoutMovingTheClockBack() {
    JourneySimulator sim = sim();
    sim.advance(Duration.ofDays(2));
    sim.signal(Signal.of(SignalId.of("late"), ADA, SignalType.PURCHASE_COMPLETED, T0, 1));
    assertThat(sim.now()).isEqualTo(T0.plus(Duration.ofDays(2)));
    assertThat(sim.instances()).containsExactly("review-request:c-ada:1");
    // a future signal moves the clock, firing the reminder due on the way first
    sim.signal(Signal.of(SignalId.of("r"), ADA, SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(4)), 5));
    assertThat(sim.statesVisited("review-request:c-ada:1"))
        .containsExactly("invited", "reminded", "reviewed");
    assertThat(sim.instance("review-request:c-ada:1").goals()).containsExactly("reviewed");
  }

  @Test
  void misuseFailsFastNamingTheValue() {
    JourneySimulator sim = sim();
    assertThatThrownBy(() -> sim.advanceTo(T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target " + T0.minusSeconds(1) + " is before now " + T0);
    assertThatThrownBy(() -> sim.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("duration PT-1S is negative");
    assertThatThrownBy(() -> sim.instance("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no instance nope");
    assertThatThrownBy(() -> JourneySimulator.builder(JourneyDefinitionTest.REGISTRY, T0)
        .customer(CustomerProfile.builder(ADA).build(), AdvocateTier.NONE)
        .customer(CustomerProfile.builder(ADA).build(), AdvocateTier.NONE))
        .isInstanceOf(IllegalStateException.class).hasMessage("customer c-ada added twice");
  }
}
