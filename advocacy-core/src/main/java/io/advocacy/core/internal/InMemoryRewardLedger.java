package io.advocacy.core.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.core.reward.ComplianceDecision;
import io.advocacy.core.reward.IssueGuard;
import io.advocacy.core.reward.IssueResult;
import io.advocacy.core.reward.LedgerEntry;
import io.advocacy.core.reward.LedgerEntryType;
import io.advocacy.core.reward.Reward;
import io.advocacy.core.reward.RewardId;
import io.advocacy.core.reward.RewardLedger;
import io.advocacy.core.reward.RewardRequest;
import io.advocacy.core.reward.RewardValue;
import io.advocacy.core.reward.TransitionResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-memory {@link RewardLedger}. Every read and write holds one lock, so issuing is atomic
 * across all payees; memory grows with every entry and key for the ledger's lifetime.
 *
 * <p>This class is thread-safe.
 */
public final class InMemoryRewardLedger implements RewardLedger {
  private final Object lock = new Object();
  private final List<LedgerEntry> entries = new ArrayList<>();
  private final Map<String, RewardId> byKey = new HashMap<>();
  private final Map<RewardId, Reward> rewards = new HashMap<>();
  private final Map<CustomerId, List<RewardId>> byPayee = new HashMap<>();

  /** Creates an empty ledger. */
  public InMemoryRewardLedger() {}

  @Override
  public IssueResult issue(
      RewardRequest request, Instant issuedAt, Instant payableAt, IssueGuard guard) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(payableAt, "payableAt");
    Objects.requireNonNull(guard, "guard");
    if (payableAt.isBefore(issuedAt)) {
      throw new IllegalArgumentException("payableAt " + payableAt + " is before issuedAt " + issuedAt);
    }
    synchronized (lock) {
      RewardId existing = byKey.get(request.idempotencyKey());
      if (existing != null) {
        Reward reward = rewards.get(existing);
        IssueResult.Status status = reward.request().equals(request)
            ? IssueResult.Status.DUPLICATE
            : IssueResult.Status.KEY_CONFLICT;
        return new IssueResult(status, reward, reward.decision());
      }
      ComplianceDecision decision = Objects.requireNonNull(guard.check(this), "guard decision");
      if (!decision.isAllowed()) {
        return new IssueResult(IssueResult.Status.DENIED, null, decision);
      }
      long sequence = entries.size() + 1L;
      RewardId id = RewardId.of("r-" + sequence);
      entries.add(new LedgerEntry(sequence, LedgerEntryType.ISSUED, id, sequence,
          request.payee(), request.value(), issuedAt, ""));
      Reward reward = new Reward(id, sequence, request, issuedAt, payableAt,
          LedgerEntryType.ISSUED, decision);
      rewards.put(id, reward);
      byKey.put(request.idempotencyKey(), id);
      byPayee.computeIfAbsent(request.payee(), p -> new ArrayList<>()).add(id);
      return new IssueResult(IssueResult.Status.ISSUED, reward, decision);
    }
  }

  @Override
  public TransitionResult approve(RewardId id, Instant at) {
    return transition(id, at, LedgerEntryType.APPROVED, "");
  }

  @Override
  public TransitionResult fulfil(RewardId id, Instant at) {
    return transition(id, at, LedgerEntryType.FULFILLED, "");
  }

  @Override
  public TransitionResult voidReward(RewardId id, Instant at, String note) {
    return transition(id, at, LedgerEntryType.VOIDED, Objects.requireNonNull(note, "note"));
  }

  @Override
  public TransitionResult reverse(RewardId id, Instant at, String note) {
    return transition(id, at, LedgerEntryType.REVERSED, Objects.requireNonNull(note, "note"));
  }

  private TransitionResult transition(RewardId id, Instant at, LedgerEntryType next, String note) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      Reward reward = rewards.get(id);
      if (reward == null) {
        return new TransitionResult(TransitionResult.Status.UNKNOWN_REWARD, null, null);
      }
      if (!reward.status().canMoveTo(next)) {
        return new TransitionResult(TransitionResult.Status.NOT_ALLOWED, reward, null);
      }
      if (next == LedgerEntryType.FULFILLED && !reward.isPayableAt(at)) {
        return new TransitionResult(TransitionResult.Status.NOT_YET_PAYABLE, reward, null);
      }
      long sequence = entries.size() + 1L;
      LedgerEntry entry = new LedgerEntry(sequence, next, id, reward.issuedSequence(),
          reward.request().payee(), reward.request().value(), at, note);
      entries.add(entry);
      Reward updated = reward.withStatus(next);
      rewards.put(id, updated);
      return new TransitionResult(TransitionResult.Status.APPLIED, updated, entry);
    }
  }

  @Override
  public Optional<Reward> find(RewardId id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return Optional.ofNullable(rewards.get(id));
    }
  }

  @Override
  public Optional<Reward> findByKey(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    synchronized (lock) {
      RewardId id = byKey.get(idempotencyKey);
      return id == null ? Optional.empty() : Optional.of(rewards.get(id));
    }
  }

  @Override
  public List<LedgerEntry> entries() {
    synchronized (lock) {
      return List.copyOf(entries);
    }
  }

  @Override
  public List<Reward> rewardsOf(CustomerId payee) {
    Objects.requireNonNull(payee, "payee");
    synchronized (lock) {
      List<RewardId> ids = byPayee.getOrDefault(payee, List.of());
      List<Reward> out = new ArrayList<>(ids.size());
      for (RewardId id : ids) {
        out.add(rewards.get(id));
      }
      return List.copyOf(out);
    }
  }

  @Override
  public RewardValue balance(CustomerId payee, String unit) {
    Objects.requireNonNull(payee, "payee");
    Objects.requireNonNull(unit, "unit");
    BigDecimal sum = BigDecimal.ZERO;
    synchronized (lock) {
      for (LedgerEntry e : entries) {
        if (e.payee().equals(payee) && e.value().unit().equals(unit)) {
          sum = sum.add(e.balanceDelta());
        }
      }
    }
    return new RewardValue(unit, sum);
  }
}
