package io.advocacy.scoring.nps;

import io.advocacy.scoring.TimeWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class NpsAggregatorTest {
  private static final Instant JAN = Instant.parse("2027-01-10T00:00:00Z");
  private static final Instant FEB = Instant.parse("2027-02-10T00:00:00Z");

  private static Signal nps(String id, String customer, Instant at, int score) {
    return Signal.nps(SignalId.of(id), CustomerId.of(customer), at, score);
  }

  @Test
  void everySignalIsAccountedFor() {
    List<Signal> signals = List.of(
        nps("s-1", "c-1", JAN, 10),
        nps("s-1", "c-1", JAN, 10), // duplicate id
        nps("s-2", "c-2", JAN, 3),
        nps("s-3", "c-3", FEB, 9), // outside January
        Signal.csat(SignalId.of("s-4"), CustomerId.of("c-1"), JAN, 5));
    NpsReport r = NpsAggregator.builder()
        .window(TimeWindow.months(YearMonth.of(2027, 1), 1, ZoneOffset.UTC).get(0))
        .build().acceptAll(signals).report();
    assertThat(r.overall()).isEqualTo(new NpsSummary(1, 0, 1));
    assertThat(r.count(Disposition.ACCEPTED)).isEqualTo(2);
    assertThat(r.count(Disposition.DUPLICATE)).isEqualTo(1);
    assertThat(r.count(Disposition.IGNORED_OUTSIDE_WINDOW)).isEqualTo(1);
    assertThat(r.count(Disposition.IGNORED_OTHER_TYPE)).isEqualTo(1);
    assertThat(r.seen()).isEqualTo(signals.size());
  }

  @Test
  void segmentsByIndustryWithUnknownForAnonymousAnswers() {
    Map<CustomerId, CustomerProfile> profiles = Map.of(
        CustomerId.of("c-1"), CustomerProfile.builder(CustomerId.of("c-1")).industry(Industry.RETAIL).build(),
        CustomerId.of("c-2"), CustomerProfile.builder(CustomerId.of("c-2")).industry(Industry.B2B_SAAS).build());
    NpsReport r = NpsAggregator.builder()
        .segmentBy(Segmenters.industry(id -> Optional.ofNullable(profiles.get(id))))
        .build()
        .acceptAll(List.of(nps("s-1", "c-1", JAN, 10), nps("s-2", "c-1", JAN, 2),
            nps("s-3", "c-2", JAN, 8),
            Signal.nps(SignalId.of("s-4"), AnonymousId.of("v-1"), JAN, 9)))
        .report();
    assertThat(r.segments()).containsExactly(
        Map.entry("b2b_saas", new NpsSummary(0, 1, 0)),
        Map.entry("retail", new NpsSummary(1, 0, 1)),
        Map.entry(Segmenters.UNKNOWN, new NpsSummary(1, 0, 0)));
    assertThat(r.overall()).isEqualTo(new NpsSummary(2, 1, 1));
  }

  @Test
  void latestPerSubjectCountsEachCustomerOnce() {
    NpsReport r = NpsAggregator.builder().counting(NpsAggregator.Counting.LATEST_PER_SUBJECT).build()
        .acceptAll(List.of(nps("s-2", "c-1", FEB, 3), nps("s-1", "c-1", JAN, 10),
            nps("s-3", "c-2", JAN, 9)))
        .report();
    assertThat(r.overall()).isEqualTo(new NpsSummary(1, 0, 1));
    assertThat(r.superseded()).isEqualTo(1);
  }

  @Test
  void monthlyWindows() {
    SortedMap<TimeWindow, NpsSummary> byMonth = NpsAggregator.byWindow(
        List.of(nps("s-1", "c-1", JAN, 10), nps("s-2", "c-2", FEB, 0), nps("s-3", "c-3", FEB, 10)),
        TimeWindow.months(YearMonth.of(2027, 1), 3, ZoneOffset.UTC),
        NpsAggregator.Counting.EVERY_ANSWER);
    assertThat(byMonth.values()).containsExactly(
        new NpsSummary(1, 0, 0), new NpsSummary(1, 0, 1), NpsSummary.EMPTY);
  }

  @Test
  void theReportDoesNotDependOnArrivalOrderOrRepeats() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 60), longs().all())
        .checkAssert((codes, seed) -> {
          List<Signal> signals = new ArrayList<>();
          for (int c : codes) {
            signals.add(nps("s-" + c, "c-" + (c % 7), JAN.plusSeconds(c % 13), c % 11));
          }
          List<Signal> shuffled = new ArrayList<>(signals);
          shuffled.addAll(signals.subList(0, signals.size() / 2));
          Collections.shuffle(shuffled, new Random(seed));
          for (NpsAggregator.Counting counting : NpsAggregator.Counting.values()) {
            NpsReport a = NpsAggregator.builder().counting(counting).build().acceptAll(signals).report();
            NpsReport b = NpsAggregator.builder().counting(counting).build().acceptAll(shuffled).report();
            assertThat(b.overall()).isEqualTo(a.overall());
            assertThat(b.seen()).isEqualTo(shuffled.size());
          }
        });
  }

}
