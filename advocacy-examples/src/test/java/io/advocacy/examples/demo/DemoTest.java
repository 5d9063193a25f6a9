package io.advocacy.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.advocacy.examples.cli.AdvocacyCli;
import io.advocacy.examples.report.PlaybookStage;
import io.advocacy.examples.report.ReportData;
import io.advocacy.scoring.attribution.Credit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end at a small size: its figures must agree with each other. */
class DemoTest {
  static Demo.Result result;

  @BeforeAll
  static void runOnce() {
    result = Demo.run(new Demo.Options(400, 7), null);
  }

  @Test
  void theFunnelNeverWidens() {
    List<Long> counts = List.copyOf(result.report().funnel().values());
    assertThat(result.report().funnel().keySet()).containsExactly(PlaybookStage.values());
    assertThat(counts.get(0)).isEqualTo(400);
    for (int i = 1; i < counts.size(); i++) {
      assertThat(counts.get(i)).as("stage %d", i).isLessThanOrEqualTo(counts.get(i - 1));
    }
    assertThat(counts.get(counts.size() - 1)).isPositive();
  }

  @Test
  void everyModelCreditsExactlyTheConversionsAndTheirValue() {
    ReportData d = result.report();
    Map<String, Map<String, Credit>> models = d.attribution();
    assertThat(models).hasSize(7);
    Credit first = total(models.get("first"));
    assertThat(first.conversions()).isPositive();
    for (Map.Entry<String, Map<String, Credit>> m : models.entrySet()) {
      Credit t = total(m.getValue());
      assertThat(t.conversions()).as(m.getKey()).isCloseTo(first.conversions(), within(1e-6));
      assertThat(t.value()).as(m.getKey()).isCloseTo(first.value(), within(1e-3));
    }
    // referral conversions are among them
    assertThat(first.conversions()).isGreaterThanOrEqualTo(d.referrals().conversions());
  }

  @Test
  void noBlockedRewardIsInTheLedgerAndTheCountsAddUp() {
    ReportData d = result.report();
    assertThat(d.rewards().blocked()).isEqualTo(result.blockedRewardKeys().size());
    assertThat(result.ledgerKeys()).doesNotContainAnyElementsOf(result.blockedRewardKeys());
    assertThat(result.ledgerKeys()).hasSize((int) d.rewards().issued());
    assertThat(d.tiers().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(400);
    assertThat(d.nps().n()).isEqualTo(d.nps().promoters() + d.nps().passives() + d.nps().detractors());
    assertThat(d.nps().low()).isLessThanOrEqualTo(d.nps().nps());
    assertThat(d.nps().high()).isGreaterThanOrEqualTo(d.nps().nps());
    assertThat(d.referrals().conversions()).isLessThanOrEqualTo(d.referrals().leads());
    assertThat(d.contact().allowed()).isPositive();
    assertThat(d.contact().deferred()).isPositive();
  }

  @Test
  void theSameSeedGivesTheSameFigures() {
    Demo.Result again = Demo.run(new Demo.Options(400, 7), null);
    assertThat(again.summary()).isEqualTo(result.summary());
  }

  @Test
  void theDemoCommandPrintsTheSummaryAndWritesTheReport(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AdvocacyCli.run(new PrintWriter(out), new PrintWriter(err), "demo",
        "--customers", "150", "--seed", "3", "--report", report.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Advocacy SDK demo: 150 customers")
        .contains("Advocacy funnel").contains("Report written to " + report);
    assertThat(err.toString()).contains("month 12/12");
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script src");
    StringWriter bad = new StringWriter();
    assertThat(AdvocacyCli.run(new PrintWriter(new StringWriter()), new PrintWriter(bad), "demo",
        "--customers", "0")).isEqualTo(2);
    assertThat(bad.toString()).isEqualTo("error: --customers 0 is below 1" + System.lineSeparator());
  }

  private static Credit total(Map<String, Credit> byChannel) {
    return byChannel.values().stream().reduce(Credit.ZERO, Credit::plus);
  }
}
