package io.advocacy.core.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RewardLedger} must pass. A host's own ledger (a database table, say)
 * extends this class and returns a fresh, empty ledger from {@link #newLedger()}. Ships in this
 * module's test-jar.
 */
public abstract class RewardLedgerContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final CustomerProfile ADA = CustomerProfile.builder(CustomerId.of("c-ada")).build();
  private static final CustomerProfile BOB = CustomerProfile.builder(CustomerId.of("c-bob")).build();
  private static final int THREADS = 16;

  private ExecutorService pool;

  /**
   * A new, empty ledger.
   *
   * @return the ledger under test
   */
  protected abstract RewardLedger newLedger();

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static RewardRequest usd(String key, CustomerProfile who, String amount) {
    return RewardRequest.builder(key, who, "US").requestedAt(T0).kind(IncentiveKind.GIFT_CARD)
        .value(RewardValue.of(Money.of(amount, "USD"))).reason(RewardReason.of(Motion.REFERRAL)).build();
  }

  private static IssueResult issue(RewardLedger ledger, RewardRequest r) {
    return ledger.issue(r, T0, T0, IssueGuard.ALLOW_ALL);
  }

  @Test
  void sameKeyTwiceRecordsOneRewardAndReturnsIt() {
    RewardLedger ledger = newLedger();
    IssueResult first = issue(ledger, usd("k-1", ADA, "10"));
    IssueResult again = issue(ledger, usd("k-1", ADA, "10"));
    assertThat(first.status()).isEqualTo(IssueResult.Status.ISSUED);
    assertThat(again.status()).isEqualTo(IssueResult.Status.DUPLICATE);
    assertThat(again.reward()).isEqualTo(first.reward());
    assertThat(ledger.entries()).hasSize(1);
    assertThat(ledger.findByKey("k-1")).contains(first.reward());
    assertThat(ledger.find(first.reward().id())).contains(first.reward());
    assertThat(ledger.findByKey("k-unknown")).isEmpty();
  }

  @Test
  void sameKeyWithADifferentRequestIsAConflictAndRecordsNothing() {
    RewardLedger ledger = newLedger();
    IssueResult first = issue(ledger, usd("k-1", ADA, "10"));
    IssueResult other = issue(ledger, usd("k-1", BOB, "99"));
    assertThat(other.status()).isEqualTo(IssueResult.Status.KEY_CONFLICT);
    assertThat(other.reward()).isEqualTo(first.reward());
    assertThat(ledger.entries()).hasSize(1);
    assertThat(ledger.rewardsOf(BOB.id())).isEmpty();
  }

  @Test
  void sixteenThreadsWithOneKeyRecordOneReward() throws Exception {
    for (int round = 0; round < 50; round++) {
      RewardLedger ledger = newLedger();
      RewardRequest request = usd("race-" + round, ADA, "10");
      List<IssueResult> results = runTogether(() -> issue(ledger, request));
      assertThat(results).filteredOn(r -> r.status() == IssueResult.Status.ISSUED).hasSize(1);
      assertThat(results).extracting(r -> r.reward().id()).containsOnly(results.get(0).reward().id());
      assertThat(ledger.entries()).hasSize(1);
      assertThat(ledger.balance(ADA.id(), "USD")).isEqualTo(RewardValue.of(Money.of("10", "USD")));
    }
  }

  @Test
  void aDeniedGuardRecordsNothingAndDuplicatesSkipTheGuard() {
    RewardLedger ledger = newLedger();
    ComplianceDecision no = ComplianceDecision.of(
        ComplianceReason.deny(ReasonCode.REGION_BLOCKED, "test", "no"));
    IssueResult denied = ledger.issue(usd("d", ADA, "10"), T0, T0, h -> no);
    assertThat(denied.status()).isEqualTo(IssueResult.Status.DENIED);
    assertThat(denied.reward()).isNull();
    assertThat(denied.decision()).isEqualTo(no);
    assertThat(ledger.entries()).isEmpty();
    assertThat(ledger.findByKey("d")).isEmpty();
    issue(ledger, usd("d", ADA, "10"));
    assertThat(ledger.issue(usd("d", ADA, "10"), T0, T0, h -> no).status())
        .isEqualTo(IssueResult.Status.DUPLICATE);
  }

  @Test
  void transitionsAreValidatedAndAnsweredNotThrown() {
    RewardLedger ledger = newLedger();
    RewardId voided = issue(ledger, usd("v", ADA, "10")).reward().id();
    assertThat(ledger.voidReward(voided, T0, "fraud").applied()).isTrue();
    assertThat(ledger.fulfil(voided, T0).status()).isEqualTo(TransitionResult.Status.NOT_ALLOWED);
    assertThat(ledger.approve(voided, T0).status()).isEqualTo(TransitionResult.Status.NOT_ALLOWED);
    assertThat(ledger.voidReward(voided, T0, "again").status()).isEqualTo(TransitionResult.Status.NOT_ALLOWED);

    RewardId paid = issue(ledger, usd("p", ADA, "20")).reward().id();
    assertThat(ledger.reverse(paid, T0, "early").status()).isEqualTo(TransitionResult.Status.NOT_ALLOWED);
    assertThat(ledger.approve(paid, T0).applied()).isTrue();
    assertThat(ledger.fulfil(paid, T0).applied()).isTrue();
    TransitionResult reversed = ledger.reverse(paid, T0.plusSeconds(60), "refund");
    assertThat(reversed.applied()).isTrue();
    assertThat(reversed.entry().type()).isEqualTo(LedgerEntryType.REVERSED);
    assertThat(reversed.entry().references()).isEqualTo(ledger.find(paid).orElseThrow().issuedSequence());
    assertThat(reversed.entry().note()).isEqualTo("refund");
    assertThat(reversed.reward().status()).isEqualTo(LedgerEntryType.REVERSED);
    assertThat(ledger.reverse(paid, T0, "twice").status()).isEqualTo(TransitionResult.Status.NOT_ALLOWED);

    assertThat(ledger.approve(RewardId.of("r-nope"), T0).status())
        .isEqualTo(TransitionResult.Status.UNKNOWN_REWARD);
    assertThat(ledger.balance(ADA.id(), "USD").isZero()).isTrue();
  }

  @Test
  void fulfilmentWaitsForThePayableInstant() {
    RewardLedger ledger = newLedger();
    Instant payable = T0.plus(Duration.ofDays(14));
    Reward reward = ledger.issue(usd("h", ADA, "10"), T0, payable, IssueGuard.ALLOW_ALL).reward();
    assertThat(reward.payableAt()).isEqualTo(payable);
    ledger.approve(reward.id(), T0);
    assertThat(ledger.fulfil(reward.id(), payable.minusMillis(1)).status())
        .isEqualTo(TransitionResult.Status.NOT_YET_PAYABLE);
    assertThat(ledger.fulfil(reward.id(), payable).applied()).isTrue();
  }

  @Test
  void balancesAreTheSumOfEntriesPerPayeeAndUnit() {
    RewardLedger ledger = newLedger();
    issue(ledger, usd("a1", ADA, "10"));
    RewardId a2 = issue(ledger, usd("a2", ADA, "5.50")).reward().id();
    issue(ledger, usd("b1", BOB, "7"));
    issue(ledger, RewardRequest.builder("a3", ADA, "US").requestedAt(T0).kind(IncentiveKind.POINTS)
        .value(RewardValue.points(300)).build());
    ledger.voidReward(a2, T0, "dup");
    assertThat(ledger.balance(ADA.id(), "USD")).isEqualTo(RewardValue.of(Money.of("10", "USD")));
    assertThat(ledger.balance(ADA.id(), RewardValue.POINTS)).isEqualTo(RewardValue.points(300));
    assertThat(ledger.balance(BOB.id(), "USD")).isEqualTo(RewardValue.of(Money.of("7", "USD")));
    assertThat(ledger.balance(BOB.id(), "EUR").isZero()).isTrue();
    assertBalancesMatchEntries(ledger);
    List<LedgerEntry> entries = ledger.entries();
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).sequence()).isEqualTo(i + 1L);
    }
    assertThat(ledger.rewardsOf(ADA.id())).extracting(r -> r.request().idempotencyKey())
        .containsExactly("a1", "a2", "a3");
  }

  @Test
  void concurrentIssuesForOnePayeeCannotBothPassALimitOnlyOneFits() throws Exception {
    for (int round = 0; round < 20; round++) {
      RewardLedger ledger = newLedger();
      RewardValue limit = RewardValue.of(Money.of("50", "USD"));
      AtomicInteger next = new AtomicInteger();
      List<IssueResult> results = runTogether(() -> {
        RewardRequest r = usd("n-" + next.incrementAndGet(), ADA, "10");
        return ledger.issue(r, T0, T0, history -> {
          RewardValue after = history.total(ADA.id(), "USD", x -> true).plus(r.value());
          return after.isGreaterThan(limit)
              ? ComplianceDecision.of(ComplianceReason.deny(ReasonCode.CAP_TOTAL_EXCEEDED, "t", "cap"))
              : ComplianceDecision.allow();
        });
      });
      assertThat(results).filteredOn(r -> r.status() == IssueResult.Status.ISSUED).hasSize(5);
      assertThat(ledger.balance(ADA.id(), "USD")).isEqualTo(limit);
    }
  }

  /**
   * Asserts that every payee's balance in every unit equals the sum of its entries.
   *
   * @param ledger the ledger
   */
  protected static void assertBalancesMatchEntries(RewardLedger ledger) {
    Map<CustomerId, Map<String, BigDecimal>> sums = new HashMap<>();
    for (LedgerEntry e : ledger.entries()) {
      sums.computeIfAbsent(e.payee(), p -> new HashMap<>())
          .merge(e.value().unit(), e.balanceDelta(), BigDecimal::add);
    }
    sums.forEach((payee, byUnit) -> byUnit.forEach((unit, sum) -> {
      assertThat(ledger.balance(payee, unit).amount()).isEqualByComparingTo(sum);
      assertThat(sum.signum()).isNotNegative();
    }));
    Set<String> keys = new java.util.HashSet<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.type() == LedgerEntryType.ISSUED) {
        String key = ledger.find(e.rewardId()).orElseThrow().request().idempotencyKey();
        assertThat(keys.add(key)).as("key %s recorded once", key).isTrue();
      }
    }
  }

  private <T> List<T> runTogether(Callable<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return task.call();
      }));
    }
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get(10, TimeUnit.SECONDS));
    }
    return out;
  }
}
