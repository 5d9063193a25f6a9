package io.advocacy.core.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.*;
import java.time.*;
import java.util.*;
import org.junit.jupiter.api.Test;

/** The Java example of the CRM README section, compiled with its documented imports and run. */
class CrmReadmeExampleTest {
  @Test
  void readmeExampleRunsAsDescribed() {
    OpportunityBook book = OpportunityBook.inMemory();
    ApplyResult created = book.apply(io.advocacy.core.signal.Signal.builder(
            SignalId.of("evt-1"), CustomerId.of("c-7"),
            io.advocacy.core.signal.SignalType.OPPORTUNITY_CREATED,
            Instant.parse("2026-03-01T09:00:00Z"))
        .amount(Money.of("12000", "USD"))
        .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1")
        .attribute(CrmAttributes.ACCOUNT_ID, "001-acme")
        .attribute(CrmAttributes.STAGE, "Discovery")
        .build());
    // created.status() == ApplyResult.Status.CREATED; the same signal again is DUPLICATE.
    
    var touch = io.advocacy.core.touchpoint.Touchpoint.builder(CustomerId.of("c-8"),
            io.advocacy.core.touchpoint.Channel.REFERRAL, Instant.parse("2026-02-20T10:00:00Z"))
        .advocate(CustomerId.of("c-42"))
        .build();
    
    Map<CustomerId, AccountId> accounts = Map.of(
        CustomerId.of("c-7"), AccountId.of("001-acme"),
        CustomerId.of("c-8"), AccountId.of("001-acme"));
    OpportunityLinker linker =
        OpportunityLinker.builder(c -> Optional.ofNullable(accounts.get(c))).build();
    List<LinkedOpportunity> linked =
        linker.linkAll(book.opportunities(), List.of(touch), List.of());
    
    Map<String, Money> influenced = PipelineTotals.influencedPipeline(linked);
    // {USD=12000.00 USD}: c-8's touch came 9 days before the deal was created
    Map<String, Money> sourced = PipelineTotals.sourcedPipeline(linked);
    // {}: no converted referral in this example

    assertThat(created.status()).isEqualTo(ApplyResult.Status.CREATED);
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).influences()).hasSize(1);
    assertThat(influenced).containsExactly(Map.entry("USD", Money.of("12000", "USD")));
    assertThat(sourced).isEmpty();
  }
}
