package io.advocacy.benchmarks;

import io.advocacy.core.CustomerId;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyEngine;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Our engine's {@code tick} firing {@code timers} due timers, single shot: before each shot (not
 * timed) a fresh in-memory store holds {@code timers} instances of a journey waiting one day
 * ({@link JourneyWorkload#timerDefinition}); the shot ticks two days later until every timer has
 * fired, moved its instance and emitted one ask to the outbox. With {@code limit} equal to
 * {@code timers} that is one call whose result holds every step; with a smaller limit it is calls
 * of at most {@code limit} instances until one returns fewer, as {@code AdvocacyEngine.tick} does
 * (10,000 a call), so each call's result can go as soon as it is read.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class JourneyTickBenchmark {
  /** The number of due timers. */
  @Param({"1000000"})
  public int timers;

  /** The most instances one {@code tick} call advances. */
  @Param({"1000000", "10000"})
  public int limit;

  long fired;

  JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(), JourneyWorkload.REGISTRY,
      JourneyWorkload::view).build();
  Map<CustomerId, CustomerView> views = new HashMap<>();
  CustomerId[] customers = new CustomerId[0];
  JourneyEngine.Result last = new JourneyEngine.Result(java.util.List.of(), false, java.util.List.of());

  /** Creates the benchmark's state. */
  public JourneyTickBenchmark() {}

  /** The customers and their views. */
  @Setup(Level.Trial)
  public void customers() {
    customers = JourneyWorkload.customers(timers);
    views = JourneyWorkload.views(customers);
  }

  /** A fresh store with every instance waiting on its timer. */
  @Setup(Level.Invocation)
  public void setUp() {
    // Drop the previous shot's engine and result first: two stores of a million instances at
    // once would leave the collector thrashing in the timed shot.
    engine = JourneyEngine.builder(InstanceStore.inMemory(), JourneyWorkload.REGISTRY, views::get)
        .build();
    last = new JourneyEngine.Result(java.util.List.of(), false, java.util.List.of());
    System.gc();
    engine = JourneyWorkload.waitingEngine(customers, views::get);
    System.gc(); // the shot starts without the set-up's garbage
  }

  /** Checks that every timer fired. */
  @TearDown(Level.Invocation)
  public void check() {
    if (fired != timers) {
      throw new IllegalStateException(fired + " timers fired, expected " + timers);
    }
    fired = 0;
    last = new JourneyEngine.Result(java.util.List.of(), false, java.util.List.of());
  }

  /**
   * Fires every due timer.
   *
   * @return the result
   */
  @Benchmark
  public JourneyEngine.Result tick() {
    java.time.Instant now = JourneyWorkload.T0.plus(java.time.Duration.ofDays(2));
    do {
      last = engine.tick(now, limit);
      fired += last.steps().size();
    } while (last.steps().size() == limit);
    return last;
  }
}
