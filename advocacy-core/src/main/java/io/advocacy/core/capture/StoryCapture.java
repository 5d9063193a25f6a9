package io.advocacy.core.capture;

import io.advocacy.core.CustomerId;
import io.advocacy.core.capture.FieldProblem.Code;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Validates a story questionnaire against a {@link StoryTemplate} into a {@link StoryDraft}, or
 * says, question by question, why not. Answers are trimmed; a measured result must contain at
 * least one digit ("cut onboarding from 6 weeks to 2"); permission to publish is {@code true} or
 * {@code false} in any case. Never throws for the answers.
 *
 * <p>Stateless; thread-safe.
 */
public final class StoryCapture {
  private StoryCapture() {}

  /**
   * Validates answers.
   *
   * @param template the questionnaire
   * @param answers the answers by question key
   * @param id the host's id of the submission
   * @param customer the customer
   * @param at when submitted
   * @return the draft or the problems
   */
  public static StoryResult validate(StoryTemplate template, Map<String, @Nullable String> answers,
      String id, CustomerId customer, Instant at) {
    Objects.requireNonNull(template, "template");
    List<FieldProblem> problems = new ArrayList<>();
    List<FieldProblem> ignored = new ArrayList<>();
    Map<StoryQuestion, String> kept = new EnumMap<>(StoryQuestion.class);
    Map<String, @Nullable String> sorted = new TreeMap<>();
    answers.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    for (Map.Entry<String, @Nullable String> e : sorted.entrySet()) {
      String key = e.getKey();
      Optional<StoryQuestion> q = StoryQuestion.ofKey(key);
      QuestionRule rule = q.map(template.questions()::get).orElse(null);
      if (rule == null) {
        ignored.add(new FieldProblem(key, q.isEmpty() ? Code.UNKNOWN_FIELD : Code.NOT_ASKED,
            "'" + key + "' is not a question of this questionnaire"));
        continue;
      }
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (value.isEmpty()) {
        if (!rule.required()) {
          ignored.add(new FieldProblem(key, Code.BLANK, "'" + key + "' was left blank"));
        }
        continue;
      }
      FieldProblem p = check(rule, key, value);
      if (p != null) {
        problems.add(p);
      } else {
        kept.put(rule.question(), rule.question() == StoryQuestion.PERMISSION_TO_PUBLISH
            ? value.toLowerCase(Locale.ROOT) : value);
      }
    }
    for (QuestionRule r : template.questions().values()) {
      String key = r.question().key();
      if (r.required() && !kept.containsKey(r.question())
          && problems.stream().noneMatch(p -> p.field().equals(key))) {
        problems.add(new FieldProblem(key, Code.MISSING, "'" + key + "' needs an answer"));
      }
    }
    if (!problems.isEmpty()) {
      return new StoryResult(null, problems, ignored);
    }
    boolean publishable = "true".equals(kept.get(StoryQuestion.PERMISSION_TO_PUBLISH));
    return new StoryResult(
        new StoryDraft(id, customer, template.motion(), kept, publishable, at), List.of(), ignored);
  }

  private static @Nullable FieldProblem check(QuestionRule rule, String key, String value) {
    if (rule.question() == StoryQuestion.PERMISSION_TO_PUBLISH) {
      String v = value.toLowerCase(Locale.ROOT);
      return v.equals("true") || v.equals("false") ? null
          : new FieldProblem(key, Code.INVALID_VALUE, "'" + key + "' must be true or false");
    }
    if (value.length() > rule.maxLength()) {
      return new FieldProblem(key, Code.TOO_LONG,
          "'" + key + "' has " + value.length() + " characters; at most " + rule.maxLength());
    }
    if (value.length() < rule.minLength()) {
      return new FieldProblem(key, Code.TOO_SHORT,
          "'" + key + "' has " + value.length() + " characters; at least " + rule.minLength());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        return new FieldProblem(key, Code.INVALID_VALUE,
            "'" + key + "' contains a control character at " + i);
      }
    }
    if (rule.question() == StoryQuestion.MEASURABLE_RESULT
        && value.chars().noneMatch(Character::isDigit)) {
      return new FieldProblem(key, Code.NOT_MEASURABLE,
          "'" + key + "' needs a number, e.g. 'from 6 weeks to 2'");
    }
    return null;
  }
}
