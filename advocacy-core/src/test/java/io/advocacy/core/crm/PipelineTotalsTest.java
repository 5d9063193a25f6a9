package io.advocacy.core.crm;

import static io.advocacy.core.crm.CrmFixtures.T0;
import static io.advocacy.core.crm.CrmFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.Touchpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTotalsTest {
  private static final AccountId ACME = AccountId.of("001-acme");

  private static Opportunity deal(String id, String amount, String currency,
      OpportunityStatus status) {
    Opportunity o = Opportunity.open(OpportunityId.of(id), ACME, Money.of(amount, currency), T0);
    return status.isClosed() ? o.closed(status, day(10)) : o;
  }

  private static LinkedOpportunity linked(Opportunity o, boolean sourced, boolean influenced) {
    OpportunityLink s = sourced
        ? new OpportunityLink(o.id(), LinkRule.NAMED_REFERRAL,
            new ReferralId(ReferralCode.fromPayload("AAAA"), CustomerId.of("c-1")), null,
            CustomerId.of("adv"), "named")
        : null;
    Touchpoint t = Touchpoint.builder(CustomerId.of("c-1"), Channel.REFERRAL, day(-1)).build();
    OpportunityLink i = new OpportunityLink(o.id(), LinkRule.TOUCH_BEFORE_CREATION, null, t,
        null, "touch");
    return new LinkedOpportunity(o, s, influenced ? List.of(i, i) : List.of());
  }

  @Test
  void totalsArePerCurrencyAndCountEachOpportunityOnce() {
    LinkedOpportunity a = linked(deal("A", "12000", "USD", OpportunityStatus.WON), true, false);
    LinkedOpportunity b = linked(deal("B", "3000.50", "USD", OpportunityStatus.OPEN), true, false);
    LinkedOpportunity c = linked(deal("C", "500", "EUR", OpportunityStatus.LOST), true, false);
    LinkedOpportunity d = linked(deal("D", "700", "EUR", OpportunityStatus.WON), false, true);
    LinkedOpportunity e = linked(deal("E", "1000", "USD", OpportunityStatus.WON), true, true);
    LinkedOpportunity f = linked(deal("F", "90000", "JPY", OpportunityStatus.WON), false, false);
    List<LinkedOpportunity> all = List.of(a, b, c, d, e, f, a);

    // Sourced pipeline: USD 12000 + 3000.50 + 1000 = 16000.50 (A once); EUR 500 (lost counts).
    assertThat(PipelineTotals.sourcedPipeline(all)).containsExactly(
        Map.entry("EUR", Money.of("500", "EUR")), Map.entry("USD", Money.of("16000.50", "USD")));
    // Sourced revenue, won only: USD 12000 + 1000 = 13000; C (EUR) was lost.
    assertThat(PipelineTotals.sourcedRevenue(all)).containsExactly(
        Map.entry("USD", Money.of("13000", "USD")));
    // Influenced pipeline: EUR 700 (D), USD 1000 (E), each once despite two touches.
    assertThat(PipelineTotals.influencedPipeline(all)).containsExactly(
        Map.entry("EUR", Money.of("700", "EUR")), Map.entry("USD", Money.of("1000", "USD")));
    assertThat(PipelineTotals.sourcedPipeline(List.of(d, f))).isEmpty();
  }
}
