package io.advocacy.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthcarePatientAmbassadorsTest {
  final HealthcarePatientAmbassadors.Result r =
      Printed.of(HealthcarePatientAmbassadors::run).result();

  @Test
  void theBeneficiarysGiftCardIsBlockedAndRecognitionIssuedInstead() {
    assertThat(r.referralRewards()).containsExactly(
        "c-pat GIFT_CARD 25.00 USD DENIED [CASH_EQUIVALENT_TO_BENEFICIARY]",
        "c-pat RECOGNITION 0.00 USD ISSUED (fallback)",
        "c-kim GIFT_CARD 25.00 USD ISSUED");
  }

  @Test
  void merchandiseIsHeldToNominalValuePerItemAndPerYear() {
    assertThat(r.merchandise()).containsExactly(
        "20.00 USD DENIED [NOMINAL_VALUE_PER_ITEM_EXCEEDED]",
        "14.00 USD ISSUED", "14.00 USD ISSUED", "14.00 USD ISSUED", "14.00 USD ISSUED",
        "14.00 USD ISSUED", // 5 x 14 = 70; one more would make 84, over 75
        "14.00 USD DENIED [NOMINAL_VALUE_PER_YEAR_EXCEEDED]");
  }

  @Test
  void theLedgerHoldsNothingThatWasBlocked() {
    assertThat(r.ledgerEntries()).containsExactly(
        "c-pat ISSUED RECOGNITION 0.00 USD", "c-kim ISSUED GIFT_CARD 25.00 USD",
        "c-pat ISSUED SWAG 14.00 USD", "c-pat ISSUED SWAG 14.00 USD",
        "c-pat ISSUED SWAG 14.00 USD", "c-pat ISSUED SWAG 14.00 USD",
        "c-pat ISSUED SWAG 14.00 USD");
    assertThat(r.ledgerEntries()).noneMatch(e -> e.startsWith("c-pat") && e.contains("GIFT_CARD"));
  }
}
