package io.advocacy.benchmarks;

import io.advocacy.scoring.attribution.Attribution;
import io.advocacy.scoring.attribution.HeuristicModel;
import io.advocacy.scoring.attribution.PathRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The seeded attribution workload shared by {@link AttributionBenchmark} and {@link
 * AttributionFootprint}: journeys over 20 channels ({@code ch0} to {@code ch19}), 1 to 7
 * touches each (4 on average), a conversion probability of 2 % plus 3 % per touch on a channel
 * whose number is a multiple of 5 and 0.5 % per other touch, a value of 100 to 999 per
 * conversion; aggregated into one {@link PathRow} per distinct path, as an analytics export or
 * a streaming parser would hand them over. Channel names are shared strings, as a parser that
 * interns its channel column would give them.
 */
final class AttributionWorkload {
  /** The number of channels. */
  static final int CHANNELS = 20;

  private static final String[] NAMES = new String[CHANNELS];

  static {
    for (int c = 0; c < CHANNELS; c++) {
      NAMES[c] = "ch" + c;
    }
  }

  /** The models measured, by name. */
  static final Map<String, Function<List<PathRow>, Object>> MODELS = models();

  private AttributionWorkload() {}

  private static Map<String, Function<List<PathRow>, Object>> models() {
    Map<String, Function<List<PathRow>, Object>> m = new LinkedHashMap<>();
    m.put("firstTouch", rows -> Attribution.heuristicOnPaths(HeuristicModel.firstTouch(), rows));
    m.put("lastTouch", rows -> Attribution.heuristicOnPaths(HeuristicModel.lastTouch(), rows));
    m.put("lastNonDirect",
        rows -> Attribution.heuristicOnPaths(HeuristicModel.lastNonDirect(), rows));
    m.put("linear", rows -> Attribution.heuristicOnPaths(HeuristicModel.linear(), rows));
    m.put("positionBased",
        rows -> Attribution.heuristicOnPaths(HeuristicModel.positionBased(), rows));
    m.put("markovOrder1", rows -> Attribution.markov(rows, 1, false));
    m.put("markovOrder3", rows -> Attribution.markov(rows, 3, false));
    m.put("shapleySimplified", Attribution::shapleySimplified);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Generates journeys and aggregates them by path. Each journey is packed into one {@code long}
   * (its path in base 21, then the conversion value + 1 or 0 in the low 11 bits), the longs are
   * sorted so equal paths are adjacent, and each run becomes a row; the rows come in an order
   * shuffled with the same seed, so that similar paths are not neighbours.
   *
   * @param journeys the number of journeys
   * @param seed the seed
   * @return one row per distinct path, in a reproducible random order
   */
  static List<PathRow> rows(int journeys, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] packed = new long[journeys];
    for (int j = 0; j < journeys; j++) {
      int length = 1 + random.nextInt(7);
      long path = 0;
      double p = 0.02;
      for (int k = 0; k < length; k++) {
        int c = random.nextInt(CHANNELS);
        path = path * (CHANNELS + 1) + c + 1;
        p += c % 5 == 0 ? 0.03 : 0.005;
      }
      long outcome = random.nextDouble() < p ? 100 + random.nextInt(900) + 1 : 0;
      packed[j] = path << 11 | outcome;
    }
    Arrays.sort(packed);
    int[] runStart = new int[journeys + 1];
    int runs = 0;
    for (int j = 0; j < journeys; j++) {
      if (j == 0 || packed[j] >>> 11 != packed[j - 1] >>> 11) {
        runStart[runs++] = j;
      }
    }
    runStart[runs] = journeys;
    // rows in a seeded random order, each allocated in the order it is listed (as a parser
    // would allocate them), so that reading them in order is not a random walk over the heap
    int[] order = new int[runs];
    for (int r = 0; r < runs; r++) {
      order[r] = r;
    }
    Random shuffle = new Random(seed);
    for (int r = runs - 1; r > 0; r--) {
      int k = shuffle.nextInt(r + 1);
      int t = order[r];
      order[r] = order[k];
      order[k] = t;
    }
    List<PathRow> rows = new ArrayList<>(runs);
    for (int r : order) {
      long conversions = 0;
      long nulls = 0;
      long value = 0;
      for (int j = runStart[r]; j < runStart[r + 1]; j++) {
        long outcome = packed[j] & 0x7FF;
        if (outcome == 0) {
          nulls++;
        } else {
          conversions++;
          value += outcome - 1;
        }
      }
      rows.add(new PathRow(channels(packed[runStart[r]] >>> 11), conversions, nulls, value));
    }
    return rows;
  }

  private static List<String> channels(long path) {
    List<String> channels = new ArrayList<>(7);
    for (long p = path; p != 0; p /= CHANNELS + 1) {
      channels.add(NAMES[(int) (p % (CHANNELS + 1)) - 1]);
    }
    Collections.reverse(channels);
    return channels;
  }
}
