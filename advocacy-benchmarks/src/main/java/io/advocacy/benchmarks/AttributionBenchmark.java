package io.advocacy.benchmarks;

import io.advocacy.scoring.attribution.Attribution;
import io.advocacy.scoring.attribution.HeuristicModel;
import io.advocacy.scoring.attribution.PathRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Attribution over the seeded {@link AttributionWorkload} at 10,000, 100,000 and 1,000,000
 * journeys, aggregated into distinct paths once per trial (not timed: "after parsing"); each
 * benchmark is one model over all paths, timed as a single shot. {@link #baselineScan} reads
 * every row once (channel hashes and counts) and is the baseline the models are compared to.
 *
 * <p>Bounded by default: one fork with {@code -Xmx512m} (the heap target), 5 warm-up and 10
 * measured single shots per trial; the whole class takes a few minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class AttributionBenchmark {
  /** The number of journeys. */
  @Param({"10000", "100000", "1000000"})
  public int journeys;

  private List<PathRow> rows = List.of();

  /** Generates and aggregates the journeys. */
  @Setup(Level.Trial)
  public void generate() {
    rows = AttributionWorkload.rows(journeys, 7);
  }

  /**
   * The baseline: every row read once, each channel name hashed, the counts summed.
   *
   * @return a checksum
   */
  @Benchmark
  public long baselineScan() {
    long sum = 0;
    for (PathRow r : rows) {
      for (String c : r.channels()) {
        sum += c.hashCode();
      }
      sum += r.conversions() + r.nulls() + (long) r.value();
    }
    return sum;
  }

  /**
   * First touch.
   *
   * @return the result
   */
  @Benchmark
  public Object firstTouch() {
    return Attribution.heuristicOnPaths(HeuristicModel.firstTouch(), rows);
  }

  /**
   * Last touch.
   *
   * @return the result
   */
  @Benchmark
  public Object lastTouch() {
    return Attribution.heuristicOnPaths(HeuristicModel.lastTouch(), rows);
  }

  /**
   * Last non-direct touch.
   *
   * @return the result
   */
  @Benchmark
  public Object lastNonDirect() {
    return Attribution.heuristicOnPaths(HeuristicModel.lastNonDirect(), rows);
  }

  /**
   * Linear.
   *
   * @return the result
   */
  @Benchmark
  public Object linear() {
    return Attribution.heuristicOnPaths(HeuristicModel.linear(), rows);
  }

  /**
   * Position-based (40/20/40).
   *
   * @return the result
   */
  @Benchmark
  public Object positionBased() {
    return Attribution.heuristicOnPaths(HeuristicModel.positionBased(), rows);
  }

  /**
   * The five path-based heuristic models in one shot, as the target counts them.
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
