package io.advocacy.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Six archetype customers, half a year of signals each, ranked by every industry's default
 * model. The orders follow the rationale table in the README: what counts as evidence of
 * advocacy differs by industry.
 */
class ArchetypeRankingTest {
  static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant AS_OF = START.plus(Duration.ofDays(180));

  static final String BUYER = "frequent_buyer_silent";
  static final String VOCAL = "vocal_promoter_low_usage";
  static final String TENURED = "long_tenured_high_value";
  static final String DETRACTOR = "recent_detractor";
  static final String HEAVY = "heavy_user_no_survey";
  static final String REFERRER = "referrer";

  static List<Signal> archetypes() {
    List<Signal> s = new ArrayList<>();
    int[] n = {0};
    java.util.function.BiConsumer<String, Object[]> add = (who, spec) -> {
      SignalType type = (SignalType) spec[0];
      int day = (Integer) spec[1];
      double value = ((Number) spec[2]).doubleValue();
      s.add(Signal.builder(SignalId.of("s-" + n[0]++), CustomerId.of(who), type,
          START.plus(Duration.ofDays(day))).value(value).build());
    };
    for (int d = 0; d <= 180; d += 15) {
      add.accept(BUYER, new Object[] {SignalType.PURCHASE_COMPLETED, d, 1});
    }
    add.accept(VOCAL, new Object[] {SignalType.NPS_ANSWERED, 170, 10});
    for (int d = 150; d <= 178; d += 7) {
      add.accept(VOCAL, new Object[] {SignalType.SOCIAL_MENTION, d, 0.9});
    }
    add.accept(VOCAL, new Object[] {SignalType.PRODUCT_USAGE, 100, 1});
    add.accept(TENURED, new Object[] {SignalType.SUBSCRIPTION_RENEWED, 10, 1});
    add.accept(TENURED, new Object[] {SignalType.SUBSCRIPTION_RENEWED, 170, 1});
    add.accept(TENURED, new Object[] {SignalType.OUTCOME_ACHIEVED, 90, 1});
    add.accept(TENURED, new Object[] {SignalType.OUTCOME_ACHIEVED, 150, 1});
    add.accept(TENURED, new Object[] {SignalType.NPS_ANSWERED, 120, 8});
    for (int d = 0; d <= 180; d += 30) {
      add.accept(TENURED, new Object[] {SignalType.PRODUCT_USAGE, d, 5});
    }
    add.accept(DETRACTOR, new Object[] {SignalType.NPS_ANSWERED, 175, 3});
    add.accept(DETRACTOR, new Object[] {SignalType.COMPLAINT_OPENED, 176, 1});
    for (int d = 60; d <= 150; d += 45) {
      add.accept(DETRACTOR, new Object[] {SignalType.PURCHASE_COMPLETED, d, 1});
    }
    for (int d = 0; d <= 180; d += 5) {
      add.accept(HEAVY, new Object[] {SignalType.PRODUCT_USAGE, d, 10});
    }
    add.accept(REFERRER, new Object[] {SignalType.REFERRAL_CONVERTED, 140, 1});
    add.accept(REFERRER, new Object[] {SignalType.REFERRAL_CONVERTED, 165, 1});
    add.accept(REFERRER, new Object[] {SignalType.REVIEW_POSTED, 120, 5});
    add.accept(REFERRER, new Object[] {SignalType.NPS_ANSWERED, 110, 9});
    return s;
  }

  static Map<Industry, List<String>> rankings() {
    Map<Industry, List<String>> out = new EnumMap<>(Industry.class);
    for (Industry industry : Industry.values()) {
      AdvocateScorer scorer = AdvocateScorer.builder(ScoringModels.forIndustry(industry)).build();
      archetypes().forEach(scorer::apply);
      List<String> names = new ArrayList<>(List.of(BUYER, VOCAL, TENURED, DETRACTOR, HEAVY, REFERRER));
      names.sort(Comparator.comparingDouble(
          (String a) -> -scorer.scoreOf(CustomerId.of(a), AS_OF)).thenComparing(a -> a));
      out.put(industry, names);
    }
    return out;
  }

  @Test
  void rankingsDifferByIndustryAsTheRationaleSays() {
    Map<Industry, List<String>> r = rankings();
    r.forEach((industry, order) -> assertThat(order.get(5)).as(industry.name()).isEqualTo(DETRACTOR));
    for (Industry i : List.of(Industry.ECOMMERCE, Industry.RETAIL)) {
      assertThat(r.get(i).indexOf(BUYER)).as(i.name()).isLessThan(r.get(i).indexOf(HEAVY));
    }
    for (Industry i : List.of(Industry.B2B_SAAS, Industry.DIGITAL_HEALTH, Industry.MEDIA_PUBLISHING)) {
      assertThat(r.get(i).indexOf(HEAVY)).as(i.name()).isLessThan(r.get(i).indexOf(BUYER));
    }
    assertThat(r.get(Industry.MEDIA_PUBLISHING).indexOf(VOCAL))
        .isLessThan(r.get(Industry.MEDIA_PUBLISHING).indexOf(TENURED));
    assertThat(r.get(Industry.FINANCIAL_SERVICES).indexOf(TENURED))
        .isLessThan(r.get(Industry.FINANCIAL_SERVICES).indexOf(VOCAL));
    assertThat(r.get(Industry.TELECOMMUNICATIONS).indexOf(VOCAL))
        .isLessThan(r.get(Industry.TELECOMMUNICATIONS).indexOf(HEAVY));
    assertThat(r.values().stream().distinct().count()).isGreaterThanOrEqualTo(4);
  }
}
