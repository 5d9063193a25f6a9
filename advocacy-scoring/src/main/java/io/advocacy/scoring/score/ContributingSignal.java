package io.advocacy.scoring.score;

import io.advocacy.core.SignalId;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Objects;

/**
 * One signal's part in a score.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the signal's id
 * @param type its type
 * @param at when it happened
 * @param component the component it fed
 * @param contribution its contribution when it happened
 * @param points its share of the score as of the explanation's instant, in score points,
 *     before saturation: {@code ±100 · weight · cap · contribution · decay / (scale · W)}
 */
public record ContributingSignal(
    SignalId id, SignalType type, Instant at, Component component, double contribution,
    double points) {
  /**
   * Validates the signal's part.
   *
   * @param id the signal's id
   * @param type its type
   * @param at when
   * @param component the component
   * @param contribution its contribution
   * @param points its share in points
   */
  public ContributingSignal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(component, "component");
  }
}
