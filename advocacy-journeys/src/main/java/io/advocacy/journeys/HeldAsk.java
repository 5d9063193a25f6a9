package io.advocacy.journeys;

import java.time.Instant;
import java.util.Objects;

/**
 * An ask the contact policy deferred: the instance holds it and the engine decides it again at
 * {@code retryAt} (quiet hours over, a frequency cap's window moved on). Like a timer it is data
 * the host persists with the instance, and it belongs to the state that emitted it: leaving the
 * state drops it, so a customer who reviewed meanwhile is not asked to review.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param action the ask, with the idempotency key it had when first emitted
 * @param retryAt when to decide it again
 * @param attempts how many times the contact policy has deferred it, at least 1
 */
public record HeldAsk(ActionRequest action, Instant retryAt, int attempts) {
  /**
   * Validates the held ask.
   *
   * @param action the ask
   * @param retryAt when to decide it again
   * @param attempts the deferrals so far, at least 1
   */
  public HeldAsk {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(retryAt, "retryAt");
    if (action.kind() != ActionKind.ASK) {
      throw new IllegalArgumentException("held action " + action.idempotencyKey() + " is "
          + action.kind() + ", not ASK");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts " + attempts + " is below 1");
    }
  }
}
