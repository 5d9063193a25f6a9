package io.advocacy.scoring.kpi;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.crm.LinkedOpportunity;
import io.advocacy.core.crm.Opportunity;
import io.advocacy.core.crm.OpportunityStatus;
import io.advocacy.core.referral.Referral;
import io.advocacy.core.referral.ReferralState;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.touchpoint.Touchpoint;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.TimeWindow;
import io.advocacy.scoring.nps.NpsSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The KPIs of the advocacy capability maturity matrix. Each method states its numerator,
 * denominator, time window, level and the data it reads. Windows are half-open and by event
 * time (the instant a signal occurred, a referral entered a state, a deal was created or
 * closed), never by arrival. Signals are counted once per signal id. Money is summed per
 * currency and never converted.
 *
 * <p>Stateless; thread-safe.
 */
public final class AdvocacyKpis {
  /**
   * The signal types that count as an act of advocacy: a completed motion. A social mention
   * counts only when its sentiment (the signal's value) is positive.
   */
  public static final Set<SignalType> ACTS_OF_ADVOCACY = Set.of(
      SignalType.REVIEW_POSTED,
      SignalType.REFERRAL_CONVERTED,
      SignalType.REFERENCE_COMPLETED,
      SignalType.CASE_STUDY_COMPLETED,
      SignalType.STORY_COMPLETED,
      SignalType.COMMUNITY_POSTED,
      SignalType.SOCIAL_MENTION);

  private static final double SECONDS_PER_DAY = 86_400.0;

  private AdvocacyKpis() {}

  /**
   * Whether a signal is an act of advocacy by a known customer.
   *
   * @param signal the signal
   * @return true for the {@link #ACTS_OF_ADVOCACY} types about a customer (social mentions only
   *     with positive sentiment)
   */
  public static boolean isActOfAdvocacy(Signal signal) {
    return signal.subject() instanceof CustomerId
        && ACTS_OF_ADVOCACY.contains(signal.type())
        && (!signal.type().equals(SignalType.SOCIAL_MENTION) || signal.value() > 0);
  }

  /**
   * Advocate pool size. Numerator: customers whose tier is at least {@code minimum};
   * denominator 1 (a count; the judged population is {@code tiers.size()}). Point in time:
   * the tiers as of the instant they were read. Level: customer. Reads: the scorer's tiers.
   *
   * @param tiers each judged customer's tier
   * @param minimum the lowest tier that counts, usually {@link AdvocateTier#ADVOCATE}
   * @return the count
   */
  public static Kpi advocatePoolSize(Map<CustomerId, AdvocateTier> tiers, AdvocateTier minimum) {
    Objects.requireNonNull(minimum, "minimum");
    long pool = tiers.values().stream().filter(t -> t.atLeast(minimum)).count();
    return Kpi.count("advocate_pool_size", pool, null, "customer");
  }

  /**
   * Promoter rate. Numerator: answers of 9 or 10; denominator: all NPS answers in the summary
   * (build it for a window with {@code NpsAggregator}). Level: answer (or customer, when the
   * summary counts each customer's latest answer). Reads: NPS answers.
   *
   * @param summary the NPS summary
   * @return the rate, from 0 to 1
   */
  public static Kpi promoterRate(NpsSummary summary) {
    return Kpi.rate("promoter_rate", summary.promoters(), summary.n(), null, "answer");
  }

  /**
   * Acts of advocacy per advocate. Numerator: acts of advocacy ({@link #isActOfAdvocacy})
   * occurring in the window; denominator: distinct customers with at least one such act in the
   * window. Level: customer. Reads: signals.
   *
   * @param signals the signals, in any order; repeated ids count once
   * @param window the window
   * @return the rate
   */
  public static Kpi actsPerAdvocate(Iterable<Signal> signals, TimeWindow window) {
    Map<CustomerId, Integer> acts = actsByCustomer(signals, window);
    long total = acts.values().stream().mapToLong(Integer::longValue).sum();
    return Kpi.rate("acts_per_advocate", total, acts.size(), window, "customer");
  }

  /**
   * Repeat advocacy. Numerator: customers with at least two acts of advocacy in the window;
   * denominator: customers with at least one. Level: customer. Reads: signals.
   *
   * @param signals the signals, in any order; repeated ids count once
   * @param window the window
   * @return the rate, from 0 to 1
   */
  public static Kpi repeatAdvocacy(Iterable<Signal> signals, TimeWindow window) {
    Map<CustomerId, Integer> acts = actsByCustomer(signals, window);
    long repeat = acts.values().stream().filter(n -> n >= 2).count();
    return Kpi.rate("repeat_advocacy", repeat, acts.size(), window, "customer");
  }

  private static Map<CustomerId, Integer> actsByCustomer(
      Iterable<Signal> signals, TimeWindow window) {
    Set<SignalId> seen = new HashSet<>();
    Map<CustomerId, Integer> acts = new HashMap<>();
    for (Signal s : signals) {
      if (isActOfAdvocacy(s) && window.contains(s.occurredAt()) && seen.add(s.id())) {
        acts.merge((CustomerId) s.subject(), 1, Integer::sum);
      }
    }
    return acts;
  }

  /**
   * Programme participation. Numerator: customers enrolled (and not opted out) as of an
   * instant; denominator: the customers eligible for the programme at that instant. Level:
   * customer. Reads: the participation store's counts and the host's eligible population.
   *
   * @param participants customers taking part
   * @param eligible customers who could take part
   * @return the rate, from 0 to 1
   * @throws IllegalArgumentException if a count is negative
   */
  public static Kpi programmeParticipation(long participants, long eligible) {
    if (participants < 0 || eligible < 0) {
      throw new IllegalArgumentException(
          "negative count: participants " + participants + ", eligible " + eligible);
    }
    return Kpi.rate("programme_participation", participants, eligible, null, "customer");
  }

  /**
   * Referral leads. Numerator: referrals whose referee signed up in the window (the referral
   * entered {@link ReferralState#SIGNED_UP} then), whatever happened after; denominator 1.
   * Level: referral. Reads: the referral store.
   *
   * @param referrals the referrals
   * @param window the window
   * @return the count
   */
  public static Kpi referralLeads(Collection<Referral> referrals, TimeWindow window) {
    long leads = referrals.stream()
        .map(r -> r.enteredAt(ReferralState.SIGNED_UP))
        .filter(at -> at.isPresent() && window.contains(at.get()))
        .count();
    return Kpi.count("referral_leads", leads, window, "referral");
  }

  /**
   * Referral conversion rate, by cohort. Denominator: referrals whose attribution window
   * started (first click, else sign-up, else share) in the window, excluding rejected ones
   * (fraud, superseded by a competing referrer); numerator: those of them that converted
   * (converted or rewarded), whenever within their attribution window. Level: referral.
   * Reads: the referral store.
   *
   * @param referrals the referrals
   * @param window the cohort window
   * @return the rate, from 0 to 1
   */
  public static Kpi referralConversionRate(Collection<Referral> referrals, TimeWindow window) {
    long cohort = 0;
    long converted = 0;
    for (Referral r : referrals) {
      if (r.state() == ReferralState.REJECTED || !window.contains(r.windowStart())) {
        continue;
      }
      cohort++;
      if (r.enteredAt(ReferralState.CONVERTED).isPresent()) {
        converted++;
      }
    }
    return Kpi.rate("referral_conversion_rate", converted, cohort, window, "referral");
  }

  /**
   * Referral-sourced pipeline. The amounts of deals created in the window that have a fixed
   * sourcing referral link, per currency. Level: deal. Reads: linked opportunities.
   *
   * @param linked the opportunities with their links
   * @param window the window, by creation
   * @return the pipeline per currency code
   */
  public static Map<String, Money> referralSourcedPipeline(
      Collection<LinkedOpportunity> linked, TimeWindow window) {
    Map<String, Money> sums = new TreeMap<>();
    for (LinkedOpportunity l : linked) {
      if (l.isSourced() && window.contains(l.opportunity().createdAt())) {
        add(sums, l.opportunity().amount());
      }
    }
    return Collections.unmodifiableMap(sums);
  }

  /**
   * Referral-sourced revenue. The amounts of referral-sourced deals won in the window, per
   * currency. Level: deal. Reads: linked opportunities.
   *
   * @param linked the opportunities with their links
   * @param window the window, by closing
   * @return the revenue per currency code
   */
  public static Map<String, Money> referralSourcedRevenue(
      Collection<LinkedOpportunity> linked, TimeWindow window) {
    Map<String, Money> sums = new TreeMap<>();
    for (LinkedOpportunity l : linked) {
      Opportunity o = l.opportunity();
      if (l.isSourced() && o.status() == OpportunityStatus.WON
          && window.contains(Objects.requireNonNull(o.closedAt()))) {
        add(sums, o.amount());
      }
    }
    return Collections.unmodifiableMap(sums);
  }

  /**
   * Pipeline by source, side by side: the amounts of deals created in the window per {@link
   * DealSource} and currency. A deal with a sourcing referral link is {@link
   * DealSource#REFERRAL}; any other is what the host's classifier says (from the CRM's lead
   * source field, say). Level: deal. Reads: linked opportunities.
   *
   * @param linked the opportunities with their links
   * @param window the window, by creation
   * @param classifier the host's source of a deal without a referral link; never REFERRAL
   *     by itself unless the host knows better
   * @return per source (every source present, empty when none), the pipeline per currency
   */
  public static Map<DealSource, Map<String, Money>> pipelineBySource(
      Collection<LinkedOpportunity> linked, TimeWindow window,
      Function<Opportunity, DealSource> classifier) {
    Map<DealSource, Map<String, Money>> sums = new EnumMap<>(DealSource.class);
    for (DealSource s : DealSource.values()) {
      sums.put(s, new TreeMap<>());
    }
    for (LinkedOpportunity l : linked) {
      Opportunity o = l.opportunity();
      if (!window.contains(o.createdAt())) {
        continue;
      }
      DealSource source = l.isSourced()
          ? DealSource.REFERRAL
          : Objects.requireNonNull(classifier.apply(o), "classifier result");
      add(sums.get(source), o.amount());
    }
    sums.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return Collections.unmodifiableMap(sums);
  }

  /**
   * Win rate and sales-cycle length of referred deals (a sourcing referral link) against the
   * others. Deals closed (won or lost) in the window count; the cycle is closed − created of
   * won deals, in days. Level: deal. Reads: linked opportunities.
   *
   * @param linked the opportunities with their links
   * @param window the window, by closing
   * @return the comparison
   */
  public static DealComparison referredVersusOther(
      Collection<LinkedOpportunity> linked, TimeWindow window) {
    List<Opportunity> referred = new ArrayList<>();
    List<Opportunity> other = new ArrayList<>();
    for (LinkedOpportunity l : linked) {
      Opportunity o = l.opportunity();
      if (o.closedAt() != null && window.contains(o.closedAt())) {
        (l.isSourced() ? referred : other).add(o);
      }
    }
    return new DealComparison(stats(referred), stats(other));
  }

  private static DealStats stats(List<Opportunity> closed) {
    long won = 0;
    List<Double> cycles = new ArrayList<>();
    for (Opportunity o : closed) {
      if (o.status() == OpportunityStatus.WON) {
        won++;
        cycles.add(Duration.between(o.createdAt(), Objects.requireNonNull(o.closedAt()))
            .toMillis() / 1000.0 / SECONDS_PER_DAY);
      }
    }
    long lost = closed.size() - won;
    double mean = cycles.isEmpty()
        ? Double.NaN
        : cycles.stream().mapToDouble(Double::doubleValue).sum() / cycles.size();
    Collections.sort(cycles);
    double median = Double.NaN;
    if (!cycles.isEmpty()) {
      int n = cycles.size();
      median = n % 2 == 1 ? cycles.get(n / 2) : (cycles.get(n / 2 - 1) + cycles.get(n / 2)) / 2;
    }
    return new DealStats(won, lost, closed.isEmpty() ? Double.NaN : (double) won / closed.size(),
        mean, median);
  }

  /**
   * Advocate retention. Denominator: customers whose tier was at least {@code minimum} at the
   * start of a period; numerator: those of them still at least {@code minimum} at its end (a
   * customer missing from {@code atEnd} has left). Level: customer. Reads: the scorer's tiers
   * read as of the two instants.
   *
   * @param atStart tiers at the start of the period
   * @param atEnd tiers at its end
   * @param minimum the lowest tier that counts as an advocate
   * @return the rate, from 0 to 1
   */
  public static Kpi advocateRetention(
      Map<CustomerId, AdvocateTier> atStart, Map<CustomerId, AdvocateTier> atEnd,
      AdvocateTier minimum) {
    long start = 0;
    long kept = 0;
    for (Map.Entry<CustomerId, AdvocateTier> e : atStart.entrySet()) {
      if (e.getValue().atLeast(minimum)) {
        start++;
        AdvocateTier now = atEnd.get(e.getKey());
        if (now != null && now.atLeast(minimum)) {
          kept++;
        }
      }
    }
    return Kpi.rate("advocate_retention", kept, start, null, "customer");
  }

  /**
   * Advocacy touches per customer. Numerator: touchpoints in the window that belong to an
   * advocacy motion (an ask or an act: the touch names a motion); denominator: the customer
   * population the host states. Level: customer. Reads: touchpoints.
   *
   * @param touches the touchpoints
   * @param window the window
   * @param population the number of customers
   * @return the rate
   */
  public static Kpi advocacyTouchesPerCustomer(
      Collection<Touchpoint> touches, TimeWindow window, long population) {
    if (population < 0) {
      throw new IllegalArgumentException("population " + population + " is negative");
    }
    long n = touches.stream()
        .filter(t -> t.motion() != null && window.contains(t.at()))
        .count();
    return Kpi.rate("advocacy_touches_per_customer", n, population, window, "customer");
  }

  /**
   * Net revenue retention per cohort and currency. For the customers with recurring revenue at
   * the window's start: {@code (start + expansion − contraction − churn) / start}, where
   * expansion, contraction and churn are the amounts of {@link
   * SignalType#SUBSCRIPTION_EXPANDED}, {@link SignalType#SUBSCRIPTION_CONTRACTED} and {@link
   * SignalType#SUBSCRIPTION_CANCELLED} signals in the window, in the customer's starting
   * currency (a churn amount larger than what is left is capped at it; amounts in another
   * currency, and signals of customers without starting revenue, are not counted — new
   * customers are outside NRR by definition). Renewals change nothing. Level: customer,
   * grouped by the host's cohort (sign-up quarter, say). Reads: subscription signals and the
   * host's starting revenue.
   *
   * @param startingRevenue each customer's recurring revenue at the window's start
   * @param signals the signals, in any order; repeated ids count once
   * @param window the window
   * @param cohort the cohort of a customer
   * @return per cohort, per currency code, the NRR (numerator: ending revenue of the cohort,
   *     denominator: its starting revenue, both in major units)
   */
  public static Map<String, Map<String, Kpi>> netRevenueRetention(
      Map<CustomerId, Money> startingRevenue, Iterable<Signal> signals, TimeWindow window,
      Function<CustomerId, String> cohort) {
    Map<CustomerId, Money> current = new HashMap<>(startingRevenue);
    Set<SignalId> seen = new HashSet<>();
    List<Signal> ordered = new ArrayList<>();
    for (Signal s : signals) {
      if (window.contains(s.occurredAt()) && current.containsKey(customerOf(s)) && seen.add(s.id())) {
        ordered.add(s);
      }
    }
    // Churn caps depend on order: apply in event-time order (ties by id) so arrival order
    // never matters.
    ordered.sort(java.util.Comparator.comparing(Signal::occurredAt)
        .thenComparing(s -> s.id().value()));
    for (Signal s : ordered) {
      CustomerId c = (CustomerId) s.subject();
      Money now = current.get(c);
      Optional<Money> amount = s.amountIfAny()
          .filter(a -> a.currency().equals(now.currency()) && !a.isNegative());
      if (amount.isEmpty()) {
        continue;
      }
      Money a = amount.get();
      if (s.type().equals(SignalType.SUBSCRIPTION_EXPANDED)) {
        current.put(c, now.plus(a));
      } else if (s.type().equals(SignalType.SUBSCRIPTION_CONTRACTED)
          || s.type().equals(SignalType.SUBSCRIPTION_CANCELLED)) {
        current.put(c, a.compareTo(now) >= 0 ? Money.zero(now.currency()) : now.minus(a));
      }
    }
    Map<String, Map<String, BigDecimal[]>> sums = new TreeMap<>();
    for (Map.Entry<CustomerId, Money> e : startingRevenue.entrySet()) {
      String group = Objects.requireNonNull(cohort.apply(e.getKey()), "cohort");
      BigDecimal[] pair = sums.computeIfAbsent(group, g -> new TreeMap<>())
          .computeIfAbsent(e.getValue().currencyCode(),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      pair[0] = pair[0].add(e.getValue().amount());
      pair[1] = pair[1].add(current.get(e.getKey()).amount());
    }
    Map<String, Map<String, Kpi>> result = new TreeMap<>();
    sums.forEach((group, byCurrency) -> {
      Map<String, Kpi> kpis = new TreeMap<>();
      byCurrency.forEach((currency, pair) -> kpis.put(currency,
          Kpi.rate("net_revenue_retention", pair[1].doubleValue(), pair[0].doubleValue(), window,
              "customer")));
      result.put(group, Collections.unmodifiableMap(kpis));
    });
    return Collections.unmodifiableMap(result);
  }

  private static @org.jspecify.annotations.Nullable CustomerId customerOf(Signal s) {
    return s.subject() instanceof CustomerId c ? c : null;
  }

  private static void add(Map<String, Money> sums, Money m) {
    sums.merge(m.currencyCode(), m, Money::plus);
  }
}
