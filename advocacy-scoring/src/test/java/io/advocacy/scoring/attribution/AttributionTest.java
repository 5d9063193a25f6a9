package io.advocacy.scoring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.StageMarker;
import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributionTest {
  static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
  static final CustomerId FRIEND = CustomerId.of("c-friend");

  static Touchpoint touch(String channel, double daysBefore, StageMarker stage, String advocate) {
    return Touchpoint.builder(FRIEND, Channel.of(channel), T0.minusSeconds((long) (daysBefore * 86400)))
        .stage(stage).advocate(advocate == null ? null : CustomerId.of(advocate))
        .journey(JourneyId.of("referral")).build();
  }

  @Test
  void positionTimeDecayAndWShapedWeightsByHand() {
    assertThat(HeuristicModel.positionBased().weights(List.of("a", "b", "c", "d")))
        .containsExactly(new double[] {0.4, 0.1, 0.1, 0.4}, within(1e-12));
    assertThat(HeuristicModel.positionBased().weights(List.of("a"))).containsExactly(1.0);
    assertThat(HeuristicModel.positionBased().weights(List.of("a", "b"))).containsExactly(0.5, 0.5);
    assertThat(HeuristicModel.lastNonDirect().weights(List.of("email", "referral", "direct")))
        .containsExactly(0, 1, 0);
    // 14, 7 and 0 days before the conversion: 0.25, 0.5, 1 over 1.75
    ConversionPath p = ConversionPath.converted(100, touch("a", 14, null, null),
        touch("b", 7, null, null), touch("c", 0, null, null));
    double[] w = HeuristicModel.timeDecay().weights(p);
    assertThat(w[0]).isCloseTo(0.25 / 1.75, within(1e-12));
    assertThat(w[1]).isCloseTo(0.5 / 1.75, within(1e-12));
    assertThat(w[2]).isCloseTo(1 / 1.75, within(1e-12));
    ConversionPath marked = ConversionPath.converted(100, touch("a", 5, null, null),
        touch("b", 4, null, null), touch("c", 3, StageMarker.LEAD_CREATED, null),
        touch("d", 2, StageMarker.OPPORTUNITY_CREATED, null), touch("e", 1, null, null));
    assertThat(HeuristicModel.wShaped().weights(marked))
        .containsExactly(new double[] {0.3, 0.05, 0.3, 0.3, 0.05}, within(1e-12));
    // No opportunity marker: its 30 % goes half to the first touch, half to the lead anchor.
    ConversionPath noOpportunity = ConversionPath.converted(100, touch("a", 5, null, null),
        touch("b", 4, StageMarker.LEAD_CREATED, null), touch("c", 3, null, null));
    double[] w2 = HeuristicModel.wShaped().weights(noOpportunity);
    assertThat(w2[0]).isCloseTo(0.45, within(1e-12));
    assertThat(w2[1]).isCloseTo(0.45, within(1e-12));
    assertThat(w2[2]).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void journeysGiveCreditByChannelAdvocateAndJourney() {
    List<ConversionPath> journeys = List.of(
        ConversionPath.converted(1000, touch("referral", 3, null, "c-ada"), touch("email", 1, null, null)),
        ConversionPath.notConverted(touch("referral", 2, null, "c-bob")));
    AttributionResult linear = Attribution.heuristic(HeuristicModel.linear(), journeys);
    assertThat(linear.byChannel()).containsEntry("referral", new Credit(0.5, 500))
        .containsEntry("email", new Credit(0.5, 500));
    assertThat(linear.byAdvocate()).containsEntry("c-ada", new Credit(0.5, 500))
        .containsEntry(AttributionResult.NONE, new Credit(0.5, 500));
    assertThat(linear.byJourney()).containsEntry("referral", new Credit(1, 1000));
    AttributionResult shapley = Attribution.shapleySimplifiedOnJourneys(journeys);
    assertThat(shapley.apportioned()).isTrue();
    assertThat(shapley.byAdvocate()).containsEntry("c-ada", new Credit(0.5, 500));
  }

  @Test
  void timeDecayAndWShapedRefuseAggregatedPaths() {
    assertThatThrownBy(() -> Attribution.heuristicOnPaths(HeuristicModel.timeDecay(),
        List.of(PathRow.of("a > b", 1, 0, 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the time_decay model needs touch instants and stage markers; aggregated"
            + " paths have neither — run it on journeys");
  }

  static List<PathRow> randomRows(List<Integer> codes) {
    String[] channels = {"a", "b", "c", "d", "e"};
    List<PathRow> rows = new ArrayList<>();
    for (int i = 0; i + 2 < codes.size(); i += 3) {
      int c = codes.get(i);
      List<String> path = new ArrayList<>();
      for (int k = 0; k <= c % 4; k++) {
        path.add(channels[(c / (k + 1)) % 4]); // channel "e" never appears
      }
      rows.add(new PathRow(path, codes.get(i + 1) % 5, codes.get(i + 2) % 5, (codes.get(i + 1) % 5) * 10.0));
    }
    return rows;
  }

  @Test
  void everyModelConservesCreditIgnoresAbsentChannelsAndRowOrder() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(3, 45), longs().all())
        .checkAssert((codes, seed) -> {
          List<PathRow> rows = randomRows(codes);
          double conversions = rows.stream().mapToLong(PathRow::conversions).sum();
          double value = rows.stream().mapToDouble(PathRow::value).sum();
          List<PathRow> shuffled = new ArrayList<>(rows);
          Collections.shuffle(shuffled, new Random(seed));
          List<AttributionResult> results = new ArrayList<>();
          List<AttributionResult> again = new ArrayList<>();
          for (HeuristicModel m : List.of(HeuristicModel.firstTouch(), HeuristicModel.lastTouch(),
              HeuristicModel.linear(), HeuristicModel.positionBased(), HeuristicModel.lastNonDirect())) {
            results.add(Attribution.heuristicOnPaths(m, rows));
            again.add(Attribution.heuristicOnPaths(m, shuffled));
          }
          results.add(Attribution.shapleySimplified(rows));
          again.add(Attribution.shapleySimplified(shuffled));
          for (int k = 1; k <= 2; k++) {
            results.add(Attribution.markov(rows, k, k == 2).attribution());
            again.add(Attribution.markov(shuffled, k, k == 2).attribution());
          }
          for (int r = 0; r < results.size(); r++) {
            AttributionResult a = results.get(r);
            assertThat(a.total().conversions()).as(a.model()).isCloseTo(conversions, within(1e-6));
            assertThat(a.total().value()).as(a.model()).isCloseTo(value, within(1e-6));
            assertThat(a.byChannel()).doesNotContainKey("e");
            AttributionResult b = again.get(r);
            assertThat(b.byChannel().keySet()).isEqualTo(a.byChannel().keySet());
            a.byChannel().forEach((ch, credit) -> {
              assertThat(b.byChannel().get(ch).conversions()).isCloseTo(credit.conversions(), within(1e-9));
            });
          }
        });
  }

  @Test
  void interchangeableChannelsGetEqualCredit() {
    // x and y appear in mirror-image paths: every model must treat them alike.
    List<PathRow> rows = List.of(PathRow.of("x > z", 3, 1, 30), PathRow.of("y > z", 3, 1, 30),
        PathRow.of("z > x", 1, 2, 10), PathRow.of("z > y", 1, 2, 10));
    List<AttributionResult> results = List.of(
        Attribution.heuristicOnPaths(HeuristicModel.linear(), rows),
        Attribution.heuristicOnPaths(HeuristicModel.positionBased(), rows),
        Attribution.shapleySimplified(rows),
        Attribution.markov(rows, 1, false).attribution(),
        Attribution.markov(rows, 2, false).attribution());
    for (AttributionResult r : results) {
      assertThat(r.byChannel().get("x").conversions()).as(r.model())
          .isCloseTo(r.byChannel().get("y").conversions(), within(1e-12));
    }
  }

  @Test
  void badRowsFailFastNamingTheProblem() {
    assertThatThrownBy(() -> PathRow.of("a > b", -1, 0, 0)).hasMessageContaining("-1");
    assertThatThrownBy(() -> new PathRow(List.of(), 1, 0, 0)).hasMessageContaining("empty");
    assertThatThrownBy(() -> Attribution.markov(List.of(), 0, false)).hasMessageContaining("order 0");
  }
}
