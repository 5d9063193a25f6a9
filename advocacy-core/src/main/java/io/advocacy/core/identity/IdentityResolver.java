package io.advocacy.core.identity;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SubjectId;
import java.util.Optional;

/**
 * Answers which customer a subject is: a {@link CustomerId} is itself; an anonymous id is the
 * customer it has been linked to, if any. Host applications with their own identity graph
 * implement this interface; {@link IdentityGraph} is the in-memory default.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IdentityResolver {
  /**
   * The customer a subject is.
   *
   * @param subject a customer or anonymous id
   * @return the customer, or empty for an anonymous id not linked yet
   */
  Optional<CustomerId> customerOf(SubjectId subject);
}
