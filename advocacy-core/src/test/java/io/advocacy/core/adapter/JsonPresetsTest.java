package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.adapter.JsonMappingAdapter.Setting;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The vendor presets end to end on fixtures that copy the vendors' public example payloads
 * (values swapped for neutral test data), in {@code src/test/resources/presets/}:
 *
 * <ul>
 *   <li>{@code delighted-survey-response-created.json}: Delighted API documentation,
 *       "Webhooks", https://app.delighted.com/docs/api/webhooks, "Example request body for a
 *       survey_response object" (with {@code event_type} set to {@code .created}).
 *   <li>{@code intercom-conversation-rating-added.json}: assembled from Intercom's
 *       "Notification Model" (https://intercom-developer-hub.readme.io/reference/notification-model),
 *       "The conversation model" and "Conversation Rating"
 *       (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/Models/conversation_rating/).
 *   <li>{@code trustpilot-service-review-created.json}: Trustpilot Support Center, "How to set
 *       up Trustpilot Webhooks",
 *       https://support.trustpilot.com/hc/en-us/community/posts/10109980750738-How-to-set-up-Trustpilot-Webhooks
 * </ul>
 */
class JsonPresetsTest {

  static String fixture(String name) {
    try (InputStream in = JsonPresetsTest.class.getResourceAsStream("/presets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String DELIGHTED = "delighted-survey-response-created.json";
  static final String INTERCOM = "intercom-conversation-rating-added.json";
  static final String TRUSTPILOT = "trustpilot-service-review-created.json";

  private static void accounted(AdapterResult r, int accepted, int ignored, int rejected) {
    AdapterSummary s = r.summary();
    assertThat(s.accepted()).isEqualTo(accepted);
    assertThat(s.ignored()).isEqualTo(ignored);
    assertThat(s.rejected()).isEqualTo(rejected);
    assertThat(s.recordsSeen()).isEqualTo(s.accepted() + s.ignored() + s.rejected());
  }

  private static Rejection onlyRejection(AdapterResult r) {
    accounted(r, 0, 0, 1);
    return r.rejections().get(0);
  }

  // ------------------------------------------------------------------ Delighted

  @Test
  void delightedFixtureIsOneNpsAnswer() {
    AdapterResult r = JsonPresets.delightedSurveyResponse().build().read(fixture(DELIGHTED));
    accounted(r, 1, 0, 0);
    Signal s = r.signals().get(0);
    assertThat(s.id()).isEqualTo(SignalId.of("delighted:event-123"));
    assertThat(s.subject()).isEqualTo(CustomerId.of("ada@example.com"));
    assertThat(s.type()).isEqualTo(SignalType.NPS_ANSWERED);
    assertThat(s.occurredAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
    assertThat(s.value()).isEqualTo(9.0);
    assertThat(s.amount()).isNull();
    assertThat(s.attributes()).isEqualTo(Map.of("comment", "Fast and reliable service."));
    assertThat(s.source()).isEqualTo("delighted");
  }

  @Test
  void delightedCustomerCanBeSwitchedToThePersonId() {
    SignalAdapter adapter =
        JsonPresets.delightedSurveyResponse()
            .clear(Setting.CUSTOMER)
            .customerAt("/event_data/person/id")
            .build();
    Signal s = adapter.read(fixture(DELIGHTED)).signals().get(0);
    assertThat(s.subject()).isEqualTo(CustomerId.of("person-123"));
  }

  @Test
  void delightedNonNpsSurveyIsFiltered() {
    String csat = fixture(DELIGHTED).replace("\"survey_type\": \"nps\"", "\"survey_type\": \"csat\"");
    AdapterResult r = JsonPresets.delightedSurveyResponse().build().read(csat);
    accounted(r, 0, 1, 0);
    assertThat(r.ignored().get(0).reason()).isEqualTo(IgnoreReason.FILTERED);
    assertThat(r.ignored().get(0).message()).contains("/event_data/survey_type", "\"csat\"");
  }

  @Test
  void delightedScoreOutsideNpsIsOutOfRange() {
    for (String score : List.of("11", "-1", "7.5")) {
      String bad = fixture(DELIGHTED).replace("\"score\": 9", "\"score\": " + score);
      Rejection rejection =
          onlyRejection(JsonPresets.delightedSurveyResponse().build().read(bad));
      assertThat(rejection.reason()).as(score).isEqualTo(RejectionReason.OUT_OF_RANGE);
      assertThat(rejection.field()).isEqualTo("/event_data/score");
      assertThat(rejection.message()).contains(score);
    }
  }

  @Test
  void delightedNullCommentAddsNoAttribute() {
    String noComment =
        fixture(DELIGHTED).replace("\"comment\": \"Fast and reliable service.\"", "\"comment\": null");
    Signal s = JsonPresets.delightedSurveyResponse().build().read(noComment).signals().get(0);
    assertThat(s.attributes()).isEmpty();
  }

  // ------------------------------------------------------------------ Intercom

  @Test
  void intercomFixtureIsOneCsatAnswer() {
    AdapterResult r = JsonPresets.intercomConversationRating().build().read(fixture(INTERCOM));
    accounted(r, 1, 0, 0);
    Signal s = r.signals().get(0);
    assertThat(s.id()).isEqualTo(SignalId.of("intercom:notif_00000000-0000-0000-0000-000000000123"));
    assertThat(s.subject()).isEqualTo(CustomerId.of("person-123"));
    assertThat(s.type()).isEqualTo(SignalType.CSAT_ANSWERED);
    assertThat(s.occurredAt()).isEqualTo(Instant.parse("2026-01-15T10:31:00Z"));
    assertThat(s.value()).isEqualTo(4.0);
    assertThat(s.amount()).isNull();
    assertThat(s.attributes()).isEqualTo(Map.of("remark", "Quick answer, thanks."));
    assertThat(s.source()).isEqualTo("intercom");
  }

  @Test
  void intercomLeadWithoutExternalIdFallsBackToTheContactIdAsAnonymous() {
    String lead = fixture(INTERCOM).replace("\"external_id\": \"person-123\"", "\"external_id\": null");
    Signal s = JsonPresets.intercomConversationRating().build().read(lead).signals().get(0);
    assertThat(s.subject()).isEqualTo(AnonymousId.of("contact-123"));
  }

  @Test
  void intercomRatingZeroIsOutOfRange() {
    String bad = fixture(INTERCOM).replace("\"rating\": 4", "\"rating\": 0");
    Rejection rejection = onlyRejection(JsonPresets.intercomConversationRating().build().read(bad));
    assertThat(rejection.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE);
    assertThat(rejection.field()).isEqualTo("/data/item/conversation_rating/rating");
  }

  // ------------------------------------------------------------------ Trustpilot

  @Test
  void trustpilotFixtureIsOneReviewPosted() {
    AdapterResult r = JsonPresets.trustpilotServiceReview().build().read(fixture(TRUSTPILOT));
    accounted(r, 1, 0, 0);
    Signal s = r.signals().get(0);
    assertThat(s.id()).isEqualTo(SignalId.of("trustpilot:review-123"));
    assertThat(s.subject()).isEqualTo(CustomerId.of("order-123"));
    assertThat(s.type()).isEqualTo(SignalType.REVIEW_POSTED);
    assertThat(s.occurredAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
    assertThat(s.value()).isEqualTo(5.0);
    assertThat(s.amount()).isNull();
    assertThat(s.attributes())
        .isEqualTo(Map.of("platform", "trustpilot", "title", "Great service"));
    assertThat(s.source()).isEqualTo("trustpilot");
  }

  @Test
  void trustpilotEveryEventIsARecordAndOtherEventsAreFiltered() {
    String body =
        "{\"events\":["
            + event("service-review-created", "r-1", 4)
            + "," + event("service-review-updated", "r-1", 5)
            + "," + event("service-review-created", "r-2", 2)
            + "]}";
    AdapterResult r = JsonPresets.trustpilotServiceReview().build().read(body);
    accounted(r, 2, 1, 0);
    assertThat(r.signals()).extracting(s -> s.id().value())
        .containsExactly("trustpilot:r-1", "trustpilot:r-2");
    assertThat(r.ignored().get(0).record()).isEqualTo(new RecordRef(1, 0));
    assertThat(r.ignored().get(0).reason()).isEqualTo(IgnoreReason.FILTERED);
  }

  @Test
  void trustpilotEnvelopeWithoutEventsIsMissingField() {
    Rejection rejection =
        onlyRejection(JsonPresets.trustpilotServiceReview().build().read("{\"evts\":[]}"));
    assertThat(rejection.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(rejection.field()).isEqualTo("/events");
  }

  private static String event(String name, String id, int stars) {
    return "{\"eventName\":\"" + name + "\",\"version\":\"1\",\"eventData\":{\"id\":\"" + id
        + "\",\"title\":\"t\",\"referenceId\":\"order-9\",\"stars\":" + stars
        + ",\"createdAt\":\"2026-01-15T10:30:00.000Z\"}}";
  }

  // ------------------------------------------------------------------ contract

  @Nested
  class DelightedContract extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return JsonPresets.delightedSurveyResponse().build();
    }

    @Override
    protected List<String> validInputs() {
      return List.of(fixture(DELIGHTED));
    }
  }

  @Nested
  class IntercomContract extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return JsonPresets.intercomConversationRating().build();
    }

    @Override
    protected List<String> validInputs() {
      return List.of(fixture(INTERCOM));
    }
  }

  @Nested
  class TrustpilotContract extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return JsonPresets.trustpilotServiceReview().build();
    }

    @Override
    protected List<String> validInputs() {
      return List.of(fixture(TRUSTPILOT));
    }
  }
}
