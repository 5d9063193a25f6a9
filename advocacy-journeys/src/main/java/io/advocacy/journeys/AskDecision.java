package io.advocacy.journeys;

import io.advocacy.core.contact.ContactDecision;
import io.advocacy.core.contact.ContactOutcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the contact policy said of one ask a journey emitted, before it could reach the outbox.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param action the ask
 * @param outcome allowed (it went to the outbox), deferred (the instance holds it until {@code
 *     decision.deferredUntil()}) or denied (its reasons are in the audit and the journey's
 *     {@link JourneySignals#ASK_DENIED} branch, if any, ran)
 * @param decision the contact policy's decision with its reasons; null when the ask could not be
 *     put to the policy at all (see {@code problem})
 * @param problem why the ask could not be decided (a missing or unknown {@code motion} or
 *     {@code channel} parameter); empty otherwise
 */
public record AskDecision(
    ActionRequest action, ContactOutcome outcome, @Nullable ContactDecision decision,
    String problem) {
  /**
   * Validates the record.
   *
   * @param action the ask
   * @param outcome the outcome
   * @param decision the policy's decision, or null with a problem
   * @param problem the problem, or empty
   */
  public AskDecision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(problem, "problem");
    if ((decision == null) == problem.isEmpty()) {
      throw new IllegalArgumentException("an ask decision has either a policy decision or a "
          + "problem: " + decision + ", '" + problem + "'");
    }
    if (decision != null && decision.outcome() != outcome) {
      throw new IllegalArgumentException("outcome " + outcome + " differs from the decision's "
          + decision.outcome());
    }
  }
}
