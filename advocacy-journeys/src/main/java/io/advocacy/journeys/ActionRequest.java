package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An action a step emitted, for the host's handler: with a deterministic idempotency key
 * (instance, revision of the step, where it came from, position), so a retried step or handler
 * never duplicates it.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param idempotencyKey the key, stable across retries of the same step
 * @param instance the instance's id
 * @param customer the customer
 * @param name the action's registered name
 * @param kind what it does
 * @param params its parameters
 * @param at when the step happened
 */
public record ActionRequest(
    String idempotencyKey, String instance, CustomerId customer, String name, ActionKind kind,
    Map<String, String> params, Instant at) {
  /**
   * Validates the request.
   *
   * @param idempotencyKey the key
   * @param instance the instance
   * @param customer the customer
   * @param name the name
   * @param kind the kind
   * @param params the parameters
   * @param at when
   */
  public ActionRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    params = Map.copyOf(params);
    Objects.requireNonNull(at, "at");
  }
}
