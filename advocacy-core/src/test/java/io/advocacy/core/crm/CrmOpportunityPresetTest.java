package io.advocacy.core.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.AccountId;
import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.adapter.IgnoreReason;
import io.advocacy.core.adapter.JsonPresets;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.crm.ApplyResult.Status;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic CRM opportunity webhook preset, through the adapter and into the book. */
class CrmOpportunityPresetTest {
  private static final SignalAdapter CRM = JsonPresets.crmOpportunityEvent().build();

  private static final String BODY = """
      [
        {"event": "opportunity.created", "id": "evt_1", "occurred_at": "2026-03-01T09:00:00Z",
         "opportunity": {"id": "006A1", "account_id": "001B2", "amount": 12000,
                         "currency": "USD", "stage": "Discovery", "contact_id": "c-1",
                         "referral_id": "K7MQC/anonymous:a-17"}},
        {"event": "opportunity.updated", "id": "evt_2", "occurred_at": "2026-03-05T09:00:00Z",
         "opportunity": {"id": "006A1", "account_id": "001B2"}},
        {"event": "opportunity.won", "id": "evt_3", "occurred_at": "2026-04-15T17:00:00Z",
         "opportunity": {"id": "006A1", "account_id": "001B2", "amount": "12500.50",
                         "currency": "USD", "stage": "Closed Won"}},
        {"event": "opportunity.lost", "id": "evt_4", "occurred_at": "2026-04-16T08:00:00Z",
         "opportunity": {"id": "006Z9", "account_id": "001B2", "amount": "lots",
                         "currency": "USD"}},
        {"event": "opportunity.lost", "id": "evt_5", "occurred_at": "2026-04-16T08:00:00Z",
         "opportunity": {"id": "006Z9", "account_id": "001B2", "amount": 300,
                         "currency": "EUR"}}
      ]
      """;

  @Test
  void eachEventKindBecomesTheRightSignal() {
    AdapterResult r = CRM.read(BODY);
    assertThat(r.summary().recordsSeen()).isEqualTo(5);

    Signal created = Signal.builder(SignalId.of("crm:evt_1"), CustomerId.of("c-1"),
            SignalType.OPPORTUNITY_CREATED, Instant.parse("2026-03-01T09:00:00Z"))
        .amount(Money.of("12000", "USD"))
        .attribute("opportunity_id", "006A1")
        .attribute("account_id", "001B2")
        .attribute("stage", "Discovery")
        .attribute("contact_id", "c-1")
        .attribute("referral_id", "K7MQC/anonymous:a-17")
        .source("crm")
        .build();
    // No contact: the account stands in as an anonymous subject.
    Signal won = Signal.builder(SignalId.of("crm:evt_3"), AnonymousId.of("001B2"),
            SignalType.OPPORTUNITY_WON, Instant.parse("2026-04-15T17:00:00Z"))
        .amount(Money.of("12500.50", "USD"))
        .attribute("opportunity_id", "006A1")
        .attribute("account_id", "001B2")
        .attribute("stage", "Closed Won")
        .source("crm")
        .build();
    Signal lost = Signal.builder(SignalId.of("crm:evt_5"), AnonymousId.of("001B2"),
            SignalType.OPPORTUNITY_LOST, Instant.parse("2026-04-16T08:00:00Z"))
        .amount(Money.of("300", "EUR"))
        .attribute("opportunity_id", "006Z9")
        .attribute("account_id", "001B2")
        .source("crm")
        .build();
    assertThat(r.signals()).containsExactly(created, won, lost);

    assertThat(r.ignored()).hasSize(1);
    assertThat(r.ignored().get(0).reason()).isEqualTo(IgnoreReason.UNMAPPED_EVENT);
    assertThat(r.ignored().get(0).record().index()).isEqualTo(1);

    assertThat(r.rejections()).hasSize(1);
    Rejection bad = r.rejections().get(0);
    assertThat(bad.record().index()).isEqualTo(3);
    assertThat(bad.field()).isEqualTo("/opportunity/amount");
    assertThat(bad.reason()).isEqualTo(RejectionReason.INVALID_VALUE);
    assertThat(bad.message()).contains("\"lots\"");
  }

  @Test
  void theSignalsBuildTheOpportunitiesInTheBook() {
    OpportunityBook book = OpportunityBook.inMemory();
    List<ApplyResult> results = CRM.read(BODY).signals().stream().map(book::apply).toList();
    assertThat(results).extracting(ApplyResult::status)
        .containsExactly(Status.CREATED, Status.UPDATED, Status.CREATED);

    Opportunity deal = book.find(OpportunityId.of("006A1")).orElseThrow();
    assertThat(deal).isEqualTo(new Opportunity(OpportunityId.of("006A1"), AccountId.of("001B2"),
        CustomerId.of("c-1"), Money.of("12500.50", "USD"), "Closed Won",
        Instant.parse("2026-03-01T09:00:00Z"), OpportunityStatus.WON,
        Instant.parse("2026-04-15T17:00:00Z"),
        CrmAttributes.parseReferralId("K7MQC/anonymous:a-17").orElseThrow()));
    Opportunity lost = book.find(OpportunityId.of("006Z9")).orElseThrow();
    assertThat(lost.contact()).isNull();
    assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
    assertThat(book.bookings()).containsExactly(new Booking(OpportunityId.of("006A1"),
        Money.of("12500.50", "USD"), Instant.parse("2026-04-15T17:00:00Z")));
  }
}
