package io.advocacy.core.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.referral.IssuedCode;
import io.advocacy.core.referral.Referral;
import io.advocacy.core.referral.ReferralState;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.referral.ReferralStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-memory {@link ReferralStore}: concurrent maps, compare-and-set by version inside
 * {@link ConcurrentHashMap#compute}.
 *
 * <p>This class is thread-safe.
 */
public final class InMemoryReferralStore implements ReferralStore {
  private final Map<ReferralCode, IssuedCode> codes = new ConcurrentHashMap<>();
  private final Map<ReferralId, Referral> referrals = new ConcurrentHashMap<>();
  private final Map<SubjectId, Set<ReferralId>> byReferee = new ConcurrentHashMap<>();
  private final Map<SignalId, Instant> processed = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryReferralStore() {}

  @Override
  public boolean insertCode(IssuedCode code) {
    Objects.requireNonNull(code, "code");
    return codes.putIfAbsent(code.code(), code) == null;
  }

  @Override
  public Optional<IssuedCode> findCode(ReferralCode code) {
    return Optional.ofNullable(codes.get(Objects.requireNonNull(code, "code")));
  }

  @Override
  public boolean insertReferral(Referral referral) {
    Objects.requireNonNull(referral, "referral");
    if (referral.version() != 0) {
      throw new IllegalArgumentException("a new referral must have version 0: " + referral.version());
    }
    // Index first: a reader that sees the referral by id must also find it by referee.
    index(referral);
    return referrals.putIfAbsent(referral.id(), referral) == null;
  }

  private void index(Referral r) {
    byReferee.computeIfAbsent(r.referee(), k -> ConcurrentHashMap.newKeySet()).add(r.id());
    if (r.refereeCustomer() != null) {
      byReferee.computeIfAbsent(r.refereeCustomer(), k -> ConcurrentHashMap.newKeySet()).add(r.id());
    }
  }

  @Override
  public Optional<Referral> findReferral(ReferralId id) {
    return Optional.ofNullable(referrals.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<Referral> findByReferee(SubjectId referee) {
    Set<ReferralId> ids = byReferee.getOrDefault(Objects.requireNonNull(referee, "referee"), Set.of());
    return ids.stream().map(referrals::get).filter(Objects::nonNull).toList();
  }

  @Override
  public boolean replaceReferral(Referral expected, Referral next) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    if (!expected.id().equals(next.id())) {
      throw new IllegalArgumentException("ids differ: " + expected.id() + " and " + next.id());
    }
    if (next.version() != expected.version() + 1) {
      throw new IllegalArgumentException(
          "next version must be " + (expected.version() + 1) + ": " + next.version());
    }
    AtomicBoolean replaced = new AtomicBoolean();
    referrals.computeIfPresent(expected.id(), (id, current) -> {
      if (current.version() != expected.version()) {
        return current;
      }
      replaced.set(true);
      return next;
    });
    if (replaced.get()) {
      // After the swap, so a lost race leaves no index entry behind; a reader may briefly find
      // the new version by id before it finds it by the referee's customer id.
      index(next);
    }
    return replaced.get();
  }

  @Override
  public int countCreatedBy(CustomerId referrer, Instant from, Instant to, ReferralId except) {
    return (int) referrals.values().stream()
        .filter(r -> r.referrer().equals(referrer) && !r.id().equals(except))
        .map(Referral::createdAt)
        .filter(at -> !at.isBefore(from) && !at.isAfter(to))
        .count();
  }

  @Override
  public List<Referral> findOpenStartedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    return referrals.values().stream()
        .filter(r -> r.state() == ReferralState.SHARED || r.state() == ReferralState.CLICKED
            || r.state() == ReferralState.SIGNED_UP)
        .filter(r -> r.windowStart().isBefore(cutoff))
        .sorted(java.util.Comparator.comparing(Referral::windowStart)
            .thenComparing(r -> r.id().toString()))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean markProcessed(SignalId id, Instant at) {
    Objects.requireNonNull(at, "at");
    return processed.putIfAbsent(Objects.requireNonNull(id, "id"), at) == null;
  }

  @Override
  public int forgetProcessedBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int before = processed.size();
    processed.values().removeIf(at -> at.isBefore(cutoff));
    return before - processed.size();
  }
}
