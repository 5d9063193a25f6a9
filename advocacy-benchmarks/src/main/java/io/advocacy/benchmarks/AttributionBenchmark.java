package io.advocacy.benchmarks;

import io.advocacy.scoring.attribution.Attribution;
import io.advocacy.scoring.attribution.HeuristicModel;
import io.advocacy.scoring.attribution.PathRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Attribution over seeded journeys on 20 channels (1 to 7 touches, 4 on average), aggregated
 * into distinct paths once per trial; each benchmark is one model over all paths, timed as a
 * single shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AttributionBenchmark {
  /** The number of journeys. */
  @Param({"10000", "100000", "1000000"})
  public int journeys;

  private List<PathRow> rows;

  /** Generates and aggregates the journeys. */
  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom random = new SplittableRandom(7);
    Map<List<String>, long[]> totals = new HashMap<>();
    for (int j = 0; j < journeys; j++) {
      int length = 1 + random.nextInt(7);
      List<String> path = new ArrayList<>(length);
      double p = 0.02;
      for (int k = 0; k < length; k++) {
        int c = random.nextInt(20);
        path.add("ch" + c);
        p += c % 5 == 0 ? 0.03 : 0.005;
      }
      long[] t = totals.computeIfAbsent(path, x -> new long[3]);
      if (random.nextDouble() < p) {
        t[0]++;
        t[2] += 100 + random.nextInt(900);
      } else {
        t[1]++;
      }
    }
    rows = new ArrayList<>();
    totals.forEach((path, t) -> rows.add(new PathRow(path, t[0], t[1], t[2])));
  }

  /**
   * Five heuristic models.
   *
   * @return the results
   */
  @Benchmark
  public Object heuristics() {
    List<Object> out = new ArrayList<>();
    for (HeuristicModel m : List.of(HeuristicModel.firstTouch(), HeuristicModel.lastTouch(),
        HeuristicModel.lastNonDirect(), HeuristicModel.linear(), HeuristicModel.positionBased())) {
      out.add(Attribution.heuristicOnPaths(m, rows));
    }
    return out;
  }

  /**
   * First-order Markov.
   *
   * @return the result
   */
  @Benchmark
  public Object markovOrder1() {
    return Attribution.markov(rows, 1, false);
  }

  /**
   * Third-order Markov.
   *
   * @return the result
   */
  @Benchmark
  public Object markovOrder3() {
    return Attribution.markov(rows, 3, false);
  }

  /**
   * Simplified Shapley.
   *
   * @return the result
   */
  @Benchmark
  public Object shapleySimplified() {
    return Attribution.shapleySimplified(rows);
  }
}
