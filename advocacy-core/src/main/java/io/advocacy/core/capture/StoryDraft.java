package io.advocacy.core.capture;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated story: the customer's answers, and whether it may be published. A story without
 * permission is still a draft — for internal use, not for publishing.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the host's id of the submission
 * @param customer the customer telling the story
 * @param motion case study or testimonial
 * @param answers the answers, trimmed (permission as {@code true} or {@code false})
 * @param publishable whether permission to publish was given
 * @param submittedAt when the questionnaire was submitted
 */
public record StoryDraft(
    String id, CustomerId customer, Motion motion, Map<StoryQuestion, String> answers,
    boolean publishable, Instant submittedAt) {
  /**
   * Validates and copies the draft.
   *
   * @param id the submission id
   * @param customer the customer
   * @param motion the motion
   * @param answers the answers
   * @param publishable whether it may be published
   * @param submittedAt when submitted
   */
  public StoryDraft {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(submittedAt, "submittedAt");
    EnumMap<StoryQuestion, String> copy = new EnumMap<>(StoryQuestion.class);
    copy.putAll(answers);
    answers = Collections.unmodifiableMap(copy);
  }

  /**
   * One answer.
   *
   * @param question the question
   * @return the answer, or empty
   */
  public Optional<String> answer(StoryQuestion question) {
    return Optional.ofNullable(answers.get(question));
  }

  /**
   * The "story completed" signal: {@link SignalType#STORY_COMPLETED} for the customer, value 1
   * when publishable and 0 otherwise, attributes {@code motion} and {@code publishable}.
   *
   * @param signalId the signal's id
   * @return the signal
   */
  public Signal completedSignal(SignalId signalId) {
    return Signal.builder(signalId, customer, SignalType.STORY_COMPLETED, submittedAt)
        .value(publishable ? 1 : 0)
        .attribute("motion", motion.name().toLowerCase(Locale.ROOT))
        .attribute("publishable", Boolean.toString(publishable))
        .source("advocacy-capture")
        .build();
  }
}
