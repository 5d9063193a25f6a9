package io.advocacy.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.qualify.TierThresholds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdvocateScorerTest {
  static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  /** Engagement (weight 1, half-life 7 days, scale 10) and risk (weight 0.5, half-life 7 days). */
  static ScoringModel engagementModel() {
    return new ScoringModel("test", 1, TierThresholds.DEFAULTS,
        Map.of(Component.ENGAGEMENT, new ComponentSpec(1, 7, 10, 1),
            Component.RISK, new ComponentSpec(0.5, 7, 1, 1)),
        Map.of(SignalType.PRODUCT_USAGE, new SignalRule(Component.ENGAGEMENT, RuleKind.VALUE, 1, 0),
            SignalType.COMPLAINT_OPENED, new SignalRule(Component.RISK, RuleKind.FIXED, 1, 0)));
  }

  static Signal usage(String id, CustomerId who, Instant at, double value) {
    return Signal.of(SignalId.of(id), who, SignalType.PRODUCT_USAGE, at, value);
  }

  static Instant days(double d) {
    return T0.plusMillis((long) (d * 86_400_000L));
  }

  @Test
  void decayHalvesEveryHalfLifeByHand() {
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).build();
    scorer.apply(usage("s-1", ADA, T0, 10));
    ScoreExplanation e = scorer.explain(ADA, days(14));
    // 10 · 2^(−14/7) = 2.5; value tanh(2.5/10) = 0.244919; score 100 · 1 · 0.244919 / 1
    assertThat(e.components().get(Component.ENGAGEMENT.ordinal()).decayedSum())
        .isCloseTo(2.5, within(1e-12));
    assertThat(scorer.scoreOf(ADA, days(14))).isCloseTo(100 * Math.tanh(0.25), within(1e-9));
    assertThat(scorer.scoreOf(ADA, T0)).isCloseTo(100 * Math.tanh(1), within(1e-9)); // 76.159
    // Reading before the latest signal reads as of it.
    assertThat(scorer.scoreOf(ADA, T0.minusSeconds(60))).isEqualTo(scorer.scoreOf(ADA, T0));
    assertThat(scorer.scoreOf(CustomerId.of("c-nobody"), T0)).isZero();
  }

  @Test
  void riskPullsTheScoreDownAndEveryUpdateSaysWhatItDid() {
    List<TierChange> heard = new ArrayList<>();
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).tierListener(heard::add).build();
    assertThat(scorer.apply(usage("s-1", ADA, T0, 10)).status()).isEqualTo(ScoreUpdate.Status.APPLIED);
    assertThat(scorer.tick(T0)).containsExactly(
        new TierChange(ADA, AdvocateTier.NONE, AdvocateTier.ADVOCATE, T0, false));
    scorer.apply(Signal.of(SignalId.of("s-2"), ADA, SignalType.COMPLAINT_OPENED, T0, 1));
    // 100 · (tanh(1) − 0.5 · tanh(1)) / 1 = 38.08: below the promoter threshold of 40
    assertThat(scorer.scoreOf(ADA, T0)).isCloseTo(50 * Math.tanh(1), within(1e-9));
    assertThat(scorer.tick(T0)).containsExactly(
        new TierChange(ADA, AdvocateTier.ADVOCATE, AdvocateTier.NONE, T0, false));
    assertThat(heard).hasSize(2);
    assertThat(scorer.apply(Signal.of(SignalId.of("s-2"), ADA, SignalType.COMPLAINT_OPENED, T0, 1)))
        .isEqualTo(new ScoreUpdate(ScoreUpdate.Status.DUPLICATE, null));
    assertThat(scorer.apply(Signal.nps(SignalId.of("s-3"), ADA, T0, 10)).reason())
        .isEqualTo(ScoreUpdate.NOT_SCORED);
    assertThat(scorer.apply(Signal.of(SignalId.of("s-5"), AnonymousId.of("v"),
        SignalType.PRODUCT_USAGE, T0, 1)).reason()).isEqualTo(ScoreUpdate.ANONYMOUS);
  }

  @Test
  void anyArrivalOrderGivesTheSameScoreAndRepeatsAreNoOps() {
    ScoringModel model = ScoringModels.forIndustry(Industry.B2B_SAAS);
    SignalType[] types = {SignalType.PRODUCT_USAGE, SignalType.NPS_ANSWERED, SignalType.REVIEW_POSTED,
        SignalType.COMPLAINT_OPENED, SignalType.OUTCOME_ACHIEVED, SignalType.SOCIAL_MENTION};
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 60), longs().all())
        .checkAssert((codes, seed) -> {
          List<Signal> signals = new ArrayList<>();
          for (int c : codes) {
            SignalType t = types[c % types.length];
            double v = t.equals(SignalType.NPS_ANSWERED) ? c % 11
                : t.equals(SignalType.SOCIAL_MENTION) ? ((c % 21) - 10) / 10.0 : c % 6;
            signals.add(Signal.of(SignalId.of("s-" + c), CustomerId.of("c-" + c % 4), t,
                days((c / 7) % 200 + (c % 13) / 13.0), v));
          }
          List<Signal> shuffled = new ArrayList<>(signals);
          Collections.shuffle(shuffled, new Random(seed));
          shuffled.addAll(signals.subList(0, signals.size() / 2)); // repeats, later
          // The signals span 200 days: a horizon longer than that remembers every id.
          AdvocateScorer a = AdvocateScorer.builder(model)
              .deduplicationHorizon(Duration.ofDays(400)).build();
          signals.forEach(a::apply);
          AdvocateScorer b = AdvocateScorer.builder(model)
              .deduplicationHorizon(Duration.ofDays(400)).build();
          shuffled.forEach(b::apply);
          for (int i = 0; i < 4; i++) {
            CustomerId who = CustomerId.of("c-" + i);
            assertThat(b.scoreOf(who, days(400))).isCloseTo(a.scoreOf(who, days(400)), within(1e-9));
            assertThat(b.scoreOf(who, days(250))).isCloseTo(a.scoreOf(who, days(250)), within(1e-9));
          }
        });
  }

  @Test
  void aRepeatIsANoOpWithinTheHorizonAndCountsAgainBeyondIt() {
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel())
        .deduplicationHorizon(Duration.ofDays(30)).build();
    scorer.apply(usage("s-1", ADA, T0, 4));
    scorer.apply(usage("s-2", ADA, days(29), 1));
    assertThat(scorer.apply(usage("s-1", ADA, T0, 4)).status()).isEqualTo(ScoreUpdate.Status.DUPLICATE);
    scorer.apply(usage("s-3", ADA, days(70), 1)); // the latest event moves 70 days on
    // s-1 was first seen more than two horizons of event time ago: it is forgotten.
    assertThat(scorer.apply(usage("s-1", ADA, T0, 4)).status()).isEqualTo(ScoreUpdate.Status.APPLIED);
  }

  @Test
  void explanationsNameTheLargestContributionsFirst() {
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).explanations(2).build();
    scorer.apply(usage("small", ADA, T0, 1));
    scorer.apply(usage("big-old", ADA, T0, 8));
    scorer.apply(usage("mid-new", ADA, days(7), 5));
    scorer.apply(Signal.of(SignalId.of("complaint"), ADA, SignalType.COMPLAINT_OPENED, days(7), 1));
    ScoreExplanation e = scorer.explain(ADA, days(7));
    // points = ±100 · weight · cap · contribution · decay / (scale · W):
    // complaint −100 · 0.5 · 1 / 1 = −50; mid-new 100 · 5/10 = 50... tie broken by id; big-old 8/10·½·100 = 40
    assertThat(e.topSignals()).extracting(s -> s.id().value())
        .containsExactly("complaint", "mid-new");
    assertThat(e.topSignals().get(0).points()).isCloseTo(-50, within(1e-9));
    assertThat(e.topSignals().get(1).points()).isCloseTo(50, within(1e-9));
    assertThat(scorer.explain(ADA, days(7), 1).topSignals()).hasSize(1);
    // component points add up to the score before clamping
    double sum = e.components().stream().mapToDouble(ComponentScore::points).sum();
    assertThat(e.score()).isCloseTo(Math.max(0, Math.min(100, sum)), within(1e-9));
  }

  @Test
  void tickFindsDecayOnlyTierDropsAtTheRightInstant() {
    List<TierChange> heard = new ArrayList<>();
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).tierListener(heard::add).build();
    scorer.apply(usage("s-1", ADA, T0, 10)); // 100 · tanh(2^(−t/7d)) starts at 76.2: ADVOCATE
    assertThat(scorer.tick(days(1))).extracting(TierChange::byDecay).containsExactly(false);
    heard.clear();
    List<TierChange> changes = scorer.tick(days(10));
    // Crosses 60 where tanh(x) = 0.6: x = atanh(0.6) = ln 2, t = −7 · log2(ln 2) = 3.7014 days;
    // crosses 40 where x = atanh(0.4), t = −7 · log2(atanh(0.4)) = 8.6728 days.
    double t60 = -7 * Math.log(Math.log(2)) / Math.log(2);
    double t40 = -7 * Math.log(0.5 * Math.log(1.4 / 0.6)) / Math.log(2);
    assertThat(changes).extracting(TierChange::from, TierChange::to).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AdvocateTier.ADVOCATE, AdvocateTier.PROMOTER),
        org.assertj.core.groups.Tuple.tuple(AdvocateTier.PROMOTER, AdvocateTier.NONE));
    assertThat(Duration.between(days(t60), changes.get(0).at()).abs()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.between(days(t40), changes.get(1).at()).abs()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(changes).allMatch(TierChange::byDecay);
    assertThat(heard).isEqualTo(changes);
    assertThat(scorer.tierOf(ADA, days(10))).isEqualTo(AdvocateTier.NONE);
    assertThat(scorer.tick(days(1000))).isEmpty();
    assertThat(scorer.nextCheck(ADA)).isEmpty(); // at NONE with nothing that could rise
  }

  @Test
  void tickLooksOnlyAtCustomersWhoseCrossingIsDue() {
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).build();
    for (int i = 0; i < 999; i++) {
      scorer.apply(usage("far-" + i, CustomerId.of("c-far-" + i), T0, 30)); // 99.5: deep in CHAMPION
    }
    scorer.apply(usage("near", ADA, T0, 10)); // 76.2: 16 points above ADVOCATE's threshold
    scorer.tick(T0); // works out when each customer that got a signal is next due
    assertThat(scorer.recomputed()).isEqualTo(1000);
    Instant nearDue = scorer.nextCheck(ADA).orElseThrow();
    Instant farDue = scorer.nextCheck(CustomerId.of("c-far-0")).orElseThrow();
    assertThat(nearDue).isBefore(farDue);
    long before = scorer.recomputed();
    scorer.tick(nearDue);
    assertThat(scorer.recomputed() - before).isEqualTo(1);
    assertThat(scorer.customers()).isEqualTo(1000);
  }

  @Test
  void aSnapshotRestoresTheSameScoresExplanationsAndMemoryOfIds() throws Exception {
    AdvocateScorer.Builder builder = AdvocateScorer.builder(ScoringModels.forIndustry(Industry.ECOMMERCE));
    AdvocateScorer scorer = builder.build();
    for (int i = 0; i < 50; i++) {
      scorer.apply(Signal.of(SignalId.of("p-" + i), CustomerId.of("c-" + i % 7),
          SignalType.PURCHASE_COMPLETED, days(i), 1));
    }
    scorer.apply(Signal.nps(SignalId.of("n-1"), ADA, days(3), 10));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    scorer.snapshot().writeTo(bytes);
    AdvocateScorer restored = AdvocateScorer.restore(builder,
        ScorerSnapshot.readFrom(new ByteArrayInputStream(bytes.toByteArray())));
    for (int i = 0; i < 7; i++) {
      CustomerId who = CustomerId.of("c-" + i);
      assertThat(restored.scoreOf(who, days(60))).isEqualTo(scorer.scoreOf(who, days(60)));
      assertThat(restored.explain(who, days(60))).isEqualTo(scorer.explain(who, days(60)));
    }
    assertThat(restored.apply(Signal.of(SignalId.of("p-3"), CustomerId.of("c-3"),
        SignalType.PURCHASE_COMPLETED, days(3), 1)).status()).isEqualTo(ScoreUpdate.Status.DUPLICATE);
    assertThat(restored.customers()).isEqualTo(8);
  }

  @Test
  void eventTimesOutsideTheScoredRangeAreIgnoredAndExtremeReadsDoNotOverflow() {
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).build();
    assertThat(scorer.apply(usage("s-max", ADA, Instant.MAX, 10)))
        .isEqualTo(new ScoreUpdate(ScoreUpdate.Status.IGNORED, ScoreUpdate.TIME_OUT_OF_RANGE));
    assertThat(scorer.apply(usage("s-min", ADA, Instant.MIN, 10)))
        .isEqualTo(new ScoreUpdate(ScoreUpdate.Status.IGNORED, ScoreUpdate.TIME_OUT_OF_RANGE));
    assertThat(scorer.apply(usage("s-0000", ADA, Instant.parse("0000-12-31T23:59:59.999Z"), 10))
        .status()).isEqualTo(ScoreUpdate.Status.IGNORED);
    assertThat(scorer.scoreOf(ADA, T0)).isZero(); // nothing was applied
    // The two ends of the range for one customer: ~10^4 years apart, the old one decays to 0.
    Instant latest = Instant.parse("9999-12-31T23:59:59.999Z");
    assertThat(scorer.apply(usage("s-first", ADA, Instant.parse("0001-01-01T00:00:00Z"), 10))
        .status()).isEqualTo(ScoreUpdate.Status.APPLIED);
    assertThat(scorer.apply(usage("s-last", ADA, latest, 10)).status())
        .isEqualTo(ScoreUpdate.Status.APPLIED);
    // Only the latest signal counts: 100 · tanh(10 / 10) = 76.159
    assertThat(scorer.scoreOf(ADA, Instant.MAX)).isCloseTo(100 * Math.tanh(1), within(1e-9));
    assertThat(scorer.scoreOf(ADA, Instant.MIN)).isCloseTo(100 * Math.tanh(1), within(1e-9));
    assertThat(scorer.explain(ADA, Instant.MAX).asOf()).isEqualTo(latest);
    // 76.159 is an advocate (60 ≤ s < 80), reached by the latest signal; then no decay is left.
    assertThat(scorer.tick(Instant.MAX)).containsExactly(
        new TierChange(ADA, AdvocateTier.NONE, AdvocateTier.ADVOCATE, latest, false));
    assertThat(scorer.tick(Instant.MAX)).isEmpty();
  }

  @Test
  void aReplayedIdIsADuplicateWhateverItsContentAndChangesNothing() {
    ScoringModel model = ScoringModels.forIndustry(Industry.ECOMMERCE);
    SignalType[] types = {SignalType.PRODUCT_USAGE, SignalType.NPS_ANSWERED,
        SignalType.COMPLAINT_OPENED, SignalType.REVIEW_POSTED};
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 40),
            integers().between(1, 1_000_000))
        .checkAssert((codes, twist) -> {
          AdvocateScorer scorer = AdvocateScorer.builder(model).build();
          for (int c : codes) {
            scorer.apply(Signal.of(SignalId.of("s-" + c), CustomerId.of("c-" + c % 3),
                types[c % types.length], days((c % 20) / 2.0), c % 6));
          }
          double[] before = new double[3];
          for (int i = 0; i < 3; i++) {
            before[i] = scorer.scoreOf(CustomerId.of("c-" + i), days(40));
          }
          // Same ids, other customer, type, value and time (all within the 30-day horizon).
          for (int c : codes) {
            Signal replay = Signal.of(SignalId.of("s-" + c), CustomerId.of("c-" + (c + twist) % 3),
                types[(c + twist) % types.length], days(((c + twist) % 20) / 2.0), (c + twist) % 6);
            assertThat(scorer.apply(replay).status()).isEqualTo(ScoreUpdate.Status.DUPLICATE);
          }
          for (int i = 0; i < 3; i++) {
            assertThat(scorer.scoreOf(CustomerId.of("c-" + i), days(40))).isEqualTo(before[i]);
          }
        });
  }

  @Test
  void applyingABatchDoesWhatApplyingEachInTurnDoes() {
    ScoringModel model = ScoringModels.forIndustry(Industry.B2B_SAAS);
    SignalType[] types = {SignalType.PRODUCT_USAGE, SignalType.NPS_ANSWERED, SignalType.REVIEW_POSTED,
        SignalType.COMPLAINT_OPENED, SignalType.COMPLAINT_CLOSED};
    qt().withExamples(100)
        .forAll(lists().of(integers().between(0, 5_000)).ofSizeBetween(0, 200))
        .checkAssert(codes -> {
          List<Signal> signals = new ArrayList<>();
          for (int c : codes) {
            // ids repeat (duplicates), complaint_closed is not in the model, some subjects are anonymous
            signals.add(Signal.of(SignalId.of("s-" + c % 150), c % 17 == 0 ? AnonymousId.of("v")
                    : CustomerId.of("c-" + c % 40), types[c % types.length],
                days(c % 90), types[c % types.length].equals(SignalType.NPS_ANSWERED) ? c % 11 : c % 6));
          }
          AdvocateScorer one = AdvocateScorer.builder(model).build();
          List<ScoreUpdate> each = new ArrayList<>();
          signals.forEach(s -> each.add(one.apply(s)));
          AdvocateScorer all = AdvocateScorer.builder(model).build();
          assertThat(all.applyAll(signals)).isEqualTo(each);
          assertThat(all.customers()).isEqualTo(one.customers());
          for (int i = 0; i < 40; i++) {
            CustomerId who = CustomerId.of("c-" + i);
            assertThat(all.explain(who, days(100))).isEqualTo(one.explain(who, days(100)));
          }
          assertThat(all.tick(days(100))).isEqualTo(one.tick(days(100)));
        });
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).build();
    List<Signal> withNull = new ArrayList<>(List.of(usage("s-1", ADA, T0, 1)));
    withNull.add(null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scorer.applyAll(withNull))
        .isInstanceOf(NullPointerException.class);
    assertThat(scorer.customers()).isZero(); // nothing applied
  }

  @Test
  void signalIdsAndCustomerIdsWithCollidingHashesAreStillTold() {
    // "Aa" and "BB" have the same String.hashCode, so these ids share a fingerprint.
    assertThat("s-Aa".hashCode()).isEqualTo("s-BB".hashCode());
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).build();
    CustomerId aa = CustomerId.of("c-Aa");
    CustomerId bb = CustomerId.of("c-BB");
    assertThat(scorer.apply(usage("s-Aa", aa, T0, 10)).status()).isEqualTo(ScoreUpdate.Status.APPLIED);
    assertThat(scorer.apply(usage("s-BB", aa, T0, 10)).status()).isEqualTo(ScoreUpdate.Status.APPLIED);
    assertThat(scorer.apply(usage("s-AaBB", bb, T0, 5)).status()).isEqualTo(ScoreUpdate.Status.APPLIED);
    assertThat(scorer.apply(usage("s-BBAa", bb, T0, 5)).status()).isEqualTo(ScoreUpdate.Status.APPLIED);
    assertThat(scorer.apply(usage("s-BB", bb, T0, 5)).status()).isEqualTo(ScoreUpdate.Status.DUPLICATE);
    assertThat(scorer.customers()).isEqualTo(2);
    // 100 · tanh(20 / 10) = 96.403 and 100 · tanh(10 / 10) = 76.159
    assertThat(scorer.scoreOf(aa, T0)).isCloseTo(100 * Math.tanh(2), within(1e-9));
    assertThat(scorer.scoreOf(bb, T0)).isCloseTo(100 * Math.tanh(1), within(1e-9));
  }

  @Test
  void aRestoredScorerReportsTheSameTierChangesAsTheOriginal() throws Exception {
    for (boolean tickedBefore : new boolean[] {false, true}) {
      AdvocateScorer.Builder builder = AdvocateScorer.builder(engagementModel());
      AdvocateScorer scorer = builder.build();
      scorer.apply(usage("s-1", ADA, T0, 10)); // 76.2 at T0, then fades (see the tick test)
      scorer.apply(usage("s-2", CustomerId.of("c-bob"), days(2), 3));
      if (tickedBefore) {
        scorer.tick(days(1));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      scorer.snapshot().writeTo(bytes);
      AdvocateScorer restored = AdvocateScorer.restore(builder,
          ScorerSnapshot.readFrom(new ByteArrayInputStream(bytes.toByteArray())));
      List<TierChange> expected = scorer.tick(days(10));
      assertThat(expected).isNotEmpty();
      assertThat(restored.tick(days(10))).as("ticked before snapshot: %s", tickedBefore)
          .isEqualTo(expected);
    }
  }

  @Test
  void aCorruptSnapshotIsRefusedWithAnIoException() throws Exception {
    AdvocateScorer scorer = AdvocateScorer.builder(engagementModel()).build();
    scorer.apply(usage("s-1", ADA, T0, 10));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    scorer.snapshot().writeTo(out);
    byte[] bytes = out.toByteArray();
    // magic (4) + "test" (2 + 4) + version (4) + count (4) + "c-ada" (2 + 5) + 6 sums (48)
    // + reference instant (8): the next byte is the tier.
    int tierAt = 4 + 6 + 4 + 4 + 7 + 48 + 8;
    assertThat(bytes[tierAt]).isEqualTo(ScorerSnapshot.PENDING); // NONE, not yet ticked
    bytes[tierAt] = 9;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ScorerSnapshot.readFrom(new ByteArrayInputStream(bytes)))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("tier byte 9");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ScorerSnapshot.readFrom(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
        .isInstanceOf(java.io.IOException.class);
  }
}
