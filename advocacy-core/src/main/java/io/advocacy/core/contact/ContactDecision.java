package io.advocacy.core.contact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The contact policy's answer to an {@link Ask}: allowed, deferred until an instant, or denied,
 * with machine-readable reasons.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param ask the ask decided
 * @param outcome allowed, deferred or denied
 * @param deferredUntil for a deferral, the earliest instant at which the ask would pass the
 *     quiet hours and frequency rules as they stand; null otherwise
 * @param reasons why; empty for a plain allowance, {@link ContactReasonCode#DUPLICATE_ASK} for
 *     an ask id decided before
 * @param reservation the slot held in the contact history when allowed by {@link
 *     ContactPolicy#decide}; null for a preview and for other outcomes
 */
public record ContactDecision(
    Ask ask,
    ContactOutcome outcome,
    @Nullable Instant deferredUntil,
    List<ContactReason> reasons,
    @Nullable ContactReservation reservation) {
  /**
   * Validates the decision.
   *
   * @param ask the ask
   * @param outcome the outcome
   * @param deferredUntil the deferral instant, only for a deferral
   * @param reasons the reasons, not empty unless allowed
   * @param reservation the slot held, only when allowed
   * @throws IllegalArgumentException if the parts contradict each other
   */
  public ContactDecision {
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(outcome, "outcome");
    reasons = List.copyOf(reasons);
    if ((outcome == ContactOutcome.DEFERRED) != (deferredUntil != null)) {
      throw new IllegalArgumentException(
          "decision " + outcome + " with deferredUntil " + deferredUntil);
    }
    if (outcome != ContactOutcome.ALLOWED && (reasons.isEmpty() || reservation != null)) {
      throw new IllegalArgumentException(
          "decision " + outcome + " needs reasons and no reservation: " + reasons);
    }
  }

  /**
   * Whether the ask may go out now.
   *
   * @return true if allowed
   */
  public boolean allowed() {
    return outcome == ContactOutcome.ALLOWED;
  }

  /**
   * The reason codes, for matching.
   *
   * @return the codes of {@link #reasons()}
   */
  public Set<ContactReasonCode> codes() {
    return reasons.stream().map(ContactReason::code).collect(Collectors.toUnmodifiableSet());
  }
}
