package io.advocacy.examples.demo;

import io.advocacy.core.Money;
import io.advocacy.examples.report.PlaybookStage;
import io.advocacy.examples.report.ReportData;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.kpi.DealSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo's figures as plain text for a terminal.
 *
 * <p>Stateless; thread-safe.
 */
public final class DemoSummary {
  private DemoSummary() {}

  /**
   * Writes the summary.
   *
   * @param d the figures
   * @param signals how many signals were ingested
   * @return the text, lines ending in {@code \n}
   */
  public static String text(ReportData d, long signals) {
    StringBuilder b = new StringBuilder();
    ReportData.Overview o = d.overview();
    line(b, "%s: %,d customers, %s to %s, seed %d, %,d signals", o.title(), o.population(),
        o.from(), o.to(), o.seed(), signals);
    ReportData.NpsOverall n = d.nps();
    line(b, "");
    line(b, "NPS %+.1f  (95%% adjusted-Wald interval %+.1f to %+.1f; %,d answers: %,d promoters, "
        + "%,d passives, %,d detractors)", n.nps(), n.low(), n.high(), n.n(), n.promoters(),
        n.passives(), n.detractors());
    line(b, "");
    line(b, "Advocate tiers at year end");
    for (Map.Entry<AdvocateTier, Long> e : d.tiers().entrySet()) {
      line(b, "  %-10s %,8d", e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
    }
    line(b, "");
    line(b, "Advocacy funnel (customers reaching each stage of the playbook)");
    for (Map.Entry<PlaybookStage, Long> e : d.funnel().entrySet()) {
      line(b, "  %-10s %,8d", e.getKey().title(), e.getValue());
    }
    ReportData.ContactDecisions c = d.contact();
    line(b, "");
    line(b, "Contact policy: %,d asks allowed, %,d deferred, %,d denied", c.allowed(),
        c.deferred(), c.denied());
    c.deniedByReason().forEach((k, v) -> line(b, "  denied, first for %-18s %,8d", k, v));
    ReportData.Rewards r = d.rewards();
    line(b, "");
    line(b, "Rewards: %,d issued (%s), %,d blocked by compliance", r.issued(),
        money(r.issuedValue().get(0)), r.blocked());
    r.blockedByReason().forEach((k, v) -> line(b, "  blocked for %-30s %,8d", k, v));
    ReportData.Referrals f = d.referrals();
    line(b, "");
    line(b, "Referrals: %,d leads, %,d converted (%.1f%%); referral-sourced pipeline %s, revenue %s",
        f.leads(), f.conversions(), 100 * f.conversionRate(), money(f.pipeline()),
        money(f.revenue()));
    line(b, "Pipeline by source:");
    for (Map.Entry<DealSource, Money> e : d.pipelineBySource().entrySet()) {
      line(b, "  %-10s %16s", e.getKey().name().toLowerCase(Locale.ROOT), money(e.getValue()));
    }
    line(b, "");
    line(b, "Top advocates");
    for (ReportData.TopAdvocate a : d.topAdvocates()) {
      line(b, "  %-14s %s  score %5.1f  %-8s  %2d acts  referral revenue %s", a.name(), a.id(),
          a.score(), a.tier().name().toLowerCase(Locale.ROOT), a.acts(),
          money(a.referralRevenue()));
    }
    line(b, "");
    line(b, "Attribution by channel (conversions credited)");
    Set<String> channels = new LinkedHashSet<>();
    d.attribution().values().forEach(m -> channels.addAll(m.keySet()));
    List<String> models = new ArrayList<>(d.attribution().keySet());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-16s", "channel"));
    for (String m : models) {
      head.append(String.format(Locale.ROOT, " %11s", abbreviate(m)));
    }
    line(b, "%s", head);
    for (String ch : channels) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-16s", ch));
      for (String m : models) {
        Credit cr = d.attribution().get(m).getOrDefault(ch, Credit.ZERO);
        row.append(String.format(Locale.ROOT, " %11.1f", cr.conversions()));
      }
      line(b, "%s", row);
    }
    return b.toString();
  }

  private static String abbreviate(String model) {
    String m = model.replace(" (order 1)", "").replace(" (simplified)", "");
    return m.length() > 11 ? m.substring(0, 11) : m;
  }

  private static String money(Money m) {
    return String.format(Locale.ROOT, "%,.2f %s", m.amount(), m.currency().getCurrencyCode());
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
