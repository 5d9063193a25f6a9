package io.advocacy.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.Money;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.attribution.Credit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class B2bSaasLadderTest {
  final Printed<B2bSaasLadder.Result> run = Printed.of(B2bSaasLadder::run);
  final B2bSaasLadder.Result r = run.result();

  @Test
  void adaClimbsFromPromoterToAdvocateAndIsAskedAtEachRung() {
    assertThat(r.adaTier()).isEqualTo(AdvocateTier.ADVOCATE);
    assertThat(r.asks()).containsExactly("ask_referral@2027-03-01T16:00:00Z",
        "ask_testimonial@2027-03-22T15:00:00Z");
    // a recognition for PROMOTER, the referrer's gift card, a recognition for ADVOCATE
    // reaching promoter is not recognised; reaching advocate is
    assertThat(r.rewards()).containsExactly("GIFT_CARD 25.00 USD ISSUED",
        "RECOGNITION 0.00 USD ISSUED");
  }

  @Test
  void theReferralConvertsAndSourcesBothGlobexDealsButNotInitech() {
    assertThat(r.referralCode()).isEqualTo("PFXS8UGA8"); // seeded generator: the same every run
    assertThat(r.referralState()).isEqualTo("CONVERTED");
    assertThat(r.sourcedBy()).isEqualTo(Map.of("006-globex", "referee_is_contact",
        "006-globex-2", "referee_in_account", "006-initech", "-"));
    // sourced pipeline: Globex 24,000 (won) + 6,000 (open); revenue: the won deal only
    assertThat(r.sourcedPipeline()).isEqualTo(Map.of("USD", Money.of("30000.00", "USD")));
    assertThat(r.sourcedRevenue()).isEqualTo(Map.of("USD", Money.of("24000.00", "USD")));
    assertThat(r.influencedPipeline()).isEqualTo(Map.of("USD", Money.of("48000.00", "USD")));
  }

  @Test
  void attributionSplitsTheTwoConversionsByChannelAndAdvocate() {
    // Grace: referral, webinar -> 24,000; Dev: paid search, webinar -> 18,000
    assertThat(r.linearByChannel()).isEqualTo(Map.of(
        "referral", new Credit(0.5, 12_000), "webinar", new Credit(1.0, 21_000),
        "paid_search", new Credit(0.5, 9_000)));
    assertThat(r.firstTouchByChannel()).isEqualTo(Map.of(
        "referral", new Credit(1.0, 24_000), "paid_search", new Credit(1.0, 18_000)));
    assertThat(r.linearByAdvocate()).isEqualTo(Map.of(
        "c-ada", new Credit(0.5, 12_000), "(none)", new Credit(1.5, 30_000)));
    // conservation: every model hands out exactly the two conversions and their value
    assertThat(r.linearByChannel().values().stream().reduce(Credit.ZERO, Credit::plus))
        .isEqualTo(new Credit(2, 42_000));
  }

  @Test
  void theAccountReadsAsAStory() {
    assertThat(run.text())
        .contains("2027-03-01T16:00:00Z  customer:c-ada nps_answered 10\n"
            + "    now eligible for REFERRAL\n"
            + "    journey referral-invitation: (start) -> invited"
            + " (on motion_eligibility_changed)\n"
            + "    ask ask_referral: ALLOWED\n")
        // journeys started by one signal are listed by id, so the account is the same every run
        .contains("    tier NONE -> PROMOTER\n"
            + "    now eligible for SOCIAL_SHARE\n"
            + "    now eligible for COMMUNITY\n"
            + "Ada is PROMOTER")
        .contains("    tier PROMOTER -> ADVOCATE\n"
            + "    now eligible for TESTIMONIAL\n"
            + "    now eligible for BETA_ACCESS\n"
            + "    now eligible for REFERENCE_CALL\n"
            + "    now eligible for CASE_STUDY\n"
            + "    journey advocate-invitations: (start) -> testimonial_asked (on advocate_tier_changed)\n"
            + "    journey customer-anniversary: (start) -> waiting (on advocate_tier_changed)\n"
            + "    journey tier-recognition: (start) -> recognising (on advocate_tier_changed)\n"
            + "    journey tier-recognition: recognising -> recognised (immediately)\n"
            + "    ask ask_testimonial: ALLOWED\n"
            + "    reward RECOGNITION 0.00 USD: ISSUED\n")
        .contains("006-globex 24000.00 USD WON, sourced: referee_is_contact")
        .contains("referral-sourced pipeline 30000.00 USD, revenue 24000.00 USD; "
            + "influenced pipeline 48000.00 USD");
  }
}
