package io.advocacy.core.capture;

import io.advocacy.core.Motion;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A guided questionnaire for a case study or a testimonial.
 *
 * <table>
 *   <caption>Defaults (characters)</caption>
 *   <tr><th>question</th><th>{@link #caseStudy()}</th><th>{@link #testimonial()}</th></tr>
 *   <tr><td>challenge</td><td>required, 40–2000</td><td>optional, 0–1000</td></tr>
 *   <tr><td>solution</td><td>required, 40–2000</td><td>optional, 0–1000</td></tr>
 *   <tr><td>measurable result</td><td>required, 10–1000, with a number</td>
 *       <td>optional, 0–500, with a number</td></tr>
 *   <tr><td>quote</td><td>required, 20–500</td><td>required, 20–500</td></tr>
 *   <tr><td>permission to publish</td><td>required, true or false</td>
 *       <td>required, true or false</td></tr>
 * </table>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param motion the motion the story serves
 * @param questions the rule of each asked question
 */
public record StoryTemplate(Motion motion, Map<StoryQuestion, QuestionRule> questions) {
  /**
   * Validates and copies the template.
   *
   * @param motion the motion
   * @param questions the questions
   * @throws IllegalArgumentException if permission to publish is not asked as required
   */
  public StoryTemplate {
    Objects.requireNonNull(motion, "motion");
    EnumMap<StoryQuestion, QuestionRule> copy = new EnumMap<>(StoryQuestion.class);
    copy.putAll(questions);
    QuestionRule permission = copy.get(StoryQuestion.PERMISSION_TO_PUBLISH);
    if (permission == null || !permission.required()) {
      throw new IllegalArgumentException("a story template must require permission to publish");
    }
    questions = Collections.unmodifiableMap(copy);
  }

  /**
   * The case-study questionnaire.
   *
   * @return the template
   */
  public static StoryTemplate caseStudy() {
    return of(Motion.CASE_STUDY, List.of(
        new QuestionRule(StoryQuestion.CHALLENGE, "What was hard before?", true, 40, 2000),
        new QuestionRule(StoryQuestion.SOLUTION, "What did you do with us?", true, 40, 2000),
        new QuestionRule(StoryQuestion.MEASURABLE_RESULT, "What changed, in numbers?", true, 10, 1000),
        new QuestionRule(StoryQuestion.QUOTE, "In one or two sentences we may quote:", true, 20, 500),
        permission()));
  }

  /**
   * The testimonial questionnaire.
   *
   * @return the template
   */
  public static StoryTemplate testimonial() {
    return of(Motion.TESTIMONIAL, List.of(
        new QuestionRule(StoryQuestion.CHALLENGE, "What was hard before?", false, 0, 1000),
        new QuestionRule(StoryQuestion.SOLUTION, "What did you do with us?", false, 0, 1000),
        new QuestionRule(StoryQuestion.MEASURABLE_RESULT, "What changed, in numbers?", false, 0, 500),
        new QuestionRule(StoryQuestion.QUOTE, "In one or two sentences we may quote:", true, 20, 500),
        permission()));
  }

  private static QuestionRule permission() {
    return new QuestionRule(StoryQuestion.PERMISSION_TO_PUBLISH,
        "May we publish your story with your name?", true, 4, 5);
  }

  private static StoryTemplate of(Motion motion, List<QuestionRule> rules) {
    Map<StoryQuestion, QuestionRule> m = new EnumMap<>(StoryQuestion.class);
    rules.forEach(r -> m.put(r.question(), r));
    return new StoryTemplate(motion, m);
  }
}
