package io.advocacy.core.identity;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A link stating that an anonymous visitor is a known customer, as a Segment {@code identify}
 * call (an {@code anonymousId} with a {@code userId}) or {@code alias} call (a
 * {@code previousId} with a {@code userId}) says.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param anonymousId the anonymous visitor
 * @param customer the customer the visitor is
 * @param linkedAt when the link was observed
 */
public record IdentityLink(AnonymousId anonymousId, CustomerId customer, Instant linkedAt) {
  /**
   * Validates the link.
   *
   * @param anonymousId the anonymous visitor
   * @param customer the customer the visitor is
   * @param linkedAt when the link was observed
   * @throws NullPointerException if a component is null
   */
  public IdentityLink {
    Objects.requireNonNull(anonymousId, "anonymousId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(linkedAt, "linkedAt");
  }

  /**
   * The link an {@link SignalType#IDENTITY_LINKED} signal states: its subject is the customer,
   * its attribute {@value Signal#ANONYMOUS_ID_ATTRIBUTE} the anonymous id.
   *
   * @param signal any signal
   * @return the link, or empty when the signal is not an identity link about a customer with
   *     a valid anonymous id
   */
  public static Optional<IdentityLink> fromSignal(Signal signal) {
    if (!signal.type().equals(SignalType.IDENTITY_LINKED)
        || !(signal.subject() instanceof CustomerId customer)) {
      return Optional.empty();
    }
    return signal
        .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE)
        .filter(a -> io.advocacy.core.internal.Require.identifierProblem(a) == null)
        .map(a -> new IdentityLink(AnonymousId.of(a), customer, signal.occurredAt()));
  }
}
