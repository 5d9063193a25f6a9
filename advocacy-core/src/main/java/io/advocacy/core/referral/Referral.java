package io.advocacy.core.referral;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SubjectId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One referral: a referrer's code followed by one referee, its state, when it entered each
 * state, and the version a store compares before replacing it.
 *
 * <p>Only the {@link ReferralService} makes new versions; hosts read them.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the code and the referee as first seen
 * @param referrer the advocate who owns the code
 * @param refereeCustomer the referee's customer id once known (at sign-up), or null
 * @param state the current state
 * @param history when each state was entered, at the event's own instant
 * @param reason why the referral was rejected or expired, or null
 * @param rewardReference the host's reference of the issued reward, or null
 * @param refereeFacts the referee's hashed e-mail and fingerprints
 * @param version 0 when created, one more for each replacement
 */
public record Referral(
    ReferralId id,
    CustomerId referrer,
    @Nullable CustomerId refereeCustomer,
    ReferralState state,
    Map<ReferralState, Instant> history,
    @Nullable String reason,
    @Nullable String rewardReference,
    PartyFacts refereeFacts,
    long version) {

  /**
   * Checks the components and copies the history.
   *
   * @param id the code and the referee as first seen
   * @param referrer the advocate who owns the code
   * @param refereeCustomer the referee's customer id once known, or null
   * @param state the current state
   * @param history when each state was entered; must contain {@code state}
   * @param reason why the referral was rejected or expired, or null
   * @param rewardReference the host's reference of the issued reward, or null
   * @param refereeFacts the referee's hashed facts
   * @param version at least 0
   */
  public Referral {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(refereeFacts, "refereeFacts");
    if (!history.containsKey(state)) {
      throw new IllegalArgumentException("history must contain the state " + state);
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    history = Map.copyOf(history);
  }

  /**
   * A new referral (version 0) entering {@code state} at {@code at}.
   *
   * @param id the code and referee
   * @param referrer the code's owner
   * @param refereeCustomer the referee's customer id, or null
   * @param state the entry state
   * @param at the event's instant
   * @param refereeFacts the referee's hashed facts
   * @return the referral
   */
  public static Referral create(
      ReferralId id, CustomerId referrer, @Nullable CustomerId refereeCustomer,
      ReferralState state, Instant at, PartyFacts refereeFacts) {
    return new Referral(
        id, referrer, refereeCustomer, state, Map.of(state, at), null, null, refereeFacts, 0);
  }

  /**
   * The referee as first seen.
   *
   * @return the referee subject
   */
  public SubjectId referee() {
    return id.referee();
  }

  /**
   * When the referral was first seen: the earliest instant in its history.
   *
   * @return the instant
   */
  public Instant createdAt() {
    return history.values().stream().min(Instant::compareTo).orElseThrow();
  }

  /**
   * Where the attribution window starts: the click, else the sign-up, else the share.
   *
   * @return the instant
   */
  public Instant windowStart() {
    for (ReferralState s : new ReferralState[] {ReferralState.CLICKED, ReferralState.SIGNED_UP}) {
      Instant at = history.get(s);
      if (at != null) {
        return at;
      }
    }
    return createdAt();
  }

  /**
   * When the referral entered a state.
   *
   * @param s the state
   * @return the instant, or empty if it never did
   */
  public Optional<Instant> enteredAt(ReferralState s) {
    return Optional.ofNullable(history.get(s));
  }

  /**
   * The next version in another state.
   *
   * @param next the state
   * @param at when it was entered
   * @param why the reason (for rejections and expiry), or null
   * @return the new version
   */
  public Referral moveTo(ReferralState next, Instant at, @Nullable String why) {
    Map<ReferralState, Instant> h = new EnumMap<>(ReferralState.class);
    h.putAll(history);
    h.put(next, at);
    return new Referral(
        id, referrer, refereeCustomer, next, h, why, rewardReference, refereeFacts, version + 1);
  }

  /**
   * This referral with more about the referee (same version: use before {@link #moveTo}).
   *
   * @param customer the referee's customer id, or null to keep the current one
   * @param facts facts learnt now
   * @return the referral
   */
  public Referral withReferee(@Nullable CustomerId customer, PartyFacts facts) {
    return new Referral(
        id, referrer, customer != null ? customer : refereeCustomer, state, history, reason,
        rewardReference, refereeFacts.mergedWith(facts), version);
  }

  /**
   * The rewarded version.
   *
   * @param reference the host's reward reference
   * @param at when
   * @return the new version
   */
  Referral rewarded(String reference, Instant at) {
    Referral moved = moveTo(ReferralState.REWARDED, at, null);
    return new Referral(
        id, referrer, refereeCustomer, moved.state, moved.history, null, reference, refereeFacts,
        moved.version);
  }
}
