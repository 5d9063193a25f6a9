package io.advocacy.core.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
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
 * The contract every {@link ParticipationStore} must pass. A host's own store extends this
 * class and returns a fresh, empty store from {@link #newStore()}. Ships in this module's
 * test-jar.
 */
public abstract class ParticipationStoreContract {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final ProgrammeId P = ProgrammeId.of("p-refer");

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract ParticipationStore newStore();

  private static Participation enrolled(String customer) {
    return Participation.enrolled(P, CustomerId.of(customer), 1, EnrolmentSource.SELF, T0);
  }

  @Test
  void insertsOnceAndReplacesByVersion() {
    ParticipationStore store = newStore();
    Participation ada = enrolled("c-ada");
    assertThat(store.insert(ada, 0)).isTrue();
    assertThat(store.insert(ada, 0)).isFalse();
    assertThat(store.find(P, CustomerId.of("c-ada"))).contains(ada);
    Participation out = ada.moveTo(ParticipationState.OPTED_OUT, T0.plusSeconds(1), 1,
        EnrolmentSource.SELF);
    assertThat(store.replace(ada, out, 0)).isTrue();
    assertThat(store.replace(ada, out, 0)).isFalse(); // stale version
    assertThat(store.find(P, CustomerId.of("c-ada"))).contains(out);
    assertThat(store.countEnrolled(P)).isZero();
    assertThat(store.find(ProgrammeId.of("p-other"), CustomerId.of("c-ada"))).isEmpty();
  }

  @Test
  void theLimitHoldsForInsertsAndReEnrolments() {
    ParticipationStore store = newStore();
    assertThat(store.insert(enrolled("c-1"), 2)).isTrue();
    assertThat(store.insert(enrolled("c-2"), 2)).isTrue();
    assertThat(store.insert(enrolled("c-3"), 2)).isFalse();
    Participation one = store.find(P, CustomerId.of("c-1")).orElseThrow();
    Participation out = one.moveTo(ParticipationState.OPTED_OUT, T0.plusSeconds(1), 1,
        EnrolmentSource.SELF);
    assertThat(store.replace(one, out, 2)).isTrue();
    assertThat(store.insert(enrolled("c-3"), 2)).isTrue();
    Participation back = out.moveTo(ParticipationState.ENROLLED, T0.plusSeconds(2), 1,
        EnrolmentSource.SELF);
    assertThat(store.replace(out, back, 2)).isFalse();
    assertThat(store.countEnrolled(P)).isEqualTo(2);
    assertThat(store.participations(P)).extracting(p -> p.customer().value())
        .containsExactly("c-1", "c-2", "c-3");
  }

  @Test
  void sixteenThreadsRacingForTheLastPlaceGetExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        ParticipationStore store = newStore();
        store.insert(enrolled("c-first"), 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          Participation mine = enrolled("c-" + t);
          answers.add(pool.submit(() -> {
            start.await();
            return store.insert(mine, 2);
          }));
        }
        start.countDown();
        int yes = 0;
        for (Future<Boolean> f : answers) {
          yes += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(yes).isEqualTo(1);
        assertThat(store.countEnrolled(P)).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
