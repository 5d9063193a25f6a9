package io.advocacy.benchmarks;

import com.github.oxo42.stateless4j.StateMachineConfig;
import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.signal.ValueRule;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.CustomerView;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyEngine;
import io.advocacy.journeys.JourneyRegistry;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.squirrelframework.foundation.fsm.AnonymousAction;
import org.squirrelframework.foundation.fsm.AnonymousCondition;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

/**
 * The journey workload every library runs: a 7-state advocacy cycle (listening → qualified →
 * invited → activated → rewarded → tracked → expanded → listening), one event type per edge, one
 * guard (on listening → qualified; it reads a counter and is always true) and one action (on
 * activated → rewarded; it counts a reward, or for our machine emits an action request). The
 * same machine is built here for our {@code JourneyMachine}/{@code JourneyEngine}, stateless4j,
 * squirrel-foundation and Spring Statemachine.
 *
 * <p>Not thread-safe: one benchmark thread.
 */
public final class JourneyWorkload {
  private JourneyWorkload() {}

  /** The states, in cycle order. */
  public enum CycleState {
    /** Listening for signals of delight. */
    LISTENING,
    /** Qualified as an advocate. */
    QUALIFIED,
    /** Invited to a programme. */
    INVITED,
    /** Activated. */
    ACTIVATED,
    /** Rewarded. */
    REWARDED,
    /** Tracked. */
    TRACKED,
    /** Expanded to a higher-impact motion. */
    EXPANDED
  }

  /** The events; event {@code i} leaves state {@code i}. */
  public enum CycleEvent {
    /** Listening to qualified (guarded). */
    QUALIFY,
    /** Qualified to invited. */
    INVITE,
    /** Invited to activated. */
    ACTIVATE,
    /** Activated to rewarded (with the action). */
    REWARD,
    /** Rewarded to tracked. */
    TRACK,
    /** Tracked to expanded. */
    EXPAND,
    /** Expanded back to listening. */
    RESTART
  }

  /** The number of states (and events). */
  public static final int STATES = 7;

  /** A fixed instant the workload starts at. */
  public static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");

  /** The guard and action's shared counters: the "outbox-like sink" the peers write to. */
  public static final class Sink {
    /** Rewards counted by the action. */
    public long rewards;
    /** Guard evaluations. */
    public long guardChecks;

    /** Creates an empty sink. */
    public Sink() {}

    boolean guard() {
      guardChecks++;
      return rewards >= 0;
    }

    void reward() {
      rewards++;
    }
  }

  // ---------------------------------------------------------------- ours

  /** The journey's id. */
  public static final JourneyId JOURNEY = JourneyId.of("advocacy-cycle");

  /** The signal type that starts an instance in the engine. */
  public static final SignalType START = SignalType.custom("cycle_started", ValueRule.NON_NEGATIVE);

  /** The signal type of each event, by {@link CycleEvent} ordinal. */
  public static final SignalType[] EVENT_TYPES = new SignalType[STATES];

  static {
    for (CycleEvent e : CycleEvent.values()) {
      EVENT_TYPES[e.ordinal()] =
          SignalType.custom("cycle_" + e.name().toLowerCase(java.util.Locale.ROOT),
              ValueRule.NON_NEGATIVE);
    }
  }

  /** The registry: the guard reads the signal's value (always ≥ 0), the action is a reward. */
  public static final JourneyRegistry REGISTRY = JourneyRegistry.builder()
      .guard("qualifies", c -> c.signal() == null || c.signal().value() >= 0)
      .action("issue_reward", ActionKind.ISSUE_REWARD)
      .action("remind", ActionKind.ASK)
      .build();

  /**
   * The cycle as our definition.
   *
   * @return the definition
   */
  public static JourneyDefinition definition() {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JOURNEY, 1).startsOn(START)
        .reentry(io.advocacy.journeys.ReentryPolicy.ALWAYS);
    for (CycleState s : CycleState.values()) {
      b.state(name(s));
    }
    for (CycleEvent e : CycleEvent.values()) {
      CycleState from = CycleState.values()[e.ordinal()];
      CycleState to = CycleState.values()[(e.ordinal() + 1) % STATES];
      b.from(name(from)).on(EVENT_TYPES[e.ordinal()]).to(name(to));
      if (e == CycleEvent.QUALIFY) {
        b.when("qualifies");
      } else if (e == CycleEvent.REWARD) {
        b.doing("issue_reward");
      }
    }
    return b.build(REGISTRY);
  }

  /**
   * A journey with one timer for the tick benchmark: waiting, after one day, to reminded (with
   * an ask); a signal brings it back.
   *
   * @return the definition
   */
  public static JourneyDefinition timerDefinition() {
    return JourneyDefinition.builder(JourneyId.of("timer-probe"), 1).startsOn(START)
        .state("waiting").state("reminded")
        .from("waiting").after(Duration.ofDays(1)).to("reminded").doing("remind")
        .from("reminded").on(EVENT_TYPES[0]).to("waiting")
        .build(REGISTRY);
  }

  /**
   * A state's name in our definition.
   *
   * @param s the state
   * @return its machine name
   */
  public static String name(CycleState s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Customer ids {@code c0} … {@code c<n-1>}.
   *
   * @param n how many
   * @return the ids
   */
  public static CustomerId[] customers(int n) {
    CustomerId[] out = new CustomerId[n];
    for (int i = 0; i < n; i++) {
      out[i] = CustomerId.of("c" + i);
    }
    return out;
  }

  /**
   * A minimal customer view (UTC, promoter).
   *
   * @param id the customer
   * @return the view
   */
  public static CustomerView view(CustomerId id) {
    CustomerProfile profile = CustomerProfile.builder(id).build();
    return new CustomerView() {
      @Override
      public CustomerProfile profile() {
        return profile;
      }

      @Override
      public OptionalDouble score() {
        return OptionalDouble.of(80);
      }

      @Override
      public AdvocateTier tier() {
        return AdvocateTier.PROMOTER;
      }

      @Override
      public Set<Motion> eligibleMotions() {
        return Set.of(Motion.REFERRAL);
      }
    };
  }

  /**
   * Each customer's {@link #view}, by customer: what the engine benchmarks hand the engine as
   * the host's view function ({@code views::get}).
   *
   * @param customers the customers
   * @return a mutable map of their views
   */
  public static Map<CustomerId, CustomerView> views(CustomerId[] customers) {
    Map<CustomerId, CustomerView> views = new HashMap<>();
    for (CustomerId c : customers) {
      views.put(c, view(c));
    }
    return views;
  }

  /**
   * An engine over a fresh in-memory store with the cycle registered and one instance started
   * (at {@link #T0}) for each customer, as the full-engine benchmarks begin.
   *
   * @param customers the customers
   * @param views the customers' views
   * @return the engine
   */
  public static JourneyEngine startedEngine(CustomerId[] customers,
      Function<CustomerId, CustomerView> views) {
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(), REGISTRY, views)
        .journey(definition()).build();
    for (int i = 0; i < customers.length; i++) {
      engine.handle(signal("start-" + i, customers[i], START, T0));
    }
    return engine;
  }

  /**
   * An engine over a fresh in-memory store with the timer journey ({@link #timerDefinition})
   * registered and one instance started for each customer, the i-th at {@link #T0} + i ms, so
   * that each waits on one timer due a day later, as the tick benchmarks begin.
   *
   * @param customers the customers
   * @param views the customers' views
   * @return the engine
   */
  public static JourneyEngine waitingEngine(CustomerId[] customers,
      Function<CustomerId, CustomerView> views) {
    JourneyEngine engine = JourneyEngine.builder(InstanceStore.inMemory(), REGISTRY, views)
        .journey(timerDefinition()).build();
    for (int i = 0; i < customers.length; i++) {
      engine.handle(signal("start-" + i, customers[i], START, T0.plusMillis(i)));
    }
    return engine;
  }

  /**
   * A bijection of the longs that scatters neighbours (the splitmix64 finaliser): distinct
   * inputs give distinct outputs.
   *
   * @param k a number
   * @return its scrambled value
   */
  public static long scramble(long k) {
    long z = k * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A signal built with the canonical constructor (value 1, no attributes).
   *
   * @param id its id
   * @param customer the customer
   * @param type the type
   * @param at when
   * @return the signal
   */
  public static Signal signal(String id, CustomerId customer, SignalType type, Instant at) {
    return new Signal(SignalId.of(id), customer, type, at, 1, null, Map.of(), Signal.DEFAULT_SOURCE);
  }

  // ---------------------------------------------------------------- stateless4j

  /**
   * The cycle as a stateless4j configuration.
   *
   * @param sink the guard's and action's counters
   * @return the configuration, shared by all machines
   */
  public static StateMachineConfig<CycleState, CycleEvent> stateless4j(Sink sink) {
    StateMachineConfig<CycleState, CycleEvent> config = new StateMachineConfig<>();
    for (CycleEvent e : CycleEvent.values()) {
      CycleState from = CycleState.values()[e.ordinal()];
      CycleState to = CycleState.values()[(e.ordinal() + 1) % STATES];
      if (e == CycleEvent.QUALIFY) {
        config.configure(from).permitIf(e, to, sink::guard);
      } else if (e == CycleEvent.REWARD) {
        config.configure(from).permit(e, to, sink::reward);
      } else {
        config.configure(from).permit(e, to);
      }
    }
    return config;
  }

  // ---------------------------------------------------------------- squirrel-foundation

  /** The cycle's squirrel-foundation machine class (squirrel instantiates it reflectively). */
  public static final class SquirrelCycle
      extends AbstractStateMachine<SquirrelCycle, CycleState, CycleEvent, Sink> {
    /** Called by squirrel-foundation's builder. */
    public SquirrelCycle() {}
  }

  /**
   * The cycle as a squirrel-foundation builder.
   *
   * @return the builder, shared by all machines
   */
  public static org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelCycle,
      CycleState, CycleEvent, Sink> squirrel() {
    org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelCycle, CycleState,
        CycleEvent, Sink> b = StateMachineBuilderFactory.create(SquirrelCycle.class,
            CycleState.class, CycleEvent.class, Sink.class);
    for (CycleEvent e : CycleEvent.values()) {
      CycleState from = CycleState.values()[e.ordinal()];
      CycleState to = CycleState.values()[(e.ordinal() + 1) % STATES];
      if (e == CycleEvent.QUALIFY) {
        b.externalTransition().from(from).to(to).on(e).when(new AnonymousCondition<Sink>() {
          @Override
          public boolean isSatisfied(Sink context) {
            return context.guard();
          }
        });
      } else if (e == CycleEvent.REWARD) {
        b.externalTransition().from(from).to(to).on(e).perform(
            new AnonymousAction<SquirrelCycle, CycleState, CycleEvent, Sink>() {
              @Override
              public void execute(CycleState f, CycleState t, CycleEvent ev, Sink context,
                  SquirrelCycle machine) {
                context.reward();
              }
            });
      } else {
        b.externalTransition().from(from).to(to).on(e);
      }
    }
    return b;
  }

  // ---------------------------------------------------------------- Spring Statemachine

  /**
   * The cycle as a Spring Statemachine factory (no application context; auto-start off).
   *
   * @param sink the guard's and action's counters
   * @return the factory, shared by all machines
   * @throws Exception as Spring's configurers declare
   */
  public static StateMachineFactory<CycleState, CycleEvent> spring(Sink sink) throws Exception {
    StateMachineBuilder.Builder<CycleState, CycleEvent> b = StateMachineBuilder.builder();
    b.configureConfiguration().withConfiguration().autoStartup(false);
    b.configureStates().withStates().initial(CycleState.LISTENING)
        .states(EnumSet.allOf(CycleState.class));
    StateMachineTransitionConfigurer<CycleState, CycleEvent> t = b.configureTransitions();
    for (CycleEvent e : CycleEvent.values()) {
      CycleState from = CycleState.values()[e.ordinal()];
      CycleState to = CycleState.values()[(e.ordinal() + 1) % STATES];
      var edge = t.withExternal().source(from).target(to).event(e);
      if (e == CycleEvent.QUALIFY) {
        edge.guard(context -> sink.guard());
      } else if (e == CycleEvent.REWARD) {
        edge.action(context -> sink.reward());
      }
    }
    return b.createFactory();
  }
}
