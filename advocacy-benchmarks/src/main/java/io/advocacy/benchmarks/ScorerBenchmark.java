package io.advocacy.benchmarks;

import io.advocacy.core.CustomerId;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.scoring.score.AdvocateScorer;
import io.advocacy.scoring.score.ScoringModels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Score updates per second: every signal of a seeded workload (two per customer on average, in
 * random order, unique ids, de-duplication on) into a fresh {@link AdvocateScorer}, one at a time
 * and in batches of {@value #BATCH}, against the bare baseline of the same signals into a {@code
 * HashMap<String, double[]>}. One operation is one signal; a fresh scorer and map per invocation
 * (made in an untimed per-invocation setup, both sized for the population).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScorerBenchmark {
  /** Signals per invocation. */
  public static final int SIGNALS = 2_000_000;

  /** Signals per {@link AdvocateScorer#applyAll} call in {@link #scorerBatches}. */
  public static final int BATCH = 1000;

  /** The population. */
  @Param({"10000", "100000", "1000000"})
  public int customers;

  /** Top contributing signals kept for explanations (0: none, to show their cost). */
  @Param({"3", "0"})
  public int explanations;

  private Signal[] signals;
  private List<Signal> list;
  private AdvocateScorer.Builder builder;
  private AdvocateScorer scorer;
  private Map<String, double[]> map;

  /** Generates the workload once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    signals = ScoringWorkload.signals(customers, SIGNALS, 42);
    list = Arrays.asList(signals);
    builder = AdvocateScorer.builder(ScoringModels.forIndustry(Industry.B2B_SAAS))
        .explanations(explanations).expectedCustomers(customers);
  }

  /** A fresh scorer and map for each invocation. */
  @Setup(Level.Invocation)
  public void fresh() {
    scorer = builder.build();
    map = new HashMap<>(customers * 2);
  }

  /**
   * The baseline: look up or create the customer's array and add the value.
   *
   * @return the map, so the work is not eliminated
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public Object bareHashMap() {
    for (Signal s : signals) {
      double[] a = map.computeIfAbsent(((CustomerId) s.subject()).value(), k -> new double[6]);
      a[s.type().hashCode() & 5] += s.value();
    }
    return map;
  }

  /**
   * Ours, in batches of {@value #BATCH} signals through {@link AdvocateScorer#applyAll}.
   *
   * @return the scorer, so the work is not eliminated
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public Object scorerBatches() {
    for (int from = 0; from < SIGNALS; from += BATCH) {
      scorer.applyAll(list.subList(from, Math.min(SIGNALS, from + BATCH)));
    }
    return scorer;
  }

  /**
   * Ours: de-duplication, decay, explanations of the top 3, tier tracking.
   *
   * @return the scorer, so the work is not eliminated
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public Object scorer() {
    for (Signal s : signals) {
      scorer.apply(s);
    }
    return scorer;
  }
}
