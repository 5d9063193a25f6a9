package io.advocacy.scoring.attribution;

import java.util.Objects;

/**
 * One rejected row of an aggregated-path export.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param row the 1-based line number in the text (the header is line 1)
 * @param field the column, e.g. {@code "total_conversions"}
 * @param message what is wrong, naming the value
 */
public record RowProblem(int row, String field, String message) {
  /**
   * Validates the problem.
   *
   * @param row the line number
   * @param field the column
   * @param message what is wrong
   */
  public RowProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
