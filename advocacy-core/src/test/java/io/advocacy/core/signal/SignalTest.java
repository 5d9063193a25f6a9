package io.advocacy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTest {
  private static final SignalId ID = SignalId.of("s-1");
  private static final CustomerId ADA = CustomerId.of("c-42");
  private static final AnonymousId VISITOR = AnonymousId.of("a-9");
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  @Test
  void builderDefaults() {
    Signal s = Signal.builder(ID, ADA, SignalType.PRODUCT_USAGE, AT).build();
    assertThat(s.value()).isEqualTo(1.0);
    assertThat(s.source()).isEqualTo("host");
    assertThat(s.amount()).isNull();
    assertThat(s.amountIfAny()).isEmpty();
    assertThat(s.attributes()).isEmpty();
  }

  @Test
  void typedFactoriesValidateTheirValues() {
    Signal nps = Signal.nps(ID, ADA, AT, 10);
    assertThat(nps.type()).isSameAs(SignalType.NPS_ANSWERED);
    assertThat(nps.value()).isEqualTo(10.0);
    assertThatThrownBy(() -> Signal.nps(ID, ADA, AT, 11))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps_answered value 11 is outside whole numbers 0..10");
    assertThatThrownBy(() -> Signal.nps(ID, ADA, AT, -1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps_answered value -1 is outside whole numbers 0..10");
    assertThatThrownBy(() -> Signal.csat(ID, ADA, AT, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("csat_answered value 0 is outside whole numbers 1..5");
    assertThat(Signal.csat(ID, ADA, AT, 5).value()).isEqualTo(5.0);
    assertThatThrownBy(() -> Signal.socialMention(ID, ADA, AT, 1.5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("social_mention value 1.5 is outside -1..1");
    assertThat(Signal.socialMention(ID, ADA, AT, -1).value()).isEqualTo(-1.0);
    Signal review = Signal.reviewPosted(ID, ADA, AT, 4.5, "g2");
    assertThat(review.attribute("platform")).contains("g2");
    assertThatThrownBy(() -> Signal.reviewPosted(ID, ADA, AT, 5.5, "g2"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("review_posted value 5.5 is outside 0..5");
    assertThatThrownBy(() -> Signal.of(ID, ADA, SignalType.NPS_ANSWERED, AT, 7.5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps_answered value 7.5 is not a whole number in whole numbers 0..10");
    assertThatThrownBy(() -> Signal.of(ID, ADA, SignalType.of("x"), AT, Double.NaN))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("x value NaN is not a finite number");
  }

  @Test
  void monetaryCarriesTheAmount() {
    Money eur = Money.of("129.00", "EUR");
    Signal s = Signal.monetary(ID, ADA, SignalType.PURCHASE_COMPLETED, AT, eur);
    assertThat(s.amount()).isEqualTo(eur);
    assertThat(s.amountIfAny()).contains(eur);
    assertThat(s.value()).isEqualTo(1.0);
    assertThatThrownBy(() -> Signal.monetary(ID, ADA, SignalType.PURCHASE_COMPLETED, AT, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("amount");
  }

  @Test
  void rejectsNullComponents() {
    assertThatThrownBy(() -> Signal.builder(null, ADA, SignalType.NPS_ANSWERED, AT))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> Signal.builder(ID, null, SignalType.NPS_ANSWERED, AT))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("subject");
    assertThatThrownBy(() -> Signal.builder(ID, ADA, null, AT))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("type");
    assertThatThrownBy(() -> Signal.builder(ID, ADA, SignalType.NPS_ANSWERED, null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("occurredAt");
    assertThatThrownBy(
            () -> new Signal(ID, ADA, SignalType.NPS_ANSWERED, AT, 1, null, null, "host"))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("attributes");
    assertThatThrownBy(() -> Signal.builder(ID, ADA, SignalType.NPS_ANSWERED, AT).source(" x"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("source \" x\" has leading or trailing white space");
  }

  @Test
  void attributeLimits() {
    Signal.Builder b = Signal.builder(ID, ADA, SignalType.PRODUCT_USAGE, AT);
    for (int i = 0; i < Signal.MAX_ATTRIBUTES; i++) {
      b.attribute("k" + i, "v");
    }
    assertThat(b.build().attributes()).hasSize(32);
    b.attribute("k32", "v");
    assertThatThrownBy(b::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal s-1 has 33 attributes; at most 32 are allowed");

    Signal.Builder c = Signal.builder(ID, ADA, SignalType.PRODUCT_USAGE, AT);
    assertThat(c.attribute("long", "v".repeat(1024)).build().attribute("long")).hasValue("v".repeat(1024));
    c.attribute("long", "v".repeat(1025));
    assertThatThrownBy(c::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute long is longer than 1024 characters (1025)");
    assertThatThrownBy(() -> c.attribute("Bad Name", "v"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute name \"Bad Name\" must match [a-z][a-z0-9_.-]{0,63}");
    Map<String, String> bad = new HashMap<>();
    bad.put("9lives", "v");
    assertThatThrownBy(
            () -> new Signal(ID, ADA, SignalType.PRODUCT_USAGE, AT, 1, null, bad, "host"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute name \"9lives\" must match [a-z][a-z0-9_.-]{0,63}");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(
            () -> new Signal(ID, ADA, SignalType.PRODUCT_USAGE, AT, 1, null, nullValue, "host"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("attribute k");
  }

  @Test
  void attributesAreCopiedAndImmutable() {
    Map<String, String> attrs = new HashMap<>(Map.of("b", "2", "a", "1"));
    Signal s = new Signal(ID, ADA, SignalType.PRODUCT_USAGE, AT, 1, null, attrs, "host");
    attrs.put("c", "3");
    assertThat(s.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThatThrownBy(() -> s.attributes().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    Signal.Builder b = Signal.builder(ID, ADA, SignalType.PRODUCT_USAGE, AT).attribute("a", "1");
    Signal built = b.build();
    b.attribute("z", "26");
    assertThat(built.attributes()).containsOnlyKeys("a");
  }

  @Test
  void attributedToKeepsTheFactAndRecordsTheAnonymousId() {
    Signal click =
        Signal.builder(ID, VISITOR, SignalType.REFERRAL_CLICKED, AT)
            .value(2)
            .amount(Money.of("5", "USD"))
            .attribute("campaign", "spring")
            .source("segment")
            .build();
    Signal attributed = click.attributedTo(ADA);
    assertThat(attributed)
        .isEqualTo(
            new Signal(
                ID,
                ADA,
                SignalType.REFERRAL_CLICKED,
                AT,
                2,
                Money.of("5.00", "USD"),
                Map.of("campaign", "spring", "anonymous_id", "a-9"),
                "segment"));
    assertThat(attributed.attributedTo(ADA)).isSameAs(attributed);

    Signal fromOtherCustomer = Signal.nps(ID, CustomerId.of("c-1"), AT, 9);
    assertThat(fromOtherCustomer.attributedTo(ADA).subject()).isEqualTo(ADA);
    assertThat(fromOtherCustomer.attributedTo(ADA).attributes()).isEmpty();
  }

  @Test
  void attributingAnAnonymousSignalWithTheMostAttributesStillWorks() {
    // Regression: a visitor's signal with MAX_ATTRIBUTES attributes could not be attributed,
    // because anonymous_id made it one too many, and IdentityStitcher.link threw.
    Signal.Builder b = Signal.builder(ID, VISITOR, SignalType.PRODUCT_USAGE, AT);
    for (int i = 0; i < Signal.MAX_ATTRIBUTES; i++) {
      b.attribute("k" + i, "v");
    }
    Signal attributed = b.build().attributedTo(ADA);
    assertThat(attributed.attributes()).hasSize(33).containsEntry("anonymous_id", "a-9");
  }
}
