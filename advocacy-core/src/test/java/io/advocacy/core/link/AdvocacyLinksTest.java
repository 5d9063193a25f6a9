package io.advocacy.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.referral.CodeIssueResult;
import io.advocacy.core.referral.PartyFacts;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralOutcome;
import io.advocacy.core.referral.ReferralService;
import io.advocacy.core.referral.ReferralStore;
import io.advocacy.core.signal.SignalType;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdvocacyLinksTest {
  static final Instant NOW = TokenSealerTest.NOW;
  static final CustomerId ADA = CustomerId.of("c-ada");
  static final ProgrammeId REFER = ProgrammeId.of("refer-a-friend");
  final TokenSealer sealer = new TokenSealer(TokenKeyRing.of(TokenSealerTest.K1), TokenSealerTest.RANDOM);
  final AdvocacyLinks links = AdvocacyLinks.builder(sealer, URI.create("https://acme.example/a")).build();

  private static String tracked(String medium, String content, String campaign, String token) {
    return "https://acme.example/a?utm_source=advocacy&utm_medium=" + medium + "&utm_campaign="
        + campaign + "&utm_content=" + content + "&adv=" + token;
  }

  @Test
  void reviewRequestsGoThroughTheLandingPageToThePlatform() {
    AdvocacyLink google = links.reviewRequest(ReviewPlatform.GOOGLE, Map.of("place_id", "ChIJ N/1"),
        ADA, ProgrammeId.of("reviews"), ContactChannel.EMAIL, NOW);
    assertThat(google.url()).isEqualTo(tracked("email", "review_request", "reviews", google.token()));
    assertThat(google.destination())
        .isEqualTo("https://search.google.com/local/writereview?placeid=ChIJ%20N%2F1");
    assertThat(ReviewPlatform.APP_STORE.url(Map.of("app_id", "123")))
        .isEqualTo("https://apps.apple.com/app/id123?action=write-review");
    assertThat(ReviewPlatform.GOOGLE_PLAY.url(Map.of("package", "com.acme.app")))
        .isEqualTo("https://play.google.com/store/apps/details?id=com.acme.app&showAllReviews=true");
    assertThat(ReviewPlatform.TRUSTPILOT.parameters()).containsExactly("domain");
    assertThat(ReviewPlatform.defaults()).hasSize(8);
    assertThatThrownBy(() -> links.reviewRequest(ReviewPlatform.YELP, Map.of(), ADA,
        ProgrammeId.of("reviews"), ContactChannel.EMAIL, NOW))
        .hasMessage("review platform yelp needs a value for 'business_id'");
  }

  @Test
  void eachShareChannelOpensItsComposer() {
    Map<ShareChannel, String> expected = new java.util.EnumMap<>(ShareChannel.class);
    for (ShareChannel c : ShareChannel.values()) {
      AdvocacyLink l = links.referralShare(c, ADA, REFER, "K7MQC2XA", "Try Acme", "I love Acme & you will too!", NOW);
      String t = tracked(c.medium(), "referral_share", "refer-a-friend", l.token());
      String enc = t.replace(":", "%3A").replace("/", "%2F").replace("?", "%3F").replace("=", "%3D")
          .replace("&", "%26");
      String msg = "I%20love%20Acme%20%26%20you%20will%20too%21";
      expected.put(c, switch (c) {
        case EMAIL -> "mailto:?subject=Try%20Acme&body=" + msg + "%20" + enc;
        case SMS -> "sms:?body=" + msg + "%20" + enc;
        case WHATSAPP -> "https://wa.me/?text=" + msg + "%20" + enc;
        case LINKEDIN -> "https://www.linkedin.com/sharing/share-offsite/?url=" + enc;
        case X -> "https://x.com/intent/post?text=" + msg + "&url=" + enc;
        case COPY_LINK -> t;
      });
      assertThat(l.url()).as(c.name()).isEqualTo(expected.get(c));
      assertThat(l.trackedUrl()).isEqualTo(t);
      assertThat(l.payload().referralCode()).isEqualTo("K7MQC2XA");
    }
  }

  @Test
  void invitationsCarryTheirMotion() {
    AdvocacyLink ref = links.invitation(LinkKind.REFERENCE_INVITATION, ADA, ProgrammeId.of("refs"),
        ContactChannel.EMAIL, NOW);
    assertThat(ref.payload().motion()).isEqualTo(io.advocacy.core.Motion.REFERENCE_CALL);
    assertThatThrownBy(() -> links.invitation(LinkKind.REVIEW_REQUEST, ADA, REFER, ContactChannel.EMAIL, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdvocacyLinks.builder(sealer, URI.create("http://acme.example/a")))
        .hasMessageContaining("https");
  }

  @Test
  void everyClickIsItsOwnEventAndOnlyARetryIsADuplicate() {
    LinkClicks clicks = new LinkClicks(sealer, new Random(7));
    AdvocacyLink share = links.referralShare(ShareChannel.WHATSAPP, ADA, REFER, "K7MQC2XA", "", "", NOW);
    ClickResult first = clicks.click(share.token(), "req-1", AnonymousId.of("v-1"), NOW.plusSeconds(5));
    assertThat(first.status()).isEqualTo(ClickResult.Status.RECORDED);
    assertThat(first.signal().id()).isEqualTo(SignalId.of("click:req-1"));
    assertThat(first.signal().type()).isEqualTo(SignalType.REFERRAL_CLICKED);
    assertThat(first.signal().subject()).isEqualTo(AnonymousId.of("v-1"));
    assertThat(first.signal().attributes()).containsEntry("referral_code", "K7MQC2XA")
        .containsEntry("referrer", "c-ada").containsEntry("programme", "refer-a-friend")
        .containsEntry("channel", "whatsapp");
    assertThat(clicks.click(share.token(), "req-1", AnonymousId.of("v-1"), NOW.plusSeconds(6)).status())
        .isEqualTo(ClickResult.Status.DUPLICATE);
    assertThat(clicks.click(share.token(), "req-2", AnonymousId.of("v-2"), NOW.plusSeconds(7)).status())
        .isEqualTo(ClickResult.Status.RECORDED);
    ClickResult a = clicks.click(share.token(), null, null, NOW.plusSeconds(8));
    ClickResult b = clicks.click(share.token(), null, null, NOW.plusSeconds(8));
    assertThat(a.signal().id()).isNotEqualTo(b.signal().id());
    assertThat(a.signal().subject().asText()).startsWith("anonymous:click-");
    ClickResult bad = clicks.click(share.token() + "x", "req-3", null, NOW);
    assertThat(bad.status()).isEqualTo(ClickResult.Status.INVALID);
    assertThat(bad.opening().status()).isIn(TokenOpening.Status.MALFORMED, TokenOpening.Status.TAMPERED);
    assertThat(clicks.forgetBefore(NOW.plusSeconds(7))).isEqualTo(1); // req-1 at +5 s; req-2 at +7 s stays
    assertThat(clicks.click(share.token(), "req-1", null, NOW.plusSeconds(9)).status())
        .isEqualTo(ClickResult.Status.RECORDED);
  }

  @Test
  void retriesOfUnusualRequestIdsAreStillDuplicates() throws Exception {
    LinkClicks clicks = new LinkClicks(sealer, new Random(7));
    AdvocacyLink share = links.referralShare(ShareChannel.SMS, ADA, REFER, null, "", "", NOW);
    String odd = " padded\tid " + "x".repeat(200);
    ClickResult first = clicks.click(share.token(), odd, null, NOW);
    assertThat(first.status()).isEqualTo(ClickResult.Status.RECORDED);
    assertThat(first.signal().id().value()).startsWith("click:h-").hasSize(8 + 32);
    assertThat(clicks.click(share.token(), odd, null, NOW).status()).isEqualTo(ClickResult.Status.DUPLICATE);
    // 16 threads delivering one click: one signal.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<ClickResult>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        results.add(pool.submit(() -> {
          start.await();
          return clicks.click(share.token(), "req-race", null, NOW);
        }));
      }
      start.countDown();
      int recorded = 0;
      for (var f : results) {
        recorded += f.get().status() == ClickResult.Status.RECORDED ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reviewAndInvitationClicksBelongToTheCustomer() {
    LinkClicks clicks = new LinkClicks(sealer, new Random(7));
    AdvocacyLink review = links.reviewRequest(ReviewPlatform.G2, Map.of("product", "acme"), ADA,
        ProgrammeId.of("reviews"), ContactChannel.EMAIL, NOW);
    var opened = clicks.click(review.token(), "r-1", null, NOW).signal();
    assertThat(opened.type()).isEqualTo(SignalType.REVIEW_LINK_OPENED);
    assertThat(opened.subject()).isEqualTo(ADA);
    assertThat(opened.attributes()).containsEntry("platform", "g2");
    AdvocacyLink study = links.invitation(LinkKind.CASE_STUDY_INVITATION, ADA, ProgrammeId.of("stories"),
        ContactChannel.EMAIL, NOW);
    var invited = clicks.click(study.token(), "r-2", null, NOW).signal();
    assertThat(invited.type().name()).isEqualTo("invitation_opened");
    assertThat(invited.attributes()).containsEntry("motion", "CASE_STUDY")
        .containsEntry("link_kind", "case_study_invitation");
  }

  @Test
  void aShareClickFeedsTheReferralService() {
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    ReferralService referrals = ReferralService.builder(ReferralStore.inMemory())
        .clock(now::get).random(new Random(1)).build();
    ReferralCode code = ((CodeIssueResult.Issued) referrals.issueCode(ADA, PartyFacts.NONE)).code().code();
    AdvocacyLink share = links.referralShare(ShareChannel.COPY_LINK, ADA, REFER, code.value(), "", "", NOW);
    ClickResult click = new LinkClicks(sealer).click(share.token(), "req-9", AnonymousId.of("v-9"), NOW);
    ReferralOutcome outcome = referrals.apply(click.signal());
    assertThat(outcome.kind()).isEqualTo(ReferralOutcome.Kind.APPLIED);
    assertThat(outcome.referral().referrer()).isEqualTo(ADA);
  }
}
