package io.advocacy.core.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.core.contact.SuppressionEvent;
import io.advocacy.core.contact.SuppressionFacts;
import io.advocacy.core.contact.SuppressionStore;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The in-memory {@link SuppressionStore}: an atomic update per customer. Thread-safe. */
public final class InMemorySuppressionStore implements SuppressionStore {
  private final ConcurrentMap<CustomerId, SuppressionFacts> facts = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemorySuppressionStore() {}

  @Override
  public boolean record(SuppressionEvent event) {
    Objects.requireNonNull(event, "event");
    boolean[] added = {false};
    facts.compute(
        event.customer(),
        (customer, current) -> {
          SuppressionFacts before = current == null ? SuppressionFacts.none(customer) : current;
          SuppressionFacts after = before.with(event);
          added[0] = after != before;
          return after;
        });
    return added[0];
  }

  @Override
  public SuppressionFacts facts(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return facts.getOrDefault(customer, SuppressionFacts.none(customer));
  }
}
