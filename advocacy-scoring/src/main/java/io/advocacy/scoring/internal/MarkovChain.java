package io.advocacy.scoring.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The absorbing Markov chain of order k behind the Markov attribution model, built while
 * streaming over paths and solved exactly.
 *
 * <p>Channels get integer codes in order of first sight. A state is the window of the last k
 * channel codes (shorter at the start of a path); windows are interned through a trie whose
 * nodes are keyed by packed {@code (parent node << 32) | code} longs, so any order and any
 * number of channels work without boxing. Transitions are counted per packed {@code (state <<
 * 32) | next channel code} key, which also caches the next state, so reading a touch is one
 * primitive hash probe; conversions and nulls are counted per state in plain arrays. {@link
 * #freeze()} turns the counts into compressed sparse rows of probabilities.
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

  private final int order;
  private final boolean mergeRepeats;
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

  private final LongIntTable edgeIndex = new LongIntTable(1 << 12);
  private int edges;
  private int[] edgeFrom = new int[1 << 12];
  private int[] edgeTo = new int[1 << 12];
  private double[] edgeCount = new double[1 << 12];

  private int[] rowStart = new int[0];
  private int[] target = new int[0];
  private double[] probability = new double[0];
  private int[] sweep = new int[0];

  /**
   * An empty chain.
   *
   * @param order the order k, at least 1
   * @param mergeRepeats whether repeated consecutive channels count as one
   */
  public MarkovChain(int order, boolean mergeRepeats) {
    if (order < 1) {
      throw new IllegalArgumentException("Markov order " + order + " is below 1");
    }
    this.order = order;
    this.mergeRepeats = mergeRepeats;
    int capacity = 1 << 10;
    windows = new int[capacity * order];
    windowLength = new int[capacity];
    converted = new double[capacity];
    lost = new double[capacity];
    Arrays.fill(nodeState, -1);
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
      long key = ((long) state << 32) | c;
      int e = edgeIndex.get(key);
      if (e < 0) {
        e = newEdge(state, next(state, c));
        edgeIndex.putNew(key, e);
      }
      edgeCount[e] += n;
      state = edgeTo[e];
    }
    converted[state] += conversions;
    lost[state] += nulls;
  }

  private int newEdge(int from, int to) {
    if (edges == edgeFrom.length) {
      int capacity = edges * 2;
      edgeFrom = Arrays.copyOf(edgeFrom, capacity);
      edgeTo = Arrays.copyOf(edgeTo, capacity);
      edgeCount = Arrays.copyOf(edgeCount, capacity);
    }
    edgeFrom[edges] = from;
    edgeTo[edges] = to;
    return edges++;
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
    double[] low = new double[n];
    double[] high = new double[n];
    Arrays.fill(high, 1);
    low[CONVERSION] = 1;
    high[NULL] = 0;
    for (int s = 0; s < n; s++) {
      if (dead[s]) {
        high[s] = 0;
      }
    }
    for (int round = 0; round < MAX_SWEEPS; round++) {
      boolean moved = false;
      for (int s : sweep) {
        if (dead[s]) {
          continue;
        }
        double lo = 0;
        double hi = 0;
        double self = 0;
        for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
          int t = target[k];
          if (t == s) {
            self += probability[k];
          } else {
            lo += probability[k] * low[t];
            hi += probability[k] * high[t];
          }
        }
        if (self > 0) {
          // a self-loop is solved exactly within the state: x = rest / (1 - p(s, s))
          lo = self >= 1 ? 0 : lo / (1 - self);
          hi = self >= 1 ? 0 : hi / (1 - self);
        }
        // rounding cannot carry either bound past the other
        lo = Math.max(lo, low[s]);
        hi = Math.min(hi, high[s]);
        if (lo != low[s] || hi != high[s]) {
          moved = true;
        }
        low[s] = lo;
        high[s] = Math.max(hi, lo);
      }
      double gap = high[START] - low[START];
      if (low[START] == 0 && gap <= ABSOLUTE_TOLERANCE) {
        return 0; // no conversion is reachable: the lower bound never left 0
      }
      if (gap <= RELATIVE_TOLERANCE * low[START] || !moved) {
        return (low[START] + high[START]) / 2;
      }
    }
    throw new IllegalStateException("P(conversion) not bracketed within " + MAX_SWEEPS
        + " sweeps: between " + low[START] + " and " + high[START]);
  }
}
