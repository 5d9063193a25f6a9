package io.advocacy.journeys;

import io.advocacy.core.profile.CustomerProfile;

/**
 * The host's code that carries out an action: sends the invitation, creates the CRM task,
 * notifies the owner. Registered with {@link AdvocacyEngine.Builder#handler}.
 *
 * <p>A handler may throw: the {@link AdvocacyEngine} records the failure and leaves the action in
 * the outbox, and the next {@code ingest} or {@code tick} tries it again with the same
 * idempotency key, so a handler that remembers keys it has carried out never does an action
 * twice. Handlers are called on the caller's thread; implementations used from several threads
 * must be thread-safe.
 */
@FunctionalInterface
public interface ActionHandler {
  /**
   * Carries out an action.
   *
   * @param action the action, with its idempotency key
   * @param profile the customer's profile
   * @throws Exception if it could not be carried out; it will be tried again
   */
  void handle(ActionRequest action, CustomerProfile profile) throws Exception;
}
