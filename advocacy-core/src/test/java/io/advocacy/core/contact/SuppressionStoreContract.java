package io.advocacy.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.contact.SuppressionEvent.Kind;
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

/**
 * The contract every {@link SuppressionStore} must pass. A host's own store extends this class
 * and returns a fresh, empty store from {@link #newStore()}. Ships in this module's test-jar.
 */
public abstract class SuppressionStoreContract {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract SuppressionStore newStore();

  @Test
  void recordsOnceAndAnswersFacts() {
    SuppressionStore store = newStore();
    SuppressionEvent open = new SuppressionEvent(Kind.COMPLAINT_OPENED, ADA, "case-1", T0);
    assertThat(store.record(open)).isTrue();
    assertThat(store.record(open)).isFalse();
    assertThat(store.facts(ADA).events()).containsExactly(open);
    assertThat(store.facts(CustomerId.of("c-unknown"))).isEqualTo(
        SuppressionFacts.none(CustomerId.of("c-unknown")));
    assertThat(store.facts(ADA).reasonsAt(T0, Duration.ofDays(90)))
        .extracting(ContactReason::code).containsExactly(ContactReasonCode.OPEN_COMPLAINT);
  }

  @Test
  void concurrentRecordingsLoseNoEvent() throws Exception {
    SuppressionStore store = newStore();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 20; i++) {
            store.record(new SuppressionEvent(Kind.DETRACTOR_ANSWER, ADA, null,
                T0.plusSeconds(thread * 100L + i)));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertThat(store.facts(ADA).events()).hasSize(16 * 20);
    } finally {
      pool.shutdownNow();
    }
  }
}
