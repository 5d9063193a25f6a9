package io.advocacy.scoring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Markov solver against an independent dense solve of the exposed transition matrix, and
 * the limits of the classic Shapley value.
 */
class AttributionSolverTest {

  /** Random path sets over channels a..e, seeded by the generated integer. */
  private static List<PathRow> randomRows(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<PathRow> rows = new ArrayList<>();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      int len = 1 + r.nextInt(6);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < len; k++) {
        b.append(k == 0 ? "" : " > ").append((char) ('a' + r.nextInt(5)));
      }
      long conv = r.nextInt(4);
      rows.add(PathRow.of(b.toString(), conv, r.nextInt(4), conv * 10.0));
    }
    return rows;
  }

  /**
   * P(conversion) from the start by Gaussian elimination with partial pivoting on
   * {@code (I - Q) x = r} over the transient states, with every state whose window contains
   * {@code removed} sent to null.
   */
  private static double exactConversion(Map<String, Map<String, Double>> transitions,
      String removed) {
    if (!transitions.containsKey(MarkovResult.START)) {
      return 0; // every row had zero journeys: no chain at all
    }
    List<String> states = new ArrayList<>(transitions.keySet());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < states.size(); i++) {
      index.put(states.get(i), i);
    }
    int n = states.size();
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      String s = states.get(i);
      if (removed != null && !s.equals(MarkovResult.START)
          && Arrays.asList(s.split(" > ")).contains(removed)) {
        continue; // x = 0
      }
      for (Map.Entry<String, Double> e : transitions.get(s).entrySet()) {
        String t = e.getKey();
        if (t.equals(MarkovResult.CONVERSION)) {
          a[i][n] += e.getValue();
        } else if (index.containsKey(t)) {
          a[i][index.get(t)] -= e.getValue();
        }
      }
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int row = 0; row < n; row++) {
        if (row != col && a[row][col] != 0) {
          double f = a[row][col] / a[col][col];
          for (int k = col; k <= n; k++) {
            a[row][k] -= f * a[col][k];
          }
        }
      }
    }
    int start = index.get(MarkovResult.START);
    return a[start][n] / a[start][start];
  }

  @Test
  void markovMatchesGaussianEliminationOfItsOwnTransitionMatrix() {
    qt().withExamples(150).forAll(integers().all(), integers().between(1, 3))
        .checkAssert((seed, order) -> {
          List<PathRow> rows = randomRows(seed);
          long conversions = rows.stream().mapToLong(PathRow::conversions).sum();
          for (boolean merge : new boolean[] {false, true}) {
            MarkovResult m = Attribution.markov(rows, order, merge);
            double p = exactConversion(m.transitions(), null);
            assertThat(m.conversionProbability()).isCloseTo(p, within(1e-12));
            double sum = 0;
            for (Map.Entry<String, Double> e : m.removalEffects().entrySet()) {
              double expected = p == 0 ? 0 : 1 - exactConversion(m.transitions(), e.getKey()) / p;
              assertThat(e.getValue()).as("removal effect of %s", e.getKey())
                  .isCloseTo(expected, within(1e-9));
              sum += expected;
            }
            for (Map.Entry<String, Credit> e : m.attribution().byChannel().entrySet()) {
              double share = sum == 0 ? 0 : m.removalEffects().get(e.getKey()) / sum;
              assertThat(e.getValue().conversions()).isCloseTo(conversions * share, within(1e-9));
            }
          }
        });
  }

  @Test
  void longSelfLoopsAndLongCyclesAreSolvedToTheExactValue() {
    // a repeated 100,000 times converting once, and a single a that does not convert:
    // a -> a 99,999, a -> conversion 1, a -> null 1, so P(conversion) = 1 / 2 exactly.
    String loop = IntStream.range(0, 100_000).mapToObj(i -> "a").collect(Collectors.joining(" > "));
    MarkovResult m = Attribution.markov(
        List.of(PathRow.of(loop, 1, 0, 10), PathRow.of("a", 0, 1, 0)), 1, false);
    assertThat(m.conversionProbability()).isCloseTo(0.5, within(1e-12));
    // a > b alternating 2,000 times converting once; b alone not converting. States a, b:
    // start -> a 1/2, start -> b 1/2; a -> b 1; b -> a 1999/2001, b -> conv 1/2001,
    // b -> null 1/2001. x_b = (1999/2001) x_b + 1/2001, so x_b = 1/2 and x_a = 1/2: P = 1/2.
    String cycle = IntStream.range(0, 2_000).mapToObj(i -> "a > b")
        .collect(Collectors.joining(" > "));
    MarkovResult c = Attribution.markov(
        List.of(PathRow.of(cycle, 1, 0, 10), PathRow.of("b", 0, 1, 0)), 1, false);
    assertThat(c.conversionProbability()).isCloseTo(0.5, within(1e-12));
    assertThat(c.conversionProbability())
        .isCloseTo(exactConversion(c.transitions(), null), within(1e-12));
    // without a: start -> b 1/2, then b -> conversion 1/2001: P = 1/4002, effect 1 - 1/2001;
    // without b nothing converts: effect 1
    assertThat(c.removalEffects().get("a")).isCloseTo(1 - 1.0 / 2001, within(1e-12));
    assertThat(c.removalEffects().get("b")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void classicShapleyAcceptsSixtyThreePlayersAndRefusesMore() {
    List<String> players = IntStream.range(0, 63).mapToObj(i -> "p" + i).toList();
    // only the grand coalition is worth anything: in every order the last player gets all 63,
    // so the sampled values sum to 63 exactly (efficiency holds permutation by permutation)
    ShapleyValues v = Attribution.shapley(Map.of(new HashSet<>(players), 63.0), 24, 500, 7);
    assertThat(v.exact()).isFalse();
    assertThat(v.values()).hasSize(63);
    assertThat(v.values().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(63.0, within(1e-9));
    Set<String> sixtyFour = new HashSet<>(players);
    sixtyFour.add("p63");
    assertThatThrownBy(() -> Attribution.shapley(Map.of(sixtyFour, 64.0), 24, 500, 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 players")
        .hasMessageContaining("at most 63");
  }
}
