package io.advocacy.scoring.nps;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of an {@link NpsAggregator}: the overall summary, one per segment, and how every
 * signal was accounted for.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param overall all counted answers
 * @param segments the counted answers per segment, by segment name (empty without a segmenter)
 * @param dispositions how many signals got each disposition; they add up to the signals given
 * @param superseded accepted answers not counted because the same customer answered later in
 *     the window (only when counting each customer's latest answer)
 */
public record NpsReport(
    NpsSummary overall,
    SortedMap<String, NpsSummary> segments,
    Map<Disposition, Long> dispositions,
    long superseded) {
  /**
   * Validates and copies the report.
   *
   * @param overall all counted answers
   * @param segments the answers per segment
   * @param dispositions the signals per disposition
   * @param superseded answers replaced by a later one
   */
  public NpsReport {
    Objects.requireNonNull(overall, "overall");
    segments = Collections.unmodifiableSortedMap(new TreeMap<>(segments));
    EnumMap<Disposition, Long> all = new EnumMap<>(Disposition.class);
    for (Disposition d : Disposition.values()) {
      all.put(d, dispositions.getOrDefault(d, 0L));
    }
    dispositions = Collections.unmodifiableMap(all);
  }

  /**
   * How many signals got a disposition.
   *
   * @param disposition the disposition
   * @return the count
   */
  public long count(Disposition disposition) {
    return dispositions.get(disposition);
  }

  /**
   * How many signals were given.
   *
   * @return the sum over all dispositions
   */
  public long seen() {
    return dispositions.values().stream().mapToLong(Long::longValue).sum();
  }
}
