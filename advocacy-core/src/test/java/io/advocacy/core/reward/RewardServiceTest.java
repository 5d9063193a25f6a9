package io.advocacy.core.reward;

import static io.advocacy.core.reward.Fixtures.T0;
import static io.advocacy.core.reward.Fixtures.item;
import static io.advocacy.core.reward.Fixtures.profile;
import static io.advocacy.core.reward.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RewardServiceTest {
  private static final CustomerProfile PATIENT = profile("p-1", Industry.HEALTHCARE, true);
  private static final CustomerProfile HEALTHY = profile("p-2", Industry.DIGITAL_HEALTH, false);
  private static final CustomerProfile BANKER = profile("f-1", Industry.FINANCIAL_SERVICES, false);
  private static final CustomerProfile SAAS = profile("s-1", Industry.B2B_SAAS, false);
  private static final List<CustomerProfile> PAYEES = List.of(PATIENT, HEALTHY, BANKER, SAAS);
  private static final List<String> PLATFORMS = List.of("google", "trustpilot", "yelp", "amazon", "g2", "capterra", "forum");
  private static final int THREADS = 16;

  @Test
  void sixteenThreadsSendingOneRequestRecordOneReward() throws Exception {
    RewardService rewards = RewardService.builder(RewardLedger.inMemory(), new Fixtures.TestClock(T0)).build();
    RewardRequest request = item("same", SAAS, "10");
    List<IssueResult> results = together(THREADS, i -> rewards.request(request));
    assertThat(results).filteredOn(r -> r.status() == IssueResult.Status.ISSUED).hasSize(1);
    assertThat(results).extracting(r -> r.reward().issuedSequence()).containsOnly(1L);
    assertThat(rewards.ledger().entries()).hasSize(1);
  }

  @Test
  void threadsRacingForTheAnnualNominalValueLimitNeverExceedIt() throws Exception {
    for (int round = 0; round < 20; round++) {
      RewardService rewards = RewardService.builder(RewardLedger.inMemory(), new Fixtures.TestClock(T0)).build();
      int r = round;
      List<IssueResult> results = together(48, i -> rewards.request(item("n-" + r + "-" + i, PATIENT, i % 2 == 0 ? "15" : "10")));
      RewardValue total = rewards.ledger().balance(PATIENT.id(), "USD");
      assertThat(total.isGreaterThan(usd("75"))).as("round %d total %s", round, total).isFalse();
      assertThat(results).filteredOn(x -> x.status() == IssueResult.Status.DENIED)
          .allSatisfy(x -> assertThat(x.decision().has(ReasonCode.NOMINAL_VALUE_PER_YEAR_EXCEEDED)).isTrue());
      // every denial came when less than the denied amount was left
      assertThat(usd("75").isGreaterThan(total.plus(usd("9.99")))).isFalse();
    }
  }

  /**
   * Whatever sequence of requests, voids and reversals is made: nothing non-compliant is
   * recorded, no key is recorded twice, balances equal the sum of entries.
   */
  @Test
  void noNonCompliantRewardIsEverRecorded() {
    java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong denied = new java.util.concurrent.atomic.AtomicLong();
    qt().withExamples(300).forAll(lists().of(longs().all()).ofSizeBetween(1, 60))
        .checkAssert(steps -> {
          Fixtures.TestClock clock = new Fixtures.TestClock(T0);
          RewardLedger ledger = RewardLedger.inMemory();
          RewardService rewards = RewardService.builder(ledger, clock)
              .compliance(CompliancePolicy.builder()
                  .rule(HealthcareRule.defaults()).rule(FinancialServicesRule.defaults())
                  .rule(ReviewRule.defaults()).rule(new RegionAndValueRule(Set.of("KP"), List.of()))
                  .build())
              .policy(RewardPolicy.builder().capPerWindow(RewardValue.points(500), Duration.ofDays(7)).build())
              .build();
          for (long seed : steps) {
            SplittableRandom rnd = new SplittableRandom(seed);
            clock.advance(Duration.ofHours(rnd.nextInt(24 * 40)));
            int op = rnd.nextInt(10);
            List<LedgerEntry> entries = ledger.entries();
            if (op == 0 && !entries.isEmpty()) {
              RewardId id = entries.get(rnd.nextInt(entries.size())).rewardId();
              rewards.voidReward(id, "test");
              continue;
            }
            if (op == 1 && !entries.isEmpty()) {
              RewardId id = entries.get(rnd.nextInt(entries.size())).rewardId();
              rewards.approve(id);
              rewards.fulfil(id);
              rewards.reverse(id, "test");
              continue;
            }
            IssueResult.Status status = rewards.request(randomRequest(rnd, clock)).status();
            (status == IssueResult.Status.DENIED ? denied : issued).incrementAndGet();
          }
          RewardLedgerContract.assertBalancesMatchEntries(ledger);
          for (CustomerProfile p : PAYEES) {
            assertCompliant(ledger.rewardsOf(p.id()));
          }
        });
    // the generator exercises both sides
    assertThat(issued.get()).isGreaterThan(1000);
    assertThat(denied.get()).isGreaterThan(1000);
  }

  private static RewardRequest randomRequest(SplittableRandom rnd, Fixtures.TestClock clock) {
    CustomerProfile payee = PAYEES.get(rnd.nextInt(PAYEES.size()));
    IncentiveKind kind = IncentiveKind.values()[rnd.nextInt(IncentiveKind.values().length)];
    RewardValue value = switch (kind) {
      case RECOGNITION -> RewardValue.points(0);
      case POINTS -> RewardValue.points(rnd.nextInt(300));
      default -> rnd.nextInt(10) == 0
          ? RewardValue.of(Money.of(BigDecimal.valueOf(rnd.nextInt(3000), 2), Money.currency("EUR")))
          : RewardValue.of(Money.of(BigDecimal.valueOf(rnd.nextInt(rnd.nextBoolean() ? 2000 : 60000), 2),
              Money.currency("USD")));
    };
    RewardReason reason = switch (rnd.nextInt(3)) {
      case 0 -> RewardReason.review(new ReviewContext(
          PLATFORMS.get(rnd.nextInt(PLATFORMS.size())), rnd.nextInt(4) == 0, rnd.nextInt(4) == 0));
      case 1 -> RewardReason.referral(rnd.nextInt(4) == 0);
      default -> RewardReason.of(Motion.CASE_STUDY);
    };
    return RewardRequest.builder("k-" + rnd.nextInt(30), payee, rnd.nextInt(8) == 0 ? "KP" : "US")
        .kind(kind).value(value)
        .creditUsableAsCash(kind == IncentiveKind.ACCOUNT_CREDIT && rnd.nextBoolean())
        .reason(reason).requestedAt(clock.instant()).build();
  }

  /** An oracle written independently of the rules. */
  private static void assertCompliant(List<Reward> rewards) {
    Map<Integer, BigDecimal> usdByYear = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Reward reward : rewards) {
      RewardRequest r = reward.request();
      assertThat(keys.add(r.idempotencyKey())).isTrue();
      assertThat(reward.decision().isAllowed()).isTrue();
      assertThat(r.region()).isNotEqualTo("KP");
      boolean health = r.profile().industry() == Industry.HEALTHCARE
          || r.profile().industry() == Industry.DIGITAL_HEALTH;
      boolean recognition = r.kind() == IncentiveKind.RECOGNITION;
      ReviewContext review = r.reason().review();
      if (review != null) {
        assertThat(review.conditionedOnSentiment()).isFalse();
        assertThat(review.platform()).isIn("g2", "capterra", "forum");
        assertThat(review.selectiveAsk()).isFalse();
      }
      if (health) {
        assertThat(r.profile().isGovernmentHealthProgrammeBeneficiary() && r.isCashEquivalent()).isFalse();
        assertThat(r.reason().referredIsGovernmentHealthProgrammeBeneficiary() && !recognition).isFalse();
      }
      if (r.profile().industry() == Industry.FINANCIAL_SERVICES && r.value().unit().equals("USD")) {
        assertThat(r.value().amount()).isLessThanOrEqualTo(new BigDecimal("500"));
      }
      if (r.kind() == IncentiveKind.POINTS) {
        assertThat(r.value().amount()).isLessThanOrEqualTo(new BigDecimal("500"));
      }
      int year = reward.issuedAt().atZone(ZoneOffset.UTC).getYear();
      if (reward.counts() && r.value().unit().equals("USD")) {
        usdByYear.merge(year, r.value().amount(), BigDecimal::add);
      }
      if (health && !r.isCashEquivalent() && !recognition) {
        assertThat(r.value().unit()).isEqualTo("USD");
        assertThat(r.value().amount()).isLessThanOrEqualTo(new BigDecimal("15"));
        if (reward.counts()) {
          // the year's counting USD total up to and including this item is within $75
          assertThat(usdByYear.get(year)).isLessThanOrEqualTo(new BigDecimal("75"));
        }
      }
    }
  }

  private interface Task<T> {
    T run(int index) throws Exception;
  }

  private static <T> List<T> together(int tasks, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          go.await();
          return task.run(index);
        }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(10, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
