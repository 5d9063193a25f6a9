package io.advocacy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityStitcherTest {
  private static final AnonymousId VISITOR = AnonymousId.of("a-9");
  private static final AnonymousId OTHER = AnonymousId.of("a-10");
  private static final CustomerId ADA = CustomerId.of("c-42");
  private static final CustomerId BOB = CustomerId.of("c-7");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Signal click(String id, SubjectId subject, Instant at) {
    return Signal.of(SignalId.of(id), subject, SignalType.REFERRAL_CLICKED, at, 1);
  }

  private static IdentityStitcher stitcher(int max) {
    return IdentityStitcher.create(new IdentityGraph(), max, Duration.ofDays(30));
  }

  @Test
  void holdsAVisitorsSignalsAndReleasesThemAttributedInInstantOrder() {
    IdentityStitcher stitcher = stitcher(10);
    Signal late = click("s-late", VISITOR, T0.plusSeconds(60));
    Signal early = click("s-early", VISITOR, T0);
    Signal sameInstant = click("s-a", VISITOR, T0);
    Signal other = click("s-other", OTHER, T0);
    for (Signal s : List.of(late, early, sameInstant, other)) {
      assertThat(stitcher.offer(s)).isEqualTo(new IdentityStitcher.Offer.Held(Optional.empty()));
    }
    assertThat(stitcher.heldCount()).isEqualTo(4);

    List<Signal> released = stitcher.link(new IdentityLink(VISITOR, ADA, T0.plusSeconds(90)));
    assertThat(released)
        .containsExactly(
            sameInstant.attributedTo(ADA), early.attributedTo(ADA), late.attributedTo(ADA));
    assertThat(released).allSatisfy(s -> {
      assertThat(s.subject()).isEqualTo(ADA);
      assertThat(s.attribute(Signal.ANONYMOUS_ID_ATTRIBUTE)).contains("a-9");
    });
    assertThat(stitcher.heldCount()).isEqualTo(1);

    // Linked now: the visitor's next signal is ready at once, attributed.
    Signal after = click("s-after", VISITOR, T0.plusSeconds(120));
    assertThat(stitcher.offer(after)).isEqualTo(new IdentityStitcher.Offer.Ready(after.attributedTo(ADA)));
    // Linking again releases nothing.
    assertThat(stitcher.link(new IdentityLink(VISITOR, ADA, T0.plusSeconds(200)))).isEmpty();
  }

  @Test
  void customerSignalsAreReadyAtOnce() {
    IdentityStitcher stitcher = stitcher(10);
    Signal nps = Signal.nps(SignalId.of("n-1"), ADA, T0, 9);
    IdentityStitcher.Offer offer = stitcher.offer(nps);
    assertThat(offer).isEqualTo(new IdentityStitcher.Offer.Ready(nps));
    assertThat(((IdentityStitcher.Offer.Ready) offer).signal()).isSameAs(nps);
    assertThat(stitcher.heldCount()).isZero();
  }

  @Test
  void offeringAnIdentityLinkedSignalDoesNotLink() {
    // The javadoc used to promise that offer() records identity_linked signals as links; it
    // never did (an Offer cannot carry the released signals). The caller links explicitly.
    IdentityStitcher stitcher = stitcher(5);
    Signal held = click("s-1", VISITOR, T0);
    stitcher.offer(held);
    Signal linked =
        Signal.builder(SignalId.of("id-1"), ADA, SignalType.IDENTITY_LINKED, T0)
            .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, "a-9")
            .build();
    assertThat(stitcher.offer(linked)).isEqualTo(new IdentityStitcher.Offer.Ready(linked));
    assertThat(stitcher.heldCount()).isEqualTo(1);
    assertThat(stitcher.link(IdentityLink.fromSignal(linked).orElseThrow()))
        .containsExactly(held.attributedTo(ADA));
  }

  @Test
  void conflictingLinkReleasesToTheFirstCustomer() {
    IdentityGraph graph = new IdentityGraph();
    graph.link(new IdentityLink(VISITOR, BOB, T0));
    IdentityStitcher stitcher = IdentityStitcher.create(graph, 5, Duration.ofDays(1));
    // The graph already knows the visitor, so offers are ready for BOB.
    Signal s = click("s-1", VISITOR, T0);
    assertThat(stitcher.offer(s)).isEqualTo(new IdentityStitcher.Offer.Ready(s.attributedTo(BOB)));

    IdentityStitcher fresh = stitcher(5);
    Signal held = click("s-2", OTHER, T0);
    fresh.offer(held);
    assertThat(fresh.link(new IdentityLink(OTHER, BOB, T0))).containsExactly(held.attributedTo(BOB));
    Signal again = click("s-3", OTHER, T0);
    assertThat(fresh.offer(again)).isEqualTo(new IdentityStitcher.Offer.Ready(again.attributedTo(BOB)));
    assertThat(fresh.link(new IdentityLink(OTHER, ADA, T0))).isEmpty();
  }

  @Test
  void evictsTheOldestBeyondTheLimitPerVisitor() {
    IdentityStitcher stitcher = stitcher(2);
    Signal s1 = click("s-1", VISITOR, T0);
    Signal s2 = click("s-2", VISITOR, T0.plusSeconds(1));
    Signal s3 = click("s-3", VISITOR, T0.plusSeconds(2));
    Signal o1 = click("o-1", OTHER, T0);
    assertThat(stitcher.offer(s1)).isEqualTo(new IdentityStitcher.Offer.Held(Optional.empty()));
    assertThat(stitcher.offer(s2)).isEqualTo(new IdentityStitcher.Offer.Held(Optional.empty()));
    assertThat(stitcher.offer(o1)).isEqualTo(new IdentityStitcher.Offer.Held(Optional.empty()));
    assertThat(stitcher.offer(s3)).isEqualTo(new IdentityStitcher.Offer.Held(Optional.of(s1)));
    assertThat(stitcher.heldCount()).isEqualTo(3);
    assertThat(stitcher.link(new IdentityLink(VISITOR, ADA, T0)))
        .containsExactly(s2.attributedTo(ADA), s3.attributedTo(ADA));
    assertThat(stitcher.heldCount()).isEqualTo(1);
  }

  @Test
  void expireReturnsExactlyTheSignalsOlderThanTheHorizon() {
    IdentityStitcher stitcher = IdentityStitcher.create(new IdentityGraph(), 10, Duration.ofHours(1));
    Signal old = click("s-old", VISITOR, T0);
    Signal atCutoff = click("s-cutoff", VISITOR, T0.plusNanos(1));
    Signal young = click("s-young", OTHER, T0.plusSeconds(1800));
    Signal otherOld = click("s-other-old", OTHER, T0.minusSeconds(1));
    stitcher.offer(old);
    stitcher.offer(atCutoff);
    stitcher.offer(young);
    stitcher.offer(otherOld);
    Instant now = T0.plusNanos(1).plus(Duration.ofHours(1));
    assertThat(stitcher.expire(now)).containsExactlyInAnyOrder(old, otherOld);
    assertThat(stitcher.heldCount()).isEqualTo(2);
    assertThat(stitcher.expire(now)).isEmpty();
    assertThat(stitcher.expire(now.plusNanos(1))).containsExactly(atCutoff);
    assertThat(stitcher.heldCount()).isEqualTo(1);
    assertThat(stitcher.link(new IdentityLink(VISITOR, ADA, now))).isEmpty();
    assertThat(stitcher.link(new IdentityLink(OTHER, BOB, now))).containsExactly(young.attributedTo(BOB));
    assertThat(stitcher.heldCount()).isZero();
  }

  @Test
  void rejectsBadLimits() {
    IdentityGraph graph = new IdentityGraph();
    assertThatThrownBy(() -> IdentityStitcher.create(graph, 0, Duration.ofDays(1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxHeldPerVisitor must be at least 1: 0");
    assertThatThrownBy(() -> IdentityStitcher.create(graph, 1, Duration.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon must be positive: PT0S");
    assertThatThrownBy(() -> IdentityStitcher.create(graph, 1, Duration.ofSeconds(-1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon must be positive: PT-1S");
  }

  /**
   * Conservation: for any sequence of offers with one link somewhere in it, every offered
   * signal comes back exactly once, as ready, released, evicted or expired.
   */
  @Test
  void noSignalIsLostOrDuplicated() {
    List<SubjectId> subjects = List.of(VISITOR, OTHER, AnonymousId.of("a-11"), ADA, BOB);
    qt().forAll(
            lists().of(integers().between(0, subjects.size() * 100 - 1)).ofSizeBetween(0, 60),
            integers().between(0, 60),
            integers().between(1, 4))
        .checkAssert(
            (offers, linkAt, max) -> {
              IdentityStitcher stitcher =
                  IdentityStitcher.create(new IdentityGraph(), max, Duration.ofHours(1));
              List<String> offered = new ArrayList<>();
              List<Signal> returned = new ArrayList<>();
              for (int i = 0; i <= offers.size(); i++) {
                if (i == Math.min(linkAt, offers.size())) {
                  List<Signal> released = stitcher.link(new IdentityLink(VISITOR, ADA, T0));
                  assertThat(released).allSatisfy(s -> assertThat(s.subject()).isEqualTo(ADA));
                  assertThat(released).isSortedAccordingTo(
                      (a, b) -> a.occurredAt().compareTo(b.occurredAt()));
                  returned.addAll(released);
                }
                if (i == offers.size()) {
                  break;
                }
                int code = offers.get(i);
                Signal s =
                    click("s-" + i, subjects.get(code % subjects.size()),
                        T0.plusSeconds(code / subjects.size() * 60L));
                offered.add(s.id().value());
                IdentityStitcher.Offer offer = stitcher.offer(s);
                if (offer instanceof IdentityStitcher.Offer.Ready ready) {
                  assertThat(ready.signal().subject().isCustomer()).isTrue();
                  returned.add(ready.signal());
                } else {
                  ((IdentityStitcher.Offer.Held) offer).evicted().ifPresent(returned::add);
                }
              }
              returned.addAll(stitcher.expire(T0.plus(Duration.ofDays(1))));
              assertThat(stitcher.heldCount()).isZero();
              assertThat(returned.stream().map(s -> s.id().value()))
                  .containsExactlyInAnyOrderElementsOf(offered);
            });
  }
}
