package io.advocacy.core.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.recognition.Act;
import io.advocacy.core.recognition.RecognitionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The in-memory {@link RecognitionStore}. Thread-safe. */
public final class InMemoryRecognitionStore implements RecognitionStore {
  private final ConcurrentMap<SignalId, CustomerId> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<CustomerId, List<Act>> acts = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryRecognitionStore() {}

  @Override
  public boolean add(CustomerId customer, Act act) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(act, "act");
    if (ids.putIfAbsent(act.id(), customer) != null) {
      return false;
    }
    acts.compute(customer, (c, list) -> {
      List<Act> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
      next.add(act);
      next.sort(Act.ORDER);
      return List.copyOf(next);
    });
    return true;
  }

  @Override
  public List<Act> acts(CustomerId customer) {
    return acts.getOrDefault(Objects.requireNonNull(customer, "customer"), List.of());
  }

  @Override
  public Set<CustomerId> customers() {
    return Set.copyOf(acts.keySet());
  }
}
