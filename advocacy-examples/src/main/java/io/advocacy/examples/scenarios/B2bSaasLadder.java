package io.advocacy.examples.scenarios;

import io.advocacy.core.AccountId;
import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.crm.CrmAttributes;
import io.advocacy.core.crm.LinkedOpportunity;
import io.advocacy.core.crm.OpportunityBook;
import io.advocacy.core.crm.OpportunityLinker;
import io.advocacy.core.crm.PipelineTotals;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.referral.CodeIssueResult;
import io.advocacy.core.referral.PartyFacts;
import io.advocacy.core.referral.Referral;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralOutcome;
import io.advocacy.core.referral.ReferralService;
import io.advocacy.core.referral.ReferralStore;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.Touchpoint;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Attribution;
import io.advocacy.scoring.attribution.AttributionResult;
import io.advocacy.scoring.attribution.ConversionPath;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.attribution.HeuristicModel;
import io.advocacy.scoring.score.ScoringModels;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario: a B2B SaaS advocate ladder with referral attribution to opportunities and revenue.
 *
 * <p>Ada, an admin at Acme, uses the product, answers NPS 10 and reaches an outcome. The
 * {@link AdvocacyEngine} with the ready-made playbook invites her to refer and, once she is an
 * advocate, recognises her new tier. She refers Grace at Globex; Grace clicks, Globex buys. The CRM link then says which
 * deals that referral sourced (pipeline and revenue), and attribution shares the credit for the
 * conversions among the channels and advocates that touched them.
 *
 * <p>Run it with {@code java -cp advocacy-examples/target/advocacy.jar
 * io.advocacy.examples.scenarios.B2bSaasLadder}.
 *
 * <p>Not thread-safe: a program to read and run.
 */
public final class B2bSaasLadder {
  /** 15:00 UTC on a Monday: outside everyone's quiet hours. */
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");

  private B2bSaasLadder() {}

  /**
   * What the scenario ended with.
   *
   * @param adaTier Ada's advocate tier at the end
   * @param asks the asks sent to Ada, as {@code action@instant}
   * @param rewards every reward the engine issued or blocked, as {@code kind value status}
   * @param referralCode the code issued to Ada
   * @param referralState the state of Ada's referral of Grace
   * @param sourcedBy per opportunity id, the rule that linked it to a referral ({@code -} when
   *     no referral sourced it)
   * @param sourcedPipeline referral-sourced pipeline per currency
   * @param sourcedRevenue referral-sourced revenue (won deals) per currency
   * @param influencedPipeline pipeline with at least one influencing touch, per currency
   * @param linearByChannel linear attribution of the conversions by channel
   * @param firstTouchByChannel first-touch attribution by channel
   * @param linearByAdvocate linear attribution by advocate
   */
  public record Result(
      AdvocateTier adaTier, List<String> asks, List<String> rewards, String referralCode,
      String referralState, Map<String, String> sourcedBy, Map<String, Money> sourcedPipeline,
      Map<String, Money> sourcedRevenue, Map<String, Money> influencedPipeline,
      Map<String, Credit> linearByChannel, Map<String, Credit> firstTouchByChannel,
      Map<String, Credit> linearByAdvocate) {
    /**
     * Copies the collections.
     *
     * @param adaTier the tier
     * @param asks the asks
     * @param rewards the rewards
     * @param referralCode the code
     * @param referralState the referral's state
     * @param sourcedBy the sourcing rule per opportunity
     * @param sourcedPipeline sourced pipeline
     * @param sourcedRevenue sourced revenue
     * @param influencedPipeline influenced pipeline
     * @param linearByChannel linear credit by channel
     * @param firstTouchByChannel first-touch credit by channel
     * @param linearByAdvocate linear credit by advocate
     */
    public Result {
      asks = List.copyOf(asks);
      rewards = List.copyOf(rewards);
      sourcedBy = Map.copyOf(sourcedBy);
      sourcedPipeline = Map.copyOf(sourcedPipeline);
      sourcedRevenue = Map.copyOf(sourcedRevenue);
      influencedPipeline = Map.copyOf(influencedPipeline);
      linearByChannel = Map.copyOf(linearByChannel);
      firstTouchByChannel = Map.copyOf(firstTouchByChannel);
      linearByAdvocate = Map.copyOf(linearByAdvocate);
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
    // --- A clock the program advances: never the wall clock. ---------------------------------
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    InstantSource clock = now::get;

    // --- The host's CRM: profiles with an account each (the CRM link reads it). -------------
    CustomerId ada = CustomerId.of("c-ada");
    CustomerId grace = CustomerId.of("c-grace");
    CustomerId dev = CustomerId.of("c-dev");
    Map<CustomerId, CustomerProfile> crm = Map.of(
        ada, customer(ada, "001-acme"),
        grace, customer(grace, "001-globex"),
        dev, customer(dev, "001-initech"));

    // --- The engine: B2B SaaS scoring model, the ready-made playbook, the host's mailer. -----
    List<String> asks = new ArrayList<>();
    AdvocacyEngine engine = AdvocacyEngine.builder(clock,
            id -> crm.getOrDefault(id, CustomerProfile.builder(id).build()))
        .scoringModel(ScoringModels.forIndustry(Industry.B2B_SAAS))
        .playbook()
        .handler(ActionKind.ASK, (action, profile) -> asks.add(action.name() + "@" + action.at()))
        .build();
    List<String> rewards = new ArrayList<>();

    // --- Listen and qualify: Ada uses the product, answers NPS 10, reaches an outcome. -------
    // The NPS 10 makes her eligible to refer (the referral-invitation journey asks at once);
    // the CSAT 5 lifts her to PROMOTER (recognition waits for the advocate tier).
    out.println("== Listen, qualify, invite");
    feed(engine, now, rewards, out,
        Signal.of(SignalId.of("e-1"), ada, SignalType.PRODUCT_USAGE, T0, 30));
    feed(engine, now, rewards, out,
        Signal.nps(SignalId.of("e-2"), ada, T0.plus(Duration.ofHours(1)), 10));
    feed(engine, now, rewards, out, Signal.of(SignalId.of("e-3"), ada,
        SignalType.OUTCOME_ACHIEVED, T0.plus(Duration.ofHours(2)), 1));
    feed(engine, now, rewards, out,
        Signal.csat(SignalId.of("e-4"), ada, T0.plus(Duration.ofHours(3)), 5));
    out.println("Ada is " + engine.qualification(ada).orElseThrow().tier() + ", asks sent: "
        + asks);

    // --- Activate: Ada gets a referral code and shares it with Grace, a visitor not yet known.
    // ReferralService is the only writer of referrals; its random generator is seeded here so
    // the code is the same on every run.
    ReferralService referrals = ReferralService.builder(ReferralStore.inMemory())
        .clock(clock).random(new Random(2027)).build();
    ReferralCode code = ((CodeIssueResult.Issued) referrals.issueCode(ada, PartyFacts.NONE))
        .code().code();
    AnonymousId visitor = AnonymousId.of("v-grace");
    out.println();
    out.println("== Activate: code " + code + " shared with " + visitor.asText());
    Signal shared = Signal.builder(SignalId.of("e-5"), ada, SignalType.REFERRAL_SHARED,
            T0.plus(Duration.ofDays(1)))
        .attribute(ReferralService.CODE_ATTRIBUTE, code.toString())
        .attribute(ReferralService.REFEREE_ATTRIBUTE, visitor.asText())
        .build();
    referrals.apply(shared);
    feed(engine, now, rewards, out, shared); // the engine scores the share and moves the journey
    Signal clicked = Signal.builder(SignalId.of("e-6"), visitor, SignalType.REFERRAL_CLICKED,
            T0.plus(Duration.ofDays(2)))
        .attribute(ReferralService.CODE_ATTRIBUTE, code.toString()).build();
    referrals.apply(clicked);

    // --- Track: the CRM's deals, as signals to an OpportunityBook. ---------------------------
    OpportunityBook book = OpportunityBook.inMemory();
    book.apply(deal("d-1", SignalType.OPPORTUNITY_CREATED, grace, "006-globex", "001-globex",
        "24000", T0.plus(Duration.ofDays(3)), "Discovery"));
    book.apply(deal("d-2", SignalType.OPPORTUNITY_CREATED, dev, "006-initech", "001-initech",
        "18000", T0.plus(Duration.ofDays(5)), "Discovery"));

    // Grace signs: the referral service hears it from Grace (the referee, who was the visitor),
    // and the engine hears it from Ada (the advocate, whose journey and reward it concerns).
    now.set(T0.plus(Duration.ofDays(20)));
    ReferralOutcome converted = referrals.apply(Signal.builder(SignalId.of("e-7"), grace,
            SignalType.REFERRAL_CONVERTED, now.get())
        .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, visitor.value()).build());
    Referral referral = converted.referralIfAny().orElseThrow();
    out.println();
    out.println("== Reward: referral " + referral.id() + " " + converted.kind() + " -> "
        + referral.state());
    feed(engine, now, rewards, out, Signal.of(SignalId.of("e-8"), ada,
        SignalType.REFERRAL_CONVERTED, now.get(), 1));
    // Expand: one more measured outcome and Ada's score makes her an ADVOCATE; the
    // advocate-invitations journey asks her for a testimonial, the next rung of the ladder.
    feed(engine, now, rewards, out, Signal.of(SignalId.of("e-9"), ada,
        SignalType.OUTCOME_ACHIEVED, T0.plus(Duration.ofDays(21)), 1));
    out.println("Ada is " + engine.qualification(ada).orElseThrow().tier() + ", asks sent: "
        + asks);
    book.apply(deal("d-3", SignalType.OPPORTUNITY_WON, grace, "006-globex", "001-globex",
        "24000", now.get(), "Closed Won"));
    book.apply(deal("d-4", SignalType.OPPORTUNITY_CREATED, CustomerId.of("c-hal"),
        "006-globex-2", "001-globex", "6000", T0.plus(Duration.ofDays(22)), "Discovery"));
    book.apply(deal("d-5", SignalType.OPPORTUNITY_WON, dev, "006-initech", "001-initech",
        "18000", T0.plus(Duration.ofDays(25)), "Closed Won"));

    // --- The touchpoints on each buyer's path (from your web analytics and the journeys). ---
    Touchpoint graceReferral = Touchpoint.builder(grace, Channel.REFERRAL, clicked.occurredAt())
        .motion(Motion.REFERRAL).advocate(ada).journey(JourneyId.of("referral-invitation"))
        .build();
    Touchpoint graceWebinar = Touchpoint.builder(grace, Channel.of("webinar"),
        T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(4))).build();
    Touchpoint devSearch = Touchpoint.builder(dev, Channel.of("paid_search"),
        T0.plus(Duration.ofDays(4))).build();
    Touchpoint devWebinar = Touchpoint.builder(dev, Channel.of("webinar"),
        T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(4))).build();

    // --- Link every deal to the referral that sourced it and the touches that influenced it.
    OpportunityLinker linker = OpportunityLinker.builder(
        c -> Optional.ofNullable(crm.get(c)).map(CustomerProfile::account)).build();
    List<LinkedOpportunity> linked = linker.linkAll(book.opportunities(),
        List.of(graceReferral, graceWebinar, devSearch, devWebinar), List.of(referral));
    Map<String, String> sourcedBy = new java.util.TreeMap<>();
    out.println();
    out.println("== Track: opportunities");
    for (LinkedOpportunity l : linked) {
      String rule = l.sourcedIfAny().map(s -> s.rule().label()).orElse("-");
      sourcedBy.put(l.opportunity().id().toString(), rule);
      out.println(l.opportunity().id() + " " + l.opportunity().amount() + " "
          + l.opportunity().status() + ", sourced: " + rule + ", influencing touches: "
          + l.influences().size());
    }
    Map<String, Money> sourcedPipeline = PipelineTotals.sourcedPipeline(linked);
    Map<String, Money> sourcedRevenue = PipelineTotals.sourcedRevenue(linked);
    Map<String, Money> influenced = PipelineTotals.influencedPipeline(linked);
    out.println("referral-sourced pipeline " + sourcedPipeline.get("USD") + ", revenue "
        + sourcedRevenue.get("USD") + "; influenced pipeline " + influenced.get("USD"));

    // --- Attribution: who and what brought the two won deals. --------------------------------
    List<ConversionPath> paths = List.of(
        ConversionPath.converted(24_000, graceReferral, graceWebinar),
        ConversionPath.converted(18_000, devSearch, devWebinar));
    AttributionResult linear = Attribution.heuristic(HeuristicModel.linear(), paths);
    AttributionResult first = Attribution.heuristic(HeuristicModel.firstTouch(), paths);
    out.println();
    out.println("== Attribution of 2 conversions, 42000 USD");
    out.println("linear by channel:     " + credits(linear.byChannel()));
    out.println("first touch by channel: " + credits(first.byChannel()));
    out.println("linear by advocate:    " + credits(linear.byAdvocate()));

    return new Result(engine.qualification(ada).orElseThrow().tier(), asks, rewards,
        code.toString(), referral.state().name(), sourcedBy, sourcedPipeline, sourcedRevenue,
        influenced, linear.byChannel(), first.byChannel(), linear.byAdvocate());
  }

  /** Moves the clock to the signal's instant, ingests it and prints what changed. */
  private static void feed(AdvocacyEngine engine, AtomicReference<Instant> now,
      List<String> rewards, PrintStream out, Signal signal) {
    now.set(signal.occurredAt());
    AdvocacyEngine.Outcome outcome = engine.ingest(signal);
    EngineLog.print(out, signal, outcome);
    for (AdvocacyEngine.RewardOutcome r : outcome.rewards()) {
      rewards.add(r.request().kind() + " " + r.request().value() + " " + r.result().status());
    }
  }

  private static CustomerProfile customer(CustomerId id, String account) {
    return CustomerProfile.builder(id).industry(Industry.B2B_SAAS)
        .account(AccountId.of(account))
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2025-01-01T00:00:00Z")))
        .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2025, 6, 1))
        .accountValue(Money.of("40000", "USD"))
        .build();
  }

  /** A CRM deal event as the book reads it. */
  private static Signal deal(String id, SignalType type, CustomerId contact, String opportunity,
      String account, String amount, Instant at, String stage) {
    return Signal.builder(SignalId.of(id), contact, type, at)
        .amount(Money.of(amount, "USD"))
        .attribute(CrmAttributes.OPPORTUNITY_ID, opportunity)
        .attribute(CrmAttributes.ACCOUNT_ID, account)
        .attribute(CrmAttributes.CONTACT_ID, contact.value())
        .attribute(CrmAttributes.STAGE, stage)
        .build();
  }

  static String credits(Map<String, Credit> credit) {
    StringBuilder b = new StringBuilder();
    credit.forEach((k, c) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(String.format(java.util.Locale.ROOT, "%.2f/%.0f", c.conversions(), c.value())));
    return b.toString();
  }
}
