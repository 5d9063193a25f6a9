package io.advocacy.scoring.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The absorbing Markov chain of order k behind the Markov attribution model, built while
 * streaming over paths and solved exactly.
 *
 * <p>Channels get integer codes in order of first sight. A state is the window of the last k
 * channel codes (shorter at the start of a path); windows are interned through a trie whose
 * nodes are keyed by packed {@code (parent node << 32) | code} longs, so any order and any
 * number of channels work without boxing. Transitions are counted per edge (state, next
 * channel code), and the edge also caches the next state, so reading a touch is one look-up:
 * in a dense array indexed {@code state * stride + code} while that stays under 2M entries
 * (20 channels at order 3: 8,420 states × 32), else in a primitive hash table over packed
 * {@code (state << 32) | code} keys. Conversions and nulls are counted per state in plain
 * arrays. {@link #freeze()} turns the counts into compressed sparse rows of probabilities.
 *
 * <p>P(conversion) is bracketed by two Gauss–Seidel iterations over the transient states, one
 * from 0 rising monotonically to the solution and one from 1 (or from a known upper bound)
 * falling monotonically to it. States are swept longest window first: windows shorter than k
 * only lead to longer ones, so after the full-length windows they settle in the same sweep.
 *
 * <p>Not thread-safe; confine to one thread.
 */
public final class MarkovChain {
  /** The start state. */
  public static final int START = 0;
  /** The conversion state. */
  public static final int CONVERSION = 1;
  /** The null state. */
  public static final int NULL = 2;

  private static final double RELATIVE_TOLERANCE = 1e-13;
  private static final double ABSOLUTE_TOLERANCE = 1e-300;
  private static final int MAX_SWEEPS = 1_000_000;
  private static final int DENSE_LIMIT = 1 << 21; // entries: 8 MB of ints

  private final int order;
  private final boolean mergeRepeats;
  private final int denseLimit;
  private final Map<String, Integer> channelCodes = new HashMap<>();
  private final List<String> channelNames = new ArrayList<>();

  private int states = 3;
  private int[] windows; // state * order + i: the window's codes
  private int[] windowLength;
  private double[] converted;
  private double[] lost;

  private final LongIntTable trie = new LongIntTable(1 << 12);
  private int nodes = 1; // node 0 is the empty window
  private int[] nodeState = new int[1 << 12];

  // The edge of (state, next code): a dense array indexed state * stride + code (edge + 1, 0
  // for none) while it stays small, else a hash table over packed (state << 32) | code keys.
  private int stride = 1;
  private int @Nullable [] dense = new int[1 << 10];
  private @Nullable LongIntTable edgeIndex;
  private int[] edgeCode = new int[1 << 12];
  private int edges;
  private int[] edgeFrom = new int[1 << 12];
  private int[] edgeTo = new int[1 << 12];
  private double[] edgeCount = new double[1 << 12];

  private int[] rowStart = new int[0];
  private int[] target = new int[0];
  private double[] probability = new double[0];
  private int[] sweep = new int[0];
  // the rows again for solving: self-loops apart, targets doubled (index into the bounds)
  private int[] solveStart = new int[0];
  private int[] solveTarget = new int[0];
  private double[] solveProbability = new double[0];
  private double[] self = new double[0];

  /**
   * An empty chain.
   *
   * @param order the order k, at least 1
   * @param mergeRepeats whether repeated consecutive channels count as one
   */
  public MarkovChain(int order, boolean mergeRepeats) {
    this(order, mergeRepeats, DENSE_LIMIT);
  }

  /** A chain whose dense edge array may hold at most {@code denseLimit} entries (tests). */
  MarkovChain(int order, boolean mergeRepeats, int denseLimit) {
    if (order < 1) {
      throw new IllegalArgumentException("Markov order " + order + " is below 1");
    }
    this.order = order;
    this.mergeRepeats = mergeRepeats;
    this.denseLimit = denseLimit;
    int capacity = 1 << 10;
    windows = new int[capacity * order];
    windowLength = new int[capacity];
    converted = new double[capacity];
    lost = new double[capacity];
    Arrays.fill(nodeState, -1);
    if ((long) capacity * stride > denseLimit) {
      toHashTable();
    }
  }

  /**
   * The code of a channel, given the next free one if it is new.
   *
   * @param channel the channel name
   * @return its code
   */
  public int code(String channel) {
    Integer code = channelCodes.get(channel);
    if (code == null) {
      code = channelNames.size();
      channelCodes.put(channel, code);
      channelNames.add(channel);
      if (code >= stride && dense != null) {
        widen();
      }
    }
    return code;
  }

  /**
   * The channels, indexed by code.
   *
   * @return the channel names
   */
  public List<String> channels() {
    return channelNames;
  }

  /**
   * Counts the journeys of one path.
   *
   * @param codes the path's channel codes (from {@link #code})
   * @param length how many of {@code codes} are the path, at least 1
   * @param conversions the converting journeys on it
   * @param nulls the non-converting journeys on it
   */
  public void add(int[] codes, int length, long conversions, long nulls) {
    double n = (double) conversions + nulls;
    int state = START;
    int last = -1;
    for (int i = 0; i < length; i++) {
      int c = codes[i];
      if (mergeRepeats && c == last) {
        continue;
      }
      last = c;
      int e = edge(state, c);
      edgeCount[e] += n;
      state = edgeTo[e];
    }
    converted[state] += conversions;
    lost[state] += nulls;
  }

  /** The edge out of {@code state} on channel {@code c}, added if new. */
  private int edge(int state, int c) {
    int[] d = dense;
    if (d != null) {
      int e = d[state * stride + c] - 1;
      if (e < 0) {
        e = newEdge(state, c);
        // a new state may have grown the dense array or replaced it by the hash table
        int[] now = dense;
        if (now != null) {
          now[state * stride + c] = e + 1;
        } else {
          edgeIndex.putNew(((long) state << 32) | c, e);
        }
      }
      return e;
    }
    long key = ((long) state << 32) | c;
    LongIntTable index = edgeIndex;
    int e = index.get(key);
    if (e < 0) {
      e = newEdge(state, c);
      index.putNew(key, e);
    }
    return e;
  }

  private int newEdge(int from, int c) {
    int to = next(from, c);
    if (edges == edgeFrom.length) {
      int capacity = edges * 2;
      edgeFrom = Arrays.copyOf(edgeFrom, capacity);
      edgeTo = Arrays.copyOf(edgeTo, capacity);
      edgeCode = Arrays.copyOf(edgeCode, capacity);
      edgeCount = Arrays.copyOf(edgeCount, capacity);
    }
    edgeFrom[edges] = from;
    edgeTo[edges] = to;
    edgeCode[edges] = c;
    return edges++;
  }

  /** Doubles the dense array's stride for a new channel code, or drops it if too large. */
  private void widen() {
    int wider = stride * 2;
    if ((long) windowLength.length * wider > denseLimit) {
      toHashTable();
      return;
    }
    int[] d = new int[windowLength.length * wider];
    for (int s = 0; s < states; s++) {
      System.arraycopy(dense, s * stride, d, s * wider, stride);
    }
    dense = d;
    stride = wider;
  }

  private void toHashTable() {
    LongIntTable index = new LongIntTable(Math.max(1 << 12, edges * 2));
    for (int e = 0; e < edges; e++) {
      index.putNew(((long) edgeFrom[e] << 32) | edgeCode[e], e);
    }
    edgeIndex = index;
    dense = null;
  }

  /** The state after {@code state} when channel {@code c} follows. */
  private int next(int state, int c) {
    int length = windowLength(state);
    int from = state * order;
    int skip = length == order ? 1 : 0;
    int node = 0;
    for (int i = skip; i < length; i++) {
      node = child(node, windows[from + i]);
    }
    node = child(node, c);
    int s = nodeState[node];
    if (s >= 0) {
      return s;
    }
    s = newState();
    int to = s * order;
    int k = 0;
    for (int i = skip; i < length; i++) {
      windows[to + k++] = windows[from + i];
    }
    windows[to + k++] = c;
    windowLength[s] = k;
    nodeState[node] = s;
    return s;
  }

  private int windowLength(int state) {
    return state < 3 ? 0 : windowLength[state];
  }

  private int child(int node, int c) {
    long key = ((long) node << 32) | c;
    int child = trie.get(key);
    if (child < 0) {
      child = nodes++;
      trie.putNew(key, child);
      if (child == nodeState.length) {
        int old = nodeState.length;
        nodeState = Arrays.copyOf(nodeState, old * 2);
        Arrays.fill(nodeState, old, nodeState.length, -1);
      }
    }
    return child;
  }

  private int newState() {
    if (states == windowLength.length) {
      int capacity = states * 2;
      windows = Arrays.copyOf(windows, capacity * order);
      windowLength = Arrays.copyOf(windowLength, capacity);
      converted = Arrays.copyOf(converted, capacity);
      lost = Arrays.copyOf(lost, capacity);
      if (dense != null) {
        if ((long) capacity * stride > denseLimit) {
          toHashTable();
        } else {
          dense = Arrays.copyOf(dense, capacity * stride);
        }
      }
    }
    return states++;
  }

  /**
   * Turns the counts into transition probabilities; call once, after the last {@link #add}.
   */
  public void freeze() {
    int n = states;
    double[] total = new double[n];
    int[] degree = new int[n + 1];
    for (int e = 0; e < edges; e++) {
      degree[edgeFrom[e] + 1]++;
      total[edgeFrom[e]] += edgeCount[e];
    }
    for (int s = 0; s < n; s++) {
      if (converted[s] != 0) {
        degree[s + 1]++;
        total[s] += converted[s];
      }
      if (lost[s] != 0) {
        degree[s + 1]++;
        total[s] += lost[s];
      }
    }
    rowStart = new int[n + 1];
    for (int s = 0; s < n; s++) {
      rowStart[s + 1] = rowStart[s] + degree[s + 1];
    }
    target = new int[rowStart[n]];
    probability = new double[rowStart[n]];
    int[] fill = Arrays.copyOf(rowStart, n);
    for (int e = 0; e < edges; e++) {
      int from = edgeFrom[e];
      int k = fill[from]++;
      target[k] = edgeTo[e];
      probability[k] = edgeCount[e] / total[from];
    }
    for (int s = 0; s < n; s++) {
      if (converted[s] != 0) {
        int k = fill[s]++;
        target[k] = CONVERSION;
        probability[k] = converted[s] / total[s];
      }
      if (lost[s] != 0) {
        int k = fill[s]++;
        target[k] = NULL;
        probability[k] = lost[s] / total[s];
      }
    }
    // longest windows first; the start (length 0) last
    sweep = new int[n - 2];
    int k = 0;
    for (int length = order; length >= 1; length--) {
      for (int s = 3; s < n; s++) {
        if (windowLength[s] == length) {
          sweep[k++] = s;
        }
      }
    }
    sweep[k] = START;
    solveStart = new int[n + 1];
    solveTarget = new int[target.length];
    solveProbability = new double[target.length];
    self = new double[n];
    int m = 0;
    for (int s = 0; s < n; s++) {
      solveStart[s] = m;
      for (int j = rowStart[s]; j < rowStart[s + 1]; j++) {
        if (target[j] == s) {
          self[s] += probability[j];
        } else {
          solveTarget[m] = 2 * target[j];
          solveProbability[m++] = probability[j];
        }
      }
    }
    solveStart[n] = m;
  }

  /**
   * The transition probabilities by state name: {@code startName}, {@code conversionName},
   * {@code nullName} and channel windows joined by {@code " > "}; states with no transitions
   * out are left out.
   *
   * @param startName the start state's name
   * @param conversionName the conversion state's name
   * @param nullName the null state's name
   * @return the probabilities, state to state
   */
  public Map<String, Map<String, Double>> probabilities(
      String startName, String conversionName, String nullName) {
    String[] names = new String[states];
    names[START] = startName;
    names[CONVERSION] = conversionName;
    names[NULL] = nullName;
    StringBuilder b = new StringBuilder();
    for (int s = 3; s < states; s++) {
      b.setLength(0);
      for (int i = 0; i < windowLength[s]; i++) {
        if (i > 0) {
          b.append(" > ");
        }
        b.append(channelNames.get(windows[s * order + i]));
      }
      names[s] = b.toString();
    }
    Map<String, Map<String, Double>> m = new TreeMap<>();
    for (int s = 0; s < states; s++) {
      if (rowStart[s] == rowStart[s + 1]) {
        continue;
      }
      Map<String, Double> row = new TreeMap<>();
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        row.put(names[target[k]], probability[k]);
      }
      m.put(names[s], row);
    }
    return m;
  }

  /**
   * P(conversion) from the start with every state whose window contains one channel sent to
   * null: the midpoint of a bracket whose bounds are within a relative 1e-13 of each other
   * (or stopped moving in floating point).
   *
   * @param removed the removed channel's code, or -1 for none
   * @return P(conversion)
   * @throws IllegalStateException if the chain is not bracketed within a million sweeps
   */
  public double conversionProbability(int removed) {
    int n = states;
    boolean[] dead = new boolean[n];
    if (removed >= 0) {
      for (int s = 3; s < n; s++) {
        for (int i = 0; i < windowLength[s]; i++) {
          if (windows[s * order + i] == removed) {
            dead[s] = true;
            break;
          }
        }
      }
    }
    // Two Gauss-Seidel sequences bracket the answer: from 0 they rise monotonically to it,
    // from 1 they fall monotonically to it (the chain is non-negative and every transient
    // state reaches an absorbing one, because each state was entered by a path that ended).
    // bound[2s] is the lower bound of state s, bound[2s + 1] its upper bound.
    double[] bound = new double[2 * n];
    for (int s = 0; s < n; s++) {
      bound[2 * s + 1] = dead[s] ? 0 : 1;
    }
    bound[2 * CONVERSION] = 1;
    bound[2 * NULL + 1] = 0;
    for (int round = 0; round < MAX_SWEEPS; round++) {
      boolean moved = false;
      for (int s : sweep) {
        if (dead[s]) {
          continue;
        }
        double lo = 0;
        double hi = 0;
        for (int k = solveStart[s]; k < solveStart[s + 1]; k++) {
          int t = solveTarget[k];
          double p = solveProbability[k];
          lo += p * bound[t];
          hi += p * bound[t + 1];
        }
        double loop = self[s];
        if (loop > 0) {
          // a self-loop is solved exactly within the state: x = rest / (1 - p(s, s))
          lo = loop >= 1 ? 0 : lo / (1 - loop);
          hi = loop >= 1 ? 0 : hi / (1 - loop);
        }
        // rounding cannot carry either bound past the other
        double oldLow = bound[2 * s];
        double oldHigh = bound[2 * s + 1];
        lo = Math.max(lo, oldLow);
        hi = Math.min(hi, oldHigh);
        if (lo != oldLow || hi != oldHigh) {
          moved = true;
        }
        bound[2 * s] = lo;
        bound[2 * s + 1] = Math.max(hi, lo);
      }
      double low = bound[2 * START];
      double high = bound[2 * START + 1];
      double gap = high - low;
      if (low == 0 && gap <= ABSOLUTE_TOLERANCE) {
        return 0; // no conversion is reachable: the lower bound never left 0
      }
      if (gap <= RELATIVE_TOLERANCE * low || !moved) {
        return (low + high) / 2;
      }
    }
    throw new IllegalStateException("P(conversion) not bracketed within " + MAX_SWEEPS
        + " sweeps: between " + bound[2 * START] + " and " + bound[2 * START + 1]);
  }
}
