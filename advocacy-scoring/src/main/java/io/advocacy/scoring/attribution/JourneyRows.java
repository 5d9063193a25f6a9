package io.advocacy.scoring.attribution;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.StageMarker;
import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads touch-level journeys from text: a header line {@code
 * path_id,at,channel,stage,advocate,journey,converted,value}, then one line per touch; the
 * touches of one {@code path_id} form one journey, ordered by {@code at} (ISO-8601). {@code
 * stage} is empty or one of {@code lead_created}, {@code opportunity_created}, {@code
 * closed_won}; {@code advocate} and {@code journey} may be empty; {@code converted} is {@code
 * true} or {@code false} and {@code value} a number, and every touch of a path must agree on
 * both. Every line is accounted for: a touch of a journey, or a {@link RowProblem} with the
 * line, column and reason (an unknown stage marker, a bad instant, a path longer than the
 * limit — reported on the line that exceeds it, and the whole path is rejected —, paths whose
 * lines disagree). Never throws for the text.
 *
 * <p>Stateless; thread-safe.
 */
public final class JourneyRows {
  private static final String HEADER = "path_id,at,channel,stage,advocate,journey,converted,value";

  private JourneyRows() {}

  /**
   * The journeys and problems of a text.
   *
   * @param journeys the journeys read, in order of first appearance
   * @param problems the lines rejected
   */
  public record Read(List<ConversionPath> journeys, List<RowProblem> problems) {
    /**
     * Copies the lists.
     *
     * @param journeys the journeys
     * @param problems the problems
     */
    public Read {
      journeys = List.copyOf(journeys);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads a text.
   *
   * @param text the text
   * @param maxPathLength the most touches per journey, at least 1
   * @return the journeys and problems
   */
  public static Read read(String text, int maxPathLength) {
    if (maxPathLength < 1) {
      throw new IllegalArgumentException("maxPathLength " + maxPathLength + " is below 1");
    }
    List<RowProblem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    if (!lines[0].strip().equals(HEADER)) {
      problems.add(new RowProblem(1, "header", "expected '" + HEADER + "'"));
      return new Read(List.of(), problems);
    }
    Map<String, Path> paths = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int n = i + 1;
      String[] c = lines[i].split(",", -1);
      if (c.length != 8) {
        problems.add(new RowProblem(n, "line", "has " + c.length + " columns; expected 8"));
        continue;
      }
      String id = c[0].strip();
      if (id.isEmpty()) {
        problems.add(new RowProblem(n, "path_id", "is empty"));
        continue;
      }
      Instant at;
      try {
        at = Instant.parse(c[1].strip());
      } catch (DateTimeParseException e) {
        problems.add(new RowProblem(n, "at", "'" + c[1] + "' is not an ISO-8601 instant"));
        continue;
      }
      String channel = c[2].strip();
      if (!channel.matches("[a-z][a-z0-9_.-]{0,63}")) {
        problems.add(new RowProblem(n, "channel", "'" + c[2] + "' is not a channel name"));
        continue;
      }
      StageMarker stage = null;
      if (!c[3].isBlank()) {
        try {
          stage = StageMarker.valueOf(c[3].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.add(new RowProblem(n, "stage", "unknown stage marker '" + c[3]
              + "'; known: lead_created, opportunity_created, closed_won"));
          continue;
        }
      }
      String converted = c[6].strip().toLowerCase(Locale.ROOT);
      if (!converted.equals("true") && !converted.equals("false")) {
        problems.add(new RowProblem(n, "converted", "'" + c[6] + "' must be true or false"));
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(c[7].strip());
      } catch (NumberFormatException e) {
        problems.add(new RowProblem(n, "value", "'" + c[7] + "' is not a number"));
        continue;
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        problems.add(new RowProblem(n, "value", value + " is not finite and >= 0"));
        continue;
      }
      Path p = paths.computeIfAbsent(id, k -> new Path(converted.equals("true"), value));
      if (p.rejected) {
        problems.add(new RowProblem(n, "path_id", "path " + id + " was rejected on an earlier line"));
        continue;
      }
      if (p.converted != converted.equals("true") || p.value != value) {
        problems.add(new RowProblem(n, "converted", "path " + id + " disagrees with its earlier"
            + " lines on converted or value"));
        continue;
      }
      if (p.touches.size() == maxPathLength) {
        problems.add(new RowProblem(n, "path_id", "path " + id + " has more than "
            + maxPathLength + " touches; the whole path is rejected"));
        p.rejected = true;
        continue;
      }
      try {
        Touchpoint.Builder t = Touchpoint.builder(AnonymousId.of("path-" + id),
            Channel.of(channel), at).stage(stage);
        if (!c[4].isBlank()) {
          t.advocate(CustomerId.of(c[4].strip()));
        }
        if (!c[5].isBlank()) {
          t.journey(JourneyId.of(c[5].strip()));
        }
        p.touches.add(t.build());
      } catch (IllegalArgumentException e) {
        // an id with control characters, say: the message names the value
        problems.add(new RowProblem(n, "line", e.getMessage()));
      }
    }
    List<ConversionPath> journeys = new ArrayList<>();
    for (Path p : paths.values()) {
      if (!p.rejected && !p.touches.isEmpty()) {
        journeys.add(new ConversionPath(p.touches, p.converted, p.converted ? p.value : 0, null));
      }
    }
    return new Read(journeys, problems);
  }

  private static final class Path {
    final boolean converted;
    final double value;
    final List<Touchpoint> touches = new ArrayList<>();
    boolean rejected;

    Path(boolean converted, double value) {
      this.converted = converted;
      this.value = value;
    }
  }
}
