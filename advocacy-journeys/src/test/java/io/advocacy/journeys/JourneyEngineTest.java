package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

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
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {
  static final Instant T0 = JourneyMachineTest.T0;

  static JourneyEngine engine() {
    return builder(InstanceStore.inMemory()).build();
  }

  /** An engine builder over a store with the review journey and a promoter's view. */
  static JourneyEngine.Builder builder(InstanceStore store) {
    return JourneyEngine.builder(store, JourneyDefinitionTest.REGISTRY,
            c -> JourneyMachineTest.view(CustomerProfile.builder(c).build(), AdvocateTier.PROMOTER))
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY));
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
  void concurrentSignalsAndBatchesLoseNoUpdate() throws Exception {
    // Every thread delivers the same purchase of each customer, then (after all purchases are
    // in) one of two reviews: signals are applied in arrival order. Half the threads deliver
    // theirs in batches (the purchases in one, the reviews in batches of seven), half alone.
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
          List<Signal> purchases = new ArrayList<>();
          List<Signal> reviews = new ArrayList<>();
          for (int c = 0; c < 40; c++) {
            purchases.add(signal("p-" + c, "c-" + c, SignalType.PURCHASE_COMPLETED, T0));
            reviews.add(signal("r-" + c + "-" + thread % 2, "c-" + c, SignalType.REVIEW_POSTED,
                T0.plusSeconds(60 + thread % 2)));
          }
          if (thread % 4 < 2) {
            engine.handleAll(purchases);
          } else {
            purchases.forEach(engine::handle);
          }
          purchasesDone.await();
          for (int from = 0; from < reviews.size(); from += 7) {
            List<Signal> some = reviews.subList(from, Math.min(reviews.size(), from + 7));
            if (thread % 4 < 2) {
              engine.handleAll(some);
            } else {
              some.forEach(engine::handle);
            }
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
        assertThat(engine.store().audit(instances.get(0).id())).extracting(AuditEntry::to)
            .containsExactly("invited", "reviewed");
      }
      assertThat(engine.store().pending(1000)).hasSize(80);
      assertThat(engine.rememberedSignalIds()).isEqualTo(120);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentPingsOfOneCustomerEachTakeEffectOnceInBatchesOrAlone() throws Exception {
    // Every ping moves the instance to the state it is in: a new revision and an audit entry
    // each. Eight threads ping four customers, half in batches: no ping may be lost to another
    // writer (a commit refused for a revision moved under it), so each customer's revision is
    // one more than its pings, and its audit one entry per ping after the start.
    SignalType[] types = JourneyMachineTest.TYPES;
    JourneyDefinition d = JourneyDefinition.builder(io.advocacy.core.JourneyId.of("pings"), 1)
        .startsOn(types[2]).state("a").terminal("z")
        .from("a").on(types[0]).to("a")
        .from("a").on(types[1]).to("z")
        .build(JourneyMachineTest.MODEL_REGISTRY);
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(),
        JourneyMachineTest.MODEL_REGISTRY, c -> JourneyMachineTest.view(
            CustomerProfile.builder(c).build(), AdvocateTier.PROMOTER)).journey(d).build();
    for (int c = 0; c < 4; c++) {
      engine.handle(signal("start-" + c, "c-" + c, types[2], T0));
    }
    int threads = 8;
    int pings = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<JourneyEngine.Result>>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          List<JourneyEngine.Result> results = new ArrayList<>();
          List<Signal> batch = new ArrayList<>();
          for (int k = 0; k < pings; k++) {
            Signal s = signal("ping-" + thread + "-" + k, "c-" + k % 4, types[0],
                T0.plusSeconds(1 + k));
            if (thread % 2 == 0) {
              results.add(engine.handle(s));
            } else {
              batch.add(s);
              if (batch.size() == 1 + thread) {
                results.addAll(engine.handleAll(batch));
                batch.clear();
              }
            }
          }
          results.addAll(engine.handleAll(batch));
          return results;
        }));
      }
      start.countDown();
      for (Future<List<JourneyEngine.Result>> f : done) {
        assertThat(f.get(60, TimeUnit.SECONDS)).hasSize(pings).allSatisfy(r -> {
          assertThat(r.skipped()).isEmpty();
          assertThat(r.steps()).hasSize(1);
        });
      }
      for (int c = 0; c < 4; c++) {
        JourneyInstance i = engine.store().find("pings:c-" + c + ":1").orElseThrow();
        assertThat(i.revision()).isEqualTo(1 + threads * pings / 4);
        assertThat(engine.store().audit(i.id())).hasSize(1 + threads * pings / 4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSignalIdIsRememberedForAtLeastTheHorizonAndDroppedAfterTwo() {
    JourneyEngine engine = builder(InstanceStore.inMemory())
        .deduplicationHorizon(Duration.ofDays(10))
        .build();
    Signal complaint = signal("x-1", "c-ada", SignalType.COMPLAINT_OPENED, T0);
    assertThat(engine.handle(complaint).duplicate()).isFalse();
    assertThat(engine.rememberedSignalIds()).isEqualTo(1);
    // Later events move the generations on: 9 days later the id is still a duplicate...
    engine.handle(signal("x-2", "c-bob", SignalType.COMPLAINT_OPENED, T0.plus(Duration.ofDays(9))));
    assertThat(engine.handle(complaint).duplicate()).isTrue();
    // ...and at 10 days (a new generation begins) it is kept in the previous one.
    engine.handle(signal("x-3", "c-bob", SignalType.COMPLAINT_OPENED, T0.plus(Duration.ofDays(10))));
    assertThat(engine.handle(complaint).duplicate()).isTrue();
    assertThat(engine.rememberedSignalIds()).isEqualTo(3);
    // Two horizons after the latest generation began, both generations are gone.
    engine.handle(signal("x-4", "c-bob", SignalType.COMPLAINT_OPENED, T0.plus(Duration.ofDays(30))));
    assertThat(engine.rememberedSignalIds()).isEqualTo(1);
    assertThat(engine.handle(complaint).duplicate()).isFalse();
  }

  @Test
  void signalIdsWrittenBeforeARestartKeepARedeliveredSignalFromActingTwice() throws Exception {
    // The host's store outlives the engine; the engine's memory of signal ids goes with it
    // unless written and restored.
    InstanceStore store = InstanceStore.inMemory();
    JourneyEngine before = builder(store).deduplicationHorizon(Duration.ofDays(10)).build();
    before.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0));
    before.handle(signal("p-2", "c-bob", SignalType.PURCHASE_COMPLETED, T0.plus(Duration.ofDays(10))));
    before.handle(signal("r-\u4e00", "c-ada", SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(11))));
    java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
    before.writeSignalIds(written);
    int pending = store.pending(100).size();

    JourneyEngine after = builder(store).deduplicationHorizon(Duration.ofDays(10)).build();
    after.restoreSignalIds(new java.io.ByteArrayInputStream(written.toByteArray()));
    assertThat(after.rememberedSignalIds()).isEqualTo(3);
    for (Signal again : List.of(
        signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0),
        signal("p-2", "c-bob", SignalType.PURCHASE_COMPLETED, T0.plus(Duration.ofDays(10))),
        signal("r-\u4e00", "c-ada", SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(11))))) {
      assertThat(after.handle(again).duplicate()).as("%s", again.id()).isTrue();
    }
    assertThat(store.pending(100)).hasSize(pending);
    // The generations came along: p-1 (day 0) is in the previous one and goes at day 30.
    after.handle(signal("x-1", "c-cy", SignalType.COMPLAINT_OPENED, T0.plus(Duration.ofDays(30))));
    assertThat(after.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0)).duplicate())
        .isFalse();
    // An engine restored without anything written remembers nothing, and a fresh one written
    // and restored is empty again.
    JourneyEngine empty = engine();
    java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
    empty.writeSignalIds(none);
    JourneyEngine restoredEmpty = engine();
    restoredEmpty.restoreSignalIds(new java.io.ByteArrayInputStream(none.toByteArray()));
    assertThat(restoredEmpty.rememberedSignalIds()).isZero();
    assertThat(restoredEmpty.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0))
        .duplicate()).isFalse();
  }

  @Test
  void signalIdsAreRestoredIntoAFreshEngineOnlyAndAMalformedStreamChangesNothing()
      throws Exception {
    JourneyEngine source = engine();
    source.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0));
    java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
    source.writeSignalIds(written);
    byte[] bytes = written.toByteArray();

    JourneyEngine busy = engine();
    busy.handle(signal("q-1", "c-bob", SignalType.PURCHASE_COMPLETED, T0));
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> busy.restoreSignalIds(new java.io.ByteArrayInputStream(bytes)))
        .withMessageContaining("remembers 1 already");

    JourneyEngine fresh = engine();
    byte[] wrongMagic = bytes.clone();
    wrongMagic[0] = 'X';
    org.assertj.core.api.Assertions.assertThatIOException()
        .isThrownBy(() -> fresh.restoreSignalIds(new java.io.ByteArrayInputStream(wrongMagic)))
        .withMessageContaining("AJS1");
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    org.assertj.core.api.Assertions.assertThatIOException()
        .isThrownBy(() -> fresh.restoreSignalIds(new java.io.ByteArrayInputStream(truncated)));
    // a count past the end of the stream: read as far as the data goes, then refused
    java.io.ByteArrayOutputStream huge = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream d = new java.io.DataOutputStream(huge);
    d.writeInt(0x414a5331);
    d.writeLong(1000);
    d.writeInt(1);
    d.writeLong(0);
    d.writeInt(Integer.MAX_VALUE);
    d.writeLong(7);
    org.assertj.core.api.Assertions.assertThatIOException()
        .isThrownBy(() -> fresh.restoreSignalIds(new java.io.ByteArrayInputStream(huge.toByteArray())));
    // a packed id whose length runs past its part
    java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
    d = new java.io.DataOutputStream(bad);
    d.writeInt(0x414a5331);
    d.writeLong(1000);
    d.writeInt(1);
    d.writeLong(0);
    d.writeInt(1);
    d.writeLong(40); // an id of 40 characters, with none of them written
    d.writeInt(0);
    org.assertj.core.api.Assertions.assertThatIOException()
        .isThrownBy(() -> fresh.restoreSignalIds(new java.io.ByteArrayInputStream(bad.toByteArray())))
        .withMessageContaining("malformed signal ids");
    // nothing of the refused streams stuck: the real one still restores
    fresh.restoreSignalIds(new java.io.ByteArrayInputStream(bytes));
    assertThat(fresh.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0)).duplicate())
        .isTrue();
  }

  @Test
  void theHorizonMustBeAtLeastAMillisecond() {
    JourneyEngine.Builder b = JourneyEngine.builder(InstanceStore.inMemory(),
        JourneyDefinitionTest.REGISTRY, c -> null);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> b.deduplicationHorizon(Duration.ofNanos(999_999)))
        .withMessageContaining("PT0.000999999S");
  }

  /** A store that counts its calls and can refuse chosen commits, as another writer would. */
  static final class CountingStore extends ForwardingInstanceStore {
    final List<Integer> batches = new ArrayList<>();
    int singles;
    java.util.function.Predicate<Commit> refuse = c -> false;
    Runnable afterDue = () -> { };

    CountingStore() {
      super(InstanceStore.inMemory());
    }

    @Override
    public boolean commit(Commit commit) {
      singles++;
      return !refuse.test(commit) && inner.commit(commit);
    }

    @Override
    public boolean[] commitAll(List<Commit> commits) {
      batches.add(commits.size());
      boolean[] out = new boolean[commits.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = !refuse.test(commits.get(k)) && inner.commit(commits.get(k));
      }
      return out;
    }

    @Override
    public List<JourneyInstance> due(Instant now, int limit) {
      List<JourneyInstance> due = inner.due(now, limit);
      afterDue.run();
      return due;
    }
  }

  /** The signal types the scripts of the engine's properties draw from. */
  private static final List<SignalType> SCRIPT_TYPES = List.of(SignalType.PURCHASE_COMPLETED,
      SignalType.REVIEW_POSTED, SignalType.COMPLAINT_OPENED);

  /**
   * Customers c-0 … c-(n − 1) have the same instances in both stores, each with the same audit,
   * and the outboxes hold the same actions.
   */
  private static void assertSameStores(InstanceStore expected, InstanceStore actual, int n) {
    for (int c = 0; c < n; c++) {
      List<JourneyInstance> mine = expected.byCustomer(CustomerId.of("c-" + c));
      assertThat(actual.byCustomer(CustomerId.of("c-" + c))).isEqualTo(mine);
      for (JourneyInstance i : mine) {
        assertThat(actual.audit(i.id())).isEqualTo(expected.audit(i.id()));
      }
    }
    assertThat(actual.pending(Integer.MAX_VALUE)).isEqualTo(expected.pending(Integer.MAX_VALUE));
  }

  @Test
  void theEnginesOwnPathForItsInMemoryStoreAgreesWithTheGenericOne() {
    // The engine reads and commits one instance without a list or a Commit around it when its
    // store is the in-memory default; through any other store (here the same store behind a
    // forwarding one) it takes the interface's calls. Any script must do the same on both:
    // customers with none, one and several instances, duplicates, re-entries and ticks.
    qt().withFixedSeed(20261201L).withExamples(200)
        .forAll(lists().of(longs().all()).ofSizeBetween(1, 60))
        .checkAssert(script -> {
          InstanceStore direct = InstanceStore.inMemory();
          InstanceStore generic = new ForwardingInstanceStore(InstanceStore.inMemory());
          JourneyEngine a = builder(direct).build();
          JourneyEngine b = builder(generic).build();
          Instant now = T0;
          for (long seed : script) {
            Random r = new Random(seed);
            now = now.plus(Duration.ofDays(r.nextInt(40)));
            if (r.nextInt(5) == 0) {
              int limit = 1 + r.nextInt(4);
              assertThat(a.tick(now, limit)).isEqualTo(b.tick(now, limit));
              continue;
            }
            Signal s = signal("s-" + r.nextInt(30), "c-" + r.nextInt(4),
                SCRIPT_TYPES.get(r.nextInt(SCRIPT_TYPES.size())), now);
            assertThat(a.handle(s)).isEqualTo(b.handle(s));
          }
          assertSameStores(direct, generic, 4);
        });
  }

  @Test
  void aTransitionOfSeveralActionsIsAuditedWithEveryKeyInOrderThroughEitherStorePath() {
    // The engine writes a step's entry into its own in-memory store from the step's parts,
    // without making it; through any other store the entry is made. Both must keep the same.
    SignalType[] types = JourneyMachineTest.TYPES;
    JourneyDefinition d = JourneyDefinition.builder(io.advocacy.core.JourneyId.of("three"), 1)
        .startsOn(types[2])
        .state("a").onExit("alert").state("b").onEntry("ask").terminal("c")
        .from("a").on(types[0]).to("b").doing("thank")
        .from("b").on(types[1]).to("c")
        .build(JourneyMachineTest.MODEL_REGISTRY);
    String id = "three:c-ada:1";
    for (InstanceStore store : List.of(InstanceStore.inMemory(),
        new ForwardingInstanceStore(InstanceStore.inMemory()))) {
      JourneyEngine e = JourneyEngine.builder(store, JourneyMachineTest.MODEL_REGISTRY,
          c -> JourneyMachineTest.ADA_VIEW).journey(d).build();
      e.handle(signal("s-1", "c-ada", types[2], T0));
      e.handle(signal("s-2", "c-ada", types[0], T0.plusSeconds(5)));
      e.handle(signal("s-3", "c-ada", types[1], T0.plusSeconds(9)));
      assertThat(store.audit(id)).containsExactly(
          new AuditEntry(id, "(start)", "a", "on model_c", T0, List.of(), ""),
          new AuditEntry(id, "a", "b", "on model_a", T0.plusSeconds(5),
              List.of(id + ":r2:exit:0", id + ":r2:t0:0", id + ":r2:entry:0"), ""),
          new AuditEntry(id, "b", "c", "on model_b", T0.plusSeconds(9), List.of(), ""));
      assertThat(store.pending(10)).extracting(ActionRequest::idempotencyKey)
          .containsExactly(id + ":r2:exit:0", id + ":r2:t0:0", id + ":r2:entry:0");
    }
  }

  /** An engine over a store whose view function counts the host's lookups. */
  private static JourneyEngine counting(InstanceStore store,
      java.util.concurrent.atomic.AtomicInteger lookups) {
    return JourneyEngine.builder(store, JourneyDefinitionTest.REGISTRY, c -> {
      lookups.incrementAndGet();
      return JourneyMachineTest.view(CustomerProfile.builder(c).build(), AdvocateTier.PROMOTER);
    }).journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY)).build();
  }

  @Test
  void handlingABatchAgreesWithHandlingEachSignalInTurn() {
    // Batches of any size, split anywhere: the same results in the same order (duplicates of
    // ids seen earlier in the same batch or before it, anonymous visitors, starts, re-entries),
    // the same stores, outboxes and audits, and the host asked for a customer as often, through
    // the engine's own store path and the generic one.
    qt().withFixedSeed(20261202L).withExamples(200)
        .forAll(lists().of(longs().all()).ofSizeBetween(1, 80))
        .checkAssert(script -> {
          java.util.concurrent.atomic.AtomicInteger oneLookups =
              new java.util.concurrent.atomic.AtomicInteger();
          java.util.concurrent.atomic.AtomicInteger batchLookups =
              new java.util.concurrent.atomic.AtomicInteger();
          InstanceStore oneStore = InstanceStore.inMemory();
          JourneyEngine one = counting(oneStore, oneLookups);
          List<InstanceStore> stores = List.of(InstanceStore.inMemory(),
              new ForwardingInstanceStore(InstanceStore.inMemory()));
          List<JourneyEngine> batched = new ArrayList<>();
          for (InstanceStore store : stores) {
            batched.add(counting(store, batchLookups));
          }
          List<JourneyEngine.Result> expected = new ArrayList<>();
          List<List<JourneyEngine.Result>> actual = List.of(new ArrayList<>(), new ArrayList<>());
          List<Signal> batch = new ArrayList<>();
          Instant now = T0;
          for (long seed : script) {
            Random r = new Random(seed);
            now = now.plus(Duration.ofDays(r.nextInt(20)));
            if (r.nextInt(4) == 0 || r.nextInt(10) == 0 && !batch.isEmpty()) {
              for (int e = 0; e < batched.size(); e++) {
                actual.get(e).addAll(batched.get(e).handleAll(batch));
              }
              batch.clear();
              if (r.nextBoolean()) {
                Instant at = now;
                JourneyEngine.Result ticked = one.tick(at, 100);
                assertThat(batched).allSatisfy(b ->
                    assertThat(b.tick(at, 100)).isEqualTo(ticked));
              }
              continue;
            }
            io.advocacy.core.SubjectId subject = r.nextInt(8) == 0
                ? io.advocacy.core.AnonymousId.of("v-" + r.nextInt(3))
                : CustomerId.of("c-" + r.nextInt(4));
            Signal s = Signal.of(SignalId.of("s-" + r.nextInt(40)), subject,
                SCRIPT_TYPES.get(r.nextInt(SCRIPT_TYPES.size())), now, 5);
            expected.add(one.handle(s));
            batch.add(s);
          }
          for (int e = 0; e < batched.size(); e++) {
            actual.get(e).addAll(batched.get(e).handleAll(batch));
          }
          assertThat(actual).allSatisfy(a -> assertThat(a).isEqualTo(expected));
          assertThat(batchLookups.get()).isEqualTo(2 * oneLookups.get());
          for (InstanceStore store : stores) {
            assertSameStores(oneStore, store, 4);
          }
          assertThat(batched).allSatisfy(b ->
              assertThat(b.rememberedSignalIds()).isEqualTo(one.rememberedSignalIds()));
        });
  }

  @Test
  void aBatchWithANullSignalIsRefusedWholeAndOneThatThrowsStopsWhereHandleWould() {
    JourneyEngine engine = engine();
    List<Signal> withNull = java.util.Arrays.asList(
        signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.handleAll(withNull))
        .isInstanceOf(NullPointerException.class).hasMessage("signal 1 of 2 is null");
    assertThat(engine.rememberedSignalIds()).isZero();
    assertThat(engine.store().byCustomer(CustomerId.of("c-ada"))).isEmpty();
    assertThat(engine.handleAll(List.of())).isEmpty();
    // The host's view function fails for one customer: the signals before it are handled, its
    // own is forgotten (nothing of it was committed), the ones after it are not handled.
    JourneyEngine strict = JourneyEngine.builder(InstanceStore.inMemory(),
            JourneyDefinitionTest.REGISTRY, c -> c.value().equals("c-bad") ? null
                : JourneyMachineTest.view(CustomerProfile.builder(c).build(),
                    AdvocateTier.PROMOTER))
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY)).build();
    List<Signal> batch = List.of(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0),
        signal("p-2", "c-bad", SignalType.PURCHASE_COMPLETED, T0),
        signal("p-3", "c-cy", SignalType.PURCHASE_COMPLETED, T0));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.handleAll(batch))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("c-bad");
    assertThat(strict.rememberedSignalIds()).isEqualTo(1);
    assertThat(strict.store().byCustomer(CustomerId.of("c-ada"))).hasSize(1);
    assertThat(strict.store().byCustomer(CustomerId.of("c-cy"))).isEmpty();
    assertThat(strict.handle(batch.get(2)).steps()).singleElement()
        .satisfies(s -> assertThat(s.instance().id()).isEqualTo("review-request:c-cy:1"));
  }

  /**
   * Two engines, one on the in-memory store (read a batch at a time) and one on the same store
   * behind a forwarding one (read whole), each with 1,300 customers whose reminders fall due
   * and 300 instances that can never fire (a version with no definition), due among them.
   */
  private static List<JourneyEngine> enginesWithStuckInstancesAmongTheDue() {
    List<JourneyEngine> engines = new ArrayList<>();
    for (InstanceStore store : List.of(InstanceStore.inMemory(),
        new ForwardingInstanceStore(InstanceStore.inMemory()))) {
      JourneyEngine engine = builder(store).build();
      for (int c = 0; c < 1300; c++) {
        engine.handle(signal("p-" + c, "c-" + c, SignalType.PURCHASE_COMPLETED,
            T0.plusMillis(4 * c)));
      }
      for (int k = 0; k < 300; k++) {
        Instant due = T0.plus(Duration.ofDays(3)).plusMillis(16 * k + 1);
        assertThat(store.commit(new Commit(new JourneyInstance("stuck-" + k,
            io.advocacy.core.JourneyId.of("review-request"), 99, CustomerId.of("s-" + k),
            "invited", T0, java.util.Map.of(), List.of(new PendingTimer(0, due)),
            java.util.Set.of(), null, 1), -1, List.of(), List.of()))).isTrue();
      }
      engines.add(engine);
    }
    return engines;
  }

  @Test
  void aTickReadsTheInMemoryStoreABatchAtATimeAndGoesOnPastInstancesItCannotFire() {
    // Read a batch at a time, a tick must fire what a tick that reads every due instance at
    // once fires: the stuck instances stay due where they are, and are not handed out again.
    for (int limit : new int[] {1, 300, 511, 512, 513, 1024, 1599, 1600, 5000}) {
      List<JourneyEngine> engines = enginesWithStuckInstancesAmongTheDue();
      Instant now = T0.plus(Duration.ofDays(4));
      int steps = 0;
      int skipped = 0;
      for (int round = 0; round < 3; round++) {
        JourneyEngine.Result batched = engines.get(0).tick(now, limit);
        assertThat(batched).as("tick %s of limit %s", round, limit)
            .isEqualTo(engines.get(1).tick(now, limit));
        steps += batched.steps().size();
        skipped += batched.skipped().size();
      }
      // Each tick hands out the earliest `limit` still due: the stuck ones again, and as
      // many reminders as fit among them (reminder c due 4c ms after 3 days, stuck k 16k + 1).
      List<Long> reminders = new ArrayList<>();
      for (long c = 0; c < 1300; c++) {
        reminders.add(4 * c);
      }
      int fired = 0;
      int reported = 0;
      for (int round = 0; round < 3; round++) {
        List<Long> due = new ArrayList<>(reminders);
        for (long k = 0; k < 300; k++) {
          due.add(16 * k + 1);
        }
        due.sort(null);
        List<Long> handed = due.subList(0, Math.min(limit, due.size()));
        for (long at : handed) {
          if (at % 4 == 0) {
            fired++;
          } else {
            reported++;
          }
        }
        reminders.removeAll(handed);
      }
      assertThat(steps).as("limit %s", limit).isEqualTo(fired);
      assertThat(skipped).as("limit %s", limit).isEqualTo(reported);
      if (limit >= 1600) {
        assertThat(steps).isEqualTo(1300);
        assertThat(skipped).isEqualTo(900);
      }
      assertThat(engines.get(0).store().due(now, Integer.MAX_VALUE))
          .isEqualTo(engines.get(1).store().due(now, Integer.MAX_VALUE));
    }
  }

  @Test
  void aTickGoesOnPastAStuckInstanceInTheBatchBefore() {
    JourneyEngine engine = enginesWithStuckInstancesAmongTheDue().get(0);
    JourneyEngine.Result r = engine.tick(T0.plus(Duration.ofDays(4)), 5000);
    assertThat(r.steps()).hasSize(1300);
    assertThat(r.skipped()).hasSize(300).first()
        .isEqualTo("stuck-0: no definition review-request v99");
    assertThat(r.skipped()).doesNotHaveDuplicates();
    // in due order: the reminder of c-0 (due at 3 days) first, then stuck-0 (1 ms later)
    assertThat(r.steps().get(0).instance().id()).isEqualTo("review-request:c-0:1");
    assertThat(r.steps().get(1299).instance().id()).isEqualTo("review-request:c-1299:1");
  }

  @Test
  void aTickCommitsItsStepsInBatchesAndReportsAConflictInABatchAlone() {
    CountingStore store = new CountingStore();
    JourneyEngine engine = builder(store).build();
    for (int c = 0; c < 1200; c++) {
      engine.handle(signal("p-" + c, "c-" + c, SignalType.PURCHASE_COMPLETED, T0.plusMillis(c)));
    }
    assertThat(store.singles).isEqualTo(1200);
    store.refuse = commit -> commit.instance().id().equals("review-request:c-700:1");
    JourneyEngine.Result r = engine.tick(T0.plus(Duration.ofDays(4)), 5000);
    assertThat(store.batches).containsExactly(512, 512, 176);
    assertThat(store.singles).isEqualTo(1200);
    assertThat(r.steps()).hasSize(1199);
    assertThat(r.steps().get(0).instance().id()).isEqualTo("review-request:c-0:1");
    assertThat(r.skipped()).containsExactly(
        "review-request:c-700:1: another writer moved it first (revision 1)");
    assertThat(store.find("review-request:c-700:1").orElseThrow().state()).isEqualTo("invited");
    assertThat(store.find("review-request:c-701:1").orElseThrow().state()).isEqualTo("reminded");
    // The refused one fires on the next tick, once.
    store.refuse = commit -> false;
    assertThat(engine.tick(T0.plus(Duration.ofDays(4)), 5000).steps()).singleElement()
        .satisfies(s -> assertThat(s.instance().id()).isEqualTo("review-request:c-700:1"));
    assertThat(engine.tick(T0.plus(Duration.ofDays(4)), 5000).steps()).isEmpty();
    assertThat(store.pending(10_000)).extracting(ActionRequest::name)
        .filteredOn("remind_review"::equals).hasSize(1200);
  }

  @Test
  void ticksRacingSignalsLoseNoUpdate() throws Exception {
    // ticks of one read, and ticks that read the store a batch at a time (1,000: two batches)
    ticksRacingSignalsLoseNoUpdate(37);
    ticksRacingSignalsLoseNoUpdate(1_000);
  }

  private static void ticksRacingSignalsLoseNoUpdate(int limit) throws Exception {
    JourneyEngine engine = engine();
    int customers = 1_200;
    for (int c = 0; c < customers; c++) {
      engine.handle(signal("p-" + c, "c-" + c, SignalType.PURCHASE_COMPLETED, T0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      // Two threads tick (reminders due) while two deliver reviews to every other customer.
      for (int t = 0; t < 2; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < 20; k++) {
            engine.tick(T0.plus(Duration.ofDays(4)), limit);
          }
          return null;
        }));
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int c = thread; c < customers; c += 4) {
            engine.handle(signal("r-" + c, "c-" + c, SignalType.REVIEW_POSTED,
                T0.plus(Duration.ofDays(5))));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      engine.tick(T0.plus(Duration.ofDays(4)), 10_000);
      for (int c = 0; c < customers; c++) {
        JourneyInstance i = engine.store().byCustomer(CustomerId.of("c-" + c)).get(0);
        assertThat(i.state()).as("customer %d, ticks of %d", c, limit)
            .isEqualTo(c % 4 < 2 ? "reviewed" : "reminded");
        List<String> trail = engine.store().audit(i.id()).stream().map(AuditEntry::to).toList();
        // A reviewed customer may or may not have been reminded first, never twice.
        assertThat(trail.stream().filter("reminded"::equals).count()).isLessThanOrEqualTo(1);
        assertThat(trail.get(trail.size() - 1)).isEqualTo(i.state());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInstanceMovedBetweenTheDueReadAndItsBatchIsSteppedFromItsNewValue() {
    CountingStore store = new CountingStore();
    JourneyEngine engine = builder(store).build();
    for (int c = 0; c < 3; c++) {
      engine.handle(signal("p-" + c, "c-" + c, SignalType.PURCHASE_COMPLETED, T0.plusMillis(c)));
    }
    // A review of c-1 lands after the tick read its due instances and before their batch.
    store.afterDue = () -> engine.handle(signal("r-1", "c-1", SignalType.REVIEW_POSTED,
        T0.plus(Duration.ofDays(4))));
    JourneyEngine.Result r = engine.tick(T0.plus(Duration.ofDays(4)), 100);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.steps()).extracting(s -> s.instance().id())
        .containsExactly("review-request:c-0:1", "review-request:c-2:1");
    assertThat(store.find("review-request:c-1:1").orElseThrow().state()).isEqualTo("reviewed");
    assertThat(store.audit("review-request:c-1:1")).extracting(AuditEntry::to)
        .containsExactly("invited", "reviewed");
    assertThat(store.pending(100)).extracting(ActionRequest::name)
        .filteredOn("remind_review"::equals).hasSize(2);
  }

  @Test
  void theHostIsAskedForACustomerOnlyWhenAStepReadsIt() {
    java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(),
            JourneyDefinitionTest.REGISTRY, c -> {
              lookups.incrementAndGet();
              return JourneyMachineTest.view(CustomerProfile.builder(c).build(),
                  AdvocateTier.PROMOTER);
            })
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY))
        .build();
    // Starting reads the customer (the instance's customer and its timers), once.
    engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0));
    assertThat(lookups).hasValue(1);
    // A fixed-delay timer moving to a state with another fixed delay reads nothing of her.
    assertThat(engine.tick(T0.plus(Duration.ofDays(4)), 10).steps()).hasSize(1);
    assertThat(lookups).hasValue(1);
    // Nor does a signal matched by type alone.
    engine.handle(signal("r-1", "c-ada", SignalType.REVIEW_POSTED, T0.plus(Duration.ofDays(5))));
    assertThat(lookups).hasValue(1);
    assertThat(engine.store().find("review-request:c-ada:1").orElseThrow().state())
        .isEqualTo("reviewed");
  }

  @Test
  void aViewFunctionThatGivesNullIsNamed() {
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(),
            JourneyDefinitionTest.REGISTRY, c -> null)
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY))
        .build();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0)))
        .withMessage("the customer view function gave null for c-ada");
  }

  /** A store whose next commits each find another writer has just moved the instance. */
  static InstanceStore racing(InstanceStore real, java.util.concurrent.atomic.AtomicInteger races) {
    return new ForwardingInstanceStore(real) {
      @Override
      public boolean commit(Commit commit) {
        JourneyInstance stored = real.find(commit.instance().id()).orElse(null);
        if (stored != null && races.getAndDecrement() > 0) {
          JourneyInstance other = new JourneyInstance(stored.id(), stored.journey(),
              stored.definitionVersion(), stored.customer(), stored.state(), stored.enteredAt(),
              java.util.Map.of("touched", Long.toString(stored.revision())), stored.timers(),
              stored.goals(), stored.endedAt(), stored.revision() + 1);
          assertThat(real.commit(new Commit(other, stored.revision(), List.of(), List.of())))
              .isTrue();
        }
        return real.commit(commit);
      }
    };
  }

  @Test
  void aSignalWhoseCommitLosesARaceIsTakenAgainFromTheStoredValueAndNotLost() {
    java.util.concurrent.atomic.AtomicInteger races = new java.util.concurrent.atomic.AtomicInteger();
    InstanceStore real = InstanceStore.inMemory();
    JourneyEngine engine = builder(racing(real, races)).build();
    engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0));
    races.set(2); // two other writers in turn, then the signal's third try commits
    JourneyEngine.Result r =
        engine.handle(signal("r-1", "c-ada", SignalType.REVIEW_POSTED, T0.plusSeconds(60)));
    assertThat(r.skipped()).isEmpty();
    assertThat(r.steps()).singleElement().satisfies(s -> {
      assertThat(s.instance().state()).isEqualTo("reviewed");
      assertThat(s.instance().revision()).isEqualTo(4);
      // stepped from the other writers' last value: their variable is kept
      assertThat(s.instance().variables()).containsExactly(java.util.Map.entry("touched", "2"));
      assertThat(s.actions()).extracting(ActionRequest::idempotencyKey)
          .containsExactly("review-request:c-ada:1:r4:t2:0");
    });
    assertThat(real.find("review-request:c-ada:1").orElseThrow().revision()).isEqualTo(4);
    // a writer at each of the four tries: reported, not applied, the store's value kept
    engine.handle(signal("p-2", "c-bob", SignalType.PURCHASE_COMPLETED, T0));
    races.set(4);
    JourneyEngine.Result lost = engine.handle(
        signal("c-1", "c-bob", SignalType.COMPLAINT_OPENED, T0.plusSeconds(120)));
    assertThat(lost.steps()).isEmpty();
    assertThat(lost.skipped()).containsExactly(
        "review-request:c-bob:1: another writer moved it first (revision 4)");
    assertThat(real.find("review-request:c-bob:1").orElseThrow()).satisfies(i -> {
      assertThat(i.revision()).isEqualTo(5);
      assertThat(i.state()).isEqualTo("invited");
    });
    assertThat(races.get()).isZero();
  }

  @Test
  void reentryNeverStartsAJourneyOncePerCustomerAndAlwaysWheneverNoneRuns() {
    JourneyDefinition once = JourneyDefinitionTest.review().reentry(ReentryPolicy.NEVER)
        .build(JourneyDefinitionTest.REGISTRY);
    JourneyDefinition always = JourneyDefinition.builder(
            io.advocacy.core.JourneyId.of("thanks"), 1)
        .startsOn(SignalType.PURCHASE_COMPLETED).state("thanking").terminal("thanked")
        .from("thanking").after(Duration.ofDays(1)).to("thanked")
        .reentry(ReentryPolicy.ALWAYS).build(JourneyDefinitionTest.REGISTRY);
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(),
            JourneyDefinitionTest.REGISTRY,
            c -> JourneyMachineTest.view(CustomerProfile.builder(c).build(), AdvocateTier.PROMOTER))
        .journey(once).journey(always).build();
    engine.handle(signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0));
    // both running: a second purchase starts neither
    engine.handle(signal("p-2", "c-ada", SignalType.PURCHASE_COMPLETED, T0.plusSeconds(60)));
    engine.handle(signal("r-1", "c-ada", SignalType.REVIEW_POSTED, T0.plusSeconds(120)));
    engine.tick(T0.plus(Duration.ofDays(2)), 10);
    // both ended: years later only the ALWAYS journey starts again
    engine.handle(signal("p-3", "c-ada", SignalType.PURCHASE_COMPLETED, T0.plus(Duration.ofDays(900))));
    assertThat(engine.store().byCustomer(CustomerId.of("c-ada")))
        .extracting(i -> i.id() + " " + i.state())
        .containsExactlyInAnyOrder("review-request:c-ada:1 reviewed", "thanks:c-ada:1 thanked",
            "thanks:c-ada:2 thanking");
  }

  @Test
  void aSignalWhoseHandlingThrowsBeforeCommittingIsHandledWhenDeliveredAgain() {
    java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(1);
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(),
            JourneyDefinitionTest.REGISTRY, c -> {
              if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("profile service down");
              }
              return JourneyMachineTest.view(CustomerProfile.builder(c).build(),
                  AdvocateTier.PROMOTER);
            })
        .journey(JourneyDefinitionTest.review().build(JourneyDefinitionTest.REGISTRY)).build();
    Signal p1 = signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.handle(p1))
        .isInstanceOf(IllegalStateException.class).hasMessage("profile service down");
    assertThat(engine.rememberedSignalIds()).isZero();
    JourneyEngine.Result again = engine.handle(p1);
    assertThat(again.duplicate()).isFalse();
    assertThat(again.steps()).singleElement()
        .satisfies(s -> assertThat(s.instance().id()).isEqualTo("review-request:c-ada:1"));
    assertThat(engine.handle(p1).duplicate()).isTrue();
  }

  @Test
  void aSignalWhoseHandlingThrowsAfterACommitStaysRememberedSoNothingIsRepeated() {
    java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
    InstanceStore real = InstanceStore.inMemory();
    InstanceStore failing = new ForwardingInstanceStore(real) {
      @Override
      public boolean commit(Commit commit) {
        if (commits.incrementAndGet() == 2) {
          throw new IllegalStateException("database gone");
        }
        return real.commit(commit);
      }
    };
    JourneyDefinition second = JourneyDefinition.builder(io.advocacy.core.JourneyId.of("thanks"), 1)
        .startsOn(SignalType.PURCHASE_COMPLETED).state("thanking").terminal("thanked")
        .from("thanking").after(Duration.ofDays(1)).to("thanked")
        .build(JourneyDefinitionTest.REGISTRY);
    JourneyEngine engine = builder(failing).journey(second).build();
    Signal p1 = signal("p-1", "c-ada", SignalType.PURCHASE_COMPLETED, T0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.handle(p1))
        .hasMessage("database gone");
    // the first journey's start was committed: handling the signal again would start it twice
    assertThat(engine.rememberedSignalIds()).isEqualTo(1);
    assertThat(engine.handle(p1).duplicate()).isTrue();
    assertThat(real.byCustomer(CustomerId.of("c-ada"))).extracting(JourneyInstance::id)
        .containsExactly("review-request:c-ada:1");
  }
}

