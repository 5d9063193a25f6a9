package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link InstanceStore} must pass. A host's own store extends this class and
 * returns a fresh, empty store from {@link #newStore()}. Ships in this module's test-jar.
 */
public abstract class InstanceStoreContract {
  private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract InstanceStore newStore();

  private static JourneyInstance instance(String id, long revision, Instant due) {
    return new JourneyInstance(id, JourneyId.of("j"), 1, ADA, "s", T0, Map.of(),
        due == null ? List.of() : List.of(new PendingTimer(0, due)), Set.of(), null, revision);
  }

  private static ActionRequest action(String key) {
    return new ActionRequest(key, "i-1", ADA, "ask_review", ActionKind.ASK, Map.of(), T0);
  }

  @Test
  void commitsOnlyAtTheExpectedRevision() {
    InstanceStore store = newStore();
    assertThat(store.commit(new Commit(instance("i-1", 1, null), -1, List.of(action("k-1")), List.of())))
        .isTrue();
    assertThat(store.commit(new Commit(instance("i-1", 1, null), -1, List.of(), List.of()))).isFalse();
    assertThat(store.commit(new Commit(instance("i-1", 2, null), 0, List.of(), List.of()))).isFalse();
    assertThat(store.commit(new Commit(instance("i-1", 2, null), 1, List.of(action("k-2")), List.of())))
        .isTrue();
    assertThat(store.find("i-1").orElseThrow().revision()).isEqualTo(2);
    assertThat(store.byCustomer(ADA)).extracting(JourneyInstance::id).containsExactly("i-1");
    assertThat(store.pending(10)).extracting(ActionRequest::idempotencyKey).containsExactly("k-1", "k-2");
  }

  @Test
  void heldAsksArePersistedAndMakeTheInstanceDueAtTheirRetryInstant() {
    InstanceStore store = newStore();
    JourneyInstance held = instance("i-1", 1, T0.plusSeconds(7_200))
        .withHeldAsks(List.of(new HeldAsk(action("k-1"), T0.plusSeconds(3_600), 1)));
    assertThat(store.commit(new Commit(held, -1, List.of(), List.of()))).isTrue();
    assertThat(store.find("i-1")).contains(held);
    assertThat(store.due(T0.plusSeconds(3_599), 10)).isEmpty();
    assertThat(store.due(T0.plusSeconds(3_600), 10)).containsExactly(held);
    // once the ask is decided, the instance is due at its timer again
    JourneyInstance sent = new JourneyInstance("i-1", JourneyId.of("j"), 1, ADA, "s", T0, Map.of(),
        List.of(new PendingTimer(0, T0.plusSeconds(7_200))), Set.of(), null, 2);
    assertThat(store.commit(new Commit(sent, 1, List.of(action("k-1")), List.of()))).isTrue();
    assertThat(store.due(T0.plusSeconds(3_600), 10)).isEmpty();
    assertThat(store.due(T0.plusSeconds(7_200), 10)).containsExactly(sent);
  }

  @Test
  void anActionIsInTheOutboxOnceAndAcknowledgedOnce() {
    InstanceStore store = newStore();
    store.commit(new Commit(instance("i-1", 1, null), -1, List.of(action("k-1")), List.of()));
    store.commit(new Commit(instance("i-1", 2, null), 1, List.of(action("k-1")), List.of()));
    assertThat(store.pending(10)).hasSize(1);
    assertThat(store.acknowledge("k-1")).isTrue();
    assertThat(store.acknowledge("k-1")).isFalse();
    store.commit(new Commit(instance("i-1", 3, null), 2, List.of(action("k-1")), List.of()));
    assertThat(store.pending(10)).isEmpty();
  }

  @Test
  void dueTimersComeOldestFirstAndMoveWithTheInstance() {
    InstanceStore store = newStore();
    store.commit(new Commit(instance("i-b", 1, T0.plus(Duration.ofDays(2))), -1, List.of(), List.of()));
    store.commit(new Commit(instance("i-a", 1, T0.plus(Duration.ofDays(1))), -1, List.of(), List.of()));
    store.commit(new Commit(instance("i-c", 1, T0.plus(Duration.ofDays(9))), -1, List.of(), List.of()));
    assertThat(store.due(T0.plus(Duration.ofDays(3)), 10)).extracting(JourneyInstance::id)
        .containsExactly("i-a", "i-b");
    assertThat(store.due(T0.plus(Duration.ofDays(3)), 1)).extracting(JourneyInstance::id)
        .containsExactly("i-a");
    store.commit(new Commit(instance("i-a", 2, T0.plus(Duration.ofDays(5))), 1, List.of(), List.of()));
    assertThat(store.due(T0.plus(Duration.ofDays(3)), 10)).extracting(JourneyInstance::id)
        .containsExactly("i-b");
  }

  @Test
  void commitAllChecksEachCommitAtItsOwnRevisionInOrder() {
    InstanceStore store = newStore();
    boolean[] done = store.commitAll(List.of(
        new Commit(instance("i-1", 1, null), -1, List.of(action("k-1")), List.of()),
        new Commit(instance("i-1", 2, null), 1, List.of(action("k-2")), List.of()),
        new Commit(instance("i-2", 1, null), 0, List.of(action("k-3")), List.of()),
        new Commit(instance("i-2", 1, null), -1, List.of(), List.of())));
    assertThat(done).containsExactly(true, true, false, true);
    assertThat(store.find("i-1").orElseThrow().revision()).isEqualTo(2);
    assertThat(store.byCustomer(ADA)).extracting(JourneyInstance::id).containsExactly("i-1", "i-2");
    assertThat(store.pending(10)).extracting(ActionRequest::idempotencyKey)
        .containsExactly("k-1", "k-2");
  }

  @Test
  void theAuditTrailComesBackExactly() {
    InstanceStore store = newStore();
    Instant at = T0.plusNanos(123_456_789);
    List<AuditEntry> first = List.of(new AuditEntry("i-1", "(start)", "s", "on cycle_started",
        at, List.of("i-1:r1:entry:0"), ""));
    List<AuditEntry> second = List.of(new AuditEntry("i-1", "s", "état ✓", "contact policy",
        at.plusNanos(1), List.of("i-1:r2:entry:0", "鍵-7"), "ask deferred until 🌙 ends"));
    store.commit(new Commit(instance("i-1", 1, null), -1, List.of(), first));
    store.commit(new Commit(instance("i-1", 2, null), 1, List.of(), second));
    assertThat(store.audit("i-1")).containsExactly(first.get(0), second.get(0));
    assertThat(store.audit("i-2")).isEmpty();
  }

  @Test
  void aKeyAcknowledgedBeforeItWasAddedIsNeverPending() {
    InstanceStore store = newStore();
    assertThat(store.acknowledge("k-2")).isFalse();
    store.commit(new Commit(instance("i-1", 1, null), -1,
        List.of(action("k-1"), action("k-2"), action("k-3"), action("k-4")), List.of()));
    assertThat(store.acknowledge("k-3")).isTrue();
    assertThat(store.pending(10)).extracting(ActionRequest::idempotencyKey)
        .containsExactly("k-1", "k-4");
    assertThat(store.pending(1)).extracting(ActionRequest::idempotencyKey).containsExactly("k-1");
  }

  @Test
  void timersDueAtTheSameInstantComeInIdOrder() {
    InstanceStore store = newStore();
    Instant due = T0.plusNanos(5);
    for (String id : List.of("i-b", "i-c", "i-a", "i-ab")) {
      store.commit(new Commit(instance(id, 1, due), -1, List.of(), List.of()));
    }
    store.commit(new Commit(instance("i-0", 1, due.plusNanos(1)), -1, List.of(), List.of()));
    assertThat(store.due(due, 10)).extracting(JourneyInstance::id)
        .containsExactly("i-a", "i-ab", "i-b", "i-c");
    assertThat(store.due(due.minusNanos(1), 10)).isEmpty();
  }

  @Test
  void sixteenThreadsCommittingFromOneRevisionHaveOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        InstanceStore store = newStore();
        store.commit(new Commit(instance("i-1", 1, null), -1, List.of(), List.of()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          int thread = t;
          results.add(pool.submit(() -> {
            start.await();
            return store.commit(new Commit(instance("i-1", 2, null), 1,
                List.of(action("k-" + thread)), List.of()));
          }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
          won += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
        assertThat(store.pending(100)).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readersByCustomerNeverGoBackWhileWritersCommit() throws Exception {
    // Two writers move 300 customers' instances on, revision by revision, and give every tenth
    // customer a second instance half-way; two readers meanwhile read customers and check that
    // what they read was committed (the state names the revision) and never older than what
    // they read before.
    int customers = 300;
    int revisions = 40;
    InstanceStore store = newStore();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          start.await();
          int failed = 0;
          for (int r = 1; r <= revisions; r++) {
            for (int c = writer; c < customers; c += 2) {
              failed += store.commit(new Commit(moved("i-" + c, c, r), r == 1 ? -1 : r - 1,
                  List.of(), List.of())) ? 0 : 1;
              if (c % 10 == 0 && r == revisions / 2) {
                failed += store.commit(new Commit(moved("i-" + c + "-b", c, 1), -1, List.of(),
                    List.of())) ? 0 : 1;
              }
            }
          }
          return failed;
        }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int seed = t;
        readers.add(pool.submit(() -> {
          start.await();
          Random random = new Random(seed);
          Map<String, Long> seen = new HashMap<>();
          int[] instances = new int[customers];
          int reads = 0;
          while (writing.get() || reads < 10_000) {
            int c = random.nextInt(customers);
            List<JourneyInstance> found = store.byCustomer(CustomerId.of("c-" + c));
            assertThat(found.size()).as("instances of c-%s", c)
                .isGreaterThanOrEqualTo(instances[c]);
            instances[c] = found.size();
            for (JourneyInstance i : found) {
              assertThat(i.customer()).isEqualTo(CustomerId.of("c-" + c));
              assertThat(i.state()).as("state of %s", i.id()).isEqualTo("s" + i.revision());
              Long before = seen.put(i.id(), i.revision());
              assertThat(i.revision()).as("revision of %s", i.id())
                  .isGreaterThanOrEqualTo(before == null ? 0 : before);
            }
            reads++;
          }
          return reads;
        }));
      }
      start.countDown();
      for (Future<Integer> f : writers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).as("commits refused").isZero();
      }
      writing.set(false);
      for (Future<Integer> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10_000);
      }
      for (int c = 0; c < customers; c++) {
        List<JourneyInstance> found = store.byCustomer(CustomerId.of("c-" + c));
        assertThat(found).extracting(JourneyInstance::revision)
            .containsExactlyElementsOf(c % 10 == 0 ? List.of((long) revisions, 1L)
                : List.of((long) revisions));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Instance {@code id} of customer {@code c-<customer>} at a revision, in state "s<revision>". */
  private static JourneyInstance moved(String id, int customer, long revision) {
    return new JourneyInstance(id, JourneyId.of("j"), 1, CustomerId.of("c-" + customer),
        "s" + revision, T0, Map.of(), List.of(), Set.of(), null, revision);
  }
}
