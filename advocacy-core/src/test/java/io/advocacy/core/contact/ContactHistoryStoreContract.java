package io.advocacy.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.profile.ContactChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ContactHistoryStore} must pass. A host's own store extends this
 * class and returns a fresh, empty store from {@link #newStore()}. Ships in this module's
 * test-jar.
 */
public abstract class ContactHistoryStoreContract {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");
  private static final CustomerId BOB = CustomerId.of("c-bob");
  private static final FrequencyRules ONE_PER_DAY =
      new FrequencyRules(List.of(FrequencyCap.perCustomer(1, Duration.ofDays(1))), Duration.ZERO);
  private static final int THREADS = 16;

  private ExecutorService pool;

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract ContactHistoryStore newStore();

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static ContactReservation r(String askId, CustomerId who, Instant at) {
    return new ContactReservation(askId, who, ContactChannel.EMAIL, Motion.REVIEW,
        ProgrammeId.of("p-reviews"), at);
  }

  @Test
  void reservesRefusesAndRecognisesDuplicates() {
    ContactHistoryStore store = newStore();
    ReservationResult first = store.reserve(r("a-1", ADA, T0), ONE_PER_DAY);
    assertThat(first.status()).isEqualTo(ReservationResult.Status.RESERVED);
    ReservationResult again = store.reserve(r("a-1", ADA, T0.plusSeconds(99)), ONE_PER_DAY);
    assertThat(again.status()).isEqualTo(ReservationResult.Status.DUPLICATE);
    assertThat(again.reservation()).isEqualTo(r("a-1", ADA, T0));
    ReservationResult refused = store.reserve(r("a-2", ADA, T0.plusSeconds(3600)), ONE_PER_DAY);
    assertThat(refused.status()).isEqualTo(ReservationResult.Status.REFUSED);
    assertThat(refused.reasons()).extracting(ContactReason::code)
        .containsExactly(ContactReasonCode.CUSTOMER_CAP);
    assertThat(store.reserve(r("a-3", BOB, T0), ONE_PER_DAY).status())
        .isEqualTo(ReservationResult.Status.RESERVED);
    assertThat(store.find("a-1")).contains(r("a-1", ADA, T0));
    assertThat(store.find("a-2")).isEmpty();
    assertThat(store.reservations(ADA)).containsExactly(r("a-1", ADA, T0));
  }

  @Test
  void releaseIsIdempotentAndFreesTheSlot() {
    ContactHistoryStore store = newStore();
    store.reserve(r("a-1", ADA, T0), ONE_PER_DAY);
    assertThat(store.release("a-1")).isTrue();
    assertThat(store.release("a-1")).isFalse();
    assertThat(store.release("a-unknown")).isFalse();
    assertThat(store.reservations(ADA)).isEmpty();
    assertThat(store.reserve(r("a-2", ADA, T0), ONE_PER_DAY).status())
        .isEqualTo(ReservationResult.Status.RESERVED);
    assertThat(store.reserve(r("a-1", ADA, T0.plus(Duration.ofDays(2))), ONE_PER_DAY).status())
        .isEqualTo(ReservationResult.Status.RESERVED);
  }

  @Test
  void reservationsAreOldestFirstAndForgettable() {
    ContactHistoryStore store = newStore();
    store.reserve(r("a-3", ADA, T0.plus(Duration.ofDays(3))), FrequencyRules.NONE);
    store.reserve(r("a-2", ADA, T0), FrequencyRules.NONE);
    store.reserve(r("a-1", ADA, T0), FrequencyRules.NONE);
    assertThat(store.reservations(ADA)).extracting(ContactReservation::askId)
        .containsExactly("a-1", "a-2", "a-3");
    assertThat(store.forgetBefore(T0.plusSeconds(1))).isEqualTo(2);
    assertThat(store.reservations(ADA)).extracting(ContactReservation::askId).containsExactly("a-3");
    assertThat(store.find("a-1")).isEmpty();
  }

  @Test
  void sixteenThreadsRacingForTheLastSlotGetExactlyOneYes() throws Exception {
    for (int round = 0; round < 30; round++) {
      ContactHistoryStore store = newStore();
      CustomerId who = CustomerId.of("c-race-" + round);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ReservationResult>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        ContactReservation mine = r("a-" + round + "-" + t, who, T0.plusSeconds(t));
        Callable<ReservationResult> task = () -> {
          start.await();
          return store.reserve(mine, ONE_PER_DAY);
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      int reserved = 0;
      for (Future<ReservationResult> f : results) {
        if (f.get(10, TimeUnit.SECONDS).status() == ReservationResult.Status.RESERVED) {
          reserved++;
        }
      }
      assertThat(reserved).isEqualTo(1);
      assertThat(store.reservations(who)).hasSize(1);
    }
  }

  @Test
  void sixteenThreadsWithOneAskIdReserveOnce() throws Exception {
    ContactHistoryStore store = newStore();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ReservationResult>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(pool.submit(() -> {
        start.await();
        return store.reserve(r("a-same", ADA, T0), FrequencyRules.NONE);
      }));
    }
    start.countDown();
    int reserved = 0;
    for (Future<ReservationResult> f : results) {
      ReservationResult result = f.get(10, TimeUnit.SECONDS);
      assertThat(result.status()).isIn(ReservationResult.Status.RESERVED,
          ReservationResult.Status.DUPLICATE);
      reserved += result.status() == ReservationResult.Status.RESERVED ? 1 : 0;
    }
    assertThat(reserved).isEqualTo(1);
    assertThat(store.reservations(ADA)).hasSize(1);
  }

  @Test
  void concurrentReservationsOfDifferentCustomersLoseNothing() throws Exception {
    ContactHistoryStore store = newStore();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 50; i++) {
          CustomerId who = CustomerId.of("c-" + (i % 4));
          store.reserve(r("a-" + thread + "-" + i, who, T0.plusSeconds(thread * 1000L + i)),
              FrequencyRules.NONE);
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }
    int total = 0;
    for (int c = 0; c < 4; c++) {
      total += store.reservations(CustomerId.of("c-" + c)).size();
    }
    assertThat(total).isEqualTo(THREADS * 50);
  }
}
