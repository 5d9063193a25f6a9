package io.advocacy.core.crm;

import static io.advocacy.core.crm.CrmFixtures.T0;
import static io.advocacy.core.crm.CrmFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import org.junit.jupiter.api.Test;

class OpportunityTest {
  private static final OpportunityId ID = OpportunityId.of("006-1");
  private static final AccountId ACME = AccountId.of("001-acme");

  @Test
  void idRejectsBlankAndKeepsItsText() {
    assertThat(OpportunityId.of("006A1").value()).isEqualTo("006A1");
    assertThat(OpportunityId.of("006A1")).hasToString("006A1");
    assertThatThrownBy(() -> OpportunityId.of(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opportunity id");
    assertThatThrownBy(() -> OpportunityId.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void openHasNoClosingInstantAndNoBooking() {
    Opportunity o = Opportunity.open(ID, ACME, Money.of("100", "USD"), T0);
    assertThat(o.status()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(o.closedAtIfAny()).isEmpty();
    assertThat(o.booking()).isEmpty();
    assertThat(o.contactIfAny()).isEmpty();
    assertThat(o.stageIfAny()).isEmpty();
    assertThat(o.sourcingReferralIfAny()).isEmpty();
  }

  @Test
  void wonHasABookingAtItsClosingInstant() {
    Opportunity o = Opportunity.open(ID, ACME, Money.of("100", "USD"), T0)
        .closed(OpportunityStatus.WON, day(3));
    assertThat(o.booking()).contains(new Booking(ID, Money.of("100.00", "USD"), day(3)));
    assertThat(o.closed(OpportunityStatus.LOST, day(4)).booking()).isEmpty();
  }

  @Test
  void inconsistentValuesFailFastNamingTheProblem() {
    Money usd = Money.of("1", "USD");
    assertThatThrownBy(() -> new Opportunity(ID, ACME, null, usd, null, T0,
        OpportunityStatus.WON, null, null)).hasMessageContaining("no closing instant");
    assertThatThrownBy(() -> new Opportunity(ID, ACME, null, usd, null, T0,
        OpportunityStatus.OPEN, day(1), null)).hasMessageContaining("OPEN but has a closing");
    assertThatThrownBy(() -> new Opportunity(ID, ACME, null, usd, null, day(2),
        OpportunityStatus.LOST, day(1), null)).hasMessageContaining("before it was created");
    assertThatThrownBy(() -> Opportunity.open(ID, ACME, Money.of("-1", "USD"), T0))
        .hasMessageContaining("-1.00 USD is negative");
    assertThatThrownBy(() -> new Opportunity(ID, ACME, null, usd, " ", T0,
        OpportunityStatus.OPEN, null, null)).hasMessageContaining("stage");
    assertThatThrownBy(() -> Opportunity.open(ID, ACME, usd, T0)
        .closed(OpportunityStatus.OPEN, day(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Booking(ID, Money.of("-5", "EUR"), T0))
        .hasMessageContaining("negative");
  }

  @Test
  void referralIdTextRoundTripsAndBadTextIsEmpty() {
    ReferralId id = new ReferralId(ReferralCode.fromPayload("K7MQ"), CustomerId.of("c/9"));
    String text = CrmAttributes.referralIdText(id);
    assertThat(text).isEqualTo(id.toString()).startsWith(id.code().value() + "/customer:c/9");
    assertThat(CrmAttributes.parseReferralId(text)).contains(id);
    assertThat(CrmAttributes.parseReferralId("nonsense")).isEmpty();
    assertThat(CrmAttributes.parseReferralId("/customer:c-1")).isEmpty();
    assertThat(CrmAttributes.parseReferralId(id.code().value() + "/someone")).isEmpty();
    assertThat(CrmAttributes.parseReferralId("K7MQ0/customer:c-1")).isEmpty();
  }
}
