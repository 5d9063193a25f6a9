package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Running instances move to a new definition version through a registered state mapping. */
class MigrationTest {
  static final Instant T0 = JourneyMachineTest.T0;
  static final JourneyRegistry REGISTRY = JourneyDefinitionTest.REGISTRY;
  static final JourneyId ID = JourneyId.of("review-request");

  /** Version 2 renames "reminded" to "nudged", drops "invited" and asks sooner. */
  static JourneyDefinition v2() {
    return JourneyDefinition.builder(ID, 2)
        .startsOn(SignalType.PURCHASE_COMPLETED)
        .state("asked").onEntry("ask_review")
        .state("nudged").onEntry("remind_review")
        .terminal("reviewed").terminal("lapsed").terminal("exited")
        .from("asked").after(Duration.ofDays(2)).to("nudged")
        .from("nudged").after(Duration.ofDays(5)).to("lapsed")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed").doing("thank_reviewer")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
        .build(REGISTRY);
  }

  static JourneyEngine.Builder builder(InstanceStore store) {
    return JourneyEngine.builder(store, REGISTRY,
        c -> JourneyMachineTest.view(CustomerProfile.builder(c).build(), AdvocateTier.PROMOTER));
  }

  static Signal signal(String id, String customer, SignalType type, Instant at) {
    return Signal.of(SignalId.of(id), CustomerId.of(customer), type, at, 5);
  }

  @Test
  void mappedInstancesMoveAndUnmappedOnesStayAndAreReported() {
    InstanceStore store = InstanceStore.inMemory();
    JourneyDefinition v1 = JourneyDefinitionTest.review().build(REGISTRY);
    JourneyEngine old = builder(store).journey(v1).build();
    old.handle(signal("p-a", "c-a", SignalType.PURCHASE_COMPLETED, T0));
    old.handle(signal("p-b", "c-b", SignalType.PURCHASE_COMPLETED, T0));
    old.tick(T0.plus(Duration.ofDays(3)), 10); // both now "reminded", entered at day 3
    old.handle(signal("p-c", "c-c", SignalType.PURCHASE_COMPLETED, T0.plus(Duration.ofDays(6))));

    JourneyEngine upgraded = builder(store).journey(v1).journey(v2())
        .migration(JourneyMigration.from(ID, 1).map("reminded", "nudged").build())
        .build();
    // c-a's instance migrates on its next signal, which v2 then handles.
    JourneyEngine.Result a = upgraded.handle(signal("x-a", "c-a", SignalType.NPS_ANSWERED,
        T0.plus(Duration.ofDays(4))));
    JourneyInstance ia = store.find("review-request:c-a:1").orElseThrow();
    assertThat(ia.definitionVersion()).isEqualTo(2);
    assertThat(ia.state()).isEqualTo("nudged");
    assertThat(ia.enteredAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    // v2's timer out of "nudged" (5 days) counts from entering it on day 3.
    assertThat(ia.nextDue()).contains(T0.plus(Duration.ofDays(8)));
    assertThat(a.skipped()).isEmpty();
    assertThat(store.audit(ia.id())).last().satisfies(e -> {
      assertThat(e.trigger()).isEqualTo("migration v1 -> v2");
      assertThat(e.from()).isEqualTo("reminded");
      assertThat(e.to()).isEqualTo("nudged");
      // stamped when it happened: at the signal that found the instance on v1
      assertThat(e.at()).isEqualTo(T0.plus(Duration.ofDays(4)));
    });
    // Until it moves, c-b's instance is due by v1's timer (day 10): at day 8 only c-a's
    // migrated instance lapses.
    assertThat(upgraded.tick(T0.plus(Duration.ofDays(8)), 10).steps())
        .extracting(s -> s.instance().id() + " " + s.instance().state())
        .containsExactly("review-request:c-a:1 lapsed");
    // Migrated eagerly, v2's timer (day 8) is overdue and fires on the next tick.
    assertThat(upgraded.migrate(CustomerId.of("c-b"), T0.plus(Duration.ofDays(7))).steps())
        .singleElement()
        .satisfies(s -> assertThat(s.instance().nextDue()).contains(T0.plus(Duration.ofDays(8))));
    assertThat(store.audit("review-request:c-b:1")).last().satisfies(e -> {
      assertThat(e.trigger()).isEqualTo("migration v1 -> v2");
      assertThat(e.at()).isEqualTo(T0.plus(Duration.ofDays(7)));
    });
    upgraded.tick(T0.plus(Duration.ofDays(8)), 10);
    assertThat(store.find("review-request:c-b:1").orElseThrow())
        .satisfies(i -> {
          assertThat(i.definitionVersion()).isEqualTo(2);
          assertThat(i.state()).isEqualTo("lapsed");
        });
    // c-c waits in "invited", which v2 lacks: it stays on v1, is reported, and still runs.
    JourneyEngine.Result c = upgraded.handle(signal("r-c", "c-c", SignalType.REVIEW_POSTED,
        T0.plus(Duration.ofDays(8))));
    assertThat(c.skipped()).containsExactly("review-request:c-c:1: state invited has no place in "
        + "review-request v2; it stays on v1");
    JourneyInstance ic = store.find("review-request:c-c:1").orElseThrow();
    assertThat(ic.definitionVersion()).isEqualTo(1);
    assertThat(ic.state()).isEqualTo("reviewed");
  }

  @Test
  void aMigrationWithoutAnInstantIsStampedWhenTheInstanceEnteredItsState() {
    InstanceStore store = InstanceStore.inMemory();
    JourneyDefinition v1 = JourneyDefinitionTest.review().build(REGISTRY);
    JourneyEngine old = builder(store).journey(v1).build();
    old.handle(signal("p-a", "c-a", SignalType.PURCHASE_COMPLETED, T0));
    old.tick(T0.plus(Duration.ofDays(3)), 10);
    JourneyEngine upgraded = builder(store).journey(v1).journey(v2())
        .migration(JourneyMigration.from(ID, 1).map("reminded", "nudged").build())
        .build();

    assertThat(upgraded.migrate(CustomerId.of("c-a")).steps()).hasSize(1);
    assertThat(store.audit("review-request:c-a:1")).last().satisfies(e -> {
      assertThat(e.trigger()).isEqualTo("migration v1 -> v2");
      assertThat(e.at()).isEqualTo(T0.plus(Duration.ofDays(3)));
    });
    // migrated already: a second walk changes nothing
    assertThat(upgraded.migrate(CustomerId.of("c-a"), T0.plus(Duration.ofDays(4))).steps())
        .isEmpty();
    assertThatThrownBy(() -> upgraded.migrate(CustomerId.of("c-a"), null))
        .isInstanceOf(NullPointerException.class).hasMessage("now");
  }

  @Test
  void aMigrationMustNameVersionsAndStatesThatExist() {
    JourneyDefinition v1 = JourneyDefinitionTest.review().build(REGISTRY);
    assertThatThrownBy(() -> builder(InstanceStore.inMemory()).journey(v1)
        .migration(JourneyMigration.from(ID, 1).build()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs versions 1 and 2");
    assertThatThrownBy(() -> builder(InstanceStore.inMemory()).journey(v1).journey(v2())
        .migration(JourneyMigration.from(ID, 1).map("reminded", "nowhere").build()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maps to state nowhere, which v2 lacks");
    assertThatThrownBy(() -> JourneyMigration.from(ID, 1).map("a", "b").map("a", "c"))
        .isInstanceOf(IllegalStateException.class).hasMessage("state a mapped twice");
    assertThatThrownBy(() -> JourneyMigration.from(ID, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from version 0");
  }
}
