package io.advocacy.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * The contract every {@link ReferralStore} must pass. A host's own store extends this class and
 * returns a fresh, empty store from {@link #newStore()}. Ships in this module's test-jar.
 */
public abstract class ReferralStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");
  private static final int THREADS = 16;
  private static final ReferralCode CODE = ReferralCode.fromPayload("K7MQ");

  private ExecutorService pool;

  /**
   * A new, empty store.
   *
   * @return the store under test
   */
  protected abstract ReferralStore newStore();

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static Referral clicked(String visitor, Instant at) {
    return Referral.create(new ReferralId(CODE, AnonymousId.of(visitor)), ADA, null,
        ReferralState.CLICKED, at, PartyFacts.NONE);
  }

  @Test
  void codesAreInsertedOnlyIfAbsent() {
    ReferralStore store = newStore();
    IssuedCode first = new IssuedCode(CODE, ADA, T0, PartyFacts.NONE);
    assertThat(store.insertCode(first)).isTrue();
    assertThat(store.insertCode(new IssuedCode(CODE, CustomerId.of("c-bob"), T0, PartyFacts.NONE)))
        .isFalse();
    assertThat(store.findCode(CODE)).contains(first);
    assertThat(store.findCode(ReferralCode.fromPayload("2345"))).isEmpty();
  }

  @Test
  void referralsAreFoundByIdAndByEitherRefereeId() {
    ReferralStore store = newStore();
    Referral r = clicked("a-9", T0);
    assertThat(store.insertReferral(r)).isTrue();
    assertThat(store.insertReferral(r)).isFalse();
    assertThat(store.findReferral(r.id())).contains(r);
    assertThat(store.findByReferee(AnonymousId.of("a-9"))).containsExactly(r);
    CustomerId bob = CustomerId.of("c-bob");
    assertThat(store.findByReferee(bob)).isEmpty();
    Referral signedUp = r.withReferee(bob, PartyFacts.NONE)
        .moveTo(ReferralState.SIGNED_UP, T0.plusSeconds(60), null);
    assertThat(store.replaceReferral(r, signedUp)).isTrue();
    assertThat(store.findByReferee(bob)).containsExactly(signedUp);
    assertThat(store.findByReferee(AnonymousId.of("a-9"))).containsExactly(signedUp);
    assertThatThrownBy(() -> store.insertReferral(signedUp))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replaceIsACompareAndSetOnTheVersion() {
    ReferralStore store = newStore();
    Referral r = clicked("a-9", T0);
    Referral converted = r.moveTo(ReferralState.CONVERTED, T0.plusSeconds(5), null);
    assertThat(store.replaceReferral(r, converted)).as("absent").isFalse();
    store.insertReferral(r);
    assertThat(store.replaceReferral(r, converted)).isTrue();
    assertThat(store.replaceReferral(r, r.moveTo(ReferralState.REJECTED, T0, "x"))).isFalse();
    assertThat(store.findReferral(r.id())).contains(converted);
    // A lost compare-and-set leaves nothing behind, not even an index entry.
    assertThat(store.replaceReferral(r, r.withReferee(CustomerId.of("c-lost"), PartyFacts.NONE)
        .moveTo(ReferralState.SIGNED_UP, T0, null))).isFalse();
    assertThat(store.findByReferee(CustomerId.of("c-lost"))).isEmpty();
    assertThatThrownBy(() -> store.replaceReferral(converted, converted))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.replaceReferral(r, clicked("a-10", T0).moveTo(ReferralState.SIGNED_UP, T0, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsReferralsCreatedInAWindow() {
    ReferralStore store = newStore();
    for (int i = 0; i < 5; i++) {
      store.insertReferral(clicked("a-" + i, T0.plus(Duration.ofHours(6L * i))));
    }
    ReferralId self = new ReferralId(CODE, AnonymousId.of("a-4"));
    assertThat(store.countCreatedBy(ADA, T0, T0.plus(Duration.ofHours(24)), self)).isEqualTo(4);
    assertThat(store.countCreatedBy(ADA, T0.plusSeconds(1), T0.plus(Duration.ofHours(12)), self))
        .isEqualTo(2);
    assertThat(store.countCreatedBy(CustomerId.of("c-bob"), T0, T0.plus(Duration.ofDays(2)), self))
        .isZero();
  }

  @Test
  void findsOpenReferralsStartedBeforeACutoffOldestFirst() {
    ReferralStore store = newStore();
    for (int i = 4; i >= 0; i--) {
      store.insertReferral(clicked("a-" + i, T0.plus(Duration.ofHours(i))));
    }
    Referral converted = store.findReferral(new ReferralId(CODE, AnonymousId.of("a-1"))).orElseThrow();
    store.replaceReferral(converted,
        converted.moveTo(ReferralState.CONVERTED, T0.plus(Duration.ofHours(2)), null));
    assertThat(store.findOpenStartedBefore(T0.plus(Duration.ofHours(3)), 10))
        .extracting(r -> r.referee().asText())
        .containsExactly("anonymous:a-0", "anonymous:a-2");
    assertThat(store.findOpenStartedBefore(T0.plus(Duration.ofHours(9)), 2))
        .extracting(r -> r.referee().asText())
        .containsExactly("anonymous:a-0", "anonymous:a-2");
    assertThat(store.findOpenStartedBefore(T0, 10)).isEmpty();
  }

  @Test
  void processedIdsAreRecordedOnceAndForgottenAfterTheHorizon() {
    ReferralStore store = newStore();
    assertThat(store.markProcessed(SignalId.of("e-1"), T0)).isTrue();
    assertThat(store.markProcessed(SignalId.of("e-1"), T0.plusSeconds(1))).isFalse();
    assertThat(store.markProcessed(SignalId.of("e-2"), T0.plusSeconds(10))).isTrue();
    assertThat(store.forgetProcessedBefore(T0.plusSeconds(10))).isEqualTo(1);
    assertThat(store.markProcessed(SignalId.of("e-1"), T0.plusSeconds(20))).isTrue();
    assertThat(store.markProcessed(SignalId.of("e-2"), T0.plusSeconds(20))).isFalse();
  }

  /** The same conversion delivered by 16 threads at once converts exactly once. */
  @Test
  void concurrentDeliveriesOfOneConversionConvertOnce() throws Exception {
    Random random = new Random(20261122L);
    for (int round = 0; round < 50; round++) {
      ReferralStore store = newStore();
      ReferralService service = ReferralService.builder(store)
          .clock(() -> T0).random(random).build();
      IssuedCode code = ((CodeIssueResult.Issued) service.issueCode(ADA, PartyFacts.NONE)).code();
      AnonymousId visitor = AnonymousId.of("a-" + round);
      service.apply(Signal.builder(SignalId.of("click-" + round), visitor,
              SignalType.REFERRAL_CLICKED, T0)
          .attribute(ReferralService.CODE_ATTRIBUTE, code.code().value()).build());
      boolean sameId = round % 2 == 0;
      List<ReferralOutcome> outcomes = race(i -> service.apply(
          Signal.builder(SignalId.of(sameId ? "conv" : "conv-" + i), visitor,
                  SignalType.REFERRAL_CONVERTED, T0.plusSeconds(60))
              .attribute(ReferralService.CODE_ATTRIBUTE, code.code().value()).build()));
      assertThat(outcomes).filteredOn(o -> o.kind() == ReferralOutcome.Kind.APPLIED).hasSize(1);
      assertThat(outcomes).filteredOn(o -> o.kind() == ReferralOutcome.Kind.DUPLICATE)
          .hasSize(THREADS - 1);
      Referral r = store.findReferral(new ReferralId(code.code(), visitor)).orElseThrow();
      assertThat(r.state()).isEqualTo(ReferralState.CONVERTED);
      assertThat(r.version()).isEqualTo(1);
    }
  }

  /** Of 16 concurrent replacements of one version exactly one succeeds. */
  @Test
  void concurrentCompareAndSetHasOneWinner() throws Exception {
    for (int round = 0; round < 50; round++) {
      ReferralStore store = newStore();
      Referral r = clicked("a-" + round, T0);
      store.insertReferral(r);
      List<Boolean> won = race(i -> store.replaceReferral(
          r, r.moveTo(ReferralState.CONVERTED, T0.plusSeconds(i), null)));
      assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
    }
  }

  /** 16 concurrent markRewarded calls reward a conversion exactly once. */
  @Test
  void concurrentMarkRewardedSucceedsOnce() throws Exception {
    for (int round = 0; round < 50; round++) {
      ReferralStore store = newStore();
      ReferralService service = ReferralService.builder(store)
          .clock(() -> T0).random(new Random(round)).build();
      Referral r = clicked("a-" + round, T0);
      store.insertCode(new IssuedCode(CODE, ADA, T0, PartyFacts.NONE));
      store.insertReferral(r);
      store.replaceReferral(r, r.moveTo(ReferralState.CONVERTED, T0.plusSeconds(1), null));
      boolean sameReference = round % 2 == 0;
      List<ReferralOutcome> outcomes = race(
          i -> service.markRewarded(r.id(), sameReference ? "rw-1" : "rw-" + i));
      assertThat(outcomes).filteredOn(o -> o.kind() == ReferralOutcome.Kind.APPLIED).hasSize(1);
      Referral rewarded = store.findReferral(r.id()).orElseThrow();
      assertThat(rewarded.state()).isEqualTo(ReferralState.REWARDED);
      assertThat(rewarded.version()).isEqualTo(2);
      assertThat(outcomes).filteredOn(o -> o.kind() == ReferralOutcome.Kind.APPLIED)
          .allSatisfy(o -> assertThat(o.referral().rewardReference())
              .isEqualTo(rewarded.rewardReference()));
    }
  }

  private interface Task<T> {
    T run(int thread) throws Exception;
  }

  private <T> List<T> race(Task<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Callable<T> call = () -> {
        ready.countDown();
        start.await();
        return task.run(thread);
      };
      futures.add(pool.submit(call));
    }
    ready.await();
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(10, TimeUnit.SECONDS));
    }
    return results;
  }
}
