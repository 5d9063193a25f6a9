package io.advocacy.examples.scenarios;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.recognition.AwardedBadge;
import io.advocacy.core.recognition.RecognitionOutcome;
import io.advocacy.core.recognition.RecognitionService;
import io.advocacy.core.recognition.RecognitionStore;
import io.advocacy.core.recognition.Standing;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.journeys.AskDecision;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.score.ScoringModels;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario: an online shop's post-purchase review request and loyalty-tier advancement.
 *
 * <p>Eve, in New York, orders at 21:30 her time. The playbook's {@code review-after-purchase}
 * journey asks for a review at once, but the contact policy's quiet hours (21:00–09:00 in the
 * customer's own time zone) defer the ask to 09:00; three days later the reminder falls in quiet
 * hours too and waits for the morning. Eve posts a five-star review on Google, which forbids
 * review incentives, so she is thanked without one.
 *
 * <p>Her acts earn recognition points ({@link RecognitionService}: a review 50, a converted
 * referral 200) that lift her from Member to Insider, and her advocate score lifts her to the
 * promoter tier (the {@code tier-recognition} journey waits for advocate or champion before it
 * issues a non-monetary recognition).
 *
 * <p>Run it with {@code java -cp advocacy-examples/target/advocacy.jar
 * io.advocacy.examples.scenarios.EcommerceReviewsAndLoyalty}.
 *
 * <p>Not thread-safe: a program to read and run.
 */
public final class EcommerceReviewsAndLoyalty {
  /** 21:30 in New York on 1 March 2027 (02:30 UTC on the 2nd): quiet hours. */
  static final Instant ORDER = Instant.parse("2027-03-02T02:30:00Z");

  private EcommerceReviewsAndLoyalty() {}

  /**
   * What the scenario ended with.
   *
   * @param askDecisions every contact decision on a review ask, as {@code action outcome
   *     [until instant]}
   * @param asksSent the asks the host's mailer sent, as {@code action@instant}
   * @param reviewStates the states of the review journey, in order
   * @param thanked the action that thanked the reviewer (no incentive on Google)
   * @param points Eve's recognition points at the end
   * @param level her recognition level at the end
   * @param levels the recognition levels she reached, in order
   * @param badges the badges she earned
   * @param tier her advocate tier at the end
   * @param rewards the rewards the engine issued, as {@code kind value status}
   */
  public record Result(
      List<String> askDecisions, List<String> asksSent, List<String> reviewStates,
      String thanked, long points, String level, List<String> levels, List<String> badges,
      AdvocateTier tier, List<String> rewards) {
    /**
     * Copies the lists.
     *
     * @param askDecisions the contact decisions
     * @param asksSent the asks sent
     * @param reviewStates the review journey's states
     * @param thanked the thank-you action
     * @param points the points
     * @param level the level
     * @param levels the levels reached
     * @param badges the badges
     * @param tier the advocate tier
     * @param rewards the rewards
     */
    public Result {
      askDecisions = List.copyOf(askDecisions);
      asksSent = List.copyOf(asksSent);
      reviewStates = List.copyOf(reviewStates);
      levels = List.copyOf(levels);
      badges = List.copyOf(badges);
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
    AtomicReference<Instant> now = new AtomicReference<>(ORDER);
    InstantSource clock = now::get;

    // Eve's profile: her own time zone decides her quiet hours; she consented to e-mail.
    CustomerId eve = CustomerId.of("c-eve");
    CustomerProfile profile = CustomerProfile.builder(eve).industry(Industry.ECOMMERCE)
        .timeZone(ZoneId.of("America/New_York"))
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2026-11-20T00:00:00Z")))
        .build();

    List<String> asksSent = new ArrayList<>();
    List<String> thanked = new ArrayList<>();
    AdvocacyEngine engine = AdvocacyEngine.builder(clock,
            id -> id.equals(eve) ? profile : CustomerProfile.builder(id).build())
        .scoringModel(ScoringModels.forIndustry(Industry.ECOMMERCE))
        .playbook()
        // a held ask keeps the instant of the step that made it (ActionRequest.at()); the
        // clock says when it is actually sent
        .handler(ActionKind.ASK, (a, p) -> asksSent.add(a.name() + "@" + now.get()))
        .handler(ActionKind.CUSTOM, (a, p) -> thanked.add(a.name() + " "
            + new java.util.TreeMap<>(a.params())))
        .build();
    // Recognition is the advocate's standing in your programme: points for acts of advocacy.
    RecognitionService recognition = new RecognitionService(RecognitionStore.inMemory());
    List<String> levels = new ArrayList<>(List.of("Member"));
    List<String> askDecisions = new ArrayList<>();
    List<String> rewards = new ArrayList<>();

    // --- The order, at 21:30 New York time. -------------------------------------------------
    out.println("== Order and review request");
    Signal order = Signal.builder(SignalId.of("ord-1"), eve, SignalType.PURCHASE_COMPLETED, ORDER)
        .amount(Money.of("89.00", "USD")).attribute("sku", "KETTLE-2").build();
    step(engine, now, out, order, askDecisions, rewards);
    // The ask waits in the journey instance (a HeldAsk); a tick at 09:00 local decides it again.
    step(engine, now, out, Instant.parse("2027-03-02T14:00:00Z"), askDecisions, rewards);
    // Three days after the ask the reminder is due: 21:30 again, deferred again.
    step(engine, now, out, ORDER.plus(Duration.ofDays(3)), askDecisions, rewards);
    step(engine, now, out, Instant.parse("2027-03-05T14:00:00Z"), askDecisions, rewards);

    // --- Eve reviews: the journey thanks her (Google allows no incentive). -----------------
    out.println();
    out.println("== Review and recognition");
    Signal review = Signal.reviewPosted(SignalId.of("rev-1"), eve,
        Instant.parse("2027-03-06T18:00:00Z"), 5, "google");
    step(engine, now, out, review, askDecisions, rewards);
    recognise(recognition, review, levels, out);

    // --- Later, a friend she referred buys, and she orders again. ---------------------------
    Signal referral = Signal.of(SignalId.of("ref-1"), eve, SignalType.REFERRAL_CONVERTED,
        Instant.parse("2027-03-20T16:00:00Z"), 1);
    step(engine, now, out, referral, askDecisions, rewards);
    recognise(recognition, referral, levels, out);
    Signal again = Signal.builder(SignalId.of("ord-2"), eve, SignalType.PURCHASE_COMPLETED,
            Instant.parse("2027-03-22T16:00:00Z"))
        .amount(Money.of("45.00", "USD")).build();
    step(engine, now, out, again, askDecisions, rewards);

    Standing standing = recognition.standing(eve);
    AdvocateTier tier = engine.qualification(eve).orElseThrow().tier();
    out.println();
    out.println("Eve: " + standing.points() + " points, level " + standing.level().name()
        + ", badges " + badges(standing) + ", advocate tier " + tier);
    return new Result(askDecisions, asksSent,
        TelcoRecoveryAndReferral.states(engine, "review-after-purchase:c-eve:1"),
        thanked.isEmpty() ? "" : thanked.get(0), standing.points(), standing.level().name(),
        levels, badges(standing), tier, rewards);
  }

  /** Ingests a signal at its instant. */
  private static void step(AdvocacyEngine engine, AtomicReference<Instant> now, PrintStream out,
      Signal signal, List<String> askDecisions, List<String> rewards) {
    now.set(signal.occurredAt());
    AdvocacyEngine.Outcome o = engine.ingest(signal);
    EngineLog.print(out, signal, o);
    record(o, askDecisions, rewards);
  }

  /** Advances the clock and ticks: due timers and held asks fire. */
  private static void step(AdvocacyEngine engine, AtomicReference<Instant> now, PrintStream out,
      Instant at, List<String> askDecisions, List<String> rewards) {
    now.set(at);
    out.println(at + "  tick");
    AdvocacyEngine.Outcome o = engine.tick();
    EngineLog.print(out, o);
    record(o, askDecisions, rewards);
  }

  private static void record(AdvocacyEngine.Outcome o, List<String> askDecisions,
      List<String> rewards) {
    for (AskDecision d : o.asks()) {
      Instant until = d.decision() == null ? null : d.decision().deferredUntil();
      askDecisions.add(d.action().name() + " " + d.outcome() + (until == null ? "" : " " + until));
    }
    o.rewards().forEach(r -> rewards.add(r.request().kind() + " " + r.request().value() + " "
        + r.result().status()));
  }

  private static void recognise(RecognitionService recognition, Signal act, List<String> levels,
      PrintStream out) {
    RecognitionOutcome r = recognition.apply(act);
    Standing s = java.util.Objects.requireNonNull(r.standing());
    out.println("    recognition: +" + r.pointsEarned() + " points = " + s.points()
        + (r.newLevel() == null ? "" : ", new level " + r.newLevel().name())
        + (r.newBadges().isEmpty() ? ""
            : ", badge " + r.newBadges().stream().map(b -> b.badge().id()).toList()));
    if (r.newLevel() != null) {
      levels.add(r.newLevel().name());
    }
  }

  private static List<String> badges(Standing standing) {
    return standing.badges().stream().map(AwardedBadge::badge).map(b -> b.id()).toList();
  }
}
