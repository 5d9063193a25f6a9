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
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyEngine;
import io.advocacy.journeys.JourneyInstance;
import io.advocacy.journeys.JourneyMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heap bytes per journey instance, for every library, at rest (created and started) and after
 * one event (the guarded first transition): JOL's {@code GraphLayout.parseInstance(holder)
 * .totalSize()} over an array holding the N instances, minus the array itself, divided by N.
 * Whatever the instances share (a definition, a configuration, a factory) is counted once and
 * spread over N. Each instance has its own customer id, instance id and instants where the
 * library keeps them.
 *
 * <p>For our engine, the whole in-memory store divided by N (instances, indexes, the audit trail
 * of the start step), the audit part alone, the store of instances that wait on a timer, and the de-duplication memory per signal id held
 * (reported apart, as [Journeys] asks).
 *
 * <p>Run: {@code java -Xmx8g -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true -cp
 * benchmarks.jar io.advocacy.benchmarks.JourneyFootprint <out.json> <peer sizes> <our sizes>
 * <Spring sizes>} with sizes comma-separated, e.g. {@code 10000,100000 1000000 10000}. Spring
 * Statemachine has its own sizes: an instance is a graph of hundreds of objects, and JOL's walk
 * over 100,000 of them does not fit the run's time budget.
 */
public final class JourneyFootprint {
  private JourneyFootprint() {}

  private static final List<Map<String, Object>> ROWS = new ArrayList<>();

  private static void row(String library, String figure, int n, double bytes) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("library", library);
    r.put("figure", figure);
    r.put("instances", n);
    r.put("bytesPerInstance", Math.round(bytes * 10) / 10.0);
    ROWS.add(r);
    System.out.printf("%-12s %-28s %,10d %,10.1f B%n", library, figure, n, bytes);
  }

  private static double perInstance(Object[] holder) {
    long shell = GraphLayout.parseInstance((Object) new Object[holder.length]).totalSize();
    return (GraphLayout.parseInstance((Object) holder).totalSize() - shell) / (double) holder.length;
  }

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  private static int[] sizes(String s) {
    return java.util.Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * Measures and writes the figures as JSON.
   *
   * @param args output file, peer sizes, our sizes
   * @throws Exception if a library or the file fails
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "journey-footprint.json");
    int[] peers = sizes(args.length > 1 ? args[1] : "10000");
    int[] ours = sizes(args.length > 2 ? args[2] : "10000");
    int[] springs = sizes(args.length > 3 ? args[3] : "10000");
    for (int n : ours) {
      bare(n);
      engine(n);
    }
    for (int n : peers) {
      stateless4j(n);
      squirrel(n);
    }
    for (int n : springs) {
      spring(n);
    }
    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), ROWS);
    System.out.println("wrote " + Files.size(out) + " bytes to " + out);
  }

  private static void bare(int n) {
    JourneyMachine machine = new JourneyMachine(JourneyWorkload.definition(), JourneyWorkload.REGISTRY);
    CustomerId[] customers = JourneyWorkload.customers(n);
    JourneyInstance[] instances = new JourneyInstance[n];
    for (int i = 0; i < n; i++) {
      instances[i] = machine.start("advocacy-cycle:" + customers[i].value() + ":1",
          JourneyWorkload.view(customers[i]), null, JourneyWorkload.T0.plusMillis(i))
          .orElseThrow().instance();
    }
    row("ours-bare", "at rest", n, perInstance(instances));
    CustomerView view = JourneyWorkload.view(customers[0]);
    for (int i = 0; i < n; i++) {
      instances[i] = machine.onSignal(instances[i], JourneyWorkload.signal("q" + i, customers[i],
          JourneyWorkload.EVENT_TYPES[0], JourneyWorkload.T0.plusSeconds(3600).plusMillis(i)),
          view).instance();
    }
    row("ours-bare", "after one event", n, perInstance(instances));
  }

  private static void engine(int n) throws ReflectiveOperationException {
    CustomerId[] customers = JourneyWorkload.customers(n);
    Map<CustomerId, CustomerView> views = JourneyWorkload.views(customers);
    InstanceStore store = InstanceStore.inMemory();
    JourneyEngine engine = started(store, JourneyWorkload.definition(), customers, views);
    engineRows(n, store, engine, "at rest");
    for (int i = 0; i < n; i++) {
      engine.handle(JourneyWorkload.signal("q-" + i, customers[i], JourneyWorkload.EVENT_TYPES[0],
          JourneyWorkload.T0.plusSeconds(3600).plusMillis(i)));
    }
    engineRows(n, store, engine, "after one event");
    store = null;
    engine = null;
    // instances waiting on a timer (a reminder journey's usual state)
    InstanceStore timed = InstanceStore.inMemory();
    started(timed, JourneyWorkload.timerDefinition(), customers, views);
    row("ours-engine", "store waiting on a timer", n,
        GraphLayout.parseInstance(timed).totalSize() / (double) n);
  }

  /** An engine over a store with one started instance of a journey per customer. */
  private static JourneyEngine started(InstanceStore store, JourneyDefinition journey,
      CustomerId[] customers, Map<CustomerId, CustomerView> views) {
    JourneyEngine engine = JourneyEngine.builder(store, JourneyWorkload.REGISTRY, views::get)
        .journey(journey).build();
    for (int i = 0; i < customers.length; i++) {
      engine.handle(JourneyWorkload.signal("start-" + i, customers[i], JourneyWorkload.START,
          JourneyWorkload.T0.plusMillis(i)));
    }
    return engine;
  }

  private static void engineRows(int n, InstanceStore store, JourneyEngine engine, String when)
      throws ReflectiveOperationException {
    long total = GraphLayout.parseInstance(store).totalSize();
    row("ours-engine", "store " + when, n, total / (double) n);
    if (!when.equals("at rest")) {
      return; // the parts are measured once: each JOL walk over a million instances is slow
    }
    long audit = GraphLayout.parseInstance(field(store, "audit")).totalSize();
    long dedup = GraphLayout.parseInstance(field(engine, "handled")).totalSize();
    row("ours-engine", "store without audit " + when, n, (total - audit) / (double) n);
    row("ours-engine", "de-dup per signal id " + when, n,
        dedup / (double) engine.rememberedSignalIds());
  }

  private static void stateless4j(int n) {
    StateMachineConfig<CycleState, CycleEvent> config = JourneyWorkload.stateless4j(new Sink());
    Object[] machines = new Object[n];
    List<StateMachine<CycleState, CycleEvent>> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StateMachine<CycleState, CycleEvent> m = new StateMachine<>(CycleState.LISTENING, config);
      list.add(m);
      machines[i] = m;
    }
    row("stateless4j", "at rest", n, perInstance(machines));
    for (StateMachine<CycleState, CycleEvent> m : list) {
      m.fire(CycleEvent.QUALIFY);
    }
    row("stateless4j", "after one event", n, perInstance(machines));
  }

  private static void squirrel(int n) {
    Sink sink = new Sink();
    var builder = JourneyWorkload.squirrel();
    SquirrelCycle[] machines = new SquirrelCycle[n];
    for (int i = 0; i < n; i++) {
      machines[i] = builder.newStateMachine(CycleState.LISTENING);
      machines[i].start(sink);
    }
    row("squirrel", "at rest", n, perInstance(machines));
    for (SquirrelCycle m : machines) {
      m.fire(CycleEvent.QUALIFY, sink);
    }
    row("squirrel", "after one event", n, perInstance(machines));
  }

  private static void spring(int n) throws Exception {
    var factory = JourneyWorkload.spring(new Sink());
    Object[] machines = new Object[n];
    List<org.springframework.statemachine.StateMachine<CycleState, CycleEvent>> list =
        new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      var m = factory.getStateMachine();
      m.startReactively().block();
      list.add(m);
      machines[i] = m;
    }
    row("spring", "at rest", n, perInstance(machines));
    for (var m : list) {
      m.sendEvent(Mono.just(MessageBuilder.withPayload(CycleEvent.QUALIFY).build())).blockLast();
    }
    row("spring", "after one event", n, perInstance(machines));
  }
}
