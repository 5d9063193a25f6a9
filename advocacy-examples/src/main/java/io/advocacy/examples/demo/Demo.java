package io.advocacy.examples.demo;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.reward.ComplianceReason;
import io.advocacy.core.reward.IssueResult;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.StageMarker;
import io.advocacy.core.touchpoint.Touchpoint;
import io.advocacy.examples.report.PlaybookStage;
import io.advocacy.examples.report.ReportData;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.journeys.AskDecision;
import io.advocacy.journeys.playbook.AdvocacyPlaybook;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Attribution;
import io.advocacy.scoring.attribution.AttributionResult;
import io.advocacy.scoring.attribution.ConversionPath;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.attribution.HeuristicModel;
import io.advocacy.scoring.kpi.DealSource;
import io.advocacy.scoring.nps.IntervalMethod;
import io.advocacy.scoring.nps.NpsInterval;
import io.advocacy.scoring.nps.NpsSummary;
import io.advocacy.scoring.qualify.Qualification;
import io.advocacy.scoring.qualify.QualificationTracker;
import io.advocacy.scoring.score.ScoringModels;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end-to-end demo: a year of a seeded {@link SamplePopulation} run through the {@link
 * AdvocacyEngine} with the whole {@link AdvocacyPlaybook}. The customers answer surveys, use the
 * product, open tickets and complaints on their own; when a journey asks them for a review, a
 * referral, a story, a reference or a case study, a simple behaviour model (driven by each
 * customer's hidden happiness) decides whether and when they act, and those acts come back as
 * signals. Referred friends become leads and deals; other deals come from paid, organic and
 * other sources. At the end, the figures go to a summary and to the HTML report.
 *
 * <p>Everything is seeded: the same options give the same figures. Time is a virtual clock; the
 * engine is ticked every six hours of simulated time.
 *
 * <p>Not thread-safe.
 */
public final class Demo {
  /** The first instant of the simulated year. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final Duration TICK = Duration.ofHours(6);
  private static final Set<SignalType> ACTS = Set.of(SignalType.REVIEW_POSTED,
      SignalType.REFERRAL_SHARED, SignalType.STORY_COMPLETED, SignalType.REFERENCE_COMPLETED,
      SignalType.CASE_STUDY_COMPLETED);
  private static final Set<Motion> HIGHER = Set.of(Motion.TESTIMONIAL, Motion.REFERENCE_CALL,
      Motion.CASE_STUDY, Motion.ADVISORY_BOARD, Motion.EVENT_SPEAKING);
  private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald",
    "Frances", "Ken", "Margaret", "Dennis", "Radia", "John", "Katherine", "Tim", "Hedy", "Linus"};
  private static final String[] LAST = {"L.", "H.", "T.", "D.", "L.", "K.", "A.", "T.", "H.", "R.",
    "P.", "M.", "J.", "B.", "L.", "T."};

  /**
   * What to run.
   *
   * @param customers the population size, at least 1
   * @param seed the seed
   */
  public record Options(int customers, long seed) {
    /**
     * Validates the options.
     *
     * @param customers the population size
     * @param seed the seed
     */
    public Options {
      if (customers < 1) {
        throw new IllegalArgumentException("customers " + customers + " is below 1");
      }
    }
  }

  /**
   * What the demo found.
   *
   * @param report the figures, as the HTML report shows them
   * @param summary the readable summary printed on the terminal
   * @param signals signals ingested, derived ones excluded
   * @param blockedRewardKeys the idempotency keys of the rewards compliance blocked
   * @param ledgerKeys the idempotency keys of the rewards in the ledger
   */
  public record Result(ReportData report, String summary, long signals,
      Set<String> blockedRewardKeys, Set<String> ledgerKeys) {
    /**
     * Copies the result.
     *
     * @param report the figures
     * @param summary the summary
     * @param signals signals ingested
     * @param blockedRewardKeys blocked reward keys
     * @param ledgerKeys ledger keys
     */
    public Result {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(summary, "summary");
      blockedRewardKeys = Set.copyOf(blockedRewardKeys);
      ledgerKeys = Set.copyOf(ledgerKeys);
    }
  }

  /** A referred friend: a lead with a deal that may close. */
  private record Lead(int advocate, Instant at, double amount, boolean won, List<Touchpoint> path) {}

  /** A deal from another source. */
  private record Deal(DealSource source, double amount, boolean won, List<Touchpoint> path) {}

  private final Options options;
  private final SamplePopulation population;
  private final AtomicReference<Instant> clock = new AtomicReference<>(START);
  private final PriorityQueue<Signal> queue = new PriorityQueue<>(
      Comparator.comparing(Signal::occurredAt).thenComparing(s -> s.id().value()));
  private final AdvocacyEngine engine;

  private final BitSet listened = new BitSet();
  private final BitSet qualified = new BitSet();
  private final BitSet invited = new BitSet();
  private final BitSet activated = new BitSet();
  private final BitSet rewarded = new BitSet();
  private final BitSet tracked = new BitSet();
  private final BitSet expanded = new BitSet();
  private final int[] acts;
  private final double[] referralRevenue;
  private long allowed;
  private long deferred;
  private long denied;
  private final Map<String, Long> deniedBy = new TreeMap<>();
  private long issued;
  private BigDecimal issuedUsd = BigDecimal.ZERO;
  private long blocked;
  private final Map<String, Long> blockedBy = new TreeMap<>();
  private final java.util.Set<String> blockedKeys = new java.util.HashSet<>();
  private NpsSummary nps = NpsSummary.EMPTY;
  private final NpsSummary[] npsByMonth = new NpsSummary[12];
  private final List<Lead> leads = new ArrayList<>();
  private final List<Deal> deals = new ArrayList<>();
  private final Map<String, Instant> askedAt = new HashMap<>();
  private long ingested;

  private Demo(Options options) {
    this.options = options;
    this.population = new SamplePopulation(options.customers(), options.seed(), START);
    this.acts = new int[options.customers()];
    this.referralRevenue = new double[options.customers()];
    java.util.Arrays.fill(npsByMonth, NpsSummary.EMPTY);
    this.engine = AdvocacyEngine.builder(clock::get, id -> {
          int i = population.index(id);
          return i < 0 ? CustomerProfile.builder(id).build() : population.profile(i);
        })
        .scoringModel(ScoringModels.forIndustry(Industry.B2B_SAAS))
        .playbook()
        .handler(ActionKind.ASK, (a, p) -> respond(a))
        .handler(AdvocacyPlaybook.RESURVEY, (a, p) -> resurvey(a))
        .build();
  }

  /**
   * Runs the demo.
   *
   * @param options what to run
   * @param progress where to report progress (once a simulated month), or null for silence
   * @return the figures and the summary
   */
  public static Result run(Options options, @org.jspecify.annotations.Nullable PrintWriter progress) {
    return new Demo(options).simulate(progress);
  }

  private Result simulate(@org.jspecify.annotations.Nullable PrintWriter progress) {
    long began = System.nanoTime();
    Instant nextTick = START.plus(TICK);
    SplittableRandom deals = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    for (int month = 0; month < 12; month++) {
      queue.addAll(population.month(month));
      otherDeals(deals, month);
      Instant end = START.atOffset(ZoneOffset.UTC).plusMonths(month + 1L).toInstant();
      while (!queue.isEmpty() && queue.peek().occurredAt().isBefore(end)) {
        Signal s = queue.poll();
        while (!nextTick.isAfter(s.occurredAt())) {
          clock.set(nextTick);
          record(engine.tick(nextTick));
          nextTick = nextTick.plus(TICK);
        }
        clock.set(s.occurredAt());
        ingested++;
        record(engine.ingest(s));
      }
      if (progress != null) {
        progress.printf(Locale.ROOT, "  month %2d/12: %,d signals ingested, %.1f s%n", month + 1,
            ingested, (System.nanoTime() - began) / 1e9);
        progress.flush();
      }
    }
    Instant yearEnd = START.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    while (!nextTick.isAfter(yearEnd)) {
      clock.set(nextTick);
      record(engine.tick(nextTick));
      nextTick = nextTick.plus(TICK);
    }
    return result(yearEnd);
  }

  // ---- the customers' side: how they answer asks ----

  private SplittableRandom random(ActionRequest a) {
    return new SplittableRandom(options.seed() * 1_000_003L + a.idempotencyKey().hashCode());
  }

  private void respond(ActionRequest a) {
    int i = population.index(a.customer());
    if (i < 0) {
      return;
    }
    double h = population.happiness(i);
    SplittableRandom r = random(a);
    Instant now = clock.get();
    askedAt.putIfAbsent(a.customer().value() + "/" + a.params().get("motion"), now);
    String motion = a.params().getOrDefault("motion", "");
    switch (motion) {
      case "REVIEW" -> {
        if (r.nextDouble() < 0.10 + 0.45 * h) {
          schedule(Signal.reviewPosted(population.nextId("rev"), a.customer(),
              later(r, now, 1, 72), 1 + SamplePopulation.score(r, h, 4),
              a.params().getOrDefault("platform", "google")));
        }
      }
      case "REFERRAL" -> {
        if (r.nextDouble() < 0.08 + 0.4 * h) {
          Instant shared = later(r, now, 1, 48);
          schedule(Signal.of(population.nextId("shr"), a.customer(), SignalType.REFERRAL_SHARED,
              shared, 1));
          friends(i, a, r, now, shared);
        }
      }
      case "TESTIMONIAL" -> act(r, 0.25 + 0.4 * h, a, now, SignalType.STORY_COMPLETED, 48, 240);
      case "REFERENCE_CALL" -> act(r, 0.45, a, now, SignalType.REFERENCE_COMPLETED, 72, 360);
      case "CASE_STUDY" -> act(r, 0.35, a, now, SignalType.CASE_STUDY_COMPLETED, 240, 720);
      case "ADVISORY_BOARD", "EVENT_SPEAKING" ->
          act(r, 0.3, a, now, SignalType.COMMUNITY_JOINED, 24, 240);
      default -> { }
    }
  }

  private void act(SplittableRandom r, double p, ActionRequest a, Instant now, SignalType type,
      int minHours, int maxHours) {
    if (r.nextDouble() < p) {
      schedule(Signal.of(population.nextId("act"), a.customer(), type,
          later(r, now, minHours, maxHours), 1));
    }
  }

  /** A shared referral reaches one to three friends; some become leads, some of those deals. */
  private void friends(int advocate, ActionRequest ask, SplittableRandom r, Instant asked,
      Instant shared) {
    int friends = 1 + r.nextInt(3);
    for (int f = 0; f < friends; f++) {
      if (r.nextDouble() >= 0.45) {
        continue;
      }
      Instant click = later(r, shared, 1, 96);
      Instant signedUp = later(r, click, 1, 240);
      double amount = Math.round(Math.exp(r.nextDouble(8.0, 10.6)));
      boolean won = r.nextDouble() < 0.42;
      List<Touchpoint> path = new ArrayList<>();
      CustomerId friend = CustomerId.of("friend-" + advocate + "-" + f + "-"
          + ask.idempotencyKey().hashCode());
      JourneyId journey = AdvocacyPlaybook.REFERRAL_INVITATION;
      path.add(Touchpoint.builder(friend, Channel.of("advocate-email"), asked)
          .motion(Motion.REFERRAL).advocate(SamplePopulation.id(advocate)).journey(journey).build());
      path.add(Touchpoint.builder(friend, Channel.REFERRAL, click)
          .motion(Motion.REFERRAL).advocate(SamplePopulation.id(advocate)).journey(journey)
          .stage(StageMarker.LEAD_CREATED).build());
      if (r.nextDouble() < 0.35) {
        path.add(Touchpoint.builder(friend, Channel.of("webinar"), later(r, click, 1, 100))
            .build());
      }
      if (r.nextDouble() < 0.3) {
        path.add(Touchpoint.builder(friend, Channel.of("organic-search"),
            later(r, click, 1, 100)).build());
      }
      path.sort(Comparator.comparing(Touchpoint::at));
      leads.add(new Lead(advocate, signedUp, amount, won, path));
      schedule(Signal.of(population.nextId("lead"), SamplePopulation.id(advocate),
          SignalType.REFERRAL_SIGNED_UP, signedUp, 1));
      if (won) {
        schedule(Signal.of(population.nextId("conv"), SamplePopulation.id(advocate),
            SignalType.REFERRAL_CONVERTED, later(r, signedUp, 240, 960), 1));
      }
    }
  }

  private void resurvey(ActionRequest a) {
    int i = population.index(a.customer());
    if (i < 0) {
      return;
    }
    SplittableRandom r = random(a);
    // attention helps: a recovering customer answers a little happier
    double h = Math.min(1, population.happiness(i) + 0.25);
    if (r.nextDouble() < 0.6) {
      schedule(Signal.nps(population.nextId("nps"), a.customer(), later(r, clock.get(), 24, 120),
          SamplePopulation.npsScore(r, h)));
    }
  }

  private void otherDeals(SplittableRandom r, int month) {
    int count = Math.max(1, options.customers() / 50);
    String[][] channels = {{"paid-search", "paid-social"}, {"organic-search", "webinar"},
        {"events", "direct"}};
    for (int d = 0; d < count; d++) {
      double pick = r.nextDouble();
      DealSource source = pick < 0.45 ? DealSource.PAID
          : pick < 0.85 ? DealSource.ORGANIC : DealSource.OTHER;
      String[] mine = channels[source == DealSource.PAID ? 0 : source == DealSource.ORGANIC ? 1 : 2];
      Instant at = START.atOffset(ZoneOffset.UTC).plusMonths(month).toInstant()
          .plusSeconds(r.nextLong(28L * 86_400));
      CustomerId prospect = CustomerId.of("prospect-" + month + "-" + d);
      List<Touchpoint> path = new ArrayList<>();
      int touches = 1 + r.nextInt(4);
      for (int t = 0; t < touches; t++) {
        String channel = t == 0 || r.nextDouble() < 0.6 ? mine[r.nextInt(mine.length)]
            : new String[] {"webinar", "organic-search", "paid-search", "direct"}[r.nextInt(4)];
        path.add(Touchpoint.builder(prospect, Channel.of(channel), at.plus(Duration.ofDays(3L * t)))
            .build());
      }
      deals.add(new Deal(source, Math.round(Math.exp(r.nextDouble(8.0, 10.6))),
          r.nextDouble() < 0.24, path));
    }
  }

  private void schedule(Signal s) {
    queue.add(s);
  }

  private static Instant later(SplittableRandom r, Instant from, int minHours, int maxHours) {
    return from.plusSeconds(3_600L * minHours + r.nextLong(3_600L * (maxHours - minHours) + 1));
  }

  // ---- the engine's side: what each call did ----

  private void record(AdvocacyEngine.Outcome o) {
    for (Signal s : o.signals()) {
      if (!(s.subject() instanceof CustomerId c)) {
        continue;
      }
      int i = population.index(c);
      if (i < 0) {
        continue;
      }
      listened.set(i);
      if (s.type().equals(SignalType.ADVOCATE_TIER_CHANGED)
          && s.attribute(QualificationTracker.TO_ATTRIBUTE).map(t -> !t.equals("NONE")).orElse(false)) {
        qualified.set(i);
      } else if (ACTS.contains(s.type())) {
        activated.set(i);
        acts[i]++;
      } else if (s.type().equals(SignalType.REFERRAL_SIGNED_UP)) {
        tracked.set(i);
      } else if (s.type().equals(SignalType.NPS_ANSWERED)) {
        int score = (int) s.value();
        nps = nps.plus(score);
        int month = s.occurredAt().atOffset(ZoneOffset.UTC).getMonthValue() - 1;
        if (s.occurredAt().isBefore(START.atOffset(ZoneOffset.UTC).plusYears(1).toInstant())) {
          npsByMonth[month] = npsByMonth[month].plus(score);
        }
      }
    }
    for (AskDecision d : o.asks()) {
      switch (d.outcome()) {
        case ALLOWED -> {
          allowed++;
          int i = population.index(d.action().customer());
          if (i >= 0) {
            invited.set(i);
            String motion = d.action().params().getOrDefault("motion", "");
            if (HIGHER.stream().anyMatch(m -> m.name().equals(motion))) {
              expanded.set(i);
            }
          }
        }
        case DEFERRED -> deferred++;
        case DENIED -> {
          denied++;
          // each denial counted once, under the first reason the policy gives
          String reason = d.decision() == null ? "INVALID_ASK"
              : d.decision().reasons().get(0).code().name();
          deniedBy.merge(reason, 1L, Long::sum);
        }
      }
    }
    for (AdvocacyEngine.RewardOutcome r : o.rewards()) {
      int i = population.index(r.action().customer());
      if (r.result().status() == IssueResult.Status.ISSUED) {
        issued++;
        issuedUsd = issuedUsd.add(r.request().value().money().map(Money::amount)
            .orElse(BigDecimal.ZERO));
        if (i >= 0) {
          rewarded.set(i);
        }
      } else if (r.result().status() == IssueResult.Status.DENIED) {
        blocked++;
        blockedKeys.add(r.request().idempotencyKey());
        // each block counted once, under the first rule that denies it
        r.result().decision().reasons().stream().filter(ComplianceReason::denies).findFirst()
            .ifPresent(reason -> blockedBy.merge(reason.code().toString(), 1L, Long::sum));
      }
    }
  }

  // ---- the figures ----

  private Result result(Instant yearEnd) {
    Map<AdvocateTier, Long> tiers = new EnumMap<>(AdvocateTier.class);
    for (AdvocateTier t : AdvocateTier.values()) {
      tiers.put(t, 0L);
    }
    List<int[]> ranked = new ArrayList<>();
    double[] scores = new double[population.size()];
    for (int i = 0; i < population.size(); i++) {
      CustomerId c = SamplePopulation.id(i);
      Qualification q = engine.qualification(c).orElse(null);
      AdvocateTier tier = q == null ? AdvocateTier.NONE : engine.scorer().tierOf(c, yearEnd);
      tiers.merge(tier, 1L, Long::sum);
      scores[i] = engine.scorer().scoreOf(c, yearEnd);
      ranked.add(new int[] {i});
    }
    for (Lead l : leads) {
      if (l.won()) {
        referralRevenue[l.advocate()] += l.amount();
      }
    }
    ranked.sort(Comparator.comparingDouble((int[] a) -> -scores[a[0]])
        .thenComparingInt(a -> a[0]));
    List<ReportData.TopAdvocate> top = new ArrayList<>();
    for (int k = 0; k < Math.min(10, ranked.size()); k++) {
      int i = ranked.get(k)[0];
      top.add(new ReportData.TopAdvocate(SamplePopulation.id(i).value(), name(i),
          round1(scores[i]), engine.scorer().tierOf(SamplePopulation.id(i), yearEnd), acts[i],
          usd(referralRevenue[i])));
    }
    List<ReportData.AdvocateRevenue> byAdvocate = new ArrayList<>();
    List<Integer> earners = new ArrayList<>();
    for (int i = 0; i < population.size(); i++) {
      if (referralRevenue[i] > 0) {
        earners.add(i);
      }
    }
    earners.sort(Comparator.comparingDouble((Integer i) -> -referralRevenue[i])
        .thenComparingInt(i -> i));
    for (int k = 0; k < Math.min(10, earners.size()); k++) {
      int i = earners.get(k);
      byAdvocate.add(new ReportData.AdvocateRevenue(name(i) + " (" + SamplePopulation.id(i).value()
          + ")", usd(referralRevenue[i])));
    }

    // the funnel: each stage is the customers of the stage before who also did this
    BitSet stage = (BitSet) listened.clone();
    Map<PlaybookStage, Long> funnel = new EnumMap<>(PlaybookStage.class);
    BitSet[] conditions = {listened, qualified, invited, activated, rewarded, tracked, expanded};
    PlaybookStage[] stages = PlaybookStage.values();
    for (int k = 0; k < stages.length; k++) {
      stage.and(conditions[k]);
      funnel.put(stages[k], (long) stage.cardinality());
    }

    // referrals and pipeline
    double pipeline = 0;
    double revenue = 0;
    long conversions = 0;
    for (Lead l : leads) {
      pipeline += l.amount();
      if (l.won()) {
        revenue += l.amount();
        conversions++;
      }
    }
    Map<DealSource, Double> bySource = new EnumMap<>(DealSource.class);
    for (DealSource s : DealSource.values()) {
      bySource.put(s, 0.0);
    }
    bySource.put(DealSource.REFERRAL, pipeline);
    for (Deal d : deals) {
      bySource.merge(d.source(), d.amount(), Double::sum);
    }
    Map<DealSource, Money> pipelineBySource = new EnumMap<>(DealSource.class);
    bySource.forEach((s, v) -> pipelineBySource.put(s, usd(v)));

    // attribution over every deal's path: referral leads and the other sources
    List<ConversionPath> paths = new ArrayList<>();
    for (Lead l : leads) {
      Touchpoint[] t = l.path().toArray(Touchpoint[]::new);
      paths.add(l.won() ? ConversionPath.converted(l.amount(), t) : ConversionPath.notConverted(t));
    }
    for (Deal d : deals) {
      Touchpoint[] t = d.path().toArray(Touchpoint[]::new);
      paths.add(d.won() ? ConversionPath.converted(d.amount(), t) : ConversionPath.notConverted(t));
    }
    Map<String, Map<String, Credit>> attribution = new LinkedHashMap<>();
    for (HeuristicModel m : List.of(HeuristicModel.firstTouch(), HeuristicModel.lastTouch(),
        HeuristicModel.linear(), HeuristicModel.positionBased(), HeuristicModel.timeDecay())) {
      attribution.put(m.name(), sorted(Attribution.heuristic(m, paths)));
    }
    attribution.put("markov (order 1)", sorted(Attribution.markovOnJourneys(paths, 1, false)
        .attribution()));
    attribution.put("shapley (simplified)", sorted(Attribution.shapleySimplifiedOnJourneys(paths)));

    // NPS
    NpsInterval overall = nps.interval(0.95, IntervalMethod.ADJUSTED_WALD)
        .orElse(new NpsInterval(0, -100, 100, 0, 0.95, IntervalMethod.ADJUSTED_WALD));
    List<ReportData.NpsPoint> trend = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      NpsSummary s = npsByMonth[m];
      if (s.n() == 0) {
        continue;
      }
      NpsInterval iv = s.interval(0.95, IntervalMethod.ADJUSTED_WALD).orElseThrow();
      trend.add(new ReportData.NpsPoint(
          START.atOffset(ZoneOffset.UTC).plusMonths(m).toLocalDate().toString().substring(0, 7),
          round1(s.nps()), round1(iv.lower()), round1(iv.upper()), s.n()));
    }
    ReportData data = new ReportData(
        new ReportData.Overview("Advocacy SDK demo", options.seed(), population.size(),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
        new ReportData.NpsOverall(round1(nps.nps()), nps.promoters(), nps.passives(),
            nps.detractors(), nps.n(), round1(overall.lower()), round1(overall.upper()),
            "adjusted-wald", 0.95),
        trend, tiers, funnel,
        new ReportData.ContactDecisions(allowed, deferred, denied, deniedBy),
        new ReportData.Rewards(issued, List.of(Money.of(issuedUsd.toPlainString(), "USD")),
            blocked, blockedBy),
        new ReportData.Referrals(leads.size(), conversions, usd(pipeline), usd(revenue)),
        pipelineBySource, top, attribution, byAdvocate,
        List.of(
            ReportData.JourneyDiagram.of("Review request after a purchase",
                AdvocacyPlaybook.all().get(0)),
            ReportData.JourneyDiagram.of("Referral invitation", AdvocacyPlaybook.referralInvitation()),
            ReportData.JourneyDiagram.of("Testimonial, reference and case study",
                AdvocacyPlaybook.advocateInvitations()),
            ReportData.JourneyDiagram.of("Detractor recovery", AdvocacyPlaybook.detractorRecovery())));
    java.util.Set<String> ledgerKeys = new java.util.HashSet<>();
    for (io.advocacy.core.reward.LedgerEntry e : engine.rewards().ledger().entries()) {
      engine.rewards().ledger().find(e.rewardId())
          .ifPresent(r -> ledgerKeys.add(r.request().idempotencyKey()));
    }
    return new Result(data, DemoSummary.text(data, ingested), ingested, blockedKeys, ledgerKeys);
  }

  private static Map<String, Credit> sorted(AttributionResult r) {
    Map<String, Credit> out = new LinkedHashMap<>();
    r.byChannel().entrySet().stream()
        .sorted(Map.Entry.<String, Credit>comparingByValue(
            Comparator.comparingDouble(Credit::conversions)).reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String name(int i) {
    return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
  }

  private static Money usd(double amount) {
    return Money.of(BigDecimal.valueOf(Math.round(amount * 100), 2).toPlainString(), "USD");
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
