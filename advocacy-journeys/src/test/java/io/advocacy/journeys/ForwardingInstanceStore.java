package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that hands every call to another, for tests that change one call (a commit that
 * fails, a read that lets something happen after it).
 */
class ForwardingInstanceStore implements InstanceStore {
  final InstanceStore inner;

  ForwardingInstanceStore(InstanceStore inner) {
    this.inner = inner;
  }

  @Override
  public boolean commit(Commit commit) {
    return inner.commit(commit);
  }

  @Override
  public Optional<JourneyInstance> find(String id) {
    return inner.find(id);
  }

  @Override
  public List<JourneyInstance> byCustomer(CustomerId customer) {
    return inner.byCustomer(customer);
  }

  @Override
  public List<JourneyInstance> due(Instant now, int limit) {
    return inner.due(now, limit);
  }

  @Override
  public List<ActionRequest> pending(int limit) {
    return inner.pending(limit);
  }

  @Override
  public boolean acknowledge(String idempotencyKey) {
    return inner.acknowledge(idempotencyKey);
  }

  @Override
  public List<AuditEntry> audit(String instance) {
    return inner.audit(instance);
  }
}
