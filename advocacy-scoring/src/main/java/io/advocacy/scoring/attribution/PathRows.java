package io.advocacy.scoring.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads aggregated channel paths as analytics tools export them: a header line {@code
 * path,total_conversions,total_null,total_conversion_value} (the value column may be left out),
 * then one line per distinct path with channels joined by {@code " > "}. Every line is
 * accounted for: a row, or a {@link RowProblem} naming the line, the column and why (an empty
 * path or channel, a count that is not a whole number or is negative, a value that is not a
 * number, a path longer than the limit, a wrong number of columns). Blank lines are skipped.
 * Never throws for the text.
 *
 * <p>Stateless; thread-safe.
 */
public final class PathRows {
  /** The default longest path, in touches. */
  public static final int DEFAULT_MAX_PATH_LENGTH = 200;

  private PathRows() {}

  /**
   * The rows and problems of a text.
   *
   * @param rows the rows read
   * @param problems the lines rejected
   */
  public record Read(List<PathRow> rows, List<RowProblem> problems) {
    /**
     * Copies the lists.
     *
     * @param rows the rows read
     * @param problems the lines rejected
     */
    public Read {
      rows = List.copyOf(rows);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads a text with the default path-length limit.
   *
   * @param text the export
   * @return the rows and problems
   */
  public static Read read(String text) {
    return read(text, DEFAULT_MAX_PATH_LENGTH);
  }

  /**
   * Reads a text.
   *
   * @param text the export
   * @param maxPathLength the longest path accepted, at least 1
   * @return the rows and problems
   */
  public static Read read(String text, int maxPathLength) {
    if (maxPathLength < 1) {
      throw new IllegalArgumentException("maxPathLength " + maxPathLength + " is below 1");
    }
    List<PathRow> rows = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().startsWith("path,")) {
      problems.add(new RowProblem(1, "header",
          "expected 'path,total_conversions,total_null[,total_conversion_value]'"));
      return new Read(rows, problems);
    }
    boolean hasValue = lines[0].split(",").length >= 4;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int n = i + 1;
      String[] cols = line.split(",", -1);
      int expected = hasValue ? 4 : 3;
      if (cols.length != expected) {
        problems.add(new RowProblem(n, "line", "has " + cols.length + " columns; expected "
            + expected));
        continue;
      }
      String[] channels = cols[0].split(">", -1);
      List<String> path = new ArrayList<>();
      boolean bad = false;
      for (String c : channels) {
        if (c.isBlank()) {
          problems.add(new RowProblem(n, "path", "'" + cols[0] + "' has an empty channel"));
          bad = true;
          break;
        }
        path.add(c.strip());
      }
      if (bad) {
        continue;
      }
      if (path.size() > maxPathLength) {
        problems.add(new RowProblem(n, "path", "has " + path.size() + " touches; at most "
            + maxPathLength));
        continue;
      }
      Long conversions = count(cols[1], n, "total_conversions", problems);
      Long nulls = count(cols[2], n, "total_null", problems);
      Double value = 0.0;
      if (hasValue) {
        try {
          value = Double.parseDouble(cols[3].strip());
          if (!(value >= 0) || value.isInfinite()) {
            problems.add(new RowProblem(n, "total_conversion_value",
                "'" + cols[3] + "' is not a finite value >= 0"));
            value = null;
          }
        } catch (NumberFormatException e) {
          problems.add(new RowProblem(n, "total_conversion_value",
              "'" + cols[3] + "' is not a number"));
          value = null;
        }
      }
      if (conversions != null && nulls != null && value != null) {
        rows.add(new PathRow(path, conversions, nulls, value));
      }
    }
    return new Read(rows, problems);
  }

  private static Long count(String text, int row, String field, List<RowProblem> problems) {
    try {
      long v = Long.parseLong(text.strip());
      if (v < 0) {
        problems.add(new RowProblem(row, field, v + " is negative"));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(new RowProblem(row, field, "'" + text + "' is not a whole number"));
      return null;
    }
  }
}
