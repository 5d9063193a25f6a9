package io.advocacy.core.identity;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SubjectId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory identity graph: anonymous ids linked to customers. The first link of an
 * anonymous id stands; a later link to a different customer is reported as
 * {@link LinkOutcome#CONFLICT} and not recorded, so a shared device cannot move a visitor's
 * history from one customer to another. Recording the same link again is a no-op.
 *
 * <p>Memory: one map entry per linked anonymous id (about 150 bytes with short ids).
 *
 * <p>This class is thread-safe: concurrent links of the same anonymous id resolve to exactly
 * one {@link LinkOutcome#LINKED}.
 */
public final class IdentityGraph implements IdentityResolver {
  private final ConcurrentMap<AnonymousId, CustomerId> links = new ConcurrentHashMap<>();

  /** Creates an empty graph. */
  public IdentityGraph() {}

  /**
   * Records a link.
   *
   * @param link the link
   * @return whether it was recorded, already known, or in conflict with an earlier link
   */
  public LinkOutcome link(IdentityLink link) {
    Objects.requireNonNull(link, "link");
    CustomerId earlier = links.putIfAbsent(link.anonymousId(), link.customer());
    if (earlier == null) {
      return LinkOutcome.LINKED;
    }
    return earlier.equals(link.customer()) ? LinkOutcome.ALREADY_LINKED : LinkOutcome.CONFLICT;
  }

  @Override
  public Optional<CustomerId> customerOf(SubjectId subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject instanceof CustomerId customer) {
      return Optional.of(customer);
    }
    return Optional.ofNullable(links.get((AnonymousId) subject));
  }

  /**
   * How many anonymous ids are linked.
   *
   * @return the count
   */
  public int size() {
    return links.size();
  }
}
