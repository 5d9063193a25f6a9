package io.advocacy.core.capture;

import java.util.Locale;
import java.util.Optional;

/**
 * A question of the guided story questionnaire.
 *
 * <p>Immutable; thread-safe.
 */
public enum StoryQuestion {
  /** What was hard before. */
  CHALLENGE,
  /** What they did with the product. */
  SOLUTION,
  /** What changed, in numbers. */
  MEASURABLE_RESULT,
  /** A sentence that can be quoted. */
  QUOTE,
  /** Whether the story may be published: {@code true} or {@code false}. */
  PERMISSION_TO_PUBLISH;

  /**
   * The question's key in a submission, e.g. {@code "measurable_result"}.
   *
   * @return the lower-case key
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The question with a key.
   *
   * @param key a submission key
   * @return the question, or empty
   */
  public static Optional<StoryQuestion> ofKey(String key) {
    for (StoryQuestion q : values()) {
      if (q.key().equals(key)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }
}
