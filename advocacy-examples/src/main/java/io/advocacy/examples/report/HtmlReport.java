package io.advocacy.examples.report;

import io.advocacy.core.Money;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.kpi.DealSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a {@link ReportData} as one self-contained HTML file: inline CSS, charts and journey
 * diagrams as inline SVG, no scripts, no fonts, images or style sheets fetched from anywhere, so
 * the file opens offline and can be mailed as it is. Sections ({@link #SECTIONS}) pair a table
 * of exact figures with a chart; each journey diagram has its Mermaid and DOT text beside it in
 * collapsible blocks. Every piece of text from the data is escaped.
 *
 * <pre>{@code
 * HtmlReport.write(data, Path.of("advocacy-report.html"));
 * }</pre>
 *
 * <p>Numbers are formatted the same on every machine: counts with grouping ({@code 10,000}), NPS
 * signed with one decimal ({@code +32.4}), shares as percentages with one decimal ({@code
 * 12.5%}), money at its currency's scale with its code ({@code 1,234,567.00 USD}).
 *
 * <p>Stateless; thread-safe.
 */
public final class HtmlReport {
  /** The section headings, in the order they appear. */
  public static final List<String> SECTIONS = List.of(
      "Overview",
      "Net Promoter Score",
      "Advocate tiers",
      "Advocacy funnel",
      "Contact policy",
      "Rewards",
      "Referrals",
      "Pipeline by source",
      "Top advocates",
      "Attribution by channel",
      "Referral revenue by advocate",
      "Journeys");

  /**
   * A journey diagram wider than the page shrinks to fit, but never below this share of its
   * size, so its text stays legible; beyond that its frame scrolls sideways.
   */
  private static final double MIN_SCALE = 0.8;

  private static final String CSS = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f4f6f9; color: #1a202c;
        font: 14px/1.45 system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif; }
      main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 48px; }
      header h1 { margin: 0 0 4px; font-size: 26px; }
      .meta { color: #4a5568; margin: 0 0 16px; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
        gap: 12px; }
      .card { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; }
      .card .k { color: #4a5568; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
      .card .v { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums;
        white-space: nowrap; }
      .card .v small { font-size: 13px; font-weight: 400; color: #4a5568; }
      .card .s { color: #718096; font-size: 12px; }
      section { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px;
        padding: 16px 20px 20px; margin-top: 20px; }
      h2 { margin: 0 0 12px; font-size: 19px; }
      h3 { margin: 18px 0 6px; font-size: 16px; }
      .pair { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 24px;
        align-items: start; }
      @media (max-width: 900px) { .pair { grid-template-columns: minmax(0, 1fr); } }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th, td { padding: 5px 8px; border-bottom: 1px solid #edf2f7; text-align: left;
        vertical-align: top; }
      th { font-size: 12px; color: #4a5568; font-weight: 600; background: #f7fafc; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      td small { color: #718096; }
      .note { color: #4a5568; font-size: 13px; margin: 6px 0 0; }
      .diagram { overflow-x: auto; border: 1px solid #edf2f7; border-radius: 8px; padding: 6px;
        background: #fcfdff; }
      .diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
      .texts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px;
        margin-top: 8px; }
      details { border: 1px solid #e2e8f0; border-radius: 6px; padding: 4px 10px; }
      summary { cursor: pointer; color: #2b6cb0; font-weight: 600; }
      pre { overflow-x: auto; font-size: 12px; background: #f7fafc; padding: 8px; margin: 6px 0;
        font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
      svg.chart { display: block; max-width: 640px; }
      .wide { margin-top: 14px; }
      .wide svg.chart { max-width: 820px; }
      """;

  private HtmlReport() {}

  /**
   * Writes the report to a file in UTF-8, replacing it if it exists.
   *
   * @param data the figures
   * @param file the file
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(ReportData data, Path file) {
    Objects.requireNonNull(file, "file");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(data, w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  /**
   * Writes the report to a writer; the writer is not closed.
   *
   * @param data the figures
   * @param out where to write
   * @throws UncheckedIOException if the writer fails
   */
  public static void write(ReportData data, Writer out) {
    Objects.requireNonNull(out, "out");
    String html = render(data);
    try {
      out.write(html);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report", e);
    }
  }

  /**
   * The report as a string.
   *
   * @param data the figures
   * @return the HTML document
   */
  public static String render(ReportData data) {
    Objects.requireNonNull(data, "data");
    StringBuilder b = new StringBuilder(64 * 1024);
    ReportData.Overview o = data.overview();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(o.title())).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    overview(b, data);
    nps(b, data);
    tiers(b, data);
    funnel(b, data);
    contact(b, data);
    rewards(b, data);
    referrals(b, data);
    pipeline(b, data);
    topAdvocates(b, data);
    attribution(b, data);
    revenueByAdvocate(b, data);
    journeys(b, data);
    b.append("</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static String esc(String s) {
    return Text.escape(s);
  }

  private static void section(StringBuilder b, int index, String id) {
    b.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(SECTIONS.get(index)))
        .append("</h2>\n");
  }

  private static void overview(StringBuilder b, ReportData d) {
    ReportData.Overview o = d.overview();
    b.append("<header>\n<h1>").append(esc(o.title())).append("</h1>\n");
    b.append("<p class=\"meta\">").append(esc(Text.count(o.population()))).append(" customers · ")
        .append(esc(o.from().toString())).append(" to ").append(esc(o.to().toString()))
        .append(" · seed ").append(o.seed()).append("</p>\n</header>\n");
    section(b, 0, "overview");
    b.append("<div class=\"cards\">\n");
    ReportData.NpsOverall n = d.nps();
    card(b, "NPS", Text.nps(n.nps()), Text.nps(n.low()) + " to " + Text.nps(n.high()) + " ("
        + Text.percent(n.confidence()).replace(".0%", "%") + ")");
    long advocates = d.tiers().get(AdvocateTier.ADVOCATE) + d.tiers().get(AdvocateTier.CHAMPION);
    card(b, "Advocates and champions", Text.count(advocates),
        "of " + Text.count(o.population()) + " customers");
    ReportData.Referrals r = d.referrals();
    card(b, "Referral conversion", Text.percent(r.conversionRate()),
        Text.count(r.conversions()) + " of " + Text.count(r.leads()) + " leads");
    b.append("<div class=\"card\"><div class=\"k\">Referral revenue</div><div class=\"v\">")
        .append(esc(Text.decimal(r.revenue().amount(), 0))).append(" <small>")
        .append(esc(r.revenue().currencyCode())).append("</small></div><div class=\"s\">pipeline ")
        .append(esc(Text.moneyWhole(r.pipeline()))).append("</div></div>\n");
    card(b, "Rewards issued", Text.count(d.rewards().issued()),
        Text.count(d.rewards().blocked()) + " blocked by compliance");
    card(b, "Asks allowed", Text.count(d.contact().allowed()),
        Text.count(d.contact().deferred()) + " deferred, " + Text.count(d.contact().denied())
            + " denied");
    b.append("</div>\n</section>\n");
  }

  private static void card(StringBuilder b, String key, String value, String sub) {
    b.append("<div class=\"card\"><div class=\"k\">").append(esc(key))
        .append("</div><div class=\"v\">").append(esc(value)).append("</div><div class=\"s\">")
        .append(esc(sub)).append("</div></div>\n");
  }

  private static void nps(StringBuilder b, ReportData d) {
    ReportData.NpsOverall n = d.nps();
    section(b, 1, "nps");
    b.append("<div class=\"pair\">\n<div>\n<table>\n");
    row(b, "NPS", Text.nps(n.nps()));
    row(b, Text.percent(n.confidence()) + " interval", Text.nps(n.low()) + " to "
        + Text.nps(n.high()));
    row(b, "Interval method", n.method());
    row(b, "Promoters (9–10)", Text.count(n.promoters()), share(n.promoters(), n.n()));
    row(b, "Passives (7–8)", Text.count(n.passives()), share(n.passives(), n.n()));
    row(b, "Detractors (0–6)", Text.count(n.detractors()), share(n.detractors(), n.n()));
    row(b, "Answers", Text.count(n.n()));
    b.append("</table>\n");
    if (!d.npsTrend().isEmpty()) {
      b.append("<details><summary>Trend as a table</summary>\n<table>\n<tr><th>period</th>")
          .append("<th class=\"num\">NPS</th><th class=\"num\">interval</th>")
          .append("<th class=\"num\">answers</th></tr>\n");
      for (ReportData.NpsPoint p : d.npsTrend()) {
        b.append("<tr><td>").append(esc(p.label())).append("</td>");
        num(b, Text.nps(p.nps()));
        num(b, Text.nps(p.low()) + " to " + Text.nps(p.high()));
        num(b, Text.count(p.n()));
        b.append("</tr>\n");
      }
      b.append("</table>\n</details>\n");
    }
    b.append("</div>\n<div>\n");
    if (d.npsTrend().isEmpty()) {
      b.append("<p class=\"note\">No trend: the period has no answers by month.</p>\n");
    } else {
      b.append(SvgCharts.npsTrend(d.npsTrend(), "NPS by period with its interval")).append('\n');
    }
    b.append("</div>\n</div>\n</section>\n");
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "" : Text.percent((double) part / whole);
  }

  private static void tiers(StringBuilder b, ReportData d) {
    section(b, 2, "tiers");
    long total = 0;
    for (long n : d.tiers().values()) {
      total += n;
    }
    b.append("<div class=\"pair\">\n<div>\n<table>\n<tr><th>tier</th><th class=\"num\">customers")
        .append("</th><th class=\"num\">share</th></tr>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (Map.Entry<AdvocateTier, Long> e : d.tiers().entrySet()) {
      String name = tierName(e.getKey());
      row(b, name, Text.count(e.getValue()), share(e.getValue(), total));
      bars.add(new SvgCharts.Bar(name, e.getValue(), Text.count(e.getValue())));
    }
    row(b, "All", Text.count(total), "");
    b.append("</table>\n</div>\n<div>\n")
        .append(SvgCharts.bars(bars, "customers", "Customers by advocate tier"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static String tierName(AdvocateTier t) {
    String s = t.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void funnel(StringBuilder b, ReportData d) {
    section(b, 3, "funnel");
    b.append("<div class=\"pair\">\n<div>\n<table>\n<tr><th>stage</th><th class=\"num\">customers")
        .append("</th><th class=\"num\">of Listen</th><th class=\"num\">of previous</th></tr>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    long first = d.funnel().get(PlaybookStage.LISTEN);
    long previous = -1;
    for (Map.Entry<PlaybookStage, Long> e : d.funnel().entrySet()) {
      long n = e.getValue();
      row(b, e.getKey().title(), Text.count(n), share(n, first),
          previous < 0 ? "" : share(n, previous));
      bars.add(new SvgCharts.Bar(e.getKey().title(), n, Text.count(n)));
      previous = n;
    }
    b.append("</table>\n</div>\n<div>\n")
        .append(SvgCharts.funnel(bars, "Customers reaching each playbook stage"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static void contact(StringBuilder b, ReportData d) {
    ReportData.ContactDecisions c = d.contact();
    section(b, 4, "contact");
    b.append("<div class=\"pair\">\n<div>\n<table>\n<tr><th>decision</th><th class=\"num\">asks")
        .append("</th><th class=\"num\">share</th></tr>\n");
    row(b, "Allowed", Text.count(c.allowed()), share(c.allowed(), c.total()));
    row(b, "Deferred", Text.count(c.deferred()), share(c.deferred(), c.total()));
    row(b, "Denied", Text.count(c.denied()), share(c.denied(), c.total()));
    row(b, "All asks", Text.count(c.total()), "");
    b.append("</table>\n");
    reasons(b, "denial reason", "denied", c.deniedByReason(), c.denied());
    b.append("</div>\n<div>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    bars.add(new SvgCharts.Bar("Allowed", c.allowed(), Text.count(c.allowed())));
    bars.add(new SvgCharts.Bar("Deferred", c.deferred(), Text.count(c.deferred())));
    bars.add(new SvgCharts.Bar("Denied", c.denied(), Text.count(c.denied())));
    c.deniedByReason().forEach((reason, n) ->
        bars.add(new SvgCharts.Bar("denied: " + reason, n, Text.count(n))));
    b.append(SvgCharts.bars(bars, "asks", "Asks by contact-policy decision"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static void reasons(StringBuilder b, String what, String column, Map<String, Long> by,
      long total) {
    if (by.isEmpty()) {
      return;
    }
    b.append("<table>\n<tr><th>").append(esc(what)).append("</th><th class=\"num\">")
        .append(esc(column)).append("</th><th class=\"num\">share</th></tr>\n");
    by.forEach((reason, n) -> row(b, reason, Text.count(n), share(n, total)));
    b.append("</table>\n");
  }

  private static void rewards(StringBuilder b, ReportData d) {
    ReportData.Rewards r = d.rewards();
    section(b, 5, "rewards");
    b.append("<div class=\"pair\">\n<div>\n<table>\n");
    row(b, "Rewards issued", Text.count(r.issued()));
    for (Money m : r.issuedValue()) {
      row(b, "Value issued in " + m.currencyCode(), Text.money(m));
    }
    row(b, "Blocked by compliance", Text.count(r.blocked()));
    b.append("</table>\n");
    reasons(b, "blocking rule", "blocked", r.blockedByReason(), r.blocked());
    b.append("</div>\n<div>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    bars.add(new SvgCharts.Bar("Issued", r.issued(), Text.count(r.issued())));
    bars.add(new SvgCharts.Bar("Blocked", r.blocked(), Text.count(r.blocked())));
    r.blockedByReason().forEach((reason, n) ->
        bars.add(new SvgCharts.Bar("blocked: " + reason, n, Text.count(n))));
    b.append(SvgCharts.bars(bars, "rewards", "Rewards issued and blocked"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static void referrals(StringBuilder b, ReportData d) {
    ReportData.Referrals r = d.referrals();
    section(b, 6, "referrals");
    b.append("<div class=\"pair\">\n<div>\n<table>\n");
    row(b, "Referral leads", Text.count(r.leads()));
    row(b, "Conversions", Text.count(r.conversions()));
    row(b, "Conversion rate", Text.percent(r.conversionRate()));
    row(b, "Referral-sourced pipeline", Text.money(r.pipeline()));
    row(b, "Referral-sourced revenue", Text.money(r.revenue()));
    b.append("</table>\n</div>\n<div>\n");
    List<SvgCharts.Bar> bars = List.of(
        new SvgCharts.Bar("Leads", r.leads(), Text.count(r.leads())),
        new SvgCharts.Bar("Conversions", r.conversions(), Text.count(r.conversions())));
    b.append(SvgCharts.bars(bars, "referrals", "Referral leads and conversions"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static void pipeline(StringBuilder b, ReportData d) {
    section(b, 7, "pipeline");
    Money total = null;
    for (Money m : d.pipelineBySource().values()) {
      total = total == null ? m : total.plus(m);
    }
    b.append("<div class=\"pair\">\n<div>\n<table>\n<tr><th>source</th><th class=\"num\">pipeline")
        .append("</th><th class=\"num\">share</th></tr>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    String currency = "";
    for (Map.Entry<DealSource, Money> e : d.pipelineBySource().entrySet()) {
      String name = sourceName(e.getKey());
      Money m = e.getValue();
      currency = m.currencyCode();
      double share = total == null || total.amount().signum() == 0 ? Double.NaN
          : m.amount().doubleValue() / total.amount().doubleValue();
      row(b, name, Text.money(m), Double.isNaN(share) ? "" : Text.percent(share));
      bars.add(new SvgCharts.Bar(name, m.amount().doubleValue(),
          Text.compact(m.amount().doubleValue()) + " " + m.currencyCode()));
    }
    if (total != null) {
      row(b, "All sources", Text.money(total), "");
    }
    b.append("</table>\n</div>\n<div>\n")
        .append(SvgCharts.bars(bars, "pipeline (" + currency + ")", "Pipeline by deal source"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static String sourceName(DealSource s) {
    String n = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static void topAdvocates(StringBuilder b, ReportData d) {
    section(b, 8, "advocates");
    if (d.topAdvocates().isEmpty()) {
      b.append("<p class=\"note\">No advocates yet.</p>\n</section>\n");
      return;
    }
    b.append("<table>\n<tr><th class=\"num\">#</th><th>advocate</th><th>id</th>")
        .append("<th class=\"num\">score</th><th>tier</th><th class=\"num\">acts</th>")
        .append("<th class=\"num\">referral revenue</th></tr>\n");
    int rank = 1;
    for (ReportData.TopAdvocate a : d.topAdvocates()) {
      b.append("<tr>");
      num(b, Integer.toString(rank++));
      b.append("<td>").append(esc(a.name())).append("</td><td><code>").append(esc(a.id()))
          .append("</code></td>");
      num(b, Text.decimal(a.score(), 1));
      b.append("<td>").append(esc(tierName(a.tier()))).append("</td>");
      num(b, Text.count(a.acts()));
      num(b, Text.money(a.referralRevenue()));
      b.append("</tr>\n");
    }
    b.append("</table>\n</section>\n");
  }

  private static void attribution(StringBuilder b, ReportData d) {
    section(b, 9, "attribution");
    if (d.attribution().isEmpty()) {
      b.append("<p class=\"note\">No attribution models were run.</p>\n</section>\n");
      return;
    }
    Set<String> channels = new LinkedHashSet<>();
    d.attribution().values().forEach(m -> channels.addAll(m.keySet()));
    Map<String, Map<String, Double>> conversions = new LinkedHashMap<>();
    d.attribution().forEach((model, byChannel) -> {
      Map<String, Double> c = new LinkedHashMap<>();
      byChannel.forEach((channel, credit) -> c.put(channel, credit.conversions()));
      conversions.put(model, c);
    });
    b.append("<p class=\"note\">Conversions credited to each channel under each model, side by")
        .append(" side; attributed value below each count.</p>\n");
    b.append("<table>\n<tr><th>channel</th>");
    for (String model : d.attribution().keySet()) {
      b.append("<th class=\"num\">").append(esc(model)).append("</th>");
    }
    b.append("</tr>\n");
    for (String channel : channels) {
      b.append("<tr><td>").append(esc(channel)).append("</td>");
      for (Map<String, Credit> byChannel : d.attribution().values()) {
        Credit c = byChannel.getOrDefault(channel, Credit.ZERO);
        b.append("<td class=\"num\">").append(esc(Text.decimal(c.conversions(), 1)))
            .append("<br><small>").append(esc(Text.decimal(c.value(), 2))).append("</small></td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n<div class=\"wide\">\n")
        .append(SvgCharts.groupedBars(conversions, 1, "attributed conversions",
            "Attributed conversions by channel and model"))
        .append("\n</div>\n</section>\n");
  }

  private static void revenueByAdvocate(StringBuilder b, ReportData d) {
    section(b, 10, "revenue");
    if (d.revenueByAdvocate().isEmpty()) {
      b.append("<p class=\"note\">No referral revenue yet.</p>\n</section>\n");
      return;
    }
    b.append("<div class=\"pair\">\n<div>\n<table>\n<tr><th>advocate</th>")
        .append("<th class=\"num\">referral revenue</th></tr>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    String currency = "";
    for (ReportData.AdvocateRevenue r : d.revenueByAdvocate()) {
      row(b, r.advocate(), Text.money(r.revenue()));
      currency = r.revenue().currencyCode();
      double v = r.revenue().amount().doubleValue();
      bars.add(new SvgCharts.Bar(r.advocate(), v, Text.compact(v)));
    }
    b.append("</table>\n</div>\n<div>\n")
        .append(SvgCharts.bars(bars, "referral revenue (" + currency + ")",
            "Referral revenue by advocate"))
        .append("\n</div>\n</div>\n</section>\n");
  }

  private static void journeys(StringBuilder b, ReportData d) {
    section(b, 11, "journeys");
    if (d.journeys().isEmpty()) {
      b.append("<p class=\"note\">No journeys.</p>\n</section>\n");
      return;
    }
    b.append("<p class=\"note\">States left to right by their longest path from the start;")
        .append(" double borders end the journey; purple edges close a cycle; dashed amber edges")
        .append(" are global exits, taken from any active state.</p>\n");
    int i = 1;
    for (ReportData.JourneyDiagram j : d.journeys()) {
      JourneyLayout layout = JourneyLayout.of(j.definition());
      b.append("<h3>").append(esc(j.name())).append(" <small>(")
          .append(esc(j.definition().id().value())).append(" v").append(j.definition().version())
          .append(")</small></h3>\n<div class=\"diagram\"><div style=\"min-width: ")
          .append(Text.num(Math.ceil(layout.width() * MIN_SCALE))).append("px\">\n")
          .append(JourneySvg.render(layout, "journey-" + i++))
          .append("\n</div></div>\n<div class=\"texts\">\n<details><summary>Mermaid</summary><pre>")
          .append(esc(j.mermaid())).append("</pre></details>\n<details><summary>DOT</summary><pre>")
          .append(esc(j.dot())).append("</pre></details>\n</div>\n");
    }
    b.append("</section>\n");
  }

  private static void row(StringBuilder b, String head, String... cells) {
    b.append("<tr><td>").append(esc(head)).append("</td>");
    for (String c : cells) {
      num(b, c);
    }
    b.append("</tr>\n");
  }

  private static void num(StringBuilder b, String s) {
    b.append("<td class=\"num\">").append(esc(s)).append("</td>");
  }
}
