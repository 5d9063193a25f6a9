package io.advocacy.examples.scenarios;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.contact.Ask;
import io.advocacy.core.contact.ContactDecision;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.journeys.JourneyInstance;
import io.advocacy.scoring.score.ScoringModels;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario: a telco's NPS recovery for detractors and referral programme for promoters.
 *
 * <p>Dan answers NPS 3. The playbook's {@code detractor-recovery} journey alerts his account
 * owner and opens a CRM task; the contact policy holds back every advocacy ask to him; 30 days
 * later he is surveyed again, answers 8 and is recovered. Pia answers NPS 10: the {@code
 * referral-invitation} journey invites her, follows up five days later, and her friend's
 * conversion earns her the referral reward. Both are scored with the telecommunications model,
 * where sentiment and complaints weigh most.
 *
 * <p>Run it with {@code java -cp advocacy-examples/target/advocacy.jar
 * io.advocacy.examples.scenarios.TelcoRecoveryAndReferral}.
 *
 * <p>Not thread-safe: a program to read and run.
 */
public final class TelcoRecoveryAndReferral {
  /** 15:00 UTC: outside quiet hours for customers on UTC. */
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");

  private TelcoRecoveryAndReferral() {}

  /**
   * What the scenario ended with.
   *
   * @param danStates the states Dan's recovery journey went through, in order
   * @param ownerActions the actions the host's CRM handlers received, as {@code name:param}
   * @param askToDan the contact policy's answer to a referral ask to Dan, as {@code outcome
   *     [reasons]}, just after his detractor answer
   * @param askToDanAfterRecovery the same question after he recovered
   * @param piaStates the states Pia's referral journey went through, in order
   * @param asksSent the asks the host's mailer sent, as {@code customer action at}
   * @param rewards the rewards issued or blocked, as {@code customer kind value status}
   * @param danScore Dan's advocate score at the end (0–100)
   * @param piaScore Pia's advocate score at the end (0–100)
   */
  public record Result(
      List<String> danStates, List<String> ownerActions, String askToDan,
      String askToDanAfterRecovery, List<String> piaStates, List<String> asksSent,
      List<String> rewards, double danScore, double piaScore) {
    /**
     * Copies the lists.
     *
     * @param danStates Dan's states
     * @param ownerActions the owner actions
     * @param askToDan the first contact decision
     * @param askToDanAfterRecovery the later contact decision
     * @param piaStates Pia's states
     * @param asksSent the asks sent
     * @param rewards the rewards
     * @param danScore Dan's score
     * @param piaScore Pia's score
     */
    public Result {
      danStates = List.copyOf(danStates);
      ownerActions = List.copyOf(ownerActions);
      piaStates = List.copyOf(piaStates);
      asksSent = List.copyOf(asksSent);
      rewards = List.copyOf(rewards);
    }
  }

  /**
   * Runs the scenario and prints its account.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the scenario.
   *
   * @param out where the account is printed
   * @return what it ended with
   */
  public static Result run(PrintStream out) {
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    InstantSource clock = now::get;

    CustomerId dan = CustomerId.of("c-dan");
    CustomerId pia = CustomerId.of("c-pia");
    Map<CustomerId, CustomerProfile> crm = Map.of(dan, subscriber(dan), pia, subscriber(pia));

    // The host's side: a mailer for asks, and the CRM for owner alerts and tasks. The engine
    // hands each action to the handler of its kind (or of its name) once per idempotency key.
    List<String> asksSent = new ArrayList<>();
    List<String> ownerActions = new ArrayList<>();
    AdvocacyEngine engine = AdvocacyEngine.builder(clock,
            id -> crm.getOrDefault(id, CustomerProfile.builder(id).build()))
        .scoringModel(ScoringModels.forIndustry(Industry.TELECOMMUNICATIONS))
        .playbook()
        .handler(ActionKind.ASK, (a, p) -> asksSent.add(a.customer().value() + " " + a.name()
            + " " + a.at()))
        .handler(ActionKind.NOTIFY_OWNER, (a, p) -> ownerActions.add(a.name() + ":"
            + a.params().get("reason")))
        .handler(ActionKind.CREATE_CRM_TASK, (a, p) -> ownerActions.add(a.name() + ":"
            + a.params().get("task")))
        .build();
    List<String> rewards = new ArrayList<>();

    // --- Day 0: Dan is a detractor, Pia a promoter. -----------------------------------------
    out.println("== Day 0: NPS answers");
    ingest(engine, now, out, rewards, Signal.nps(SignalId.of("nps-1"), dan, T0, 3));
    ingest(engine, now, out, rewards, Signal.nps(SignalId.of("nps-2"), pia,
        T0.plus(Duration.ofHours(1)), 10));

    // The contact policy saw Dan's 3: any advocacy ask is denied for its detractor period.
    // check() previews a decision without reserving a contact slot.
    String askToDan = preview(engine, crm.get(dan), now.get());
    out.println("may we ask Dan to refer a friend? " + askToDan);

    // --- Day 5: the referral invitation's follow-up timer fires. ----------------------------
    out.println();
    out.println("== Day 5: timers");
    tick(engine, now, out, rewards, T0.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));

    // --- Days 8 and 12: Pia shares, her friend signs up for a contract. --------------------
    out.println();
    out.println("== Days 8 and 12: Pia's referral");
    ingest(engine, now, out, rewards, Signal.of(SignalId.of("ref-1"), pia,
        SignalType.REFERRAL_SHARED, T0.plus(Duration.ofDays(8)), 1));
    ingest(engine, now, out, rewards, Signal.of(SignalId.of("ref-2"), pia,
        SignalType.REFERRAL_CONVERTED, T0.plus(Duration.ofDays(12)), 1));

    // --- Day 30: Dan's re-survey; day 31: he answers 8 and is recovered. -------------------
    out.println();
    out.println("== Days 30 and 31: Dan's re-survey");
    tick(engine, now, out, rewards, T0.plus(Duration.ofDays(30)));
    ingest(engine, now, out, rewards, Signal.nps(SignalId.of("nps-3"), dan,
        T0.plus(Duration.ofDays(31)), 8));
    // Recovery does not lift the suppression: the policy counts the detractor answer for its
    // whole period (90 days by default), whatever came after.
    String askAfter = preview(engine, crm.get(dan), now.get());
    out.println("may we ask Dan to refer a friend now? " + askAfter);

    double danScore = engine.scorer().scoreOf(dan, now.get());
    double piaScore = engine.scorer().scoreOf(pia, now.get());
    out.println();
    out.printf(java.util.Locale.ROOT, "scores on day 31 (telecommunications model): "
        + "Dan %.1f, Pia %.1f%n", danScore, piaScore);
    out.println("owner actions: " + ownerActions);
    return new Result(states(engine, "detractor-recovery:c-dan:1"), ownerActions, askToDan,
        askAfter, states(engine, "referral-invitation:c-pia:1"), asksSent, rewards, danScore,
        piaScore);
  }

  private static CustomerProfile subscriber(CustomerId id) {
    return CustomerProfile.builder(id).industry(Industry.TELECOMMUNICATIONS)
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2024-01-01T00:00:00Z")))
        .build();
  }

  private static String preview(AdvocacyEngine engine, CustomerProfile profile, Instant at) {
    ContactDecision d = engine.contactPolicy().check(
        Ask.of("preview-" + at, profile, ContactChannel.EMAIL, Motion.REFERRAL, at));
    return d.outcome() + " " + d.codes();
  }

  private static void ingest(AdvocacyEngine engine, AtomicReference<Instant> now,
      PrintStream out, List<String> rewards, Signal signal) {
    now.set(signal.occurredAt());
    AdvocacyEngine.Outcome outcome = engine.ingest(signal);
    EngineLog.print(out, signal, outcome);
    record(outcome, rewards);
  }

  private static void tick(AdvocacyEngine engine, AtomicReference<Instant> now, PrintStream out,
      List<String> rewards, Instant at) {
    now.set(at);
    out.println(at + "  tick");
    AdvocacyEngine.Outcome outcome = engine.tick();
    EngineLog.print(out, outcome);
    record(outcome, rewards);
  }

  private static void record(AdvocacyEngine.Outcome outcome, List<String> rewards) {
    outcome.rewards().forEach(r -> rewards.add(r.request().payee().value() + " "
        + r.request().kind() + " " + r.request().value() + " " + r.result().status()));
  }

  /** The states an instance went through, from its audit trail. */
  static List<String> states(AdvocacyEngine engine, String instance) {
    List<String> states = new ArrayList<>();
    engine.journeys().store().audit(instance).forEach(e -> {
      if (states.isEmpty()) {
        states.add(e.from());
      }
      states.add(e.to());
    });
    JourneyInstance last = engine.journeys().store().find(instance).orElseThrow();
    if (!states.isEmpty() && !states.get(states.size() - 1).equals(last.state())) {
      throw new IllegalStateException("audit and instance disagree on " + instance);
    }
    return states;
  }
}
