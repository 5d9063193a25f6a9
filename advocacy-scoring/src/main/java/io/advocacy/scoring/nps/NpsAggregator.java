package io.advocacy.scoring.nps;

import io.advocacy.scoring.TimeWindow;

import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Counts NPS answers from signals ({@link SignalType#NPS_ANSWERED}, value 0–10) into an {@link
 * NpsReport}: within an optional time window (by event time), per segment, and either every
 * answer or only each subject's latest answer in the window. Duplicate signal ids count once;
 * every signal is accounted for by a {@link Disposition}. The report does not depend on the
 * order the signals arrive in.
 *
 * <p>Not thread-safe: one aggregator per thread, or merge summaries with {@link
 * NpsSummary#plus(NpsSummary)}.
 */
public final class NpsAggregator {
  /** Which answers count. */
  public enum Counting {
    /** Every answer counts (the usual survey NPS). */
    EVERY_ANSWER,
    /**
     * Only each subject's latest answer in the window counts (ties by signal id), so frequent
     * responders do not weigh more.
     */
    LATEST_PER_SUBJECT
  }

  private static final Comparator<Answer> LATEST =
      Comparator.comparing((Answer a) -> a.signal.occurredAt())
          .thenComparing(a -> a.signal.id().value());

  private final @Nullable TimeWindow window;
  private final @Nullable Function<Signal, String> segmenter;
  private final Counting counting;
  private final Set<SignalId> seen = new HashSet<>();
  private final EnumMap<Disposition, Long> dispositions = new EnumMap<>(Disposition.class);
  private final SortedMap<String, NpsSummary> segments = new TreeMap<>();
  private final Map<SubjectId, Answer> latest = new HashMap<>();
  private NpsSummary overall = NpsSummary.EMPTY;

  private NpsAggregator(Builder b) {
    this.window = b.window;
    this.segmenter = b.segmenter;
    this.counting = b.counting;
  }

  /**
   * A builder: no window, no segments, every answer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The report of every answer in some signals, with the defaults.
   *
   * @param signals the signals
   * @return the report
   */
  public static NpsReport summarise(Iterable<Signal> signals) {
    return builder().build().acceptAll(signals).report();
  }

  /**
   * One report per window, over the same signals.
   *
   * @param signals the signals
   * @param windows the windows
   * @param counting which answers count
   * @return the overall summary per window, in window order
   */
  public static SortedMap<TimeWindow, NpsSummary> byWindow(
      Iterable<Signal> signals, List<TimeWindow> windows, Counting counting) {
    SortedMap<TimeWindow, NpsSummary> result = new TreeMap<>();
    for (TimeWindow w : windows) {
      result.put(w, builder().window(w).counting(counting).build().acceptAll(signals).report()
          .overall());
    }
    return result;
  }

  /**
   * Accepts every signal.
   *
   * @param signals the signals
   * @return this aggregator
   */
  public NpsAggregator acceptAll(Iterable<Signal> signals) {
    for (Signal s : signals) {
      accept(s);
    }
    return this;
  }

  /**
   * Accounts for one signal.
   *
   * @param signal the signal
   * @return what was done with it
   */
  public Disposition accept(Signal signal) {
    Disposition d = classify(signal);
    dispositions.merge(d, 1L, Long::sum);
    return d;
  }

  private Disposition classify(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (!signal.type().equals(SignalType.NPS_ANSWERED)) {
      return Disposition.IGNORED_OTHER_TYPE;
    }
    if (window != null && !window.contains(signal.occurredAt())) {
      return Disposition.IGNORED_OUTSIDE_WINDOW;
    }
    double v = signal.value();
    if (!(v >= 0 && v <= 10 && v == Math.rint(v))) {
      return Disposition.REJECTED_VALUE;
    }
    if (!seen.add(signal.id())) {
      return Disposition.DUPLICATE;
    }
    Answer answer = new Answer(signal, segmenter == null ? null : segmenter.apply(signal));
    if (counting == Counting.EVERY_ANSWER) {
      count(answer);
    } else {
      latest.merge(signal.subject(), answer, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
    }
    return Disposition.ACCEPTED;
  }

  private void count(Answer a) {
    overall = add(overall, segments, a);
  }

  private static NpsSummary add(NpsSummary total, SortedMap<String, NpsSummary> bySegment, Answer a) {
    int score = (int) a.signal.value();
    if (a.segment != null) {
      bySegment.merge(a.segment, NpsSummary.EMPTY.plus(score), NpsSummary::plus);
    }
    return total.plus(score);
  }

  /**
   * The report of everything accepted so far.
   *
   * @return the report
   */
  public NpsReport report() {
    if (counting == Counting.EVERY_ANSWER) {
      return new NpsReport(overall, segments, dispositions, 0);
    }
    NpsSummary total = NpsSummary.EMPTY;
    SortedMap<String, NpsSummary> bySegment = new TreeMap<>();
    for (Answer a : latest.values()) {
      total = add(total, bySegment, a);
    }
    return new NpsReport(total, bySegment, dispositions,
        dispositions.getOrDefault(Disposition.ACCEPTED, 0L) - latest.size());
  }

  private record Answer(Signal signal, @Nullable String segment) {}

  /** Builds an {@link NpsAggregator}. Not thread-safe. */
  public static final class Builder {
    private @Nullable TimeWindow window;
    private @Nullable Function<Signal, String> segmenter;
    private Counting counting = Counting.EVERY_ANSWER;

    private Builder() {}

    /**
     * Counts only answers whose event time lies in a window.
     *
     * @param window the window
     * @return this builder
     */
    public Builder window(TimeWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * Also summarises per segment; see {@link Segmenters}.
     *
     * @param segmenter the answer's segment name; must not return null
     * @return this builder
     */
    public Builder segmentBy(Function<Signal, String> segmenter) {
      this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
      return this;
    }

    /**
     * Which answers count.
     *
     * @param counting every answer (default) or each subject's latest
     * @return this builder
     */
    public Builder counting(Counting counting) {
      this.counting = Objects.requireNonNull(counting, "counting");
      return this;
    }

    /**
     * Builds the aggregator.
     *
     * @return a new, empty aggregator
     */
    public NpsAggregator build() {
      return new NpsAggregator(this);
    }
  }
}
