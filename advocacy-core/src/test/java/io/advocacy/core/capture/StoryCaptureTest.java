package io.advocacy.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.capture.FieldProblem.Code;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryCaptureTest {
  static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  static Map<String, String> goodCaseStudy(String permission) {
    return Map.of(
        "challenge", "Onboarding new sales reps took six weeks of shadowing and manual setup.",
        "solution", "We rolled out guided onboarding flows and automated account provisioning.",
        "measurable_result", "Ramp time fell from 6 weeks to 2.",
        "quote", "We would not go back to the old way.",
        "permission_to_publish", permission);
  }

  @Test
  void aCompleteCaseStudyBecomesAPublishableDraftAndASignal() {
    StoryResult r = StoryCapture.validate(StoryTemplate.caseStudy(), goodCaseStudy("TRUE"), "st-1", ADA, NOW);
    StoryDraft d = r.draft();
    assertThat(d.publishable()).isTrue();
    assertThat(d.motion()).isEqualTo(Motion.CASE_STUDY);
    assertThat(d.answer(StoryQuestion.MEASURABLE_RESULT)).contains("Ramp time fell from 6 weeks to 2.");
    Signal s = d.completedSignal(SignalId.of("story-st-1"));
    assertThat(s.type()).isEqualTo(SignalType.STORY_COMPLETED);
    assertThat(s.value()).isEqualTo(1.0);
    assertThat(s.attributes()).containsEntry("motion", "case_study").containsEntry("publishable", "true");
  }

  @Test
  void withoutPermissionItIsStillADraftButNotPublishable() {
    StoryDraft d = StoryCapture.validate(StoryTemplate.caseStudy(), goodCaseStudy("false"), "st-2", ADA, NOW).draft();
    assertThat(d.publishable()).isFalse();
    assertThat(d.completedSignal(SignalId.of("s")).attributes()).containsEntry("publishable", "false");
  }

  @Test
  void eachProblemNamesTheQuestion() {
    StoryResult r = StoryCapture.validate(StoryTemplate.caseStudy(), Map.of(
        "challenge", "Too short.",
        "measurable_result", "It got a lot better overall.",
        "quote", "x".repeat(501),
        "permission_to_publish", "maybe",
        "favourite_colour", "blue"), "st-3", ADA, NOW);
    assertThat(r.draft()).isNull();
    assertThat(r.problems()).extracting(FieldProblem::field, FieldProblem::code, FieldProblem::message)
        .containsExactly(
            tuple("challenge", Code.TOO_SHORT, "'challenge' has 10 characters; at least 40"),
            tuple("measurable_result", Code.NOT_MEASURABLE,
                "'measurable_result' needs a number, e.g. 'from 6 weeks to 2'"),
            tuple("permission_to_publish", Code.INVALID_VALUE, "'permission_to_publish' must be true or false"),
            tuple("quote", Code.TOO_LONG, "'quote' has 501 characters; at most 500"),
            tuple("solution", Code.MISSING, "'solution' needs an answer"));
    assertThat(r.ignored()).extracting(FieldProblem::code).containsExactly(Code.UNKNOWN_FIELD);
  }

  @Test
  void aTestimonialNeedsOnlyAQuoteAndPermission() {
    StoryResult r = StoryCapture.validate(StoryTemplate.testimonial(), Map.of(
        "quote", "The best support team we have worked with.", "permission_to_publish", "true",
        "challenge", " "), "st-4", ADA, NOW);
    assertThat(r.draft().motion()).isEqualTo(Motion.TESTIMONIAL);
    assertThat(r.ignored()).extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(tuple("challenge", Code.BLANK));
  }
}
