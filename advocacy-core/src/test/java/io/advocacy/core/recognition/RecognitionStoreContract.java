package io.advocacy.core.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.SignalType;
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
 * The contract every {@link RecognitionStore} must pass. A host's own store extends this class
 * and returns a fresh, empty store from {@link #newStore()}. Ships in this module's test-jar.
 */
public abstract class RecognitionStoreContract {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract RecognitionStore newStore();

  private static Act act(String id, int seconds) {
    return new Act(SignalId.of(id), SignalType.REVIEW_POSTED, T0.plusSeconds(seconds), 50);
  }

  @Test
  void addsOncePerSignalIdAcrossCustomersAndKeepsOrder() {
    RecognitionStore store = newStore();
    assertThat(store.add(ADA, act("s-2", 20))).isTrue();
    assertThat(store.add(ADA, act("s-1", 10))).isTrue();
    assertThat(store.add(ADA, act("s-1", 10))).isFalse();
    assertThat(store.add(CustomerId.of("c-bob"), act("s-1", 10))).isFalse();
    assertThat(store.acts(ADA)).extracting(a -> a.id().value()).containsExactly("s-1", "s-2");
    assertThat(store.customers()).containsExactly(ADA);
    assertThat(store.acts(CustomerId.of("c-none"))).isEmpty();
  }

  @Test
  void concurrentAddsLoseNothingAndKeepEachIdOnce() throws Exception {
    RecognitionStore store = newStore();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> added = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        added.add(pool.submit(() -> {
          start.await();
          int n = 0;
          for (int i = 0; i < 50; i++) {
            n += store.add(ADA, act("s-" + ((thread + i) % 100), i)) ? 1 : 0;
          }
          return n;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : added) {
        total += f.get(10, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(65); // ids s-0 .. s-64 are reachable: (15 + 49) + 1
      assertThat(store.acts(ADA)).hasSize(65);
    } finally {
      pool.shutdownNow();
    }
  }
}
