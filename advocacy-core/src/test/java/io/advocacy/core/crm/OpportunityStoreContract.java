package io.advocacy.core.crm;

import static io.advocacy.core.crm.CrmFixtures.T0;
import static io.advocacy.core.crm.CrmFixtures.day;
import static io.advocacy.core.crm.CrmFixtures.full;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AccountId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.crm.ApplyResult.Status;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
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
 * The contract every {@link OpportunityStore} must pass. A host's own store extends this class
 * and returns a fresh, empty store from {@link #newStore()}. Ships in this module's test-jar.
 */
public abstract class OpportunityStoreContract {
  private static final int THREADS = 16;
  private static final OpportunityId ID = OpportunityId.of("006-1");
  private static final AccountId ACME = AccountId.of("001-acme");

  private ExecutorService pool;

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract OpportunityStore newStore();

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static OpportunityRecord record(String opportunity, String account, long version,
      String... signalIds) {
    List<Signal> signals = new ArrayList<>();
    for (String s : signalIds) {
      signals.add(full(s, SignalType.OPPORTUNITY_CREATED, T0, "1", "Open"));
    }
    return new OpportunityRecord(Opportunity.open(OpportunityId.of(opportunity),
        AccountId.of(account), Money.of("1", "USD"), T0), signals, version);
  }

  @Test
  void insertOnlyIfAbsentAndFindIt() {
    OpportunityStore store = newStore();
    OpportunityRecord r = record("006-1", "001-acme", 0, "e1");
    assertThat(store.find(ID)).isEmpty();
    assertThat(store.insert(r)).isTrue();
    assertThat(store.insert(record("006-1", "001-other", 0, "e9"))).isFalse();
    assertThat(store.find(ID)).contains(r);
    assertThat(store.all()).containsExactly(r);
    assertThatThrownBy(() -> store.insert(record("006-2", "001-acme", 1, "e1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replaceIsACompareAndSetOnTheVersion() {
    OpportunityStore store = newStore();
    OpportunityRecord v0 = record("006-1", "001-acme", 0, "e1");
    store.insert(v0);
    OpportunityRecord v1 = record("006-1", "001-acme", 1, "e1", "e2");
    assertThat(store.replace(v0, v1)).isTrue();
    assertThat(store.replace(v0, v1)).isFalse();
    assertThat(store.find(ID)).contains(v1);
    assertThat(store.replace(record("006-7", "001-acme", 0, "e1"),
        record("006-7", "001-acme", 1, "e1"))).isFalse();
    assertThatThrownBy(() -> store.replace(v1, record("006-1", "001-acme", 3, "e1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.replace(v1, record("006-2", "001-acme", 2, "e1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findByAccountFollowsTheCurrentOpportunity() {
    OpportunityStore store = newStore();
    OpportunityRecord a = record("006-1", "001-acme", 0, "e1");
    store.insert(a);
    store.insert(record("006-2", "001-other", 0, "e2"));
    assertThat(store.findByAccount(ACME)).containsExactly(a);
    OpportunityRecord moved = record("006-1", "001-other", 1, "e1", "e3");
    store.replace(a, moved);
    assertThat(store.findByAccount(ACME)).isEmpty();
    assertThat(store.findByAccount(AccountId.of("001-other"))).hasSize(2);
  }

  @Test
  void sixteenThreadsDeliveringTheSameSignalCreateOnce() throws Exception {
    for (int round = 0; round < 50; round++) {
      OpportunityBook book = OpportunityBook.over(newStore());
      Signal created = full("race-" + round, SignalType.OPPORTUNITY_CREATED, T0, "10", "Open");
      List<ApplyResult> results = runTogether(() -> book.apply(created));
      assertThat(results).filteredOn(r -> r.status() == Status.CREATED).hasSize(1);
      assertThat(results).filteredOn(r -> r.status() == Status.DUPLICATE).hasSize(THREADS - 1);
      assertThat(book.opportunities()).hasSize(1);
    }
  }

  @Test
  void sixteenThreadsWithDifferentSignalsLoseNoUpdate() throws Exception {
    for (int round = 0; round < 20; round++) {
      OpportunityStore store = newStore();
      OpportunityBook book = OpportunityBook.over(store);
      List<Callable<ApplyResult>> tasks = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        // Thread i delivers a created signal on day i with amount 100 + i; day 15's wins.
        Signal s = full("s-" + i, SignalType.OPPORTUNITY_CREATED, day(i),
            String.valueOf(100 + i), "stage-" + i);
        tasks.add(() -> book.apply(s));
      }
      List<ApplyResult> results = runAll(tasks);
      assertThat(results).filteredOn(r -> r.status() == Status.CREATED).hasSize(1);
      assertThat(results).allMatch(ApplyResult::applied);
      OpportunityRecord stored = store.find(ID).orElseThrow();
      assertThat(stored.signals()).extracting(Signal::id).hasSize(THREADS)
          .contains(SignalId.of("s-0"), SignalId.of("s-15"));
      assertThat(stored.opportunity()).isEqualTo(new Opportunity(ID, ACME, CrmFixtures.CONTACT,
          Money.of("115", "USD"), "stage-15", T0, OpportunityStatus.OPEN, null, null));
      // Versions: 1 insert + 15 replacements.
      assertThat(stored.version()).isEqualTo(THREADS - 1);
    }
  }

  private <T> List<T> runTogether(Callable<T> task) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      tasks.add(task);
    }
    return runAll(tasks);
  }

  private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> t : tasks) {
      futures.add(pool.submit(() -> {
        start.await();
        return t.call();
      }));
    }
    start.countDown();
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get(30, TimeUnit.SECONDS));
    }
    return out;
  }
}
