package io.advocacy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.identity.IdentityLink;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.profile.LifecycleStage;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.StageMarker;
import io.advocacy.core.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonRoundTripTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.120Z");

  private static <T> T roundTrip(T value, Class<T> type) {
    String json = MAPPER.writeValueAsString(value);
    T back = MAPPER.readValue(json, type);
    assertThat(back).as(json).isEqualTo(value);
    return back;
  }

  @Test
  void signalWireFormatIsPinned() {
    Signal order =
        Signal.builder(
                SignalId.of("ord-7"), CustomerId.of("c-42"), SignalType.PURCHASE_COMPLETED, AT)
            .value(1)
            .amount(Money.of("129", "EUR"))
            .attribute("sku", "BK-1")
            .attribute("channel", "web")
            .source("shop")
            .build();
    assertThat(MAPPER.writeValueAsString(order))
        .isEqualTo(
            "{\"id\":\"ord-7\",\"subject\":\"customer:c-42\",\"type\":\"purchase_completed\","
                + "\"occurredAt\":\"2026-03-01T10:15:30.120Z\",\"value\":1.0,"
                + "\"amount\":{\"amount\":129.00,\"currency\":\"EUR\"},"
                + "\"attributes\":{\"channel\":\"web\",\"sku\":\"BK-1\"},\"source\":\"shop\"}");
    roundTrip(order, Signal.class);
  }

  @Test
  void signalsRoundTrip() {
    Signal customer = Signal.nps(SignalId.of("svy-1"), CustomerId.of("c-42"), AT, 9);
    Signal anonymous =
        Signal.builder(
                SignalId.of("clk-1"), AnonymousId.of("a-9"), SignalType.REFERRAL_CLICKED, AT)
            .attribute("campaign", "spring")
            .source("segment")
            .build();
    Signal custom =
        Signal.of(SignalId.of("w-1"), CustomerId.of("c-1"), SignalType.of("webinar_attended"), AT, -2.5);
    Signal back = roundTrip(anonymous, Signal.class);
    assertThat(back.subject()).isInstanceOf(AnonymousId.class);
    assertThat(roundTrip(customer, Signal.class).subject()).isInstanceOf(CustomerId.class);
    assertThat(roundTrip(custom, Signal.class).type().isWellKnown()).isFalse();
    roundTrip(
        Signal.monetary(
            SignalId.of("jp-1"), AnonymousId.of("a-1"), SignalType.REFUND_ISSUED, AT,
            Money.of("1500", "JPY")),
        Signal.class);
  }

  @Test
  void valueTypesRoundTrip() {
    roundTrip(Money.of("49.90", "EUR"), Money.class);
    roundTrip(Money.of("-0.01", "USD"), Money.class);
    roundTrip(Money.of("1500", "JPY"), Money.class);
    assertThat(MAPPER.writeValueAsString(Money.of("49.9", "EUR")))
        .isEqualTo("{\"amount\":49.90,\"currency\":\"EUR\"}");
    assertThat(MAPPER.readValue("{\"amount\":10,\"currency\":\"USD\"}", Money.class))
        .isEqualTo(Money.of("10.00", "USD"));
    roundTrip(Consent.grantedAt(AT), Consent.class);
    roundTrip(Consent.grantedAt(AT).revokedAt(AT.plusSeconds(60)), Consent.class);
    roundTrip(RegulatoryFlag.MINOR, RegulatoryFlag.class);
    roundTrip(RegulatoryFlag.of("host_defined.flag"), RegulatoryFlag.class);
    assertThat(MAPPER.writeValueAsString(RegulatoryFlag.MINOR)).isEqualTo("\"minor\"");
    assertThat(roundTrip(SignalType.NPS_ANSWERED, SignalType.class)).isSameAs(SignalType.NPS_ANSWERED);
    roundTrip(SignalType.of("webinar_attended"), SignalType.class);
    assertThat(MAPPER.writeValueAsString(SignalType.CSAT_ANSWERED)).isEqualTo("\"csat_answered\"");
    IdentityLink link = new IdentityLink(AnonymousId.of("a-9"), CustomerId.of("c-42"), AT);
    roundTrip(link, IdentityLink.class);
    assertThat(MAPPER.writeValueAsString(link))
        .isEqualTo(
            "{\"anonymousId\":\"a-9\",\"customer\":\"c-42\",\"linkedAt\":\"2026-03-01T10:15:30.120Z\"}");
  }

  @Test
  void invalidJsonIsRejectedWithTheModelsReason() {
    String nps11 =
        "{\"id\":\"s-1\",\"subject\":\"customer:c-42\",\"type\":\"nps_answered\","
            + "\"occurredAt\":\"2026-03-01T10:15:30Z\",\"value\":11,\"amount\":null,"
            + "\"attributes\":{},\"source\":\"host\"}";
    assertThatThrownBy(() -> MAPPER.readValue(nps11, Signal.class))
        .isInstanceOf(JacksonException.class)
        .hasRootCauseExactlyInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("nps_answered value 11 is outside whole numbers 0..10");
    String noPrefix = nps11.replace("customer:c-42", "c-42").replace("11", "9");
    assertThatThrownBy(() -> MAPPER.readValue(noPrefix, Signal.class))
        .isInstanceOf(JacksonException.class)
        .hasRootCauseMessage("subject \"c-42\" must start with \"customer:\" or \"anonymous:\"");
    assertThatThrownBy(
            () -> MAPPER.readValue("{\"amount\":19.999,\"currency\":\"USD\"}", Money.class))
        .isInstanceOf(JacksonException.class)
        .hasRootCauseMessage("amount 19.999 has more than 2 decimal places for USD");
    assertThatThrownBy(() -> MAPPER.readValue("\" c-1\"", CustomerId.class))
        .isInstanceOf(JacksonException.class)
        .hasRootCauseMessage("customer id \" c-1\" has leading or trailing white space");
  }

  @Test
  void fullCustomerProfileRoundTrips() {
    CustomerProfile profile =
        CustomerProfile.builder(CustomerId.of("c-42"))
            .account(AccountId.of("acme"))
            .industry(Industry.HEALTHCARE)
            .stage(LifecycleStage.RENEWAL)
            .timeZone(ZoneId.of("Europe/Berlin"))
            .locale(Locale.forLanguageTag("de-DE"))
            .consent(ContactChannel.EMAIL, Consent.grantedAt(AT))
            .consent(ContactChannel.SMS, Consent.grantedAt(AT).revokedAt(AT.plusSeconds(3600)))
            .flag(RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY)
            .flag(RegulatoryFlag.of("state_programme"))
            .accountValue(Money.of("120000", "EUR"))
            .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2024, 3, 1))
            .datedAttribute(CustomerProfile.LAST_VISIT, LocalDate.of(2026, 2, 28))
            .build();
    CustomerProfile back = roundTrip(profile, CustomerProfile.class);
    assertThat(back.locale()).isEqualTo(Locale.GERMANY);
    assertThat(back.locale().toLanguageTag()).isEqualTo("de-DE");
    assertThat(back.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(back.isGovernmentHealthProgrammeBeneficiary()).isTrue();
    String json = MAPPER.writeValueAsString(profile);
    assertThat(json).contains("\"locale\":\"de-DE\"").contains("\"timeZone\":\"Europe/Berlin\"");
  }

  @Test
  void minimalCustomerProfileRoundTrips() {
    CustomerProfile minimal = CustomerProfile.builder(CustomerId.of("c-1")).build();
    CustomerProfile back = roundTrip(minimal, CustomerProfile.class);
    assertThat(back.locale()).isEqualTo(Locale.ROOT);
    CustomerProfile scripted =
        minimal.toBuilder().locale(Locale.forLanguageTag("zh-Hant-TW")).timeZone(ZoneId.of("+05:30")).build();
    assertThat(roundTrip(scripted, CustomerProfile.class).locale().getScript()).isEqualTo("Hant");
  }

  @Test
  void touchpointsRoundTrip() {
    Touchpoint bare =
        Touchpoint.builder(AnonymousId.of("a-17"), Channel.of("paid_search"), AT).build();
    Touchpoint full =
        Touchpoint.builder(CustomerId.of("c-7"), Channel.REFERRAL, AT)
            .motion(Motion.REFERRAL)
            .advocate(CustomerId.of("c-42"))
            .journey(JourneyId.of("j-1"))
            .stage(StageMarker.LEAD_CREATED)
            .build();
    assertThat(roundTrip(bare, Touchpoint.class).subject()).isInstanceOf(AnonymousId.class);
    assertThat(roundTrip(full, Touchpoint.class).subject()).isInstanceOf(CustomerId.class);
    assertThat(MAPPER.writeValueAsString(bare))
        .isEqualTo(
            "{\"subject\":\"anonymous:a-17\",\"channel\":\"paid_search\","
                + "\"at\":\"2026-03-01T10:15:30.120Z\",\"motion\":null,\"advocate\":null,"
                + "\"journey\":null,\"stage\":null}");
  }

  private record Head(String id, boolean anonymous, SignalType type) {}

  private record Body(Head head, Instant at, long cents) {}

  /** Random valid signals: any well-known type, either subject kind, any instant, a value
   *  inside the type's rule, an attribute with arbitrary text, and sometimes an amount. */
  static Gen<Signal> signals() {
    List<SignalType> types = new ArrayList<>(SignalType.wellKnownTypes());
    types.add(SignalType.of("host.defined-type"));
    Gen<String> ids = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 20);
    Gen<String> names = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
    Gen<Head> heads =
        ids.zip(booleans().all(), integers().between(0, types.size() - 1),
            (id, anon, t) -> new Head(id, anon, types.get(t)));
    Gen<Body> bodies =
        heads.zip(
            longs().between(-62_135_596_800L, 253_402_300_799L)
                .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond),
            longs().between(-10_000_000_000L, 10_000_000_000L),
            Body::new);
    return bodies.zip(names, strings().allPossible().ofLengthBetween(0, 30), (b, name, text) -> {
      var rule = b.head().type().valueRule();
      double value = rule.integral()
          ? rule.min() + Math.floorMod(b.cents(), (long) (rule.max() - rule.min() + 1))
          : Math.max(rule.min(), Math.min(rule.max(), b.cents() / 100.0));
      Signal.Builder out =
          Signal.builder(
                  SignalId.of(b.head().id()),
                  b.head().anonymous() ? AnonymousId.of(b.head().id()) : CustomerId.of(b.head().id()),
                  b.head().type(),
                  b.at())
              .value(value)
              .attribute(name, text)
              .source(name);
      if (b.cents() % 3 == 0) {
        out.amount(Money.of(BigDecimal.valueOf(b.cents(), 2), Currency.getInstance("USD")));
      }
      return out.build();
    });
  }

  @Test
  void randomValidSignalsRoundTrip() {
    qt().forAll(signals()).checkAssert(s -> roundTrip(s, Signal.class));
  }
}
