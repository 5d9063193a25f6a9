package io.advocacy.core.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating a story questionnaire.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param draft the draft, or null when an answer was rejected
 * @param problems the rejected answers (and required questions not answered)
 * @param ignored answers not kept: blank optional ones, unknown questions
 */
public record StoryResult(
    @Nullable StoryDraft draft, List<FieldProblem> problems, List<FieldProblem> ignored) {
  /**
   * Validates the result.
   *
   * @param draft the draft, or null
   * @param problems the rejections
   * @param ignored the ignored answers
   * @throws IllegalArgumentException if a draft comes with problems, or neither
   */
  public StoryResult {
    problems = List.copyOf(problems);
    ignored = List.copyOf(ignored);
    if ((draft == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("story draft " + draft + " with problems " + problems);
    }
  }
}
