package io.advocacy.core.internal;

import io.advocacy.core.AccountId;
import io.advocacy.core.crm.OpportunityId;
import io.advocacy.core.crm.OpportunityRecord;
import io.advocacy.core.crm.OpportunityStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-memory {@link OpportunityStore}: a concurrent map, compare-and-set by version inside
 * {@link ConcurrentHashMap#compute}. {@link #findByAccount} scans every record.
 *
 * <p>This class is thread-safe.
 */
public final class InMemoryOpportunityStore implements OpportunityStore {
  private final Map<OpportunityId, OpportunityRecord> records = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryOpportunityStore() {}

  @Override
  public boolean insert(OpportunityRecord record) {
    Objects.requireNonNull(record, "record");
    if (record.version() != 0) {
      throw new IllegalArgumentException(
          "a new opportunity record must have version 0: " + record.version());
    }
    return records.putIfAbsent(record.id(), record) == null;
  }

  @Override
  public Optional<OpportunityRecord> find(OpportunityId id) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public boolean replace(OpportunityRecord expected, OpportunityRecord next) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    if (!expected.id().equals(next.id())) {
      throw new IllegalArgumentException(
          "cannot replace opportunity " + expected.id() + " with " + next.id());
    }
    if (next.version() != expected.version() + 1) {
      throw new IllegalArgumentException(
          "next version must be " + (expected.version() + 1) + ", not " + next.version());
    }
    AtomicBoolean replaced = new AtomicBoolean();
    records.computeIfPresent(
        expected.id(),
        (id, current) -> {
          if (current.version() != expected.version()) {
            return current;
          }
          replaced.set(true);
          return next;
        });
    return replaced.get();
  }

  @Override
  public List<OpportunityRecord> findByAccount(AccountId account) {
    Objects.requireNonNull(account, "account");
    return records.values().stream()
        .filter(r -> r.opportunity().account().equals(account))
        .toList();
  }

  @Override
  public List<OpportunityRecord> all() {
    return List.copyOf(records.values());
  }
}
