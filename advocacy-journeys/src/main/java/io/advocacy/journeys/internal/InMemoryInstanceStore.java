package io.advocacy.journeys.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AuditEntry;
import io.advocacy.journeys.Commit;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The in-memory {@link InstanceStore}: one lock, a timer index ordered by due time, an
 * insertion-ordered outbox. A customer's instance ids and an instance's audit trail are kept as
 * the single element itself while there is one (the common case), and as a list from the second
 * on, so an idle instance costs no list objects. Thread-safe.
 */
public final class InMemoryInstanceStore implements InstanceStore {
  /** A timer index entry, ordered by due instant, then instance id. */
  private record Due(Instant at, String id) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private final Object lock = new Object();
  private final Map<String, JourneyInstance> instances = new HashMap<>();
  // Values: a String (one instance) or an ArrayList<String> (several), oldest first.
  private final Map<CustomerId, Object> byCustomer = new HashMap<>();
  private final TreeSet<Due> timers = new TreeSet<>();
  private final Map<String, ActionRequest> outbox = new LinkedHashMap<>();
  private final java.util.Set<String> acknowledged = new java.util.HashSet<>();
  // Values: an AuditEntry (one) or an ArrayList<AuditEntry> (several), in order.
  private final Map<String, Object> audit = new HashMap<>();

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
        byCustomer.merge(next.customer(), next.id(), InMemoryInstanceStore::append);
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
      for (AuditEntry e : commit.audit()) {
        audit.merge(next.id(), e, InMemoryInstanceStore::append);
      }
      return true;
    }
  }

  /** Merges one more element into a single element or a list of them. */
  private static Object append(Object existing, Object added) {
    if (existing instanceof ArrayList<?> list) {
      @SuppressWarnings("unchecked") // only this class creates these lists, as ArrayList<Object>
      ArrayList<Object> objects = (ArrayList<Object>) list;
      objects.add(added);
      return objects;
    }
    ArrayList<Object> two = new ArrayList<>(4);
    two.add(existing);
    two.add(added);
    return two;
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
      Object ids = byCustomer.get(customer);
      if (ids == null) {
        return List.of();
      }
      if (ids instanceof String id) {
        return List.of(instances.get(id));
      }
      List<JourneyInstance> out = new ArrayList<>();
      for (Object id : (List<?>) ids) {
        out.add(instances.get((String) id));
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
      Object trail = audit.get(instance);
      if (trail == null) {
        return List.of();
      }
      if (trail instanceof AuditEntry e) {
        return List.of(e);
      }
      List<AuditEntry> out = new ArrayList<>();
      for (Object e : (List<?>) trail) {
        out.add((AuditEntry) e);
      }
      return List.copyOf(out);
    }
  }
}
