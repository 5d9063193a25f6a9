package io.advocacy.scoring.score;

import java.util.Objects;

/**
 * One problem in a scoring-model document.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param path the JSON pointer of the offending value, e.g. {@code /components/social/halfLifeDays}
 * @param message what is wrong, naming the value
 */
public record ModelProblem(String path, String message) {
  /**
   * Validates the problem.
   *
   * @param path the JSON pointer
   * @param message what is wrong
   */
  public ModelProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
