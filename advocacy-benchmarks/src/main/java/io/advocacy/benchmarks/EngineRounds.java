package io.advocacy.benchmarks;

import io.advocacy.core.CustomerId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.JourneyEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One round of the full-engine workload of {@link JourneyTransitionBenchmark#oursEngine} (or of
 * {@link JourneyTransitionBenchmark#oursEngineBatch}), or of the tick of {@link
 * JourneyTickBenchmark}, timed by hand: the unit {@link CompareBuilds} runs in
 * each of two builds in turn.
 *
 * <p>A {@link #round} builds a fresh engine and in-memory store, starts {@code size} instances,
 * then handles {@code signals} signals round-robin over them (sequential ids, each the event that
 * leaves its instance's current state) and returns the time per signal. A {@link #tickRound}
 * starts {@code timers} instances each waiting on one timer, then ticks past them all in calls
 * of {@code limit} and returns the time per timer fired. Only the handling or the ticking is
 * timed; building the engine and starting the instances are not. Not thread-safe.
 */
public final class EngineRounds {
  private EngineRounds() {}

  /** Kept so that the handled results are not optimised away. */
  static long sink;

  /**
   * Runs one round.
   *
   * @param size the number of instances, at least 1
   * @param signals the number of signals timed, at least 1
   * @return nanoseconds per signal handled
   * @throws IllegalArgumentException if a count is below 1
   * @throws IllegalStateException if an instance ends in another state than its signals predict
   */
  public static double round(int size, int signals) {
    return round(size, signals, false);
  }

  /**
   * Runs one round as {@link #round} does, handing the signals to the engine in batches of
   * {@link JourneyTransitionBenchmark#BATCH} through {@link JourneyEngine#handleAll} (the last
   * batch may be shorter), as {@link JourneyTransitionBenchmark#oursEngineBatch} does.
   *
   * @param size the number of instances, at least 1
   * @param signals the number of signals timed, at least 1
   * @return nanoseconds per signal handled
   * @throws IllegalArgumentException if a count is below 1
   * @throws IllegalStateException if an instance ends in another state than its signals predict
   */
  public static double batchRound(int size, int signals) {
    return round(size, signals, true);
  }

  private static double round(int size, int signals, boolean batches) {
    if (size < 1 || signals < 1) {
      throw new IllegalArgumentException("size " + size + " and signals " + signals
          + " must both be at least 1");
    }
    CustomerId[] customers = JourneyWorkload.customers(size);
    Map<CustomerId, CustomerView> views = JourneyWorkload.views(customers);
    JourneyEngine engine = JourneyWorkload.startedEngine(customers, views::get);
    byte[] phase = new byte[size];
    SignalType[] types = JourneyWorkload.EVENT_TYPES;
    long steps = 0;
    List<Signal> batch = new ArrayList<>(JourneyTransitionBenchmark.BATCH);
    long t0 = System.nanoTime();
    for (int k = 0; k < signals; k++) {
      int i = k % size;
      int p = phase[i];
      phase[i] = (byte) (p + 1 == JourneyWorkload.STATES ? 0 : p + 1);
      Signal s = JourneyWorkload.signal(Long.toString(k), customers[i], types[p],
          JourneyWorkload.T0);
      if (!batches) {
        steps += engine.handle(s).steps().size();
        continue;
      }
      batch.add(s);
      if (batch.size() == JourneyTransitionBenchmark.BATCH || k == signals - 1) {
        for (JourneyEngine.Result r : engine.handleAll(batch)) {
          steps += r.steps().size();
        }
        batch.clear();
      }
    }
    long elapsed = System.nanoTime() - t0;
    if (steps != signals) {
      throw new IllegalStateException(signals + " signals took " + steps + " transitions");
    }
    sink += steps;
    return elapsed / (double) signals;
  }

  /**
   * Runs one round of ticks.
   *
   * @param timers the number of instances, each waiting on one timer, at least 1
   * @param limit the most instances one tick call advances, at least 1
   * @return nanoseconds per timer fired
   * @throws IllegalArgumentException if a count is below 1
   * @throws IllegalStateException if the ticks fire another number of timers than started
   */
  public static double tickRound(int timers, int limit) {
    if (timers < 1 || limit < 1) {
      throw new IllegalArgumentException("timers " + timers + " and limit " + limit
          + " must both be at least 1");
    }
    CustomerId[] customers = JourneyWorkload.customers(timers);
    Map<CustomerId, CustomerView> views = JourneyWorkload.views(customers);
    JourneyEngine engine = JourneyWorkload.waitingEngine(customers, views::get);
    System.gc(); // the ticks start without the set-up's garbage
    Instant now = JourneyWorkload.T0.plus(Duration.ofDays(2));
    long fired = 0;
    int last;
    long t0 = System.nanoTime();
    do {
      last = engine.tick(now, limit).steps().size();
      fired += last;
    } while (last == limit);
    long elapsed = System.nanoTime() - t0;
    if (fired != timers) {
      throw new IllegalStateException(timers + " timers started, " + fired + " fired");
    }
    sink += fired;
    return elapsed / (double) timers;
  }
}
