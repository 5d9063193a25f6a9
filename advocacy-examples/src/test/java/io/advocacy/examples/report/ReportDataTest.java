package io.advocacy.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.Money;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.kpi.DealSource;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDataTest {
  private static final ReportData SAMPLE = SampleReport.data();

  private static ReportData with(Map<AdvocateTier, Long> tiers, Map<PlaybookStage, Long> funnel,
      Map<DealSource, Money> pipeline, List<ReportData.AdvocateRevenue> revenue) {
    ReportData d = SAMPLE;
    return new ReportData(d.overview(), d.nps(), d.npsTrend(), tiers, funnel, d.contact(),
        d.rewards(), d.referrals(), pipeline, d.topAdvocates(), d.attribution(), revenue,
        d.journeys());
  }

  @Test
  void mapsKeepTheirOrderAndAreUnmodifiable() {
    Map<AdvocateTier, Long> reversed = new LinkedHashMap<>();
    for (int i = AdvocateTier.values().length - 1; i >= 0; i--) {
      reversed.put(AdvocateTier.values()[i], (long) i);
    }
    ReportData d = with(reversed, SAMPLE.funnel(), SAMPLE.pipelineBySource(),
        SAMPLE.revenueByAdvocate());
    assertThat(d.tiers().keySet()).containsExactly(AdvocateTier.NONE, AdvocateTier.PROMOTER,
        AdvocateTier.ADVOCATE, AdvocateTier.CHAMPION);
    assertThatThrownBy(() -> d.tiers().put(AdvocateTier.NONE, 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(SAMPLE.attribution().keySet())
        .containsExactly("first", "last", "linear", "position", "markov", "shapley");
    assertThat(SAMPLE.referrals().conversionRate()).isEqualTo(382.0 / 1285);
    assertThat(SAMPLE.contact().total()).isEqualTo(2950 + 611 + 794);
  }

  @Test
  void missingFiguresAreRejectedByName() {
    Map<PlaybookStage, Long> funnel = new EnumMap<>(SAMPLE.funnel());
    funnel.remove(PlaybookStage.EXPAND);
    assertThatThrownBy(() -> with(SAMPLE.tiers(), funnel, SAMPLE.pipelineBySource(),
        SAMPLE.revenueByAdvocate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("playbook stage EXPAND has no figure");
    Map<AdvocateTier, Long> tiers = new EnumMap<>(SAMPLE.tiers());
    tiers.put(AdvocateTier.CHAMPION, -1L);
    assertThatThrownBy(() -> with(tiers, SAMPLE.funnel(), SAMPLE.pipelineBySource(),
        SAMPLE.revenueByAdvocate()))
        .hasMessage("customers in tier CHAMPION -1 is negative");
  }

  @Test
  void chartedMoneyIsInOneCurrency() {
    Map<DealSource, Money> pipeline = new EnumMap<>(SAMPLE.pipelineBySource());
    pipeline.put(DealSource.OTHER, Money.of("10", "EUR"));
    assertThatThrownBy(() -> with(SAMPLE.tiers(), SAMPLE.funnel(), pipeline,
        SAMPLE.revenueByAdvocate()))
        .hasMessage("pipeline by source mixes USD and EUR");
    assertThatThrownBy(() -> new ReportData.Referrals(10, 2, Money.of("1", "USD"),
        Money.of("1", "EUR"))).hasMessage("referral pipeline and revenue mixes USD and EUR");
  }

  @Test
  void partsMayNotExceedTheirWhole() {
    assertThatThrownBy(() -> new ReportData.NpsOverall(10, 5, 3, 2, 11, 0, 20, "wald", 0.95))
        .hasMessage("n 11 is not promoters + passives + detractors = 10");
    assertThatThrownBy(() -> new ReportData.NpsOverall(10, 5, 3, 2, 10, 30, 20, "wald", 0.95))
        .hasMessage("interval low 30.0 is above high 20.0");
    assertThatThrownBy(() -> new ReportData.NpsOverall(101, 5, 3, 2, 10, 0, 20, "wald", 0.95))
        .hasMessage("NPS 101.0 is outside -100..100");
    assertThatThrownBy(() -> new ReportData.NpsOverall(10, 5, 3, 2, 10, 0, 20, "wald", 1))
        .hasMessage("confidence 1.0 is not between 0 and 1");
    assertThatThrownBy(() -> new ReportData.ContactDecisions(1, 1, 2, Map.of("cap", 3L)))
        .hasMessage("denied asks by reason add up to 3, more than the 2 in all");
    assertThatThrownBy(() -> new ReportData.Referrals(2, 3, Money.of("1", "USD"),
        Money.of("1", "USD"))).hasMessage("referral conversions 3 exceed leads 2");
    assertThatThrownBy(() -> new ReportData.Rewards(1, List.of(Money.of("1", "USD"),
        Money.of("2", "USD")), 0, Map.of())).hasMessage("issued value lists USD twice");
    assertThatThrownBy(() -> new ReportData.Overview("t", 1, 1, LocalDate.of(2026, 2, 1),
        LocalDate.of(2026, 1, 1))).hasMessage("period ends 2026-01-01 before it starts 2026-02-01");
    assertThatThrownBy(() -> new ReportData.TopAdvocate(" ", "n", 1, AdvocateTier.NONE, 0,
        Money.of("0", "USD"))).hasMessage("advocate id is blank");
  }
}
