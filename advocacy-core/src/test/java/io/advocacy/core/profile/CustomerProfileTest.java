package io.advocacy.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerProfileTest {
  private static final CustomerId ADA = CustomerId.of("c-42");
  private static final Instant GRANTED = Instant.parse("2026-01-05T09:00:00Z");
  private static final Instant REVOKED = Instant.parse("2026-02-01T00:00:00Z");

  @Test
  void builderDefaults() {
    CustomerProfile p = CustomerProfile.builder(ADA).build();
    assertThat(p.id()).isEqualTo(ADA);
    assertThat(p.account()).isNull();
    assertThat(p.industry()).isEqualTo(Industry.OTHER);
    assertThat(p.stage()).isEqualTo(LifecycleStage.ONBOARDING);
    assertThat(p.timeZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(p.locale()).isEqualTo(Locale.ROOT);
    assertThat(p.consents()).isEmpty();
    assertThat(p.regulatoryFlags()).isEmpty();
    assertThat(p.accountValue()).isNull();
    assertThat(p.datedAttributes()).isEmpty();
    assertThat(p.isGovernmentHealthProgrammeBeneficiary()).isFalse();
    assertThat(p.hasConsent(ContactChannel.EMAIL, GRANTED)).isFalse();
  }

  @Test
  void hasConsentFollowsTheChannelsConsent() {
    CustomerProfile p =
        CustomerProfile.builder(ADA)
            .consent(ContactChannel.EMAIL, Consent.grantedAt(GRANTED))
            .consent(ContactChannel.SMS, Consent.grantedAt(GRANTED).revokedAt(REVOKED))
            .build();
    assertThat(p.hasConsent(ContactChannel.EMAIL, GRANTED.minusNanos(1))).isFalse();
    assertThat(p.hasConsent(ContactChannel.EMAIL, GRANTED)).isTrue();
    assertThat(p.hasConsent(ContactChannel.EMAIL, REVOKED)).isTrue();
    assertThat(p.hasConsent(ContactChannel.SMS, REVOKED.minusNanos(1))).isTrue();
    assertThat(p.hasConsent(ContactChannel.SMS, REVOKED)).isFalse();
    assertThat(p.hasConsent(ContactChannel.PHONE, REVOKED)).isFalse();
    assertThatThrownBy(() -> p.hasConsent(null, GRANTED))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("channel");
  }

  @Test
  void laterConsentForAChannelReplacesTheEarlierOne() {
    CustomerProfile p =
        CustomerProfile.builder(ADA)
            .consent(ContactChannel.EMAIL, Consent.grantedAt(GRANTED).revokedAt(REVOKED))
            .consent(ContactChannel.EMAIL, Consent.grantedAt(REVOKED))
            .build();
    assertThat(p.consents()).containsExactly(Map.entry(ContactChannel.EMAIL, Consent.grantedAt(REVOKED)));
    assertThat(p.hasConsent(ContactChannel.EMAIL, GRANTED)).isFalse();
    assertThat(p.hasConsent(ContactChannel.EMAIL, REVOKED)).isTrue();
  }

  private static CustomerProfile full() {
    return CustomerProfile.builder(ADA)
        .account(AccountId.of("acme"))
        .industry(Industry.TRAVEL_HOSPITALITY)
        .stage(LifecycleStage.EXPANSION)
        .timeZone(ZoneId.of("America/New_York"))
        .locale(Locale.forLanguageTag("en-US"))
        .consent(ContactChannel.EMAIL, Consent.grantedAt(GRANTED))
        .flag(RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY)
        .accountValue(Money.of("999.5", "USD"))
        .datedAttribute(CustomerProfile.LAST_STAY, LocalDate.of(2026, 1, 2))
        .build();
  }

  @Test
  void toBuilderCopiesEveryField() {
    CustomerProfile p = full();
    assertThat(p.toBuilder().build()).isEqualTo(p).isNotSameAs(p);
    CustomerProfile changed = p.toBuilder().stage(LifecycleStage.RENEWAL).flag(RegulatoryFlag.MINOR).build();
    assertThat(changed.stage()).isEqualTo(LifecycleStage.RENEWAL);
    assertThat(changed.regulatoryFlags())
        .containsExactlyInAnyOrder(
            RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY, RegulatoryFlag.MINOR);
    assertThat(changed.account()).isEqualTo(AccountId.of("acme"));
    assertThat(changed.accountValue()).isEqualTo(Money.of("999.50", "USD"));
    assertThat(changed.datedAttribute(CustomerProfile.LAST_STAY)).contains(LocalDate.of(2026, 1, 2));
    // The original is untouched.
    assertThat(p.stage()).isEqualTo(LifecycleStage.EXPANSION);
    assertThat(p.hasFlag(RegulatoryFlag.MINOR)).isFalse();
    assertThat(p.isGovernmentHealthProgrammeBeneficiary()).isTrue();
  }

  @Test
  void buildCopiesSoLaterBuilderCallsChangeNothing() {
    CustomerProfile.Builder b = CustomerProfile.builder(ADA).flag(RegulatoryFlag.MINOR);
    CustomerProfile first = b.build();
    b.flag(RegulatoryFlag.PUBLIC_OFFICIAL)
        .consent(ContactChannel.SMS, Consent.grantedAt(GRANTED))
        .datedAttribute("x", LocalDate.EPOCH);
    assertThat(first.regulatoryFlags()).containsExactly(RegulatoryFlag.MINOR);
    assertThat(first.consents()).isEmpty();
    assertThat(first.datedAttributes()).isEmpty();
  }

  @Test
  void returnedCollectionsAreImmutable() {
    CustomerProfile p = full();
    assertThatThrownBy(() -> p.consents().put(ContactChannel.SMS, Consent.grantedAt(GRANTED)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.consents().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.regulatoryFlags().add(RegulatoryFlag.MINOR))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.regulatoryFlags().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.datedAttributes().put("x", LocalDate.EPOCH))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.datedAttributes().remove(CustomerProfile.LAST_STAY))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(p.consents()).hasSize(1);
    assertThat(p.regulatoryFlags()).hasSize(1);
    assertThat(p.datedAttributes()).hasSize(1);
  }

  @Test
  void canonicalConstructorCopiesItsCollections() {
    Map<ContactChannel, Consent> consents = new HashMap<>();
    consents.put(ContactChannel.EMAIL, Consent.grantedAt(GRANTED));
    Set<RegulatoryFlag> flags = new HashSet<>(Set.of(RegulatoryFlag.MINOR));
    Map<String, LocalDate> dates = new HashMap<>(Map.of("customer_since", LocalDate.EPOCH));
    CustomerProfile p =
        new CustomerProfile(ADA, null, Industry.RETAIL, LifecycleStage.ADOPTION, ZoneOffset.UTC,
            Locale.UK, consents, flags, null, dates);
    consents.clear();
    flags.clear();
    dates.clear();
    assertThat(p.consents()).containsOnlyKeys(ContactChannel.EMAIL);
    assertThat(p.regulatoryFlags()).containsExactly(RegulatoryFlag.MINOR);
    assertThat(p.datedAttributes()).containsOnlyKeys("customer_since");
  }

  @Test
  void rejectsBadDatedAttributeNamesAndNulls() {
    assertThatThrownBy(() -> CustomerProfile.builder(ADA).datedAttribute("Last Stay", LocalDate.EPOCH))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("dated attribute name \"Last Stay\" must match [a-z][a-z0-9_.-]{0,63}");
    assertThatThrownBy(() -> CustomerProfile.builder(null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> CustomerProfile.builder(ADA).locale(null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("locale");
    assertThatThrownBy(() -> CustomerProfile.builder(ADA).timeZone(null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("timeZone");
    assertThatThrownBy(() -> RegulatoryFlag.of("Minor"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("regulatory flag \"Minor\" must match [a-z][a-z0-9_.-]{0,63}");
  }
}
