package io.advocacy.scoring.score;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.internal.DueHeap;
import io.advocacy.scoring.internal.CustomerTable;
import io.advocacy.core.internal.SeenIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Advocate scores for many customers, updated incrementally per signal.
 *
 * <h2>State and decay</h2>
 *
 * Per customer the scorer keeps one decayed sum per {@link Component} relative to a reference
 * instant {@code r}, the customer's latest signal. A signal at {@code t ≤ r} adds {@code c ·
 * 2^(−(r−t)/h)}; a signal at {@code t > r} first decays every sum by {@code 2^(−(t−r)/h)} and
 * moves {@code r} to {@code t}. The result is the same for any arrival order (up to floating
 * point: within 1e-9), so late and out-of-order signals are normal. Reading {@code scoreOf(c,
 * asOf)} decays the sums to {@code asOf}; an {@code asOf} before the customer's latest signal
 * reads the score as of that signal (the state cannot be rewound). A customer without signals
 * scores 0. Event times outside years 0001–9999 (UTC) are answered {@code IGNORED} with
 * {@link ScoreUpdate#TIME_OUT_OF_RANGE}, and read instants outside that range are clamped to
 * it, so that no time arithmetic can overflow.
 *
 * <p>The state is kept in primitive arrays, laid out so that an update touches few cache
 * lines: per customer one 64-byte record (six sums, the reference instant, the tier), a slot in
 * an open-addressing id table and the id's characters, plus a place in the timer heap once
 * ticked; about 100–120 bytes with a short id (the benchmarks measure it). The explanation's
 * top contributions cost up to {@code 6 · k} small objects per customer more (one per kept
 * signal), and de-duplication about 16–32 bytes per signal id in the horizon plus the id's
 * characters.
 *
 * <h2>De-duplication</h2>
 *
 * A signal id seen within the horizon (default 30 days of event time) changes nothing, whatever
 * its content. It is exact: ids are looked up by a fingerprint and confirmed by their
 * characters, so two different ids are never taken for one another.
 *
 * <h2>Tiers and time</h2>
 *
 * Tier changes are reported by {@link #tick}, so that applying a signal stays cheap: a change
 * a signal caused is dated by the customer's latest signal; a tier that changes by decay
 * alone (advocacy fading, or risk fading) is found by {@link #tick}: per customer the scorer
 * keeps, in a heap, the earliest instant at which decay could possibly move the score across a
 * tier threshold (exact per component, safe overall); {@code tick(now)} looks only at
 * customers due by {@code now} — plus those that received a signal since the last tick, whose
 * instant is worked out then, so that applying a signal stays cheap — finds each crossing to
 * the second, and reschedules.
 *
 * <h2>Explanations</h2>
 *
 * {@link #explain} gives each component's part and the {@code k} signals with the largest
 * shares. Within a component every contribution decays at the same rate, so keeping each
 * component's {@code k} largest contributions is exact: the top {@code k} overall is always
 * among them.
 *
 * <p>Thread-safe: every method holds one lock, so concurrent callers lose no updates; for
 * parallel ingestion shard customers over several scorers. Starts no threads and reads no
 * clock.
 */
public final class AdvocateScorer {
  private static final Component[] COMPONENTS = Component.values();
  private static final int C = COMPONENTS.length;
  private static final double MS_PER_DAY = 86_400_000.0;
  private static final double LN2 = Math.log(2);
  /** The earliest event time scored: 0001-01-01T00:00:00Z. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest event time scored: 9999-12-31T23:59:59.999Z. */
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final ScoringModel model;
  private final double[] rate;
  private final double[] pointsPerUnit;
  private final double[] share;
  private final double[] cap;
  private final double[] inverseScale;
  private final int topK;
  private final Consumer<TierChange> listener;
  private static final int S = CustomerTable.STRIDE;
  private static final int B = CustomerTable.BASE;
  private static final int REF = CustomerTable.REF;
  private static final int META = CustomerTable.META;
  /** The bit of a customer's {@code META} slot set while it waits for the next tick. */
  private static final long DIRTY = 0b100;
  /** The bits of a customer's {@code META} slot that hold its tier's ordinal. */
  private static final long TIER = 0b11;

  private final CustomerTable index;
  private final SeenIds seen;
  private final DueHeap due = new DueHeap();
  private Contribution @Nullable [] @Nullable [] top;
  private long recomputed;
  /** What {@link #applyAll} read ahead, folded, so that its reads are not left out. */
  private long readAhead;
  private static final int READ_AHEAD = 32;
  private int[] dirtyList = new int[16];
  private int dirtyCount;

  private static final ScoreUpdate APPLIED = new ScoreUpdate(ScoreUpdate.Status.APPLIED, null);
  private static final ScoreUpdate DUPLICATE = new ScoreUpdate(ScoreUpdate.Status.DUPLICATE, null);

  private AdvocateScorer(Builder b) {
    this.model = b.model;
    this.topK = b.topK;
    this.listener = b.listener;
    this.seen = new SeenIds(b.horizon.toMillis(), b.expectedCustomers);
    this.index = new CustomerTable(b.expectedCustomers);
    this.rate = new double[C];
    this.pointsPerUnit = new double[C];
    this.share = new double[C];
    this.cap = new double[C];
    this.inverseScale = new double[C];
    double w = 0;
    for (Component c : Component.values()) {
      if (c != Component.RISK) {
        w += model.components().get(c).weight();
      }
    }
    for (Component c : Component.values()) {
      ComponentSpec spec = model.components().get(c);
      rate[c.ordinal()] = LN2 / (spec.halfLifeDays() * MS_PER_DAY);
      pointsPerUnit[c.ordinal()] = 100 * spec.weight() * spec.cap() / (w * spec.scale())
          * (c == Component.RISK ? -1 : 1);
      share[c.ordinal()] = 100 * spec.weight() / w * (c == Component.RISK ? -1 : 1);
      cap[c.ordinal()] = spec.cap();
      inverseScale[c.ordinal()] = 1 / spec.scale();
    }
  }

  /**
   * A builder: explanations of the top 3 signals, a 30-day de-duplication horizon, no
   * listener.
   *
   * @param model the scoring model
   * @return a new builder
   */
  public static Builder builder(ScoringModel model) {
    return new Builder(model);
  }

  /**
   * The model.
   *
   * @return the scoring model
   */
  public ScoringModel model() {
    return model;
  }

  /**
   * Applies a signal. Never throws for the signal's content.
   *
   * @param signal the signal
   * @return what it did
   */
  public synchronized ScoreUpdate apply(Signal signal) {
    return applyOne(Objects.requireNonNull(signal, "signal"));
  }

  /**
   * Applies signals in order, with the same result as {@link #apply} on each in turn, but
   * faster for a large population: the scorer reads ahead the memory of the next few dozen
   * signals' customers and ids before applying them, so that their cache misses overlap.
   *
   * @param signals the signals
   * @return what each did, in the same order
   * @throws NullPointerException if the list or a signal is null (then none is applied)
   */
  public synchronized List<ScoreUpdate> applyAll(List<Signal> signals) {
    for (Signal s : signals) {
      Objects.requireNonNull(s, "signal");
    }
    ScoreUpdate[] out = new ScoreUpdate[signals.size()];
    int[] hashes = new int[READ_AHEAD];
    int[] found = new int[READ_AHEAD];
    for (int from = 0; from < out.length; from += READ_AHEAD) {
      int to = Math.min(out.length, from + READ_AHEAD);
      long folded = 0;
      for (int k = from; k < to; k++) {
        hashes[k - from] = signals.get(k).subject().value().hashCode();
      }
      for (int k = from; k < to; k++) {
        found[k - from] = index.touch(hashes[k - from]);
        folded ^= seen.touch(signals.get(k).id().value());
      }
      if (topK > 0) { // the contributions kept for the signal's component, one more step on
        for (int k = 0; k < to - from; k++) {
          Contribution[] kept = found[k] < 0 ? null : keptOf(found[k]);
          SignalRule rule = kept == null ? null : model.signals().get(signals.get(from + k).type());
          if (rule != null) {
            int at = rule.component().ordinal() * topK;
            for (int s = at; s < at + topK; s++) {
              Contribution x = kept[s];
              if (x != null) {
                folded ^= x.at;
              }
            }
          }
        }
      }
      readAhead ^= folded;
      for (int k = from; k < to; k++) {
        out[k] = applyOne(signals.get(k));
      }
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private ScoreUpdate applyOne(Signal signal) {
    if (!(signal.subject() instanceof CustomerId customer)) {
      return new ScoreUpdate(ScoreUpdate.Status.IGNORED, ScoreUpdate.ANONYMOUS);
    }
    SignalRule rule = model.signals().get(signal.type());
    if (rule == null) {
      return new ScoreUpdate(ScoreUpdate.Status.IGNORED, ScoreUpdate.NOT_SCORED);
    }
    Instant at = signal.occurredAt();
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      return new ScoreUpdate(ScoreUpdate.Status.IGNORED, ScoreUpdate.TIME_OUT_OF_RANGE);
    }
    long t = at.toEpochMilli();
    if (!seen.add(signal.id().value(), t)) {
      return DUPLICATE;
    }
    int before = index.size();
    int i = index.findOrAdd(customer.value());
    long[] st = index.state();
    double c = rule.contribution(signal);
    int j = rule.component().ordinal();
    int base = B + i * S;
    if (i == before) {
      st[base + REF] = t;
      st[base + j] = bits(c);
    } else {
      long r = st[base + REF];
      if (t <= r) {
        st[base + j] = bits(value(st[base + j]) + c * Math.exp(-rate[j] * (r - t)));
      } else {
        long dt = t - r;
        for (int m = 0; m < C; m++) {
          long v = st[base + m];
          if (v != 0) {
            st[base + m] = bits(value(v) * Math.exp(-rate[m] * dt));
          }
        }
        st[base + j] = bits(value(st[base + j]) + c);
        st[base + REF] = t;
      }
    }
    if (topK > 0 && c != 0) {
      remember(i, signal.id().value(), signal.type(), t, j, c);
    }
    long meta = st[base + META];
    if ((meta & DIRTY) == 0) {
      st[base + META] = meta | DIRTY;
      markPending(i);
    }
    return APPLIED;
  }

  /** Queues a customer, just marked dirty, for the next tick. */
  private void markPending(int i) {
    if (dirtyCount == dirtyList.length) {
      dirtyList = Arrays.copyOf(dirtyList, dirtyCount * 2);
    }
    dirtyList[dirtyCount++] = i;
  }

  /** The bits a sum is stored as; 0 only for +0.0, which is how "no evidence" reads. */
  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  private static double value(long bits) {
    return Double.longBitsToDouble(bits);
  }

  private long ref(int i) {
    return index.state()[B + i * S + REF];
  }

  private double sum(int i, int m) {
    return value(index.state()[B + i * S + m]);
  }

  private int tierOrdinal(int i) {
    return (int) (index.state()[B + i * S + META] & TIER);
  }

  private void setTier(int i, int ordinal) {
    long[] st = index.state();
    st[B + i * S + META] = st[B + i * S + META] & ~TIER | ordinal;
  }

  private void clearDirty(int i) {
    index.state()[B + i * S + META] &= ~DIRTY;
  }

  /**
   * A customer's score as of an instant.
   *
   * @param customer the customer
   * @param asOf the instant
   * @return the score, 0–100 (0 for a customer without signals)
   */
  public synchronized double scoreOf(CustomerId customer, Instant asOf) {
    int i = index.find(customer.value());
    return i < 0 ? 0 : score(i, Math.max(millis(asOf), ref(i)));
  }

  /**
   * A customer's tier as of an instant.
   *
   * @param customer the customer
   * @param asOf the instant
   * @return the tier from the model's thresholds
   */
  public AdvocateTier tierOf(CustomerId customer, Instant asOf) {
    return model.tiers().tierOf(scoreOf(customer, asOf));
  }

  /**
   * Explains a customer's score with the configured number of top signals.
   *
   * @param customer the customer
   * @param asOf the instant
   * @return the explanation
   */
  public ScoreExplanation explain(CustomerId customer, Instant asOf) {
    return explain(customer, asOf, topK);
  }

  /**
   * Explains a customer's score.
   *
   * @param customer the customer
   * @param asOf the instant
   * @param k how many top signals, at most the configured number
   * @return the explanation
   */
  public synchronized ScoreExplanation explain(CustomerId customer, Instant asOf, int k) {
    if (k < 0 || k > topK) {
      throw new IllegalArgumentException("k " + k + " is not in 0.." + topK);
    }
    int i = index.find(customer.value());
    long t = i < 0 ? millis(asOf) : Math.max(millis(asOf), ref(i));
    double[] s = i < 0 ? new double[C] : decayed(i, t);
    List<ComponentScore> parts = new ArrayList<>();
    for (Component c : Component.values()) {
      double sum = s[c.ordinal()];
      parts.add(new ComponentScore(c, sum, model.components().get(c).transform(sum),
          model.points(c, sum)));
    }
    List<ContributingSignal> signals = new ArrayList<>();
    Contribution[] kept = i >= 0 ? keptOf(i) : null;
    if (kept != null) {
      for (Contribution x : kept) {
        if (x != null) {
          double points = pointsPerUnit[x.component] * x.value
              * Math.exp(-rate[x.component] * (t - x.at));
          signals.add(new ContributingSignal(SignalId.of(x.id), x.type, Instant.ofEpochMilli(x.at),
              Component.values()[x.component], x.value, points));
        }
      }
    }
    signals.sort(Comparator.comparingDouble((ContributingSignal x) -> -Math.abs(x.points()))
        .thenComparing(x -> x.id().value()));
    double score = model.score(s);
    return new ScoreExplanation(customer, Instant.ofEpochMilli(t), score,
        model.tiers().tierOf(score), parts, signals.subList(0, Math.min(k, signals.size())),
        model.id(), model.version());
  }

  /**
   * Finds tier changes caused by decay alone up to an instant, looking only at customers whose
   * earliest possible crossing is due; reports each to the listener too.
   *
   * @param now the instant
   * @return the changes, in the order found
   */
  public synchronized List<TierChange> tick(Instant now) {
    long n = millis(now);
    List<TierChange> changes = new ArrayList<>();
    for (int d = 0; d < dirtyCount; d++) {
      int i = dirtyList[d];
      clearDirty(i);
      recomputed++;
      AdvocateTier was = AdvocateTier.values()[tierOrdinal(i)];
      long r = ref(i);
      AdvocateTier is = model.tiers().tierOf(score(i, r));
      if (is != was) {
        changes.add(new TierChange(CustomerId.of(index.id(i)), was, is,
            Instant.ofEpochMilli(r), false));
        setTier(i, is.ordinal());
      }
      decayUntil(i, r, n, changes);
    }
    dirtyCount = 0;
    while (due.hasDue(n)) {
      int i = due.peek();
      long from = due.dueOf(i) - 1000; // no crossing can come earlier than the due time
      due.pop();
      recomputed++;
      decayUntil(i, Math.max(ref(i), from), n, changes);
    }
    changes.forEach(listener);
    return List.copyOf(changes);
  }

  /** Reports the crossings decay alone causes in (lo, now], then reschedules the customer. */
  private void decayUntil(int i, long lo, long now, List<TierChange> changes) {
    AdvocateTier was = AdvocateTier.values()[tierOrdinal(i)];
    long evaluate = Math.max(now, ref(i));
    // Decay can carry a score across several thresholds before now: report each crossing.
    for (int step = 0; step < 4 && model.tiers().tierOf(score(i, evaluate)) != was; step++) {
      long at = crossing(i, lo, evaluate, was);
      AdvocateTier is = model.tiers().tierOf(score(i, at));
      changes.add(new TierChange(CustomerId.of(index.id(i)), was, is, Instant.ofEpochMilli(at),
          true));
      was = is;
      lo = at;
    }
    setTier(i, was.ordinal());
    schedule(i, evaluate);
  }

  /**
   * How many customers {@link #tick} has re-evaluated since the scorer was made: a measure that
   * ticks look only at due customers.
   *
   * @return the count
   */
  public synchronized long recomputed() {
    return recomputed;
  }

  /**
   * How many customers have a score.
   *
   * @return the count
   */
  public synchronized int customers() {
    return index.size();
  }

  /**
   * When a customer is next looked at by {@link #tick}.
   *
   * @param customer the customer
   * @return the instant, or empty when decay can no longer change their tier
   */
  public synchronized java.util.Optional<Instant> nextCheck(CustomerId customer) {
    int i = index.find(customer.value());
    long d = i < 0 ? Long.MAX_VALUE : due.dueOf(i);
    return d == Long.MAX_VALUE ? java.util.Optional.empty()
        : java.util.Optional.of(Instant.ofEpochMilli(d));
  }

  /**
   * A snapshot of the whole state, for the host to persist.
   *
   * @return the snapshot
   */
  public synchronized ScorerSnapshot snapshot() {
    int n = index.size();
    String[] ids = new String[n];
    List<List<ScorerSnapshot.Kept>> kept = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids[i] = index.id(i);
      List<ScorerSnapshot.Kept> k = new ArrayList<>();
      Contribution[] held = keptOf(i);
      if (held != null) {
        for (Contribution x : held) {
          if (x != null) {
            k.add(new ScorerSnapshot.Kept(x.id, x.type.name(), x.at, x.component, x.value));
          }
        }
      }
      kept.add(k);
    }
    double[] sums = new double[n * C];
    long[] refs = new long[n];
    byte[] tiers = new byte[n];
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < C; m++) {
        sums[i * C + m] = sum(i, m);
      }
      refs[i] = ref(i);
      // Tier ordinals, with PENDING set for customers not yet ticked.
      long meta = index.state()[B + i * S + META];
      tiers[i] = (byte) ((meta & TIER) | ((meta & DIRTY) != 0 ? ScorerSnapshot.PENDING : 0));
    }
    return new ScorerSnapshot(model.id(), model.version(), List.of(ids), sums, refs, tiers,
        seen.state(), kept);
  }

  /**
   * A scorer holding a snapshot's state.
   *
   * @param builder the builder with the model and settings (the model must be the snapshot's)
   * @param snapshot the snapshot
   * @return the scorer
   * @throws IllegalArgumentException if the snapshot was taken with another model or version
   */
  public static AdvocateScorer restore(Builder builder, ScorerSnapshot snapshot) {
    AdvocateScorer s = builder.build();
    if (!snapshot.modelId().equals(s.model.id()) || snapshot.modelVersion() != s.model.version()) {
      throw new IllegalArgumentException("snapshot of model " + snapshot.modelId() + " v"
          + snapshot.modelVersion() + " does not fit model " + s.model.id() + " v"
          + s.model.version());
    }
    synchronized (s) {
      List<String> ids = snapshot.ids();
      for (int i = 0; i < ids.size(); i++) {
        int at = s.index.findOrAdd(ids.get(i));
        long[] st = s.index.state();
        for (int m = 0; m < C; m++) {
          st[B + at * S + m] = bits(snapshot.sums()[i * C + m]);
        }
        st[B + at * S + REF] = snapshot.refs()[i];
        byte tier = snapshot.tiers()[i];
        s.setTier(at, tier & ~ScorerSnapshot.PENDING);
        for (ScorerSnapshot.Kept k : snapshot.kept().get(i)) {
          if (s.topK > 0) {
            s.remember(at, k.id(), SignalType.of(k.type()), k.at(), k.component(), k.value());
          }
        }
        if ((tier & ScorerSnapshot.PENDING) != 0) {
          st[B + at * S + META] |= DIRTY;
          s.markPending(at); // the next tick reports its signal-caused change and schedules it
        } else {
          s.schedule(at, st[B + at * S + REF]);
        }
      }
      s.seen.restore(snapshot.seen());
    }
    return s;
  }

  private double[] decayed(int i, long t) {
    double[] s = new double[C];
    long dt = t - ref(i);
    for (int m = 0; m < C; m++) {
      double v = sum(i, m);
      s[m] = v == 0 || dt == 0 ? v : v * Math.exp(-rate[m] * dt);
    }
    return s;
  }

  private double score(int i, long t) {
    long dt = t - ref(i);
    double total = 0;
    for (int m = 0; m < C; m++) {
      double v = sum(i, m);
      if (v != 0) {
        if (dt != 0) {
          v *= Math.exp(-rate[m] * dt);
        }
        total += share[m] * cap[m] * Math.tanh(v * inverseScale[m]);
      }
    }
    return Math.max(0, Math.min(100, total));
  }

  /** The first instant (to the second) in (lo, hi] at which the tier is no longer {@code was}. */
  private long crossing(int i, long lo, long hi, AdvocateTier was) {
    while (hi - lo > 1000) {
      long mid = lo + (hi - lo) / 2;
      if (model.tiers().tierOf(score(i, mid)) != was) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** Queues the customer at the earliest instant decay could move them across a threshold. */
  private void schedule(int i, long t0) {
    double[] s = decayed(i, t0);
    double score = score(i, t0);
    AdvocateTier tier = model.tiers().tierOf(score);
    double down = tier == AdvocateTier.NONE ? Double.POSITIVE_INFINITY
        : score - model.tiers().thresholdOf(tier);
    double up = tier == AdvocateTier.CHAMPION ? Double.POSITIVE_INFINITY
        : model.tiers().thresholdOf(AdvocateTier.values()[tier.ordinal() + 1]) - score;
    long wait = Math.min(timeToMove(s, down, -1), timeToMove(s, up, +1));
    if (wait == Long.MAX_VALUE) {
      due.cancel(i);
    } else {
      due.schedule(i, t0 + Math.max(1000, wait));
    }
  }

  /**
   * The least time in ms within which the components moving in one direction ({@code sign} −1:
   * falling, +1: rising) could together move the score by {@code margin}. Each component decays
   * monotonically towards 0, so its change over a time is exact; components moving the other
   * way are left out, which makes the bound safe.
   */
  private long timeToMove(double[] sums, double margin, int sign) {
    if (move(sums, Double.POSITIVE_INFINITY, sign) <= margin) {
      return Long.MAX_VALUE;
    }
    double lo = 0;
    double hi = 1000;
    while (move(sums, hi, sign) < margin) {
      hi *= 2;
    }
    for (int it = 0; it < 64 && hi - lo > 1; it++) {
      double mid = (lo + hi) / 2;
      if (move(sums, mid, sign) < margin) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (long) lo;
  }

  /** How far the components moving in direction {@code sign} move the score within dt ms. */
  private double move(double[] sums, double dt, int sign) {
    double total = 0;
    for (Component c : COMPONENTS) {
      double sum = sums[c.ordinal()];
      if (sum == 0) {
        continue;
      }
      int m = c.ordinal();
      double later = dt == Double.POSITIVE_INFINITY ? 0 : sum * Math.exp(-rate[m] * dt);
      double change = share[m] * cap[m]
          * (Math.tanh(later * inverseScale[m]) - Math.tanh(sum * inverseScale[m]));
      if (change * sign > 0) {
        total += Math.abs(change);
      }
    }
    return total;
  }

  /**
   * Keeps a contribution if it is among its component's {@code topK} largest (by {@code log|c| +
   * rate · at}, ties to the smaller id). A customer's kept contributions lie in one array of
   * {@code C · topK} slots, component by component, so that a signal looks at its own
   * component's {@code topK} slots only; nothing is allocated for a contribution not kept.
   */
  private void remember(int i, String id, SignalType type, long at, int j, double c) {
    double rank = Math.log(Math.abs(c)) + rate[j] * at;
    Contribution[][] all = top;
    if (all == null || i >= all.length) {
      all = all == null ? new Contribution[Math.max(16, index.size())][]
          : Arrays.copyOf(all, Math.max(all.length * 2, i + 1));
      top = all;
    }
    Contribution[] slots = all[i];
    if (slots == null) {
      slots = new Contribution[C * topK];
      all[i] = slots;
    }
    int from = j * topK;
    int worst = -1;
    for (int s = from; s < from + topK; s++) {
      Contribution x = slots[s];
      if (x == null) {
        slots[s] = new Contribution(id, type, at, j, c, rank);
        return;
      }
      if (worst < 0 || x.rank < slots[worst].rank
          || (x.rank == slots[worst].rank && x.id.compareTo(slots[worst].id) > 0)) {
        worst = s;
      }
    }
    if (rank > slots[worst].rank
        || (rank == slots[worst].rank && id.compareTo(slots[worst].id) < 0)) {
      slots[worst] = new Contribution(id, type, at, j, c, rank);
    }
  }

  private Contribution @Nullable [] keptOf(int i) {
    Contribution[][] all = top;
    return all == null || i >= all.length ? null : all[i];
  }

  /** One kept contribution for explanations. */
  private record Contribution(
      String id, SignalType type, long at, int component, double value, double rank) {}

  /** Builds an {@link AdvocateScorer}. Not thread-safe. */
  public static final class Builder {
    private final ScoringModel model;
    private int topK = 3;
    private Duration horizon = Duration.ofDays(30);
    private Consumer<TierChange> listener = change -> { };
    private int expectedCustomers = 16;

    private Builder(ScoringModel model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * How many top signals explanations keep; 0 keeps none and saves their memory.
     *
     * @param k 0 to 20
     * @return this builder
     */
    public Builder explanations(int k) {
      if (k < 0 || k > 20) {
        throw new IllegalArgumentException("explanations k " + k + " is not in 0..20");
      }
      this.topK = k;
      return this;
    }

    /**
     * The de-duplication horizon.
     *
     * @param horizon a positive duration
     * @return this builder
     */
    public Builder deduplicationHorizon(Duration horizon) {
      Objects.requireNonNull(horizon, "horizon");
      if (horizon.isNegative() || horizon.isZero()) {
        throw new IllegalArgumentException("horizon " + horizon + " is not positive");
      }
      this.horizon = horizon;
      return this;
    }

    /**
     * Receives every tier change, from signals and from ticks.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder tierListener(Consumer<TierChange> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sizes the state for a number of customers up front, to avoid growing it while signals
     * arrive: the customer records and id table, and the de-duplication memory for as many
     * signal ids per horizon.
     *
     * @param customers the expected number, at least 1
     * @return this builder
     */
    public Builder expectedCustomers(int customers) {
      if (customers < 1) {
        throw new IllegalArgumentException("expected customers " + customers + " is below 1");
      }
      this.expectedCustomers = customers;
      return this;
    }

    /**
     * Builds an empty scorer.
     *
     * @return the scorer
     */
    public AdvocateScorer build() {
      return new AdvocateScorer(this);
    }
  }

  /** Epoch milliseconds of an instant, clamped to the scored range so that no arithmetic overflows. */
  private static long millis(Instant instant) {
    Instant clamped = instant.isBefore(EARLIEST) ? EARLIEST
        : instant.isAfter(LATEST) ? LATEST : instant;
    return clamped.toEpochMilli();
  }
}
