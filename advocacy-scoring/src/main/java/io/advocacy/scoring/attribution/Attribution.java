package io.advocacy.scoring.attribution;

import io.advocacy.core.touchpoint.Touchpoint;
import io.advocacy.scoring.internal.MarkovChain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Attribution calculators.
 *
 * <ul>
 *   <li>{@link #heuristic} splits each converting journey over its touches by a {@link
 *       HeuristicModel}; credit by channel, advocate and journey, touch by touch.
 *   <li>{@link #heuristicOnPaths} does the same for aggregated paths (path-based models only).
 *   <li>{@link #markov} solves the absorbing Markov chain exactly: states are the last {@code k}
 *       channels; the removal effect of a channel is {@code 1 − P(conversion without it) /
 *       P(conversion)}, where removing it sends every transition into a state containing it to
 *       null; conversions and value are credited in proportion to removal effects.
 *       The chain is counted while streaming over the rows (integer channel codes, primitive
 *       tables keyed by packed longs, no object per journey). Probabilities are solved by two
 *       Gauss–Seidel iterations over the sparse transient states (longest windows first), one
 *       from 0 rising monotonically to the solution and one from 1 falling monotonically to
 *       it; they stop when the two bounds of P(conversion) from the start are within a
 *       relative 1e-13 of each other (or stop moving in floating point), and the midpoint is
 *       used (a self-loop is solved exactly within its state) — a proven bracket,
 *       deterministic, no simulation. If a chain cannot be bracketed within a million sweeps
 *       an {@link IllegalStateException} gives both bounds.
 *   <li>{@link #shapleySimplified}: the simplified Shapley value of Zhao et al. 2018 over each
 *       converting journey's distinct channels — a channel gets {@code conversions(T) / |T|} of
 *       every observed channel set {@code T} it is in; exact and linear in the distinct sets.
 *   <li>{@link #shapley}: the classic Shapley value of a characteristic function.
 * </ul>
 *
 * For the Markov and Shapley models on journeys, channel credit is apportioned to advocates and
 * journeys by their share of that channel's touches on converting paths (a documented rule,
 * flagged {@link AttributionResult#apportioned()}).
 *
 * <p>Stateless; thread-safe.
 */
public final class Attribution {
  /** The most players {@link #shapley} accepts: coalitions are held as 64-bit masks. */
  public static final int MAX_PLAYERS = 63;

  private Attribution() {}

  /**
   * Heuristic attribution of journeys.
   *
   * @param model the model
   * @param journeys the journeys; only converting ones give credit
   * @return the credit by channel, advocate and journey
   */
  public static AttributionResult heuristic(HeuristicModel model, Iterable<ConversionPath> journeys) {
    Map<String, Credit> channels = new HashMap<>();
    Map<String, Credit> advocates = new HashMap<>();
    Map<String, Credit> journeyCredit = new HashMap<>();
    for (ConversionPath p : journeys) {
      if (!p.converted()) {
        continue;
      }
      double[] w = model.weights(p);
      for (int i = 0; i < w.length; i++) {
        if (w[i] == 0) {
          continue;
        }
        Touchpoint t = p.touches().get(i);
        Credit c = new Credit(w[i], w[i] * p.value());
        channels.merge(t.channel().name(), c, Credit::plus);
        advocates.merge(t.advocate() == null ? AttributionResult.NONE : t.advocate().value(), c,
            Credit::plus);
        journeyCredit.merge(t.journey() == null ? AttributionResult.NONE : t.journey().value(), c,
            Credit::plus);
      }
    }
    return new AttributionResult(model.name(), channels, advocates, journeyCredit, false);
  }

  /**
   * Heuristic attribution of aggregated paths.
   *
   * @param model a path-based model
   * @param rows the paths
   * @return the credit by channel
   * @throws IllegalStateException for time decay and W-shaped, which need journeys
   */
  public static AttributionResult heuristicOnPaths(HeuristicModel model, Iterable<PathRow> rows) {
    Map<String, Credit> channels = new HashMap<>();
    for (PathRow r : rows) {
      double[] w = model.weights(r.channels());
      if (r.conversions() == 0) {
        continue;
      }
      for (int i = 0; i < w.length; i++) {
        if (w[i] != 0) {
          channels.merge(r.channels().get(i), new Credit(w[i] * r.conversions(), w[i] * r.value()),
              Credit::plus);
        }
      }
    }
    return new AttributionResult(model.name(), channels, Map.of(), Map.of(), false);
  }

  /**
   * The Markov chain model of order {@code k} over aggregated paths.
   *
   * @param rows the paths
   * @param order the order k, at least 1
   * @param mergeRepeats whether repeated consecutive channels count as one
   * @return the credit with the chain's workings
   */
  public static MarkovResult markov(Iterable<PathRow> rows, int order, boolean mergeRepeats) {
    if (order < 1) {
      throw new IllegalArgumentException("Markov order " + order + " is below 1");
    }
    MarkovChain chain = new MarkovChain(order, mergeRepeats);
    double totalConversions = 0;
    double totalValue = 0;
    int[] codes = new int[16];
    for (PathRow r : rows) {
      List<String> seq = r.channels();
      if (codes.length < seq.size()) {
        codes = new int[Math.max(seq.size(), codes.length * 2)];
      }
      for (int i = 0; i < seq.size(); i++) {
        codes[i] = chain.code(seq.get(i));
      }
      if (r.conversions() + r.nulls() == 0) {
        continue;
      }
      chain.add(codes, seq.size(), r.conversions(), r.nulls());
      totalConversions += r.conversions();
      totalValue += r.value();
    }
    chain.freeze();
    double p = chain.conversionProbability(-1);
    Map<String, Double> effects = new TreeMap<>();
    double sum = 0;
    List<String> channels = chain.channels();
    for (int code = 0; code < channels.size(); code++) {
      double re = p == 0 ? 0 : 1 - chain.conversionProbability(code) / p;
      effects.put(channels.get(code), re);
      sum += re;
    }
    Map<String, Credit> credit = new HashMap<>();
    for (String c : channels) {
      double share = sum == 0 ? 0 : effects.get(c) / sum;
      credit.put(c, new Credit(totalConversions * share, totalValue * share));
    }
    String name = "markov_order_" + order + (mergeRepeats ? "_merged" : "");
    return new MarkovResult(new AttributionResult(name, credit, Map.of(), Map.of(), false), p,
        effects, chain.probabilities(MarkovResult.START, MarkovResult.CONVERSION,
            MarkovResult.NULL));
  }

  /**
   * The Markov chain model over journeys, with channel credit apportioned to advocates and
   * journeys.
   *
   * @param journeys the journeys
   * @param order the order k, at least 1
   * @param mergeRepeats whether repeated consecutive channels count as one
   * @return the credit with the chain's workings
   */
  public static MarkovResult markovOnJourneys(
      Iterable<ConversionPath> journeys, int order, boolean mergeRepeats) {
    MarkovResult m = markov(rows(journeys), order, mergeRepeats);
    return new MarkovResult(apportion(m.attribution(), journeys), m.conversionProbability(),
        m.removalEffects(), m.transitions());
  }

  /**
   * The simplified Shapley value (Zhao et al. 2018) over aggregated paths.
   *
   * @param rows the paths
   * @return the credit by channel
   */
  public static AttributionResult shapleySimplified(Iterable<PathRow> rows) {
    Map<String, Credit> channels = new HashMap<>();
    for (PathRow r : rows) {
      if (r.conversions() == 0) {
        continue;
      }
      Set<String> distinct = new LinkedHashSet<>(r.channels());
      double share = 1.0 / distinct.size();
      for (String c : distinct) {
        channels.merge(c, new Credit(r.conversions() * share, r.value() * share), Credit::plus);
      }
    }
    return new AttributionResult("shapley_simplified", channels, Map.of(), Map.of(), false);
  }

  /**
   * The simplified Shapley value over journeys, with channel credit apportioned to advocates and
   * journeys.
   *
   * @param journeys the journeys
   * @return the credit
   */
  public static AttributionResult shapleySimplifiedOnJourneys(Iterable<ConversionPath> journeys) {
    return apportion(shapleySimplified(rows(journeys)), journeys);
  }

  /**
   * Classic Shapley values of a characteristic function. Coalitions the map leaves out are
   * worth 0. Exact over every subset when there are at most {@code exactUpTo} players (at most
   * 24); otherwise estimated from {@code permutations} seeded random orders, with the standard
   * error of each mean. At most {@value #MAX_PLAYERS} players.
   *
   * @param worth the value of each coalition
   * @param exactUpTo the most players computed exactly
   * @param permutations how many random orders to sample above that
   * @param seed the seed of the sampling
   * @return the values
   * @throws IllegalArgumentException if {@code exactUpTo} is outside 0..24, {@code permutations}
   *     is below 2 or the game has more than {@value #MAX_PLAYERS} players
   */
  public static ShapleyValues shapley(
      Map<Set<String>, Double> worth, int exactUpTo, int permutations, long seed) {
    if (exactUpTo < 0 || exactUpTo > 24 || permutations < 2) {
      throw new IllegalArgumentException(
          "exactUpTo " + exactUpTo + " (0..24) or permutations " + permutations + " (>= 2)");
    }
    List<String> players = new ArrayList<>(new TreeSet<>(
        worth.keySet().stream().flatMap(Set::stream).toList()));
    int n = players.size();
    if (n > MAX_PLAYERS) {
      throw new IllegalArgumentException("the game has " + n + " players; coalitions are 64-bit"
          + " masks, so at most " + MAX_PLAYERS);
    }
    Map<String, Integer> bit = new HashMap<>();
    for (int i = 0; i < n; i++) {
      bit.put(players.get(i), i);
    }
    Map<Long, Double> v = new HashMap<>();
    worth.forEach((coalition, value) -> {
      long mask = 0;
      for (String p : coalition) {
        mask |= 1L << bit.get(p);
      }
      v.put(mask, Objects.requireNonNull(value, "coalition value"));
    });
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    if (n <= exactUpTo) {
      double[] weight = new double[n];
      for (int s = 0; s < n; s++) {
        weight[s] = Math.exp(logFactorial(s) + logFactorial(n - s - 1) - logFactorial(n));
      }
      for (int j = 0; j < n; j++) {
        double phi = 0;
        long without = ((1L << n) - 1) & ~(1L << j);
        // every subset S of the other players
        for (long s = without; ; s = (s - 1) & without) {
          phi += weight[Long.bitCount(s)] * (v.getOrDefault(s | (1L << j), 0.0) - v.getOrDefault(s, 0.0));
          if (s == 0) {
            break;
          }
        }
        values.put(players.get(j), phi);
        errors.put(players.get(j), 0.0);
      }
      return new ShapleyValues(values, errors, true, 0);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] sum = new double[n];
    double[] sumSq = new double[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int p = 0; p < permutations; p++) {
      for (int i = n - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[k];
        order[k] = t;
      }
      long mask = 0;
      double before = v.getOrDefault(0L, 0.0);
      for (int j : order) {
        mask |= 1L << j;
        double after = v.getOrDefault(mask, 0.0);
        double m = after - before;
        sum[j] += m;
        sumSq[j] += m * m;
        before = after;
      }
    }
    for (int j = 0; j < n; j++) {
      double mean = sum[j] / permutations;
      double variance = Math.max(0, (sumSq[j] - permutations * mean * mean) / (permutations - 1));
      values.put(players.get(j), mean);
      errors.put(players.get(j), Math.sqrt(variance / permutations));
    }
    return new ShapleyValues(values, errors, false, permutations);
  }

  private static double logFactorial(int k) {
    double s = 0;
    for (int i = 2; i <= k; i++) {
      s += Math.log(i);
    }
    return s;
  }

  /** Journeys aggregated into one row per distinct channel sequence. */
  static List<PathRow> rows(Iterable<ConversionPath> journeys) {
    Map<List<String>, double[]> totals = new LinkedHashMap<>();
    for (ConversionPath p : journeys) {
      List<String> seq = p.touches().stream().map(t -> t.channel().name()).toList();
      double[] t = totals.computeIfAbsent(seq, k -> new double[3]);
      t[p.converted() ? 0 : 1]++;
      t[2] += p.converted() ? p.value() : 0;
    }
    List<PathRow> rows = new ArrayList<>();
    totals.forEach((seq, t) -> rows.add(new PathRow(seq, (long) t[0], (long) t[1], t[2])));
    return rows;
  }

  /** Channel credit apportioned by each advocate's and journey's share of converting touches. */
  private static AttributionResult apportion(AttributionResult byChannel,
      Iterable<ConversionPath> journeys) {
    Map<String, Map<String, Integer>> advocateTouches = new HashMap<>();
    Map<String, Map<String, Integer>> journeyTouches = new HashMap<>();
    Map<String, Integer> channelTouches = new HashMap<>();
    for (ConversionPath p : journeys) {
      if (!p.converted()) {
        continue;
      }
      for (Touchpoint t : p.touches()) {
        String c = t.channel().name();
        channelTouches.merge(c, 1, Integer::sum);
        advocateTouches.computeIfAbsent(c, k -> new HashMap<>()).merge(
            t.advocate() == null ? AttributionResult.NONE : t.advocate().value(), 1, Integer::sum);
        journeyTouches.computeIfAbsent(c, k -> new HashMap<>()).merge(
            t.journey() == null ? AttributionResult.NONE : t.journey().value(), 1, Integer::sum);
      }
    }
    Map<String, Credit> advocates = new HashMap<>();
    Map<String, Credit> journeyCredit = new HashMap<>();
    byChannel.byChannel().forEach((channel, credit) -> {
      Integer all = channelTouches.get(channel);
      if (all == null) {
        // Markov can credit a channel seen only on non-converting paths: no converting touch
        // to apportion it to, so it is kept under NONE.
        advocates.merge(AttributionResult.NONE, credit, Credit::plus);
        journeyCredit.merge(AttributionResult.NONE, credit, Credit::plus);
        return;
      }
      advocateTouches.get(channel).forEach((a, n) -> advocates.merge(a,
          new Credit(credit.conversions() * n / all, credit.value() * n / all), Credit::plus));
      journeyTouches.get(channel).forEach((j, n) -> journeyCredit.merge(j,
          new Credit(credit.conversions() * n / all, credit.value() * n / all), Credit::plus));
    });
    return new AttributionResult(byChannel.model(), byChannel.byChannel(), advocates,
        journeyCredit, true);
  }
}
