package io.advocacy.core.identity;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Attributes signals to customers, holding the signals of anonymous visitors until an identity
 * link says who they are. A referral click from an unknown visitor, for example, is held;
 * when the visitor signs up and is identified, {@link #link(IdentityLink)} returns the click
 * attributed to the new customer.
 *
 * <pre>{@code
 * IdentityStitcher stitcher = IdentityStitcher.create(new IdentityGraph(), 100, Duration.ofDays(30));
 * Optional<Signal> ready = stitcher.offer(click);            // empty: held
 * List<Signal> released = stitcher.link(link);               // [click attributed to customer]
 * }</pre>
 *
 * <p>Nothing is lost silently: a signal offered is either returned attributed at once, held
 * and returned later by {@link #link(IdentityLink)}, or returned by {@link #expire(Instant)}
 * (held past the horizon) or as an eviction (more than {@code maxHeldPerVisitor} held for one
 * visitor, oldest first), so the caller can account for it. Memory: the held signals, at most
 * {@code maxHeldPerVisitor} per anonymous id, for at most the horizon.
 *
 * <p>This class is thread-safe; its methods are serialised on the instance.
 */
public final class IdentityStitcher {
  private final IdentityGraph graph;
  private final int maxHeldPerVisitor;
  private final Duration horizon;
  private final Map<AnonymousId, Deque<Signal>> held = new HashMap<>();
  private int heldCount;

  private IdentityStitcher(IdentityGraph graph, int maxHeldPerVisitor, Duration horizon) {
    this.graph = graph;
    this.maxHeldPerVisitor = maxHeldPerVisitor;
    this.horizon = horizon;
  }

  /**
   * Creates a stitcher over a graph.
   *
   * @param graph the identity graph it records links in and resolves subjects with
   * @param maxHeldPerVisitor most signals held for one anonymous id, at least 1
   * @param horizon how long a signal is held, measured from its instant; positive
   * @return the stitcher
   * @throws IllegalArgumentException if a limit is not positive
   */
  public static IdentityStitcher create(
      IdentityGraph graph, int maxHeldPerVisitor, Duration horizon) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(horizon, "horizon");
    if (maxHeldPerVisitor < 1) {
      throw new IllegalArgumentException(
          "maxHeldPerVisitor must be at least 1: " + maxHeldPerVisitor);
    }
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive: " + horizon);
    }
    return new IdentityStitcher(graph, maxHeldPerVisitor, horizon);
  }

  /** What {@link #offer(Signal)} did with a signal. */
  public sealed interface Offer {
    /**
     * The signal, attributed to its customer.
     *
     * @param signal the attributed signal
     */
    record Ready(Signal signal) implements Offer {}

    /**
     * The signal is held until its visitor is identified.
     *
     * @param evicted the oldest held signal of the same visitor, dropped to stay within the
     *     limit, if one was
     */
    record Held(Optional<Signal> evicted) implements Offer {}
  }

  /**
   * Offers a signal: a customer's signal, or a linked visitor's, is returned attributed at
   * once; an unknown visitor's is held. An {@code identity_linked} signal is treated like any
   * other and does not record a link: pass {@link IdentityLink#fromSignal(Signal)} to
   * {@link #link(IdentityLink)} to record it and release the visitor's held signals.
   *
   * @param signal the signal
   * @return ready or held
   */
  public synchronized Offer offer(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    Optional<CustomerId> customer = graph.customerOf(signal.subject());
    if (customer.isPresent()) {
      return new Offer.Ready(signal.attributedTo(customer.get()));
    }
    Deque<Signal> queue = held.computeIfAbsent((AnonymousId) signal.subject(), k -> new ArrayDeque<>());
    queue.addLast(signal);
    heldCount++;
    if (queue.size() > maxHeldPerVisitor) {
      heldCount--;
      return new Offer.Held(Optional.of(queue.removeFirst()));
    }
    return new Offer.Held(Optional.empty());
  }

  /**
   * Records a link and releases the visitor's held signals, attributed to the customer and
   * ordered by instant. A link that conflicts with an earlier one releases the signals to the
   * customer of the earlier link — the visitor is that customer.
   *
   * @param link the link
   * @return the released signals (empty if none were held)
   */
  public synchronized List<Signal> link(IdentityLink link) {
    Objects.requireNonNull(link, "link");
    graph.link(link);
    CustomerId customer = graph.customerOf(link.anonymousId()).orElseThrow();
    Deque<Signal> queue = held.remove(link.anonymousId());
    if (queue == null) {
      return List.of();
    }
    heldCount -= queue.size();
    List<Signal> released = new ArrayList<>(queue.size());
    for (Signal s : queue) {
      released.add(s.attributedTo(customer));
    }
    released.sort(Comparator.comparing(Signal::occurredAt).thenComparing(s -> s.id().value()));
    return released;
  }

  /**
   * Drops the held signals whose instant is more than the horizon before {@code now}.
   *
   * @param now the current instant, from the host's clock
   * @return the dropped signals, for the caller to account for
   */
  public synchronized List<Signal> expire(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant cutoff = now.minus(horizon);
    List<Signal> expired = new ArrayList<>();
    for (Iterator<Deque<Signal>> it = held.values().iterator(); it.hasNext(); ) {
      Deque<Signal> queue = it.next();
      queue.removeIf(
          s -> {
            boolean old = s.occurredAt().isBefore(cutoff);
            if (old) {
              expired.add(s);
            }
            return old;
          });
      if (queue.isEmpty()) {
        it.remove();
      }
    }
    heldCount -= expired.size();
    return expired;
  }

  /**
   * How many signals are held.
   *
   * @return the count
   */
  public synchronized int heldCount() {
    return heldCount;
  }
}
