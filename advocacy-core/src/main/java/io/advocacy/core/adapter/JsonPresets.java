package io.advocacy.core.adapter;

import io.advocacy.core.adapter.JsonMappingAdapter.Builder;
import io.advocacy.core.signal.SignalType;
import java.util.List;
import java.util.Map;

/**
 * {@link JsonMappingAdapter} configurations for vendors' webhooks, taken from their public
 * documentation. Each factory returns a fresh {@link Builder}, so the host can adjust it
 * before building, e.g. take the customer from another field:
 *
 * <pre>{@code
 * SignalAdapter delighted = JsonPresets.delightedSurveyResponse()
 *     .clear(JsonMappingAdapter.Setting.CUSTOMER)
 *     .customerAt("/event_data/person/id")
 *     .build();
 * }</pre>
 *
 * <p>All presets use {@link JsonMappingAdapter.Framing#DOCUMENT} framing (one webhook body);
 * switch to {@link JsonMappingAdapter.Framing#NDJSON} with
 * {@code .clear(Setting.FRAMING).framing(Framing.NDJSON)} (see {@link JsonMappingAdapter.Setting}) for exports with one body per line.
 *
 * <p>This class is thread-safe (stateless); the builders it returns are not.
 */
public final class JsonPresets {
  private JsonPresets() {}

  /**
   * Delighted's {@code survey_response.created} webhook as an NPS answer. Source: Delighted
   * API documentation, "Webhooks" (https://app.delighted.com/docs/api/webhooks), example
   * request body for a survey_response object; {@code .created} has the same body as the
   * documented {@code .updated} example.
   *
   * <p>Delighted announced the end of its service in 2026; this preset is for historical
   * exports and migrations.
   *
   * <table>
   *   <caption>Mapping</caption>
   *   <tr><th>Signal</th><th>From</th></tr>
   *   <tr><td>name / source</td><td>{@code delighted}</td></tr>
   *   <tr><td>id</td><td>{@code "delighted:"} + {@code /event_id} (documented for
   *       de-duplicating deliveries; use {@code /event_data/id} to key on the response)</td></tr>
   *   <tr><td>subject</td><td>customer {@code /event_data/person/email} (the address the host
   *       surveyed); switch to {@code /event_data/person/id} with
   *       {@code clear(Setting.CUSTOMER)}</td></tr>
   *   <tr><td>type</td><td>{@link SignalType#NPS_ANSWERED}; only when
   *       {@code /event_data/survey_type} is {@code "nps"}, other survey types are ignored as
   *       {@link IgnoreReason#FILTERED}</td></tr>
   *   <tr><td>value</td><td>{@code /event_data/score} (a number; NPS allows whole 0..10)</td></tr>
   *   <tr><td>instant</td><td>{@code /event_data/created_at}, epoch seconds</td></tr>
   *   <tr><td>attribute {@code comment}</td><td>{@code /event_data/comment} (often null in
   *       {@code .created}; absent or null adds nothing)</td></tr>
   * </table>
   *
   * @return a builder with this mapping, named {@code delighted}
   */
  public static Builder delightedSurveyResponse() {
    return JsonMappingAdapter.builder("delighted")
        .idAt("/event_id")
        .idPrefix("delighted:")
        .customerAt("/event_data/person/email")
        .fixedType(SignalType.NPS_ANSWERED)
        .filter("/event_data/survey_type", List.of("nps"))
        .valueAt("/event_data/score")
        .instantAt("/event_data/created_at", TimestampFormat.epochSeconds())
        .attributeAt("comment", "/event_data/comment");
  }

  /**
   * Intercom's {@code conversation.rating.added} webhook as a CSAT answer. Sources: Intercom
   * "Notification Model" (envelope), "Webhook models" (topic and object type) and
   * "Conversation Rating" (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/Models/conversation_rating/):
   * "The rating, between 1 and 5".
   *
   * <table>
   *   <caption>Mapping</caption>
   *   <tr><th>Signal</th><th>From</th></tr>
   *   <tr><td>name / source</td><td>{@code intercom}</td></tr>
   *   <tr><td>id</td><td>{@code "intercom:"} + {@code /id} (the notification id)</td></tr>
   *   <tr><td>subject</td><td>customer
   *       {@code /data/item/conversation_rating/contact/external_id} (the host's user id);
   *       when it is absent or empty (leads), the anonymous id
   *       {@code /data/item/conversation_rating/contact/id} (Intercom's contact id)</td></tr>
   *   <tr><td>type</td><td>{@link SignalType#CSAT_ANSWERED}</td></tr>
   *   <tr><td>value</td><td>{@code /data/item/conversation_rating/rating} (whole 1..5)</td></tr>
   *   <tr><td>instant</td><td>{@code /created_at} (the notification), epoch seconds; the
   *       rating's own {@code created_at} is when the rating was requested</td></tr>
   *   <tr><td>attribute {@code remark}</td><td>{@code /data/item/conversation_rating/remark}</td></tr>
   * </table>
   *
   * @return a builder with this mapping, named {@code intercom}
   */
  public static Builder intercomConversationRating() {
    return JsonMappingAdapter.builder("intercom")
        .idAt("/id")
        .idPrefix("intercom:")
        .customerAt("/data/item/conversation_rating/contact/external_id")
        .anonymousAt("/data/item/conversation_rating/contact/id")
        .fixedType(SignalType.CSAT_ANSWERED)
        .valueAt("/data/item/conversation_rating/rating")
        .instantAt("/created_at", TimestampFormat.epochSeconds())
        .attributeAt("remark", "/data/item/conversation_rating/remark");
  }

  /**
   * Trustpilot's {@code service-review-created} webhook as reviews posted. Source: Trustpilot
   * Support Center, "How to set up Trustpilot Webhooks"
   * (https://support.trustpilot.com/hc/en-us/community/posts/10109980750738-How-to-set-up-Trustpilot-Webhooks),
   * example for "New Service Reviews" (a community post, not a developer reference). The
   * payload carries no customer email, for privacy; the host's own reference id is used.
   *
   * <table>
   *   <caption>Mapping</caption>
   *   <tr><th>Signal</th><th>From</th></tr>
   *   <tr><td>name / source</td><td>{@code trustpilot}</td></tr>
   *   <tr><td>records</td><td>each element of {@code /events}</td></tr>
   *   <tr><td>id</td><td>{@code "trustpilot:"} + {@code /eventData/id} (the review id; it is
   *       reused by the updated and deleted events, so keep one adapter per event)</td></tr>
   *   <tr><td>subject</td><td>customer {@code /eventData/referenceId} (the host's order or
   *       reference id); Trustpilot's consumer id is {@code /eventData/consumer/id}</td></tr>
   *   <tr><td>type</td><td>{@link SignalType#REVIEW_POSTED}, only for events whose
   *       {@code /eventName} is {@code service-review-created} (others are
   *       {@link IgnoreReason#FILTERED})</td></tr>
   *   <tr><td>value</td><td>{@code /eventData/stars}</td></tr>
   *   <tr><td>instant</td><td>{@code /eventData/createdAt}, ISO-8601 with {@code Z}</td></tr>
   *   <tr><td>attribute {@code platform}</td><td>fixed {@code trustpilot}</td></tr>
   *   <tr><td>attribute {@code title}</td><td>{@code /eventData/title}</td></tr>
   * </table>
   *
   * @return a builder with this mapping, named {@code trustpilot}
   */
  public static Builder trustpilotServiceReview() {
    return JsonMappingAdapter.builder("trustpilot")
        .recordsAt("/events")
        .idAt("/eventData/id")
        .idPrefix("trustpilot:")
        .customerAt("/eventData/referenceId")
        .fixedType(SignalType.REVIEW_POSTED)
        .filter("/eventName", List.of("service-review-created"))
        .valueAt("/eventData/stars")
        .instantAt("/eventData/createdAt", TimestampFormat.iso())
        .fixedAttribute("platform", "trustpilot")
        .attributeAt("title", "/eventData/title");
  }

  /**
   * A generic CRM opportunity webhook as opportunity signals, for hosts that relay their CRM's
   * deal events in this shape (not any one vendor's documented format):
   *
   * <pre>{@code
   * {"event": "opportunity.won", "id": "evt_1", "occurred_at": "2026-04-15T17:00:00Z",
   *  "opportunity": {"id": "006A1", "account_id": "001B2", "amount": 12000, "currency": "USD",
   *                  "stage": "Closed Won", "contact_id": "c-1", "referral_id": "K7MQC/customer:c-1"}}
   * }</pre>
   *
   * <p>The attribute names are those an {@code io.advocacy.core.crm.OpportunityBook} reads.
   *
   * <table>
   *   <caption>Mapping</caption>
   *   <tr><th>Signal</th><th>From</th></tr>
   *   <tr><td>name / source</td><td>{@code crm}</td></tr>
   *   <tr><td>id</td><td>{@code "crm:"} + {@code /id} (the event id)</td></tr>
   *   <tr><td>subject</td><td>customer {@code /opportunity/contact_id}; when it is absent or
   *       empty, the anonymous id {@code /opportunity/account_id} (the account stands in for a
   *       deal without a contact; the book reads the account from the attribute either
   *       way)</td></tr>
   *   <tr><td>type</td><td>{@code /event}: {@code opportunity.created} →
   *       {@link SignalType#OPPORTUNITY_CREATED}, {@code opportunity.won} →
   *       {@link SignalType#OPPORTUNITY_WON}, {@code opportunity.lost} →
   *       {@link SignalType#OPPORTUNITY_LOST}; other events are
   *       {@link IgnoreReason#UNMAPPED_EVENT}</td></tr>
   *   <tr><td>value</td><td>1</td></tr>
   *   <tr><td>amount</td><td>{@code /opportunity/amount} in {@code /opportunity/currency}
   *       (optional)</td></tr>
   *   <tr><td>instant</td><td>{@code /occurred_at}, ISO-8601</td></tr>
   *   <tr><td>attributes</td><td>{@code opportunity_id}, {@code account_id}, {@code stage},
   *       {@code contact_id}, {@code referral_id} from the fields of {@code /opportunity}
   *       with those names ({@code opportunity_id} from {@code /opportunity/id})</td></tr>
   * </table>
   *
   * @return a builder with this mapping, named {@code crm}
   */
  public static Builder crmOpportunityEvent() {
    return JsonMappingAdapter.builder("crm")
        .idAt("/id")
        .idPrefix("crm:")
        .customerAt("/opportunity/contact_id")
        .anonymousAt("/opportunity/account_id")
        .typeAt("/event", Map.of(
            "opportunity.created", SignalType.OPPORTUNITY_CREATED,
            "opportunity.won", SignalType.OPPORTUNITY_WON,
            "opportunity.lost", SignalType.OPPORTUNITY_LOST))
        .fixedValue(1)
        .amountAt("/opportunity/amount")
        .currencyAt("/opportunity/currency")
        .instantAt("/occurred_at", TimestampFormat.iso())
        .attributeAt("opportunity_id", "/opportunity/id")
        .attributeAt("account_id", "/opportunity/account_id")
        .attributeAt("stage", "/opportunity/stage")
        .attributeAt("contact_id", "/opportunity/contact_id")
        .attributeAt("referral_id", "/opportunity/referral_id");
  }
}
