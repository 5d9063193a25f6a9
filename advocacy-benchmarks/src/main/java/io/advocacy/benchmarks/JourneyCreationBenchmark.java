package io.advocacy.benchmarks;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import io.advocacy.benchmarks.JourneyWorkload.CycleEvent;
import io.advocacy.benchmarks.JourneyWorkload.CycleState;
import io.advocacy.benchmarks.JourneyWorkload.Sink;
import io.advocacy.benchmarks.JourneyWorkload.SquirrelCycle;
import io.advocacy.core.CustomerId;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyEngine;
import io.advocacy.journeys.JourneyMachine;
import io.advocacy.journeys.Step;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.statemachine.config.StateMachineFactory;

/**
 * Instances created per second on one thread, each ready for its first event (see {@link
 * JourneyWorkload}): our bare machine's {@code start} (an instance value; the caller keeps it),
 * our engine handling a start signal for a new customer (the instance is committed to the
 * in-memory store, which is rebuilt every iteration), a stateless4j machine over the shared
 * configuration, a squirrel-foundation machine from the shared builder, started, and a Spring
 * Statemachine from the shared factory, started. Peers' machines are handed to the blackhole
 * and dropped.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class JourneyCreationBenchmark {
  JourneyMachine machine = new JourneyMachine(JourneyWorkload.definition(), JourneyWorkload.REGISTRY);
  CustomerView view = JourneyWorkload.view(CustomerId.of("c0"));
  JourneyEngine engine = newEngine();
  Sink sink = new Sink();
  StateMachineConfig<CycleState, CycleEvent> stateless4j = JourneyWorkload.stateless4j(sink);
  org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelCycle, CycleState, CycleEvent,
      Sink> squirrel = JourneyWorkload.squirrel();
  StateMachineFactory<CycleState, CycleEvent> spring = spring(sink);
  long sequence;

  /** Creates the benchmark's state. */
  public JourneyCreationBenchmark() {}

  private static StateMachineFactory<CycleState, CycleEvent> spring(Sink sink) {
    try {
      return JourneyWorkload.spring(sink);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JourneyEngine newEngine() {
    return JourneyEngine.builder(InstanceStore.inMemory(), JourneyWorkload.REGISTRY,
        JourneyWorkload::view).journey(JourneyWorkload.definition()).build();
  }

  /** A fresh engine and store every iteration. */
  @Setup(Level.Iteration)
  public void freshEngine() {
    engine = newEngine();
  }

  /**
   * Our bare machine starts an instance.
   *
   * @return the first step
   */
  @Benchmark
  public Optional<Step> oursBare() {
    return machine.start("advocacy-cycle:c" + sequence++ + ":1", view, null, JourneyWorkload.T0);
  }

  /**
   * Our engine starts an instance for a new customer and commits it.
   *
   * @return the engine's result
   */
  @Benchmark
  public JourneyEngine.Result oursEngine() {
    long n = sequence++;
    return engine.handle(JourneyWorkload.signal("start-" + n, CustomerId.of("c" + n),
        JourneyWorkload.START, JourneyWorkload.T0));
  }

  /**
   * A stateless4j machine.
   *
   * @return the machine
   */
  @Benchmark
  public Object peerStateless4j() {
    return new StateMachine<>(CycleState.LISTENING, stateless4j);
  }

  /**
   * A squirrel-foundation machine, started.
   *
   * @return the machine
   */
  @Benchmark
  public Object peerSquirrel() {
    SquirrelCycle m = squirrel.newStateMachine(CycleState.LISTENING);
    m.start(sink);
    return m;
  }

  /**
   * A Spring Statemachine, started.
   *
   * @return the machine
   */
  @Benchmark
  public Object peerSpring() {
    var m = spring.getStateMachine();
    m.startReactively().block();
    return m;
  }
}
