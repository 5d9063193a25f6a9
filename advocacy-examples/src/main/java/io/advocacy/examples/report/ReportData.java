package io.advocacy.examples.report;

import io.advocacy.core.Money;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyDiagrams;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Credit;
import io.advocacy.scoring.kpi.DealSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the demo's summary prints, as the HTML report shows it. The demo computes the
 * figures; this record only holds and checks them, so the report does not depend on how they
 * were computed.
 *
 * <p>Every part validates on construction: counts are not negative, parts do not exceed their
 * whole, every tier, playbook stage and deal source has a figure, money compared in one chart is
 * in one currency. A violation throws {@link IllegalArgumentException} naming the value (or
 * {@link NullPointerException} for a null).
 *
 * <p>Value-based and immutable (maps and lists are copied, in their given order); thread-safe.
 *
 * <pre>{@code
 * ReportData data = new ReportData(
 *     new ReportData.Overview("Advocacy demo", seed, 10_000, from, to),
 *     new ReportData.NpsOverall(27.9, 3_795, 3_400, 1_010, 8_205, 26.2, 29.6,
 *         "adjusted-wald", 0.95),
 *     trend, tiers, funnel,
 *     new ReportData.ContactDecisions(2_950, 611, 794, deniedByReason),
 *     new ReportData.Rewards(1_102, List.of(Money.of("55100", "USD")), 49, blockedByReason),
 *     new ReportData.Referrals(1_285, 382, pipeline, revenue),
 *     pipelineBySource, topAdvocates, attribution, revenueByAdvocate,
 *     List.of(ReportData.JourneyDiagram.of("Review request", reviewJourney)));
 * HtmlReport.write(data, Path.of("advocacy-report.html"));
 * }</pre>
 *
 * @param overview title, seed, population and period
 * @param nps NPS over the whole period
 * @param npsTrend NPS per month, oldest first
 * @param tiers customers per advocate tier, every tier present, ordered lowest first
 * @param funnel customers reaching each playbook stage, every stage present, in playbook order
 * @param contact the contact policy's decisions on asks
 * @param rewards rewards issued and blocked by compliance
 * @param referrals referral leads, conversions, pipeline and revenue
 * @param pipelineBySource pipeline per deal source, every source present, one currency
 * @param topAdvocates the strongest advocates, best first
 * @param attribution credit per channel under each attribution model: model name, then channel
 * @param revenueByAdvocate referral revenue per advocate, one currency, largest first
 * @param journeys the journeys to draw
 */
public record ReportData(
    Overview overview,
    NpsOverall nps,
    List<NpsPoint> npsTrend,
    Map<AdvocateTier, Long> tiers,
    Map<PlaybookStage, Long> funnel,
    ContactDecisions contact,
    Rewards rewards,
    Referrals referrals,
    Map<DealSource, Money> pipelineBySource,
    List<TopAdvocate> topAdvocates,
    Map<String, Map<String, Credit>> attribution,
    List<AdvocateRevenue> revenueByAdvocate,
    List<JourneyDiagram> journeys) {

  /**
   * Validates and copies the figures.
   *
   * @param overview title, seed, population and period
   * @param nps NPS over the whole period
   * @param npsTrend NPS per month
   * @param tiers customers per tier
   * @param funnel customers per playbook stage
   * @param contact contact-policy decisions
   * @param rewards rewards issued and blocked
   * @param referrals referral figures
   * @param pipelineBySource pipeline per deal source
   * @param topAdvocates the strongest advocates
   * @param attribution credit per model and channel
   * @param revenueByAdvocate referral revenue per advocate
   * @param journeys the journeys to draw
   */
  public ReportData {
    Objects.requireNonNull(overview, "overview");
    Objects.requireNonNull(nps, "nps");
    npsTrend = List.copyOf(npsTrend);
    tiers = complete("tier", AdvocateTier.class, tiers);
    funnel = complete("playbook stage", PlaybookStage.class, funnel);
    for (Map.Entry<AdvocateTier, Long> e : tiers.entrySet()) {
      nonNegative("customers in tier " + e.getKey(), e.getValue());
    }
    for (Map.Entry<PlaybookStage, Long> e : funnel.entrySet()) {
      nonNegative("customers at stage " + e.getKey().title(), e.getValue());
    }
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(rewards, "rewards");
    Objects.requireNonNull(referrals, "referrals");
    pipelineBySource = complete("deal source", DealSource.class, pipelineBySource);
    oneCurrency("pipeline by source", pipelineBySource.values());
    topAdvocates = List.copyOf(topAdvocates);
    Map<String, Map<String, Credit>> models = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Credit>> m : attribution.entrySet()) {
      String model = requireText("attribution model", m.getKey());
      Map<String, Credit> channels = new LinkedHashMap<>();
      for (Map.Entry<String, Credit> c : m.getValue().entrySet()) {
        Credit credit = Objects.requireNonNull(c.getValue(), "credit");
        finite("conversions of " + c.getKey() + " under " + model, credit.conversions());
        finite("value of " + c.getKey() + " under " + model, credit.value());
        channels.put(requireText("channel", c.getKey()), credit);
      }
      models.put(model, Collections.unmodifiableMap(channels));
    }
    attribution = Collections.unmodifiableMap(models);
    revenueByAdvocate = List.copyOf(revenueByAdvocate);
    List<Money> revenues = new ArrayList<>();
    revenueByAdvocate.forEach(r -> revenues.add(r.revenue()));
    oneCurrency("referral revenue by advocate", revenues);
    journeys = List.copyOf(journeys);
  }

  /**
   * Title, seed, population and period of a run.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param title the report's title, not blank
   * @param seed the seed of the sample data
   * @param population customers in the sample, not negative
   * @param from first day of the period
   * @param to last day of the period, not before {@code from}
   */
  public record Overview(String title, long seed, long population, LocalDate from, LocalDate to) {
    /**
     * Validates the overview.
     *
     * @param title the title
     * @param seed the seed
     * @param population customers
     * @param from first day
     * @param to last day
     */
    public Overview {
      requireText("title", title);
      nonNegative("population", population);
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
      }
    }
  }

  /**
   * NPS over a period with its confidence interval.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param nps the score, −100 to 100
   * @param promoters answers of 9 or 10
   * @param passives answers of 7 or 8
   * @param detractors answers of 0 to 6
   * @param n all answers: promoters + passives + detractors
   * @param low the interval's lower end, −100 to 100
   * @param high the interval's upper end, not below {@code low}
   * @param method how the interval was computed, e.g. {@code "adjusted-wald"}
   * @param confidence the interval's confidence level, between 0 and 1 exclusive
   */
  public record NpsOverall(double nps, long promoters, long passives, long detractors, long n,
      double low, double high, String method, double confidence) {
    /**
     * Validates the figures.
     *
     * @param nps the score
     * @param promoters promoters
     * @param passives passives
     * @param detractors detractors
     * @param n answers
     * @param low lower end
     * @param high upper end
     * @param method interval method
     * @param confidence confidence level
     */
    public NpsOverall {
      score("NPS", nps);
      nonNegative("promoters", promoters);
      nonNegative("passives", passives);
      nonNegative("detractors", detractors);
      if (n != promoters + passives + detractors) {
        throw new IllegalArgumentException("n " + n + " is not promoters + passives + detractors = "
            + (promoters + passives + detractors));
      }
      interval(low, high);
      requireText("interval method", method);
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
      }
    }
  }

  /**
   * NPS of one period of a trend, e.g. a month.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param label the period's label, e.g. {@code "2026-03"}
   * @param nps the score, −100 to 100
   * @param low the interval's lower end
   * @param high the interval's upper end, not below {@code low}
   * @param n answers in the period
   */
  public record NpsPoint(String label, double nps, double low, double high, long n) {
    /**
     * Validates the point.
     *
     * @param label the label
     * @param nps the score
     * @param low lower end
     * @param high upper end
     * @param n answers
     */
    public NpsPoint {
      requireText("trend label", label);
      score("NPS of " + label, nps);
      interval(low, high);
      nonNegative("answers in " + label, n);
    }
  }

  /**
   * What the contact policy decided about asks.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param allowed asks sent
   * @param deferred asks held back to a later moment (quiet hours, caps)
   * @param denied asks refused
   * @param deniedByReason refused asks per reason; together at most {@code denied}
   */
  public record ContactDecisions(long allowed, long deferred, long denied,
      Map<String, Long> deniedByReason) {
    /**
     * Validates the counts.
     *
     * @param allowed sent
     * @param deferred deferred
     * @param denied refused
     * @param deniedByReason refused per reason
     */
    public ContactDecisions {
      nonNegative("allowed asks", allowed);
      nonNegative("deferred asks", deferred);
      nonNegative("denied asks", denied);
      deniedByReason = reasons("denied asks", denied, deniedByReason);
    }

    /**
     * All decisions.
     *
     * @return allowed + deferred + denied
     */
    public long total() {
      return allowed + deferred + denied;
    }
  }

  /**
   * Rewards issued, and rewards compliance blocked before issue.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param issued rewards issued
   * @param issuedValue value issued, one entry per currency
   * @param blocked rewards blocked by a compliance rule
   * @param blockedByReason blocked rewards per reason; together at most {@code blocked}
   */
  public record Rewards(long issued, List<Money> issuedValue, long blocked,
      Map<String, Long> blockedByReason) {
    /**
     * Validates the counts.
     *
     * @param issued issued
     * @param issuedValue value per currency
     * @param blocked blocked
     * @param blockedByReason blocked per reason
     */
    public Rewards {
      nonNegative("issued rewards", issued);
      issuedValue = List.copyOf(issuedValue);
      Set<Currency> seen = new HashSet<>();
      for (Money m : issuedValue) {
        if (!seen.add(m.currency())) {
          throw new IllegalArgumentException("issued value lists " + m.currencyCode() + " twice");
        }
      }
      nonNegative("blocked rewards", blocked);
      blockedByReason = reasons("blocked rewards", blocked, blockedByReason);
    }
  }

  /**
   * Referral figures.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param leads referred leads
   * @param conversions leads that converted, at most {@code leads}
   * @param pipeline referral-sourced pipeline
   * @param revenue referral-sourced revenue, in the pipeline's currency
   */
  public record Referrals(long leads, long conversions, Money pipeline, Money revenue) {
    /**
     * Validates the figures.
     *
     * @param leads leads
     * @param conversions conversions
     * @param pipeline pipeline
     * @param revenue revenue
     */
    public Referrals {
      nonNegative("referral leads", leads);
      nonNegative("referral conversions", conversions);
      if (conversions > leads) {
        throw new IllegalArgumentException(
            "referral conversions " + conversions + " exceed leads " + leads);
      }
      oneCurrency("referral pipeline and revenue", List.of(pipeline, revenue));
    }

    /**
     * The conversion rate.
     *
     * @return conversions / leads, 0 without leads
     */
    public double conversionRate() {
      return leads == 0 ? 0 : (double) conversions / leads;
    }
  }

  /**
   * One of the strongest advocates.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param id the customer's id
   * @param name the customer's display name
   * @param score the advocate score
   * @param tier the advocate tier
   * @param acts acts of advocacy
   * @param referralRevenue revenue from the advocate's referrals
   */
  public record TopAdvocate(String id, String name, double score, AdvocateTier tier, long acts,
      Money referralRevenue) {
    /**
     * Validates the row.
     *
     * @param id id
     * @param name name
     * @param score score
     * @param tier tier
     * @param acts acts
     * @param referralRevenue referral revenue
     */
    public TopAdvocate {
      requireText("advocate id", id);
      requireText("advocate name", name);
      finite("score of " + id, score);
      Objects.requireNonNull(tier, "tier");
      nonNegative("acts of " + id, acts);
      Objects.requireNonNull(referralRevenue, "referralRevenue");
    }
  }

  /**
   * Referral revenue brought by one advocate.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param advocate the advocate's display name or id
   * @param revenue the revenue
   */
  public record AdvocateRevenue(String advocate, Money revenue) {
    /**
     * Validates the row.
     *
     * @param advocate advocate
     * @param revenue revenue
     */
    public AdvocateRevenue {
      requireText("advocate", advocate);
      Objects.requireNonNull(revenue, "revenue");
    }
  }

  /**
   * A journey to draw, with its Mermaid and Graphviz DOT text.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param name the journey's display name
   * @param definition the journey
   * @param mermaid its Mermaid {@code stateDiagram-v2} text
   * @param dot its Graphviz DOT text
   */
  public record JourneyDiagram(String name, JourneyDefinition definition, String mermaid,
      String dot) {
    /**
     * Validates the row.
     *
     * @param name name
     * @param definition journey
     * @param mermaid Mermaid text
     * @param dot DOT text
     */
    public JourneyDiagram {
      requireText("journey name", name);
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(mermaid, "mermaid");
      Objects.requireNonNull(dot, "dot");
    }

    /**
     * A journey with the texts {@link JourneyDiagrams} draws for it.
     *
     * @param name the display name
     * @param definition the journey
     * @return the diagram
     */
    public static JourneyDiagram of(String name, JourneyDefinition definition) {
      return new JourneyDiagram(name, definition, JourneyDiagrams.mermaid(definition),
          JourneyDiagrams.dot(definition));
    }
  }

  private static <K extends Enum<K>, V> Map<K, V> complete(String what, Class<K> type,
      Map<K, V> given) {
    EnumMap<K, V> copy = new EnumMap<>(type);
    for (Map.Entry<K, V> e : given.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), what), Objects.requireNonNull(e.getValue(),
          e.getKey().toString()));
    }
    for (K k : type.getEnumConstants()) {
      if (!copy.containsKey(k)) {
        throw new IllegalArgumentException(what + " " + k + " has no figure");
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, Long> reasons(String what, long total, Map<String, Long> given) {
    Map<String, Long> copy = new LinkedHashMap<>();
    long sum = 0;
    for (Map.Entry<String, Long> e : given.entrySet()) {
      String reason = requireText("reason", e.getKey());
      long n = Objects.requireNonNull(e.getValue(), reason);
      nonNegative(what + " for " + reason, n);
      sum += n;
      copy.put(reason, n);
    }
    if (sum > total) {
      throw new IllegalArgumentException(
          what + " by reason add up to " + sum + ", more than the " + total + " in all");
    }
    return Collections.unmodifiableMap(copy);
  }

  private static void oneCurrency(String what, Collection<Money> amounts) {
    Currency first = null;
    for (Money m : amounts) {
      Objects.requireNonNull(m, what);
      if (first == null) {
        first = m.currency();
      } else if (!first.equals(m.currency())) {
        throw new IllegalArgumentException(what + " mixes " + first.getCurrencyCode() + " and "
            + m.currencyCode());
      }
    }
  }

  private static String requireText(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }

  private static void nonNegative(String what, long n) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " " + n + " is negative");
    }
  }

  private static void finite(String what, double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException(what + " " + x + " is not a finite number");
    }
  }

  private static void score(String what, double x) {
    if (!(x >= -100 && x <= 100)) {
      throw new IllegalArgumentException(what + " " + x + " is outside -100..100");
    }
  }

  private static void interval(double low, double high) {
    score("interval low", low);
    score("interval high", high);
    if (low > high) {
      throw new IllegalArgumentException("interval low " + low + " is above high " + high);
    }
  }
}
