package io.advocacy.core.crm;

import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link OpportunityStore} keeps per opportunity: the opportunity as the {@link
 * OpportunityBook} last computed it, the signals it was computed from (so a late or repeated
 * signal can be placed in time order and recognised), and the version the store compares
 * before replacing it.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param opportunity the current opportunity
 * @param signals the applied signals, in time order (instant, then id); ids unique; not empty
 * @param version 0 when created, one more for each replacement
 */
public record OpportunityRecord(Opportunity opportunity, List<Signal> signals, long version) {
  /**
   * Validates the record and copies the signals.
   *
   * @param opportunity the current opportunity
   * @param signals the applied signals; ids unique; not empty
   * @param version at least 0
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if there are no signals, two share an id, or the version
   *     is negative
   */
  public OpportunityRecord {
    Objects.requireNonNull(opportunity, "opportunity");
    signals = List.copyOf(signals);
    if (signals.isEmpty()) {
      throw new IllegalArgumentException(
          "record of opportunity " + opportunity.id() + " has no signals");
    }
    Set<SignalId> seen = new HashSet<>();
    for (Signal s : signals) {
      if (!seen.add(s.id())) {
        throw new IllegalArgumentException(
            "record of opportunity " + opportunity.id() + " has signal " + s.id() + " twice");
      }
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  /**
   * The opportunity's id.
   *
   * @return the id
   */
  public OpportunityId id() {
    return opportunity.id();
  }

  /**
   * Whether a signal with this id was applied.
   *
   * @param id the signal id
   * @return true if it was
   */
  public boolean hasSignal(SignalId id) {
    Objects.requireNonNull(id, "id");
    return signals.stream().anyMatch(s -> s.id().equals(id));
  }
}
