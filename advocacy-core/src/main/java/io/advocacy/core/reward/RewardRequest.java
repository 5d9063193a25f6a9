package io.advocacy.core.reward;

import io.advocacy.core.CustomerId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to reward one payee, identified by an idempotency key: the same key always means
 * the same reward, however often it is sent.
 *
 * <pre>{@code
 * RewardRequest req = RewardRequest.builder("ref-123-referrer", profile, "US")
 *     .kind(IncentiveKind.GIFT_CARD)
 *     .value(RewardValue.of(Money.of("25.00", "USD")))
 *     .reason(RewardReason.referral(false))
 *     .requestedAt(Instant.parse("2026-03-01T10:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe. The builder is not thread-safe.
 *
 * @param idempotencyKey the key; the ledger records at most one reward per key
 * @param payee the customer rewarded
 * @param profile the payee's profile (industry, regulatory flags); its id is the payee
 * @param region the payee's region as an upper-case ISO 3166 country code, e.g. {@code "US"}
 * @param kind what the reward is
 * @param value what it is worth; zero for recognition, points for points, a currency otherwise
 * @param creditUsableAsCash for account credit: whether it can be used like cash
 * @param reason why it is given
 * @param requestedAt when the host asked for it
 * @param pairing the link to the other side of a double-sided reward, if any
 */
public record RewardRequest(
    String idempotencyKey,
    CustomerId payee,
    CustomerProfile profile,
    String region,
    IncentiveKind kind,
    RewardValue value,
    boolean creditUsableAsCash,
    RewardReason reason,
    Instant requestedAt,
    @Nullable RewardPairing pairing) {

  /**
   * Validates the request.
   *
   * @param idempotencyKey the key; the ledger records at most one reward per key
   * @param payee the customer rewarded
   * @param profile the payee's profile; its id is the payee
   * @param region the payee's region as an ISO 3166 country code
   * @param kind what the reward is
   * @param value what it is worth
   * @param creditUsableAsCash for account credit: whether it can be used like cash
   * @param reason why it is given
   * @param requestedAt when the host asked for it
   * @param pairing the link to the other side of a double-sided reward, if any
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the profile is not the payee's, the region is not a
   *     two-letter code, the value's unit does not suit the kind, or credit usable as cash is
   *     set on a kind other than account credit
   */
  public RewardRequest {
    Require.identifier("idempotency key", idempotencyKey);
    Objects.requireNonNull(payee, "payee");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (!profile.id().equals(payee)) {
      throw new IllegalArgumentException(
          "profile is of customer " + profile.id() + ", not of payee " + payee);
    }
    region = region.strip().toUpperCase(Locale.ROOT);
    if (!region.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("region " + Require.quote(region) + " is not an ISO 3166 alpha-2 code");
    }
    switch (kind) {
      case RECOGNITION -> {
        if (!value.isZero()) {
          throw new IllegalArgumentException("recognition must have zero value, not " + value);
        }
      }
      case POINTS -> {
        if (!value.isPoints()) {
          throw new IllegalArgumentException("points reward valued in " + value.unit());
        }
      }
      default -> {
        if (value.isPoints()) {
          throw new IllegalArgumentException(kind + " reward must be valued in a currency");
        }
      }
    }
    if (creditUsableAsCash && kind != IncentiveKind.ACCOUNT_CREDIT) {
      throw new IllegalArgumentException("creditUsableAsCash set on " + kind);
    }
  }

  /**
   * Whether this reward is cash or a cash equivalent.
   *
   * @return {@code kind().isCashEquivalent(creditUsableAsCash())}
   */
  public boolean isCashEquivalent() {
    return kind.isCashEquivalent(creditUsableAsCash);
  }

  /**
   * Starts a request. Defaults: kind {@link IncentiveKind#RECOGNITION} worth zero points, reason
   * {@link io.advocacy.core.Motion#REFERRAL} (not of a beneficiary), not credit usable as cash,
   * no pairing; {@code requestedAt} must be set.
   *
   * @param idempotencyKey the key
   * @param profile the payee's profile
   * @param region the payee's ISO 3166 alpha-2 country code
   * @return a builder
   */
  public static Builder builder(String idempotencyKey, CustomerProfile profile, String region) {
    return new Builder(
        Require.identifier("idempotency key", idempotencyKey),
        Objects.requireNonNull(profile, "profile"),
        Objects.requireNonNull(region, "region"));
  }

  /** Builds a {@link RewardRequest}. Not thread-safe. */
  public static final class Builder {
    private final String key;
    private final CustomerProfile profile;
    private final String region;
    private IncentiveKind kind = IncentiveKind.RECOGNITION;
    private RewardValue value = RewardValue.points(0);
    private boolean creditUsableAsCash;
    private RewardReason reason = RewardReason.referral(false);
    private @Nullable Instant requestedAt;
    private @Nullable RewardPairing pairing;

    private Builder(String key, CustomerProfile profile, String region) {
      this.key = key;
      this.profile = profile;
      this.region = region;
    }

    /**
     * Sets the kind.
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(IncentiveKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /**
     * Sets the value.
     *
     * @param value the value
     * @return this builder
     */
    public Builder value(RewardValue value) {
      this.value = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Says whether account credit can be used like cash.
     *
     * @param usableAsCash true if it can
     * @return this builder
     */
    public Builder creditUsableAsCash(boolean usableAsCash) {
      this.creditUsableAsCash = usableAsCash;
      return this;
    }

    /**
     * Sets the reason.
     *
     * @param reason the reason
     * @return this builder
     */
    public Builder reason(RewardReason reason) {
      this.reason = Objects.requireNonNull(reason, "reason");
      return this;
    }

    /**
     * Sets when the reward was requested.
     *
     * @param at the instant
     * @return this builder
     */
    public Builder requestedAt(Instant at) {
      this.requestedAt = Objects.requireNonNull(at, "requestedAt");
      return this;
    }

    /**
     * Links the request to the other side of a double-sided reward.
     *
     * @param pairing the pairing
     * @return this builder
     */
    public Builder pairing(RewardPairing pairing) {
      this.pairing = Objects.requireNonNull(pairing, "pairing");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if {@code requestedAt} was not set
     */
    public RewardRequest build() {
      if (requestedAt == null) {
        throw new IllegalStateException("requestedAt was not set");
      }
      return new RewardRequest(
          key, profile.id(), profile, region, kind, value, creditUsableAsCash, reason,
          requestedAt, pairing);
    }
  }
}
