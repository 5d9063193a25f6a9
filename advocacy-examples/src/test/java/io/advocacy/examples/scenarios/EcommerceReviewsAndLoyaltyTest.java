package io.advocacy.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.scoring.AdvocateTier;
import org.junit.jupiter.api.Test;

class EcommerceReviewsAndLoyaltyTest {
  final EcommerceReviewsAndLoyalty.Result r = Printed.of(EcommerceReviewsAndLoyalty::run).result();

  @Test
  void theReviewAskAndItsReminderWaitForNineInTheMorningInNewYork() {
    // ordered 21:30 EST (02:30Z): deferred to 09:00 EST (14:00Z); the reminder likewise
    assertThat(r.askDecisions()).containsExactly(
        "ask_review DEFERRED 2027-03-02T14:00:00Z", "ask_review ALLOWED",
        "remind_review DEFERRED 2027-03-05T14:00:00Z", "remind_review ALLOWED");
    assertThat(r.asksSent()).containsExactly("ask_review@2027-03-02T14:00:00Z",
        "remind_review@2027-03-05T14:00:00Z");
    assertThat(r.reviewStates()).containsExactly("(start)", "asked", "asked", "reminded",
        "reminded", "reviewed");
  }

  @Test
  void aGoogleReviewIsThankedWithoutAnIncentive() {
    assertThat(r.thanked()).isEqualTo("thank_reviewer {platform=google}");
    // nothing for the review on Google, and reaching promoter is not a recognition moment
    assertThat(r.rewards()).isEmpty();
  }

  @Test
  void pointsLiftHerToInsiderAndHerScoreToPromoter() {
    assertThat(r.points()).isEqualTo(250); // review 50 + converted referral 200
    assertThat(r.levels()).containsExactly("Member", "Insider");
    assertThat(r.level()).isEqualTo("Insider");
    assertThat(r.badges()).containsExactly("first_review");
    assertThat(r.tier()).isEqualTo(AdvocateTier.PROMOTER);
  }
}
