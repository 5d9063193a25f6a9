package io.advocacy.benchmarks;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import io.advocacy.benchmarks.JourneyWorkload.CycleEvent;
import io.advocacy.benchmarks.JourneyWorkload.CycleState;
import io.advocacy.benchmarks.JourneyWorkload.Sink;
import io.advocacy.benchmarks.JourneyWorkload.SquirrelCycle;
import io.advocacy.core.CustomerId;
import io.advocacy.core.signal.Signal;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyEngine;
import io.advocacy.journeys.JourneyInstance;
import io.advocacy.journeys.JourneyMachine;
import io.advocacy.journeys.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/**
 * Transitions per second on one thread, the same 7-state cycle on every library (see {@link
 * JourneyWorkload}). {@code size} instances are round-robined, one event each per operation, so
 * the working set matters: every operation picks the next instance and fires the event that
 * leaves its current state. Benchmarks named {@code ours*} run our bare {@link JourneyMachine}
 * (instance values in an array, no store) and the full {@link JourneyEngine} (in-memory store,
 * de-duplication with a unique signal id per event, outbox, audit; rebuilt every iteration so
 * the retained audit and ids do not pile up across iterations); {@code peer*} run stateless4j,
 * squirrel-foundation and Spring Statemachine (one machine object per instance).
 *
 * <p>Every fork touches its whole heap at start ({@code -XX:+AlwaysPreTouch}): otherwise, for the
 * first seconds, each library's rate is set by the operating system handing out fresh pages
 * for its allocations rather than by its own work, and the ratio between two libraries is just
 * the ratio of their bytes allocated per transition. Every library runs with the same flags.
 *
 * <p>Every state checks, after each iteration, that sampled instances are in the state their
 * event count predicts (so the guard passed and every event moved).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class JourneyTransitionBenchmark {
  /** Round-robin over instances and the phase of each. */
  @State(Scope.Thread)
  public abstract static class Cycle {
    /** The number of instances. */
    @Param({"10000"})
    public int size;

    int cursor;
    byte[] phase = new byte[0];

    void reset() {
      cursor = 0;
      phase = new byte[size];
    }

    /** The next instance; its phase is advanced by {@link #advance}. */
    int nextInstance() {
      int i = cursor;
      cursor = i + 1 == size ? 0 : i + 1;
      return i;
    }

    int advance(int i) {
      int p = phase[i];
      phase[i] = (byte) (p + 1 == JourneyWorkload.STATES ? 0 : p + 1);
      return p;
    }

    void verify(java.util.function.IntUnaryOperator stateOf) {
      for (int i = 0; i < size; i += Math.max(1, size / 100)) {
        if (stateOf.applyAsInt(i) != phase[i]) {
          throw new IllegalStateException("instance " + i + " is in state " + stateOf.applyAsInt(i)
              + ", expected " + phase[i]);
        }
      }
    }
  }

  /** Our bare machine over instance values. */
  @State(Scope.Thread)
  public static class Bare extends Cycle {
    JourneyMachine machine = new JourneyMachine(JourneyWorkload.definition(),
        JourneyWorkload.REGISTRY);
    JourneyInstance[] instances = new JourneyInstance[0];
    Signal[] signals = new Signal[JourneyWorkload.STATES];
    CustomerView view = JourneyWorkload.view(CustomerId.of("c0"));

    /** Starts {@code size} instances. */
    @Setup(Level.Trial)
    public void setUp() {
      reset();
      instances = new JourneyInstance[size];
      CustomerId[] customers = JourneyWorkload.customers(size);
      for (int i = 0; i < size; i++) {
        instances[i] = machine.start("advocacy-cycle:" + customers[i].value() + ":1",
            JourneyWorkload.view(customers[i]), null, JourneyWorkload.T0).orElseThrow().instance();
      }
      for (int e = 0; e < JourneyWorkload.STATES; e++) {
        signals[e] = JourneyWorkload.signal("e" + e, CustomerId.of("c0"),
            JourneyWorkload.EVENT_TYPES[e], JourneyWorkload.T0.plusSeconds(60));
      }
    }

    /** Checks the sampled instances' states. */
    @TearDown(Level.Iteration)
    public void check() {
      verify(i -> machine.definition().stateIndex(instances[i].state()));
    }
  }

  /** Our full engine: in-memory store, de-duplication, outbox, audit. */
  @State(Scope.Thread)
  public static class Engine extends Cycle {
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(), JourneyWorkload.REGISTRY,
        c -> JourneyWorkload.view(c)).build();
    CustomerId[] customers = new CustomerId[0];
    String[] instanceIds = new String[0];
    Map<CustomerId, CustomerView> views = new HashMap<>();
    long sequence;
    /** The batch {@link #oursEngineBatch} fills and hands over, reused. */
    List<Signal> batch = new ArrayList<>(BATCH);

    /**
     * The shape of the signal ids: {@code sequential} (a host's sequence numbers, "0", "1", …)
     * or {@code random} (the same numbers through a bijective mix, in hexadecimal: unique, with
     * hash codes as scattered as random ids', about 16 characters against the sequence's 6 or
     * 7, so they also cost more to make, hash and remember).
     */
    @Param({"sequential"})
    public String ids;

    boolean randomIds;

    /** The next signal id. */
    String nextId() {
      long k = sequence++;
      return randomIds ? Long.toHexString(JourneyWorkload.scramble(k)) : Long.toString(k);
    }

    /** Builds the customers and their views once. */
    @Setup(Level.Trial)
    public void customers() {
      if (!ids.equals("sequential") && !ids.equals("random")) {
        throw new IllegalArgumentException("ids " + ids + " is neither sequential nor random");
      }
      randomIds = ids.equals("random");
      customers = JourneyWorkload.customers(size);
      instanceIds = new String[size];
      for (int i = 0; i < size; i++) {
        views.put(customers[i], JourneyWorkload.view(customers[i]));
        instanceIds[i] = "advocacy-cycle:" + customers[i].value() + ":1";
      }
    }

    /** A fresh engine and store with {@code size} started instances. */
    @Setup(Level.Iteration)
    public void setUp() {
      reset();
      // Let the previous iteration's engine go before building the next one: two stores of a
      // million instances at once would leave the collector thrashing in the measurement.
      engine = JourneyEngine.builder(InstanceStore.inMemory(), JourneyWorkload.REGISTRY,
          views::get).build();
      System.gc();
      engine = JourneyWorkload.startedEngine(customers, views::get);
      System.gc(); // the iteration starts without the set-up's garbage
    }

    /** Checks the sampled instances' states and drops the engine. */
    @TearDown(Level.Iteration)
    public void check() {
      verify(i -> JourneyWorkload.definition().stateIndex(
          engine.store().find(instanceIds[i]).orElseThrow().state()));
    }
  }

  /** stateless4j: one machine per instance over one shared configuration. */
  @State(Scope.Thread)
  public static class Stateless4j extends Cycle {
    Sink sink = new Sink();
    List<StateMachine<CycleState, CycleEvent>> machines = new ArrayList<>();
    CycleEvent[] events = CycleEvent.values();

    /** Creates the machines. */
    @Setup(Level.Trial)
    public void setUp() {
      reset();
      StateMachineConfig<CycleState, CycleEvent> config = JourneyWorkload.stateless4j(sink);
      machines = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        machines.add(new StateMachine<>(CycleState.LISTENING, config));
      }
    }

    /** Checks the sampled machines' states. */
    @TearDown(Level.Iteration)
    public void check() {
      verify(i -> machines.get(i).getState().ordinal());
    }
  }

  /** squirrel-foundation: one machine per instance from one builder. */
  @State(Scope.Thread)
  public static class Squirrel extends Cycle {
    Sink sink = new Sink();
    SquirrelCycle[] machines = new SquirrelCycle[0];
    CycleEvent[] events = CycleEvent.values();

    /** Creates and starts the machines. */
    @Setup(Level.Trial)
    public void setUp() {
      reset();
      var builder = JourneyWorkload.squirrel();
      machines = new SquirrelCycle[size];
      for (int i = 0; i < size; i++) {
        machines[i] = builder.newStateMachine(CycleState.LISTENING);
        machines[i].start(sink);
      }
    }

    /** Checks the sampled machines' states. */
    @TearDown(Level.Iteration)
    public void check() {
      verify(i -> machines[i].getCurrentState().ordinal());
    }
  }

  /** Spring Statemachine: one machine per instance from one factory. */
  @State(Scope.Thread)
  public static class Spring extends Cycle {
    Sink sink = new Sink();
    List<org.springframework.statemachine.StateMachine<CycleState, CycleEvent>> machines =
        new ArrayList<>();
    List<Mono<Message<CycleEvent>>> events = new ArrayList<>();

    /**
     * Creates and starts the machines.
     *
     * @throws Exception as Spring's configurers declare
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      reset();
      var factory = JourneyWorkload.spring(sink);
      machines = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        var m = factory.getStateMachine();
        m.startReactively().block();
        machines.add(m);
      }
      events = new ArrayList<>();
      for (CycleEvent e : CycleEvent.values()) {
        events.add(Mono.just(MessageBuilder.withPayload(e).build()));
      }
    }

    /** Checks the sampled machines' states. */
    @TearDown(Level.Iteration)
    public void check() {
      verify(i -> machines.get(i).getState().getId().ordinal());
    }
  }

  /**
   * Our bare machine: one signal on the next instance.
   *
   * @param s the state
   * @return the step
   */
  @Benchmark
  public Step oursBare(Bare s) {
    int i = s.nextInstance();
    Step step = s.machine.onSignal(s.instances[i], s.signals[s.advance(i)], s.view);
    s.instances[i] = step.instance();
    return step;
  }

  /**
   * Our full engine: one signal with a fresh id for the next customer.
   *
   * @param s the state
   * @return the engine's result
   */
  @Benchmark
  public JourneyEngine.Result oursEngine(Engine s) {
    int i = s.nextInstance();
    return s.engine.handle(JourneyWorkload.signal(s.nextId(), s.customers[i],
        JourneyWorkload.EVENT_TYPES[s.advance(i)], JourneyWorkload.T0));
  }

  /** How many signals {@link #oursEngineBatch} hands the engine at once. */
  public static final int BATCH = 100;

  /**
   * Our full engine through {@link JourneyEngine#handleAll}: {@value #BATCH} signals, each with
   * a fresh id for the next customer, as one batch (a host that receives signals in batches);
   * the score counts signals, not batches.
   *
   * @param s the state
   * @return the engine's results
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<JourneyEngine.Result> oursEngineBatch(Engine s) {
    List<Signal> batch = s.batch;
    batch.clear();
    for (int k = 0; k < BATCH; k++) {
      int i = s.nextInstance();
      batch.add(JourneyWorkload.signal(s.nextId(), s.customers[i],
          JourneyWorkload.EVENT_TYPES[s.advance(i)], JourneyWorkload.T0));
    }
    return s.engine.handleAll(batch);
  }

  /**
   * stateless4j: fire the next event on the next machine.
   *
   * @param s the state
   * @return the machine
   */
  @Benchmark
  public Object peerStateless4j(Stateless4j s) {
    int i = s.nextInstance();
    StateMachine<CycleState, CycleEvent> m = s.machines.get(i);
    m.fire(s.events[s.advance(i)]);
    return m;
  }

  /**
   * squirrel-foundation: fire the next event on the next machine.
   *
   * @param s the state
   * @return the machine
   */
  @Benchmark
  public Object peerSquirrel(Squirrel s) {
    int i = s.nextInstance();
    SquirrelCycle m = s.machines[i];
    m.fire(s.events[s.advance(i)], s.sink);
    return m;
  }

  /**
   * Spring Statemachine: send the next event to the next machine and wait for its result.
   *
   * @param s the state
   * @return the results
   */
  @Benchmark
  public Object peerSpring(Spring s) {
    int i = s.nextInstance();
    return s.machines.get(i).sendEvent(s.events.get(s.advance(i))).blockLast();
  }
}
