package io.advocacy.core.capture;

import java.util.Objects;

/**
 * How a story template asks one question.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param question the question
 * @param prompt the prompt shown to the customer
 * @param required whether an answer is required
 * @param minLength the shortest answer
 * @param maxLength the longest answer
 */
public record QuestionRule(
    StoryQuestion question, String prompt, boolean required, int minLength, int maxLength) {
  /**
   * Validates the rule.
   *
   * @param question the question
   * @param prompt the prompt
   * @param required whether required
   * @param minLength the shortest answer, not negative
   * @param maxLength the longest answer, at least {@code minLength} and 1
   * @throws IllegalArgumentException if the lengths are inconsistent
   */
  public QuestionRule {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(prompt, "prompt");
    if (minLength < 0 || maxLength < Math.max(1, minLength)) {
      throw new IllegalArgumentException(
          "question " + question.key() + " lengths " + minLength + ".." + maxLength);
    }
  }
}
