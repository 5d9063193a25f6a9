package io.advocacy.core.crm;

import io.advocacy.core.SignalId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link OpportunityBook} did with one signal.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param signal the signal's id
 * @param status what happened
 * @param opportunity the opportunity after the signal (for a duplicate: as stored), or null
 *     when rejected
 * @param reason why it was rejected, or null unless {@code status} is {@link
 *     Status#REJECTED}
 * @param message what happened, for people: which signal, which attribute, why
 */
public record ApplyResult(
    SignalId signal,
    Status status,
    @Nullable Opportunity opportunity,
    @Nullable CrmRejectReason reason,
    String message) {

  /**
   * The outcome of applying a signal.
   *
   * <p>Immutable; thread-safe.
   */
  public enum Status {
    /** The signal made a new opportunity known. */
    CREATED,
    /** The signal changed a known opportunity. */
    UPDATED,
    /** The signal was recorded but changed nothing (a repeat with a new id, or superseded). */
    UNCHANGED,
    /** A signal with the same id was applied before; nothing happened. */
    DUPLICATE,
    /** The signal was not applied; see the reason. Nothing was recorded. */
    REJECTED
  }

  /**
   * Validates the result.
   *
   * @param signal the signal's id
   * @param status what happened
   * @param opportunity the opportunity after the signal, or null when rejected
   * @param reason why it was rejected, or null unless rejected
   * @param message what happened, for people
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the opportunity or reason does not suit the status
   */
  public ApplyResult {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    boolean rejected = status == Status.REJECTED;
    if (rejected != (reason != null)) {
      throw new IllegalArgumentException(
          "a " + status + " result " + (rejected ? "needs" : "must not have") + " a reason");
    }
    if (rejected == (opportunity != null)) {
      throw new IllegalArgumentException(
          "a " + status + " result " + (rejected ? "must not have" : "needs") + " an opportunity");
    }
  }

  /**
   * The opportunity, for callers that must think about its absence.
   *
   * @return the opportunity, or empty when rejected
   */
  public Optional<Opportunity> opportunityIfAny() {
    return Optional.ofNullable(opportunity);
  }

  /**
   * Whether the signal took effect (created, updated or recorded unchanged).
   *
   * @return true unless duplicate or rejected
   */
  public boolean applied() {
    return status != Status.DUPLICATE && status != Status.REJECTED;
  }
}
