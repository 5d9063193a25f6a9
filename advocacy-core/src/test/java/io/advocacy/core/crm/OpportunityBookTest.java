package io.advocacy.core.crm;

import static io.advocacy.core.crm.CrmFixtures.CONTACT;
import static io.advocacy.core.crm.CrmFixtures.T0;
import static io.advocacy.core.crm.CrmFixtures.crm;
import static io.advocacy.core.crm.CrmFixtures.day;
import static io.advocacy.core.crm.CrmFixtures.full;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.AccountId;
import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.crm.ApplyResult.Status;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpportunityBookTest {
  private static final OpportunityId ID = OpportunityId.of("006-1");
  private static final AccountId ACME = AccountId.of("001-acme");

  @Test
  void createdThenWonMakesOneWonOpportunityAndABooking() {
    OpportunityBook book = OpportunityBook.inMemory();
    ApplyResult created = book.apply(full("e1", SignalType.OPPORTUNITY_CREATED, T0, "12000",
        "Discovery"));
    ApplyResult won = book.apply(full("e2", SignalType.OPPORTUNITY_WON, day(30), "12500",
        "Closed Won"));

    assertThat(created.status()).isEqualTo(Status.CREATED);
    assertThat(created.opportunity()).isEqualTo(new Opportunity(ID, ACME, CONTACT,
        Money.of("12000", "USD"), "Discovery", T0, OpportunityStatus.OPEN, null, null));
    assertThat(won.status()).isEqualTo(Status.UPDATED);
    Opportunity expected = new Opportunity(ID, ACME, CONTACT, Money.of("12500", "USD"),
        "Closed Won", T0, OpportunityStatus.WON, day(30), null);
    assertThat(won.opportunity()).isEqualTo(expected);
    assertThat(book.find(ID)).contains(expected);
    assertThat(book.opportunities()).containsExactly(expected);
    assertThat(book.opportunitiesOf(ACME)).containsExactly(expected);
    assertThat(book.opportunitiesOf(AccountId.of("other"))).isEmpty();
    assertThat(book.bookings())
        .containsExactly(new Booking(ID, Money.of("12500", "USD"), day(30)));
  }

  @Test
  void theSameSignalTwiceTakesEffectOnce() {
    OpportunityBook book = OpportunityBook.inMemory();
    Signal won = full("e2", SignalType.OPPORTUNITY_WON, day(30), "500", "Closed Won");
    ApplyResult first = book.apply(won);
    ApplyResult again = book.apply(won);
    assertThat(first.status()).isEqualTo(Status.CREATED);
    assertThat(again.status()).isEqualTo(Status.DUPLICATE);
    assertThat(again.applied()).isFalse();
    assertThat(again.opportunity()).isEqualTo(first.opportunity());
    assertThat(again.message()).contains("e2").contains("before");
    assertThat(book.bookings()).hasSize(1);
  }

  @Test
  void aRepeatWithANewIdAndTheSameFactsIsUnchanged() {
    OpportunityBook book = OpportunityBook.inMemory();
    book.apply(full("e1", SignalType.OPPORTUNITY_CREATED, T0, "100", "Discovery"));
    ApplyResult repeat = book.apply(full("e1-retry", SignalType.OPPORTUNITY_CREATED, T0, "100",
        "Discovery"));
    assertThat(repeat.status()).isEqualTo(Status.UNCHANGED);
    assertThat(repeat.applied()).isTrue();
    // A stale update (older than what is known) is recorded but changes nothing either.
    book.apply(full("e3", SignalType.OPPORTUNITY_CREATED, day(5), "300", "Proposal"));
    ApplyResult stale = book.apply(crm("e2", SignalType.OPPORTUNITY_CREATED, day(2), "200")
        .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1").build());
    assertThat(stale.status()).isEqualTo(Status.UNCHANGED);
    assertThat(book.find(ID).orElseThrow().amount()).isEqualTo(Money.of("300", "USD"));
  }

  @Test
  void wonBeforeCreatedCreatesTheOpportunityAndTheLateCreatedMovesCreationBack() {
    OpportunityBook book = OpportunityBook.inMemory();
    ApplyResult won = book.apply(full("e2", SignalType.OPPORTUNITY_WON, day(30), "12500",
        "Closed Won"));
    assertThat(won.status()).isEqualTo(Status.CREATED);
    assertThat(won.opportunity()).isEqualTo(new Opportunity(ID, ACME, CONTACT,
        Money.of("12500", "USD"), "Closed Won", day(30), OpportunityStatus.WON, day(30), null));

    ApplyResult created = book.apply(full("e1", SignalType.OPPORTUNITY_CREATED, T0, "12000",
        "Discovery"));
    assertThat(created.status()).isEqualTo(Status.UPDATED);
    // The created signal is older: it fixes createdAt but its amount and stage are superseded.
    assertThat(created.opportunity()).isEqualTo(new Opportunity(ID, ACME, CONTACT,
        Money.of("12500", "USD"), "Closed Won", T0, OpportunityStatus.WON, day(30), null));
  }

  @Test
  void theLatestCloseDecidesTheOutcomeAndCreatedNeverReopens() {
    OpportunityBook book = OpportunityBook.inMemory();
    book.apply(full("e1", SignalType.OPPORTUNITY_CREATED, T0, "100", "Open"));
    book.apply(full("e3", SignalType.OPPORTUNITY_WON, day(9), "100", "Closed Won"));
    ApplyResult lostEarlier = book.apply(full("e2", SignalType.OPPORTUNITY_LOST, day(4), "100",
        "Closed Lost"));
    assertThat(lostEarlier.status()).isEqualTo(Status.UNCHANGED);
    assertThat(lostEarlier.opportunity().status()).isEqualTo(OpportunityStatus.WON);

    ApplyResult createdLater = book.apply(full("e4", SignalType.OPPORTUNITY_CREATED, day(12),
        "100", "Reopened"));
    Opportunity o = createdLater.opportunity();
    assertThat(o.status()).isEqualTo(OpportunityStatus.WON);
    assertThat(o.closedAt()).isEqualTo(day(9));
    assertThat(o.stage()).isEqualTo("Reopened");
  }

  @Test
  void optionalDetailsComeFromTheLatestSignalThatCarriesThem() {
    OpportunityBook book = OpportunityBook.inMemory();
    ReferralId referral = new ReferralId(ReferralCode.fromPayload("K7MQ"), CustomerId.of("c-9"));
    book.apply(crm("e1", AnonymousId.of("001-acme"), SignalType.OPPORTUNITY_CREATED, T0,
            Money.of("10", "EUR"))
        .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1")
        .attribute(CrmAttributes.ACCOUNT_ID, "001-acme")
        .attribute(CrmAttributes.CONTACT_ID, "c-9")
        .attribute(CrmAttributes.REFERRAL_ID, CrmAttributes.referralIdText(referral))
        .build());
    ApplyResult later = book.apply(crm("e2", AnonymousId.of("001-acme"),
            SignalType.OPPORTUNITY_LOST, day(1), null)
        .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1")
        .attribute(CrmAttributes.STAGE, "")
        .build());
    assertThat(later.opportunity()).isEqualTo(new Opportunity(ID, ACME, CustomerId.of("c-9"),
        Money.of("10", "EUR"), null, T0, OpportunityStatus.LOST, day(1), referral));
  }

  @Test
  void badSignalsAreRejectedWithAReasonAndRecordNothing() {
    OpportunityBook book = OpportunityBook.inMemory();
    assertRejected(book, Signal.nps(io.advocacy.core.SignalId.of("n"), CONTACT, T0, 9),
        CrmRejectReason.UNSUPPORTED_TYPE, "nps_answered");
    assertRejected(book, crm("a", SignalType.OPPORTUNITY_CREATED, T0, "1").build(),
        CrmRejectReason.MISSING_OPPORTUNITY_ID, "attribute opportunity_id is missing");
    assertRejected(book, crm("b", SignalType.OPPORTUNITY_CREATED, T0, "1")
            .attribute(CrmAttributes.OPPORTUNITY_ID, " 006").build(),
        CrmRejectReason.INVALID_OPPORTUNITY_ID, "leading or trailing white space");
    assertRejected(book, crm("c", SignalType.OPPORTUNITY_WON, T0, "1")
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9").build(),
        CrmRejectReason.MISSING_ACCOUNT_ID, "opportunity 006-9 is unknown");
    assertRejected(book, crm("d", SignalType.OPPORTUNITY_CREATED, T0, null)
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9")
            .attribute(CrmAttributes.ACCOUNT_ID, "001").build(),
        CrmRejectReason.MISSING_AMOUNT, "no amount");
    assertRejected(book, crm("e", SignalType.OPPORTUNITY_CREATED, T0, "-5")
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9")
            .attribute(CrmAttributes.ACCOUNT_ID, "001").build(),
        CrmRejectReason.NEGATIVE_AMOUNT, "-5.00 USD");
    assertRejected(book, crm("f", SignalType.OPPORTUNITY_CREATED, T0, "5")
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9")
            .attribute(CrmAttributes.ACCOUNT_ID, "001 ").build(),
        CrmRejectReason.INVALID_ACCOUNT_ID, "account_id \"001 \"");
    assertRejected(book, crm("g", SignalType.OPPORTUNITY_CREATED, T0, "5")
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9")
            .attribute(CrmAttributes.ACCOUNT_ID, "001")
            .attribute(CrmAttributes.REFERRAL_ID, "not-a-referral").build(),
        CrmRejectReason.INVALID_REFERRAL_ID, "\"not-a-referral\"");
    assertRejected(book, crm("h", SignalType.OPPORTUNITY_CREATED, T0, "5")
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9")
            .attribute(CrmAttributes.ACCOUNT_ID, "001")
            .attribute(CrmAttributes.CONTACT_ID, "c\u0001").build(),
        CrmRejectReason.INVALID_CONTACT_ID, "control character");
    assertRejected(book, crm("i", SignalType.OPPORTUNITY_CREATED, T0, "5")
            .attribute(CrmAttributes.OPPORTUNITY_ID, "006-9")
            .attribute(CrmAttributes.ACCOUNT_ID, "001")
            .attribute(CrmAttributes.STAGE, " Won").build(),
        CrmRejectReason.INVALID_STAGE, "stage \" Won\"");
    assertThat(book.opportunities()).isEmpty();
  }

  @Test
  void aRejectedSignalCanBeDeliveredAgainOnceTheOpportunityIsKnown() {
    OpportunityBook book = OpportunityBook.inMemory();
    Signal wonWithoutAccount = crm("w", SignalType.OPPORTUNITY_WON, day(3), null)
        .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1").build();
    assertThat(book.apply(wonWithoutAccount).reason()).isEqualTo(CrmRejectReason.MISSING_ACCOUNT_ID);
    book.apply(full("c", SignalType.OPPORTUNITY_CREATED, T0, "70", "Discovery"));
    ApplyResult again = book.apply(wonWithoutAccount);
    assertThat(again.status()).isEqualTo(Status.UPDATED);
    assertThat(again.opportunity().status()).isEqualTo(OpportunityStatus.WON);
    assertThat(again.opportunity().amount()).isEqualTo(Money.of("70", "USD"));
  }

  private static void assertRejected(
      OpportunityBook book, Signal s, CrmRejectReason reason, String messagePart) {
    ApplyResult r = book.apply(s);
    assertThat(r.status()).isEqualTo(Status.REJECTED);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.opportunity()).isNull();
    assertThat(r.message()).contains(s.id().value()).contains(messagePart);
  }

  /** Any arrival order of the same signals, with any repeats, gives the same opportunity. */
  @Test
  void arrivalOrderAndRepeatsDoNotChangeTheResult() {
    qt().withFixedSeed(20261123L).forAll(longs().all(), integers().between(1, 8))
        .checkAssert((seed, n) -> {
          Random random = new Random(seed);
          List<Signal> signals = new ArrayList<>();
          SignalType[] types = {SignalType.OPPORTUNITY_CREATED, SignalType.OPPORTUNITY_WON,
              SignalType.OPPORTUNITY_LOST};
          for (int i = 0; i < n; i++) {
            // Instants collide on purpose (0..3 days) to exercise the id tie-break.
            signals.add(full("s" + i, types[random.nextInt(3)], day(random.nextInt(4)),
                String.valueOf(random.nextInt(1000)), "stage-" + random.nextInt(3)));
          }
          OpportunityBook inOrder = OpportunityBook.inMemory();
          signals.forEach(inOrder::apply);
          List<Signal> shuffled = new ArrayList<>(signals);
          shuffled.addAll(signals.subList(0, random.nextInt(n + 1)));
          Collections.shuffle(shuffled, random);
          OpportunityBook mixed = OpportunityBook.inMemory();
          List<ApplyResult> results = shuffled.stream().map(mixed::apply).toList();
          assertThat(mixed.find(ID)).isEqualTo(inOrder.find(ID));
          assertThat(results).filteredOn(r -> r.status() == Status.CREATED).hasSize(1);
          assertThat(results).filteredOn(r -> r.status() == Status.DUPLICATE)
              .hasSize(shuffled.size() - n);
          assertThat(mixed.find(ID).orElseThrow().createdAt())
              .isEqualTo(signals.stream().map(Signal::occurredAt).min(Instant::compareTo)
                  .orElseThrow());
        });
  }

  /** Any attribute text: the book answers, never throws, and a rejection records nothing. */
  @Test
  void anyAttributeTextGetsAnAnswerAndNeverAnException() {
    qt().withFixedSeed(7L)
        .forAll(strings().allPossible().ofLengthBetween(0, 200),
            strings().allPossible().ofLengthBetween(0, 200),
            strings().ascii().ofLengthBetween(0, 40))
        .checkAssert((id, account, other) -> {
          OpportunityBook book = OpportunityBook.inMemory();
          for (String attribute : List.of(CrmAttributes.STAGE, CrmAttributes.CONTACT_ID,
              CrmAttributes.REFERRAL_ID)) {
            Signal s = crm("x-" + attribute, SignalType.OPPORTUNITY_CREATED, T0, "1")
                .attribute(CrmAttributes.OPPORTUNITY_ID, id)
                .attribute(CrmAttributes.ACCOUNT_ID, account)
                .attribute(attribute, other)
                .build();
            ApplyResult r = book.apply(s);
            assertThat(r.status()).isIn(Status.CREATED, Status.UPDATED, Status.UNCHANGED,
                Status.REJECTED);
            if (r.status() == Status.REJECTED) {
              assertThat(r.reason()).isNotNull();
              assertThat(r.message()).contains(s.id().value());
            } else {
              assertThat(r.opportunity().id().value()).isEqualTo(id);
            }
          }
          assertThat(book.opportunities()).hasSizeLessThanOrEqualTo(1);
        });
  }
}
