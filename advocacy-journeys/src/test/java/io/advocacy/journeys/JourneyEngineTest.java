package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {
  static final Instant T0 = JourneyMachineTest.T0;

  static JourneyEngine engine() {
    return JourneyEngine.builder(InstanceStore.inMemory(), JourneyDefinitionTest.REGISTRY,
            c -> JourneyMachineTest.view(CustomerProfile.builder(c).build(), AdvocateTier.PROMOTER))
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY))
        .build();
  }

  static Signal signal(String id, String customer, SignalType type, Instant at) {
    return Signal.of(SignalId.of(id), CustomerId.of(customer), type, at, 5);
  }

  @Test
  void aSignalStartsAJourneyTimersAdvanceItAndTheOutboxHoldsEachActionOnce() {
    JourneyEngine engine = engine();
    JourneyEngine.Result started = engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0));
    assertThat(started.steps()).singleElement().satisfies(s ->
        assertThat(s.instance().id()).isEqualTo("review-request:c-ada:1"));
    assertThat(engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0)).duplicate()).isTrue();
    // A second purchase while the journey runs starts nothing.
    assertThat(engine.handle(signal("p-2", "c-ada", SignalType.PURCHASE_COMPLETED, T0.plusSeconds(60)))
        .steps()).isEmpty();
    assertThat(engine.tick(T0.plus(Duration.ofDays(1)), 100).steps()).isEmpty();
    assertThat(engine.tick(T0.plus(Duration.ofDays(4)), 100).steps()).singleElement()
        .satisfies(s -> assertThat(s.instance().state()).isEqualTo("reminded"));
    engine.handle(signal("r-1", "c-ada", SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(5))));
    InstanceStore store = engine.store();
    assertThat(store.find("review-request:c-ada:1").orElseThrow().state()).isEqualTo("reviewed");
    assertThat(store.pending(100)).extracting(ActionRequest::name)
        .containsExactly("ask_review", "remind_review", "thank_reviewer");
    assertThat(store.audit("review-request:c-ada:1")).extracting(AuditEntry::to)
        .containsExactly("invited", "reminded", "reviewed");
    // Re-entry after a 90-day cooldown from the end (day 5).
    assertThat(engine.handle(signal("p-3", "c-ada", SignalType.PURCHASE_COMPLETED,
        T0.plus(Duration.ofDays(94)))).steps()).isEmpty();
    assertThat(engine.handle(signal("p-4", "c-ada", SignalType.PURCHASE_COMPLETED,
        T0.plus(Duration.ofDays(95)))).steps()).singleElement()
        .satisfies(s -> assertThat(s.instance().id()).isEqualTo("review-request:c-ada:2"));
  }

  @Test
  void concurrentSignalsLoseNoUpdate() throws Exception {
    JourneyEngine engine = engine();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      java.util.concurrent.CyclicBarrier purchasesDone = new java.util.concurrent.CyclicBarrier(16);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          // every thread delivers the same purchase of each customer, then (after all
          // purchases are in) one of two reviews: signals are applied in arrival order
          for (int c = 0; c < 40; c++) {
            engine.handle(signal("p-" + c, "c-" + c, SignalType.PURCHASE_COMPLETED, T0));
          }
          purchasesDone.await();
          for (int c = 0; c < 40; c++) {
            engine.handle(signal("r-" + c + "-" + thread % 2, "c-" + c, SignalType.REVIEW_POSTED,
                T0.plusSeconds(60 + thread % 2)));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      for (int c = 0; c < 40; c++) {
        List<JourneyInstance> instances = engine.store().byCustomer(CustomerId.of("c-" + c));
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).state()).isEqualTo("reviewed");
      }
      // one ask and one thank-you per customer, whatever the interleaving
      assertThat(engine.store().pending(1000)).hasSize(80);
    } finally {
      pool.shutdownNow();
    }
  }
}
