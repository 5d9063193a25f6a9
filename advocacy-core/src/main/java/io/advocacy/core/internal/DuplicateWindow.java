package io.advocacy.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent ids seen in one input, to reject a duplicate idempotency id within
 * a batch or stream in constant memory. Holds at most {@code capacity} ids; an id older than
 * that is forgotten (the engine's de-duplication store covers longer horizons).
 *
 * <p>Not thread-safe; one per adapter run.
 */
public final class DuplicateWindow {
  private final Map<String, Boolean> recent;

  /**
   * A window.
   *
   * @param capacity most ids remembered, at least 1
   */
  public DuplicateWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("duplicate window capacity must be at least 1: " + capacity);
    }
    this.recent =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Records an id.
   *
   * @param id the id
   * @return true if it is new, false if it was seen within the window
   */
  public boolean firstSighting(String id) {
    return recent.putIfAbsent(id, Boolean.TRUE) == null;
  }
}
