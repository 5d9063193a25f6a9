package io.advocacy.journeys.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AuditEntry;
import io.advocacy.journeys.Commit;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The in-memory {@link InstanceStore}: one lock, a timer index ordered by due time, an
 * insertion-ordered outbox. Thread-safe.
 */
public final class InMemoryInstanceStore implements InstanceStore {
  private record Due(Instant at, String id) {}

  private static final Comparator<Due> ORDER =
      Comparator.comparing(Due::at).thenComparing(Due::id);

  private final Object lock = new Object();
  private final Map<String, JourneyInstance> instances = new HashMap<>();
  private final Map<CustomerId, List<String>> byCustomer = new HashMap<>();
  private final TreeSet<Due> timers = new TreeSet<>(ORDER);
  private final Map<String, ActionRequest> outbox = new LinkedHashMap<>();
  private final java.util.Set<String> acknowledged = new java.util.HashSet<>();
  private final Map<String, List<AuditEntry>> audit = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryInstanceStore() {}

  @Override
  public boolean commit(Commit commit) {
    Objects.requireNonNull(commit, "commit");
    JourneyInstance next = commit.instance();
    synchronized (lock) {
      JourneyInstance current = instances.get(next.id());
      long revision = current == null ? -1 : current.revision();
      if (revision != commit.expectedRevision()) {
        return false;
      }
      if (current != null) {
        current.nextDue().ifPresent(d -> timers.remove(new Due(d, current.id())));
      } else {
        byCustomer.computeIfAbsent(next.customer(), c -> new ArrayList<>()).add(next.id());
      }
      instances.put(next.id(), next);
      if (next.running()) {
        next.nextDue().ifPresent(d -> timers.add(new Due(d, next.id())));
      }
      for (ActionRequest a : commit.actions()) {
        if (!acknowledged.contains(a.idempotencyKey())) {
          outbox.putIfAbsent(a.idempotencyKey(), a);
        }
      }
      if (!commit.audit().isEmpty()) {
        audit.computeIfAbsent(next.id(), k -> new ArrayList<>()).addAll(commit.audit());
      }
      return true;
    }
  }

  @Override
  public Optional<JourneyInstance> find(String id) {
    synchronized (lock) {
      return Optional.ofNullable(instances.get(id));
    }
  }

  @Override
  public List<JourneyInstance> byCustomer(CustomerId customer) {
    synchronized (lock) {
      List<JourneyInstance> out = new ArrayList<>();
      for (String id : byCustomer.getOrDefault(customer, List.of())) {
        out.add(instances.get(id));
      }
      return List.copyOf(out);
    }
  }

  @Override
  public List<JourneyInstance> due(Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    synchronized (lock) {
      List<JourneyInstance> out = new ArrayList<>();
      for (Due d : timers) {
        if (d.at().isAfter(now) || out.size() == limit) {
          break;
        }
        out.add(instances.get(d.id()));
      }
      return List.copyOf(out);
    }
  }

  @Override
  public List<ActionRequest> pending(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    synchronized (lock) {
      return outbox.values().stream().limit(limit).toList();
    }
  }

  @Override
  public boolean acknowledge(String idempotencyKey) {
    synchronized (lock) {
      acknowledged.add(idempotencyKey);
      return outbox.remove(idempotencyKey) != null;
    }
  }

  @Override
  public List<AuditEntry> audit(String instance) {
    synchronized (lock) {
      return List.copyOf(audit.getOrDefault(instance, List.of()));
    }
  }
}
