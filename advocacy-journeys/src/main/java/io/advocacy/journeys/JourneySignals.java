package io.advocacy.journeys;

import io.advocacy.core.signal.SignalType;
import io.advocacy.core.signal.ValueRule;

/**
 * Signal types the journey engine itself produces for the journeys it runs.
 *
 * <p>Immutable; thread-safe.
 */
public final class JourneySignals {
  /**
   * The contact policy denied an ask this instance emitted. The engine applies it to the
   * instance right away, so a journey branches on a denial with an ordinary transition, e.g.
   * {@code .from("invited").on(JourneySignals.ASK_DENIED).to("not_asked")}. Its attributes:
   * {@code action} (the action's name), {@code motion}, {@code channel} and {@code reasons}
   * (the reason codes, comma-separated, or {@code INVALID_ASK}); its id is the ask's idempotency
   * key followed by {@code :denied}.
   */
  public static final SignalType ASK_DENIED = SignalType.custom("ask_denied", ValueRule.ANY);

  private JourneySignals() {}
}
