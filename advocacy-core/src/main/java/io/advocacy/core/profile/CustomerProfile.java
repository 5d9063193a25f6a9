package io.advocacy.core.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.internal.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the library knows about a customer: industry, lifecycle stage, time zone and locale,
 * consent per channel, regulatory flags, account value and named dated attributes (customer
 * since, last stay, last visit, loyalty tier since, or host-defined names).
 *
 * <pre>{@code
 * CustomerProfile ada = CustomerProfile.builder(CustomerId.of("c-42"))
 *     .industry(Industry.B2B_SAAS)
 *     .stage(LifecycleStage.ADOPTION)
 *     .timeZone(ZoneId.of("Europe/Berlin"))
 *     .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2026-01-05T09:00:00Z")))
 *     .datedAttribute(CustomerProfile.CUSTOMER_SINCE, LocalDate.of(2024, 3, 1))
 *     .build();
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe. The builder is not thread-safe.
 *
 * @param id the customer
 * @param account the business account the customer belongs to, if any
 * @param industry the customer's industry
 * @param stage the lifecycle stage
 * @param timeZone the customer's own time zone (quiet hours and local times use it)
 * @param locale the customer's locale
 * @param consents consent per channel; a channel without an entry has no consent
 * @param regulatoryFlags regulatory facts that restrict offers
 * @param accountValue the account's value (e.g. annual recurring revenue), if known
 * @param datedAttributes named dates, keyed by machine name
 */
public record CustomerProfile(
    CustomerId id,
    @Nullable AccountId account,
    Industry industry,
    LifecycleStage stage,
    ZoneId timeZone,
    Locale locale,
    Map<ContactChannel, Consent> consents,
    Set<RegulatoryFlag> regulatoryFlags,
    @Nullable Money accountValue,
    Map<String, LocalDate> datedAttributes) {

  /** The date the customer became a customer. */
  public static final String CUSTOMER_SINCE = "customer_since";
  /** The date of the customer's last stay (travel and hospitality). */
  public static final String LAST_STAY = "last_stay";
  /** The date of the customer's last visit (retail, healthcare). */
  public static final String LAST_VISIT = "last_visit";
  /** The date the customer reached their current loyalty tier. */
  public static final String LOYALTY_TIER_SINCE = "loyalty_tier_since";

  /**
   * Validates the profile and copies its collections.
   *
   * @param id the customer
   * @param account the business account the customer belongs to, if any
   * @param industry the customer's industry
   * @param stage the lifecycle stage
   * @param timeZone the customer's own time zone (quiet hours and local times use it)
   * @param locale the customer's locale
   * @param consents consent per channel; a channel without an entry has no consent
   * @param regulatoryFlags regulatory facts that restrict offers
   * @param accountValue the account's value (e.g. annual recurring revenue), if known
   * @param datedAttributes named dates, keyed by machine name
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a dated attribute's name is not a machine name
   */
  public CustomerProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(industry, "industry");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(consents, "consents");
    Objects.requireNonNull(regulatoryFlags, "regulatoryFlags");
    Objects.requireNonNull(datedAttributes, "datedAttributes");
    EnumMap<ContactChannel, Consent> byChannel = new EnumMap<>(ContactChannel.class);
    consents.forEach(
        (channel, consent) ->
            byChannel.put(
                Objects.requireNonNull(channel, "consent channel"),
                Objects.requireNonNull(consent, () -> "consent for " + channel)));
    consents = Collections.unmodifiableMap(byChannel);
    regulatoryFlags = ImmutableSet.copyOf(regulatoryFlags);
    datedAttributes.forEach(
        (name, date) -> {
          Require.name("dated attribute name", name);
          Objects.requireNonNull(date, () -> "dated attribute " + name);
        });
    datedAttributes = ImmutableSortedMap.copyOf(datedAttributes);
  }

  /**
   * Starts a profile with defaults: industry {@link Industry#OTHER}, stage
   * {@link LifecycleStage#ONBOARDING}, time zone UTC, locale {@link Locale#ROOT}, no consent,
   * no flags, no account value, no dates.
   *
   * @param id the customer
   * @return a builder
   */
  public static Builder builder(CustomerId id) {
    return new Builder(Objects.requireNonNull(id, "id"));
  }

  /**
   * A builder holding this profile's values, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.account = account;
    b.industry = industry;
    b.stage = stage;
    b.timeZone = timeZone;
    b.locale = locale;
    b.consents.putAll(consents);
    b.flags.addAll(regulatoryFlags);
    b.accountValue = accountValue;
    b.dates.putAll(datedAttributes);
    return b;
  }

  /**
   * Whether the customer has valid consent on a channel at an instant.
   *
   * @param channel the channel
   * @param at the instant
   * @return true if consent was granted before {@code at} and not revoked since
   */
  public boolean hasConsent(ContactChannel channel, Instant at) {
    Consent consent = consents.get(Objects.requireNonNull(channel, "channel"));
    return consent != null && consent.isValidAt(at);
  }

  /**
   * Whether a regulatory flag is set.
   *
   * @param flag the flag
   * @return true if set
   */
  public boolean hasFlag(RegulatoryFlag flag) {
    return regulatoryFlags.contains(Objects.requireNonNull(flag, "flag"));
  }

  /**
   * A named date.
   *
   * @param name the attribute's machine name, e.g. {@link #CUSTOMER_SINCE}
   * @return the date, or empty when not known
   */
  public Optional<LocalDate> datedAttribute(String name) {
    return Optional.ofNullable(datedAttributes.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Whether the customer is in a government health programme; a shortcut for
   * {@code hasFlag(GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY)}.
   *
   * @return true if flagged
   */
  @JsonIgnore
  public boolean isGovernmentHealthProgrammeBeneficiary() {
    return hasFlag(RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY);
  }

  /**
   * Builds a {@link CustomerProfile}. Not thread-safe. {@link #build()} copies the
   * configuration, so later calls do not change a built profile.
   */
  public static final class Builder {
    private final CustomerId id;
    private @Nullable AccountId account;
    private Industry industry = Industry.OTHER;
    private LifecycleStage stage = LifecycleStage.ONBOARDING;
    private ZoneId timeZone = ZoneOffset.UTC;
    private Locale locale = Locale.ROOT;
    private final Map<ContactChannel, Consent> consents = new EnumMap<>(ContactChannel.class);
    private final Set<RegulatoryFlag> flags = new LinkedHashSet<>();
    private @Nullable Money accountValue;
    private final Map<String, LocalDate> dates = new LinkedHashMap<>();

    private Builder(CustomerId id) {
      this.id = id;
    }

    /**
     * Sets the business account.
     *
     * @param account the account, or null for none
     * @return this builder
     */
    public Builder account(@Nullable AccountId account) {
      this.account = account;
      return this;
    }

    /**
     * Sets the industry.
     *
     * @param industry the industry
     * @return this builder
     */
    public Builder industry(Industry industry) {
      this.industry = Objects.requireNonNull(industry, "industry");
      return this;
    }

    /**
     * Sets the lifecycle stage.
     *
     * @param stage the stage
     * @return this builder
     */
    public Builder stage(LifecycleStage stage) {
      this.stage = Objects.requireNonNull(stage, "stage");
      return this;
    }

    /**
     * Sets the customer's time zone.
     *
     * @param timeZone the zone
     * @return this builder
     */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    /**
     * Sets the locale.
     *
     * @param locale the locale
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Sets the consent for a channel, replacing any earlier one.
     *
     * @param channel the channel
     * @param consent the consent
     * @return this builder
     */
    public Builder consent(ContactChannel channel, Consent consent) {
      consents.put(
          Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(consent, "consent"));
      return this;
    }

    /**
     * Adds a regulatory flag.
     *
     * @param flag the flag
     * @return this builder
     */
    public Builder flag(RegulatoryFlag flag) {
      flags.add(Objects.requireNonNull(flag, "flag"));
      return this;
    }

    /**
     * Sets the account value.
     *
     * @param value the value, or null if unknown
     * @return this builder
     */
    public Builder accountValue(@Nullable Money value) {
      this.accountValue = value;
      return this;
    }

    /**
     * Sets a named date.
     *
     * @param name a machine name such as {@link #CUSTOMER_SINCE}
     * @param date the date
     * @return this builder
     * @throws IllegalArgumentException if the name is not a machine name
     */
    public Builder datedAttribute(String name, LocalDate date) {
      dates.put(Require.name("dated attribute name", name), Objects.requireNonNull(date, "date"));
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return an immutable profile
     */
    public CustomerProfile build() {
      return new CustomerProfile(
          id,
          account,
          industry,
          stage,
          timeZone,
          locale,
          consents,
          flags,
          accountValue,
          dates);
    }
  }
}
