package io.advocacy.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TelcoRecoveryAndReferralTest {
  final TelcoRecoveryAndReferral.Result r = Printed.of(TelcoRecoveryAndReferral::run).result();

  @Test
  void theDetractorIsRecoveredWithTheOwnerAlertedAndAsksSuppressed() {
    assertThat(r.danStates()).containsExactly("(start)", "recovering", "resurveyed", "recovered");
    assertThat(r.ownerActions()).containsExactly("alert_owner:detractor",
        "create_crm_task:detractor_follow_up");
    assertThat(r.askToDan()).isEqualTo("DENIED [RECENT_DETRACTOR]");
    // the policy keeps the detractor answer for 90 days, recovered or not
    assertThat(r.askToDanAfterRecovery()).isEqualTo("DENIED [RECENT_DETRACTOR]");
    assertThat(r.asksSent()).noneMatch(a -> a.startsWith("c-dan"));
  }

  @Test
  void thePromoterIsInvitedRemindedAndRewardedForHerReferral() {
    assertThat(r.piaStates()).containsExactly("(start)", "invited", "followed_up", "shared",
        "converted");
    assertThat(r.asksSent()).containsExactly("c-pia ask_referral 2027-03-01T16:00:00Z",
        "c-pia remind_referral 2027-03-06T16:00:00Z");
    assertThat(r.rewards()).containsExactly("c-pia GIFT_CARD 25.00 USD ISSUED");
  }

  @Test
  void theTelecomModelScoresThemApart() {
    assertThat(r.danScore()).isEqualTo(0.0);
    // NPS 10 (sentiment, 30-day-old by now), a share and a conversion (advocacy)
    assertThat(r.piaScore()).isCloseTo(45.544434861, within(1e-6));
  }
}
