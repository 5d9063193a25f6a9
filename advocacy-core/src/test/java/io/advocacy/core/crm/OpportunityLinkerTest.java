package io.advocacy.core.crm;

import static io.advocacy.core.crm.CrmFixtures.T0;
import static io.advocacy.core.crm.CrmFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AccountId;
import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.SubjectId;
import io.advocacy.core.referral.PartyFacts;
import io.advocacy.core.referral.Referral;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.referral.ReferralState;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OpportunityLinkerTest {
  static final AccountId ACME = AccountId.of("001-acme");
  static final AccountId OTHER = AccountId.of("001-other");
  static final CustomerId C7 = CustomerId.of("c-7");
  static final CustomerId C8 = CustomerId.of("c-8");
  static final CustomerId CX = CustomerId.of("c-x");
  static final CustomerId ADVOCATE = CustomerId.of("adv-1");
  static final Map<CustomerId, AccountId> ACCOUNTS = Map.of(C7, ACME, C8, ACME, CX, OTHER);
  static final OpportunityLinker LINKER =
      OpportunityLinker.builder(c -> Optional.ofNullable(ACCOUNTS.get(c))).build();

  /** The deal: created at T0 with contact c-7. */
  static final Opportunity DEAL = new Opportunity(OpportunityId.of("006-1"), ACME, C7,
      Money.of("12000", "USD"), "Discovery", T0, OpportunityStatus.OPEN, null, null);

  static Referral referral(String payload, SubjectId referee, @Nullable CustomerId refereeCustomer,
      CustomerId referrer, Instant firstSeen, @Nullable Instant convertedAt) {
    Referral r = Referral.create(new ReferralId(ReferralCode.fromPayload(payload), referee),
        referrer, refereeCustomer, ReferralState.CLICKED, firstSeen, PartyFacts.NONE);
    return convertedAt == null ? r : r.moveTo(ReferralState.CONVERTED, convertedAt, null);
  }

  static Touchpoint touch(SubjectId subject, Instant at) {
    return Touchpoint.builder(subject, Channel.REFERRAL, at).motion(Motion.REFERRAL)
        .advocate(ADVOCATE).build();
  }

  @Test
  void theContactRuleBeatsTheAccountRuleAndLaterOrUnconvertedReferralsAreIgnored() {
    Referral ofAccount = referral("AAAA", C8, C8, ADVOCATE, day(-20), day(-5));
    Referral ofContact = referral("BBBB", AnonymousId.of("a-1"), C7, CX, day(-10), day(-3));
    Referral notConverted = referral("CCCC", C7, C7, ADVOCATE, day(-30), null);
    Referral seenAfterCreation = referral("DDDD", C7, C7, ADVOCATE, day(1), day(2));

    LinkedOpportunity linked = LINKER.link(DEAL, List.of(),
        List.of(ofAccount, notConverted, seenAfterCreation, ofContact));

    OpportunityLink s = linked.sourced();
    assertThat(s).isNotNull();
    assertThat(s.rule()).isEqualTo(LinkRule.REFEREE_IS_CONTACT);
    assertThat(s.kind()).isEqualTo(LinkKind.SOURCED);
    assertThat(s.referral()).isEqualTo(ofContact.id());
    assertThat(s.advocate()).isEqualTo(CX);
    assertThat(s.why()).contains("primary contact c-7").contains(ofContact.id().toString());
    assertThat(linked.influences()).isEmpty();
    assertThat(linked.links()).containsExactly(s);
  }

  @Test
  void theAccountRulePicksTheEarliestConversion() {
    Referral later = referral("AAAA", C8, C8, ADVOCATE, day(-20), day(-2));
    Referral earlier = referral("BBBB", C8, C8, CX, day(-20), day(-6));
    Referral otherAccount = referral("CCCC", CX, CX, ADVOCATE, day(-20), day(-9));
    // REWARDED counts as converted.
    Referral rewardedLast = referral("DDDD", C8, C8, ADVOCATE, day(-20), day(-1))
        .moveTo(ReferralState.REWARDED, day(0), null);

    LinkedOpportunity linked =
        LINKER.link(DEAL.withContact(null), List.of(), List.of(later, rewardedLast, otherAccount,
            earlier));

    assertThat(linked.sourced().rule()).isEqualTo(LinkRule.REFEREE_IN_ACCOUNT);
    assertThat(linked.sourced().referral()).isEqualTo(earlier.id());
    assertThat(linked.sourced().rule().label()).isEqualTo("referee_in_account");
    assertThat(LINKER.link(DEAL.withContact(null), List.of(), List.of(rewardedLast))
        .sourced().referral()).isEqualTo(rewardedLast.id());
  }

  @Test
  void aNamedConvertedReferralWinsEvenFromAnotherAccountOrAfterCreation() {
    Referral named = referral("NNNN", CX, CX, ADVOCATE, day(5), day(6));
    Referral ofContact = referral("BBBB", C7, C7, ADVOCATE, day(-10), day(-3));
    LinkedOpportunity linked = LINKER.link(DEAL.withSourcingReferral(named.id()), List.of(),
        List.of(ofContact, named));
    assertThat(linked.sourced().rule()).isEqualTo(LinkRule.NAMED_REFERRAL);
    assertThat(linked.sourced().referral()).isEqualTo(named.id());
  }

  @Test
  void aNamedReferralThatDidNotConvertOrIsMissingFallsThroughToTheOtherRules() {
    Referral namedOpen = referral("NNNN", CX, CX, ADVOCATE, day(-5), null);
    Referral ofContact = referral("BBBB", C7, C7, ADVOCATE, day(-10), day(-3));
    Opportunity deal = DEAL.withSourcingReferral(namedOpen.id());
    assertThat(LINKER.link(deal, List.of(), List.of(namedOpen, ofContact)).sourced().rule())
        .isEqualTo(LinkRule.REFEREE_IS_CONTACT);
    assertThat(LINKER.link(deal, List.of(), List.of()).isSourced()).isFalse();
  }

  @Test
  void influenceWindowIsInclusiveAtTheLookbackStartAndExclusiveAtCreation() {
    Instant start = T0.minus(Duration.ofDays(90));
    Touchpoint atStart = touch(C8, start);                          // included: inclusive
    Touchpoint beforeStart = touch(C8, start.minusSeconds(1));      // excluded
    Touchpoint justBefore = touch(C7, T0.minusSeconds(1));          // included
    Touchpoint atCreation = touch(C7, T0);                          // excluded: strictly before
    Touchpoint afterCreation = touch(C7, day(1));                   // excluded
    Touchpoint otherAccount = touch(CX, day(-1));                   // excluded
    Touchpoint anonymous = touch(AnonymousId.of("a-1"), day(-1));   // excluded
    Touchpoint middle = touch(C8, day(-30));                        // included

    LinkedOpportunity linked = LINKER.link(DEAL, List.of(justBefore, atCreation, beforeStart,
        afterCreation, middle, otherAccount, anonymous, atStart), List.of());

    assertThat(linked.influences()).extracting(OpportunityLink::touchpoint)
        .containsExactly(atStart, middle, justBefore);
    assertThat(linked.influences()).allSatisfy(l -> {
      assertThat(l.rule()).isEqualTo(LinkRule.TOUCH_BEFORE_CREATION);
      assertThat(l.kind()).isEqualTo(LinkKind.INFLUENCED);
      assertThat(l.advocate()).isEqualTo(ADVOCATE);
      assertThat(l.referral()).isNull();
    });
    assertThat(linked.influences().get(0).why()).contains("c-8").contains("within 90 days before");
    assertThat(linked.isInfluenced()).isTrue();
    assertThat(linked.isSourced()).isFalse();
  }

  @Test
  void theContactInfluencesEvenWithoutAnAccountAndTheLookbackAndFilterAreConfigurable() {
    CustomerId loner = CustomerId.of("c-loner");
    Opportunity deal = DEAL.withContact(loner);
    Touchpoint eleven = touch(loner, day(-11));
    Touchpoint ten = touch(loner, day(-10));
    Touchpoint plain = Touchpoint.builder(C8, Channel.DIRECT, day(-2)).build();
    OpportunityLinker tenDays = OpportunityLinker.builder(c -> Optional.ofNullable(ACCOUNTS.get(c)))
        .lookback(Duration.ofDays(10))
        .touchFilter(t -> t.motion() != null)
        .build();
    assertThat(tenDays.lookback()).isEqualTo(Duration.ofDays(10));
    assertThat(tenDays.link(deal, List.of(eleven, ten, plain), List.of()).influences())
        .extracting(OpportunityLink::touchpoint).containsExactly(ten);
    assertThat(LINKER.link(deal, List.of(eleven, ten, plain), List.of()).influences())
        .extracting(OpportunityLink::touchpoint).containsExactly(eleven, ten, plain);
  }

  @Test
  void linkAllAsksTheAccountFunctionOncePerCustomer() {
    int[] calls = {0};
    OpportunityLinker counting = OpportunityLinker.builder(c -> {
      calls[0]++;
      return Optional.ofNullable(ACCOUNTS.get(c));
    }).build();
    Opportunity second = Opportunity.open(OpportunityId.of("006-2"), ACME,
        Money.of("5", "USD"), T0);
    List<LinkedOpportunity> all = counting.linkAll(List.of(DEAL, second),
        List.of(touch(C8, day(-1)), touch(C8, day(-2)), touch(CX, day(-3))), List.of());
    assertThat(all).extracting(l -> l.influences().size()).containsExactly(2, 2);
    assertThat(calls[0]).isEqualTo(2); // c-8 and c-x, once each
  }

  @Test
  void theBuilderFailsFast() {
    assertThatThrownBy(() -> OpportunityLinker.builder(null))
        .isInstanceOf(NullPointerException.class);
    OpportunityLinker.Builder b = OpportunityLinker.builder(c -> Optional.empty());
    assertThatThrownBy(() -> b.lookback(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    b.lookback(Duration.ofDays(1));
    assertThatThrownBy(() -> b.lookback(Duration.ofDays(2)))
        .isInstanceOf(IllegalStateException.class);
    b.touchFilter(t -> true);
    assertThatThrownBy(() -> b.touchFilter(t -> true)).isInstanceOf(IllegalStateException.class);
    assertThat(OpportunityLinker.builder(c -> Optional.empty()).build().lookback())
        .isEqualTo(Duration.ofDays(90));
  }

  @Test
  void linksAndLinkedOpportunitiesValidateTheirShape() {
    Touchpoint t = touch(C7, day(-1));
    ReferralId r = new ReferralId(ReferralCode.fromPayload("AAAA"), C7);
    assertThatThrownBy(() -> new OpportunityLink(DEAL.id(), LinkRule.NAMED_REFERRAL, null, t,
        null, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpportunityLink(DEAL.id(), LinkRule.TOUCH_BEFORE_CREATION, r,
        t, null, "x")).isInstanceOf(IllegalArgumentException.class);
    OpportunityLink influence = new OpportunityLink(DEAL.id(), LinkRule.TOUCH_BEFORE_CREATION,
        null, t, null, "x");
    assertThatThrownBy(() -> new LinkedOpportunity(DEAL, influence, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    Opportunity other = Opportunity.open(OpportunityId.of("006-2"), ACME, Money.of("1", "USD"),
        T0);
    assertThatThrownBy(() -> new LinkedOpportunity(other, null, List.of(influence)))
        .hasMessageContaining("006-1");
  }
}
