package io.advocacy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {
  private static final AnonymousId VISITOR = AnonymousId.of("a-9");
  private static final CustomerId ADA = CustomerId.of("c-42");
  private static final CustomerId BOB = CustomerId.of("c-7");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void firstLinkStandsAndLaterOnesAreReported() {
    IdentityGraph graph = new IdentityGraph();
    assertThat(graph.customerOf(VISITOR)).isEmpty();
    assertThat(graph.link(new IdentityLink(VISITOR, ADA, AT))).isEqualTo(LinkOutcome.LINKED);
    assertThat(graph.link(new IdentityLink(VISITOR, ADA, AT.plusSeconds(5))))
        .isEqualTo(LinkOutcome.ALREADY_LINKED);
    assertThat(graph.link(new IdentityLink(VISITOR, BOB, AT))).isEqualTo(LinkOutcome.CONFLICT);
    assertThat(graph.customerOf(VISITOR)).contains(ADA);
    assertThat(graph.size()).isEqualTo(1);
    assertThat(graph.customerOf(BOB)).contains(BOB);
    assertThat(graph.customerOf(AnonymousId.of("a-unknown"))).isEmpty();
    assertThatThrownBy(() -> graph.link(null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("link");
  }

  @Test
  void linkFromAnIdentityLinkedSignal() {
    Signal linked =
        Signal.builder(SignalId.of("id-1"), ADA, SignalType.IDENTITY_LINKED, AT)
            .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, "a-9")
            .build();
    assertThat(IdentityLink.fromSignal(linked)).contains(new IdentityLink(VISITOR, ADA, AT));
    Signal noAttribute = Signal.builder(SignalId.of("id-2"), ADA, SignalType.IDENTITY_LINKED, AT).build();
    assertThat(IdentityLink.fromSignal(noAttribute)).isEmpty();
    Signal badAttribute =
        Signal.builder(SignalId.of("id-3"), ADA, SignalType.IDENTITY_LINKED, AT)
            .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, " a-9")
            .build();
    assertThat(IdentityLink.fromSignal(badAttribute)).isEmpty();
    assertThat(IdentityLink.fromSignal(Signal.nps(SignalId.of("n"), ADA, AT, 9))).isEmpty();
    Signal anonymousSubject =
        Signal.builder(SignalId.of("id-4"), VISITOR, SignalType.IDENTITY_LINKED, AT)
            .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, "a-9")
            .build();
    assertThat(IdentityLink.fromSignal(anonymousSubject)).isEmpty();
  }

  @Test
  void concurrentLinksOfOneVisitorProduceExactlyOneLinked() throws Exception {
    int threads = 16;
    Random random = new Random(20261122L);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        IdentityGraph graph = new IdentityGraph();
        AnonymousId visitor = AnonymousId.of("a-" + round);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<CustomerId> customers = new ArrayList<>();
        List<Future<LinkOutcome>> outcomes = new ArrayList<>();
        List<Future<Optional<CustomerId>>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          // Four customers for sixteen threads: both CONFLICT and ALREADY_LINKED occur.
          CustomerId customer = CustomerId.of("c-" + random.nextInt(4));
          customers.add(customer);
          outcomes.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    start.await();
                    return graph.link(new IdentityLink(visitor, customer, AT));
                  }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        start.countDown();
        List<LinkOutcome> results = new ArrayList<>();
        for (Future<LinkOutcome> f : outcomes) {
          results.add(f.get(10, TimeUnit.SECONDS));
        }
        for (int t = 0; t < threads; t++) {
          seen.add(pool.submit(() -> graph.customerOf(visitor)));
        }
        int winner = results.indexOf(LinkOutcome.LINKED);
        assertThat(results).as("round %d", round).containsOnlyOnce(LinkOutcome.LINKED);
        CustomerId linkedTo = customers.get(winner);
        for (int t = 0; t < threads; t++) {
          if (t == winner) {
            continue;
          }
          assertThat(results.get(t))
              .as("round %d thread %d", round, t)
              .isEqualTo(
                  customers.get(t).equals(linkedTo)
                      ? LinkOutcome.ALREADY_LINKED
                      : LinkOutcome.CONFLICT);
        }
        for (Future<Optional<CustomerId>> f : seen) {
          assertThat(f.get(10, TimeUnit.SECONDS)).contains(linkedTo);
        }
        assertThat(graph.size()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
