package io.advocacy.examples.report;

import io.advocacy.core.JourneyId;
import io.advocacy.core.Money;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyRegistry;
import io.advocacy.journeys.ReentryPolicy;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.kpi.DealSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built report with realistic figures, for tests and for looking at: {@code main} writes
 * it to the path given as its argument.
 */
final class SampleReport {
  static final JourneyRegistry REGISTRY = JourneyRegistry.builder()
      .action("ask_review", ActionKind.ASK)
      .action("remind_review", ActionKind.ASK)
      .action("thank_reviewer", ActionKind.ISSUE_REWARD)
      .action("alert_owner", ActionKind.NOTIFY_OWNER)
      .action("invite_referral", ActionKind.ASK)
      .action("issue_referral_reward", ActionKind.ISSUE_REWARD)
      .action("create_recovery_task", ActionKind.CREATE_CRM_TASK)
      .action("ask_reference", ActionKind.ASK)
      .guard("is_promoter", c -> true)
      .guard("is_detractor", c -> true)
      .build();

  private SampleReport() {}

  static JourneyDefinition reviewRequest() {
    return JourneyDefinition.builder(JourneyId.of("review-request"), 1)
        .startsOn(SignalType.PURCHASE_COMPLETED)
        .state("invited").onEntry("ask_review")
        .state("reminded").onEntry("remind_review")
        .terminal("reviewed").terminal("lapsed").terminal("exited")
        .from("invited").after(Duration.ofDays(3)).to("reminded")
        .from("reminded").after(Duration.ofDays(7)).to("lapsed")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed").doing("thank_reviewer")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited").doing("alert_owner")
        .goal("reviewed", SignalType.REVIEW_POSTED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(90)))
        .build(REGISTRY);
  }

  static JourneyDefinition referralProgramme() {
    return JourneyDefinition.builder(JourneyId.of("referral-programme"), 2)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("is_promoter")
        .state("waiting")
        .state("invited").onEntry("invite_referral")
        .state("shared")
        .state("signed_up")
        .terminal("converted").terminal("expired")
        .from("waiting").atNext(LocalTime.of(10, 0)).to("invited")
        .from("invited").on(SignalType.REFERRAL_SHARED).to("shared")
        .from("invited").after(Duration.ofDays(14)).to("expired")
        .from("shared").on(SignalType.REFERRAL_SHARED).to("shared")
        .from("shared").on(SignalType.REFERRAL_SIGNED_UP).to("signed_up")
        .from("shared").after(Duration.ofDays(30)).to("invited")
        .from("signed_up").on(SignalType.REFERRAL_CONVERTED).to("converted")
            .doing("issue_referral_reward")
        .from("signed_up").after(Duration.ofDays(60)).to("expired")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("expired").doing("alert_owner")
        .goal("converted", SignalType.REFERRAL_CONVERTED)
        .reentry(ReentryPolicy.ALWAYS)
        .build(REGISTRY);
  }

  static JourneyDefinition npsRecovery() {
    return JourneyDefinition.builder(JourneyId.of("nps-recovery"), 1)
        .startsOn(SignalType.NPS_ANSWERED).entryGuard("is_detractor")
        .state("recovering").onEntry("create_recovery_task")
        .state("checking")
        .state("promoter")
        .terminal("recovered").terminal("lost")
        .from("recovering").on(SignalType.SUPPORT_RESOLVED).to("checking")
        .from("recovering").on(SignalType.COMPLAINT_OPENED).to("recovering").doing("alert_owner")
        .from("checking").on(SignalType.NPS_ANSWERED).to("promoter").when("is_promoter")
        .from("checking").on(SignalType.NPS_ANSWERED).to("recovering")
        .from("checking").after(Duration.ofDays(45)).to("lost")
        .from("promoter").onAnniversary("customer_since", LocalTime.of(9, 30)).to("recovered")
            .doing("ask_reference")
        .anyState().on(SignalType.SUBSCRIPTION_CANCELLED).to("lost")
        .build(REGISTRY);
  }

  static ReportData data() {
    List<ReportData.NpsPoint> trend = new ArrayList<>();
    double[] nps = {18.2, 21.5, 19.9, 24.0, 27.3, 25.1, 29.8, 31.2, 28.4, 33.0, 35.6, 34.1};
    long[] n = {612, 655, 701, 688, 740, 812, 790, 845, 861, 902, 948, 1001};
    for (int m = 0; m < 12; m++) {
      double half = 260.0 / Math.sqrt(n[m]);
      trend.add(new ReportData.NpsPoint(LocalDate.of(2026, m + 1, 1).toString().substring(0, 7),
          nps[m], nps[m] - half, nps[m] + half, n[m]));
    }
    Map<AdvocateTier, Long> tiers = new EnumMap<>(AdvocateTier.class);
    tiers.put(AdvocateTier.NONE, 6_412L);
    tiers.put(AdvocateTier.PROMOTER, 2_303L);
    tiers.put(AdvocateTier.ADVOCATE, 1_061L);
    tiers.put(AdvocateTier.CHAMPION, 224L);
    Map<PlaybookStage, Long> funnel = new EnumMap<>(PlaybookStage.class);
    long[] stages = {10_000, 3_588, 2_950, 1_285, 1_102, 730, 214};
    for (PlaybookStage s : PlaybookStage.values()) {
      funnel.put(s, stages[s.ordinal()]);
    }
    Map<String, Long> denied = new LinkedHashMap<>();
    denied.put("frequency_cap", 402L);
    denied.put("no_consent", 233L);
    denied.put("detractor_suppressed", 118L);
    denied.put("open_escalation", 41L);
    Map<String, Long> blocked = new LinkedHashMap<>();
    blocked.put("healthcare_cash_to_beneficiary", 37L);
    blocked.put("nominal_value_per_year", 12L);
    Map<DealSource, Money> pipeline = new EnumMap<>(DealSource.class);
    pipeline.put(DealSource.REFERRAL, Money.of("1843200.00", "USD"));
    pipeline.put(DealSource.PAID, Money.of("2210450.50", "USD"));
    pipeline.put(DealSource.ORGANIC, Money.of("1502990.00", "USD"));
    pipeline.put(DealSource.OTHER, Money.of("310000.00", "USD"));
    List<ReportData.TopAdvocate> top = List.of(
        new ReportData.TopAdvocate("c-00412", "Ada Lovelace", 97.4, AdvocateTier.CHAMPION, 14,
            Money.of("184000.00", "USD")),
        new ReportData.TopAdvocate("c-01877", "<b>&\"x\"", 91.0, AdvocateTier.CHAMPION, 11,
            Money.of("121500.00", "USD")),
        new ReportData.TopAdvocate("c-00093", "Grace Hopper", 88.6, AdvocateTier.CHAMPION, 9,
            Money.of("97250.00", "USD")),
        new ReportData.TopAdvocate("c-07310", "Katherine Johnson", 83.2, AdvocateTier.ADVOCATE, 7,
            Money.of("64000.00", "USD")),
        new ReportData.TopAdvocate("c-04452", "Alan Turing", 80.9, AdvocateTier.ADVOCATE, 6,
            Money.of("41800.00", "USD")));
    Map<String, Map<String, Credit>> attribution = new LinkedHashMap<>();
    String[] channels = {"referral", "review", "social", "email", "paid_search"};
    double[][] conv = {
        {212, 88, 40, 131, 179},
        {180, 61, 52, 160, 197},
        {196, 74, 47, 145, 188},
        {201, 70, 44, 150, 185},
        {240, 66, 31, 122, 191},
        {229, 71, 36, 128, 186}};
    String[] models = {"first", "last", "linear", "position", "markov", "shapley"};
    for (int m = 0; m < models.length; m++) {
      Map<String, Credit> byChannel = new LinkedHashMap<>();
      for (int c = 0; c < channels.length; c++) {
        byChannel.put(channels[c], new Credit(conv[m][c], conv[m][c] * 2_450.5));
      }
      attribution.put(models[m], byChannel);
    }
    List<ReportData.AdvocateRevenue> revenue = new ArrayList<>();
    for (ReportData.TopAdvocate a : top) {
      revenue.add(new ReportData.AdvocateRevenue(a.name(), a.referralRevenue()));
    }
    revenue.add(new ReportData.AdvocateRevenue("An advocate with a rather long display name Ltd",
        Money.of("23000.00", "USD")));
    return new ReportData(
        new ReportData.Overview("Advocacy demo report", 42, 10_000, LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31)),
        new ReportData.NpsOverall(27.9, 3_795, 3_400, 1_010, 8_205, 26.2, 29.6, "adjusted-wald",
            0.95),
        trend, tiers, funnel,
        new ReportData.ContactDecisions(2_950, 611, 794, denied),
        new ReportData.Rewards(1_102, List.of(Money.of("55100.00", "USD")), 49, blocked),
        new ReportData.Referrals(1_285, 382, Money.of("1843200.00", "USD"),
            Money.of("731550.00", "USD")),
        pipeline, top, attribution, revenue,
        List.of(ReportData.JourneyDiagram.of("Review request", reviewRequest()),
            ReportData.JourneyDiagram.of("Referral programme", referralProgramme()),
            ReportData.JourneyDiagram.of("NPS recovery", npsRecovery())));
  }

  /**
   * Writes the sample report.
   *
   * @param args the file to write, default {@code advocacy-report-sample.html}
   */
  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "advocacy-report-sample.html");
    HtmlReport.write(data(), file);
    System.out.println(file.toAbsolutePath());
  }
}
