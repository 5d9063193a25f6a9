package io.advocacy.journeys;

import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The asks a journey made, as core {@link Touchpoint}s for attribution: every {@link
 * ActionKind#ASK} action whose parameters name a {@code motion} (a {@link Motion} name) becomes
 * a touch of its customer on the {@code channel} parameter (default {@code email}), with the
 * motion and the journey's id. Other actions, and asks without a valid motion, are not touches.
 *
 * <p>Stateless; thread-safe.
 */
public final class JourneyTouchpoints {
  /** The action parameter naming the motion of an ask. */
  public static final String MOTION = "motion";
  /** The action parameter naming the channel of an ask. */
  public static final String CHANNEL = "channel";

  private JourneyTouchpoints() {}

  /**
   * The touches of a step's actions.
   *
   * @param journey the journey the actions came from
   * @param actions the actions
   * @return one touch per ask with a motion, in order
   */
  public static List<Touchpoint> of(JourneyId journey, List<ActionRequest> actions) {
    List<Touchpoint> out = new ArrayList<>();
    for (ActionRequest a : actions) {
      if (a.kind() != ActionKind.ASK) {
        continue;
      }
      Motion motion;
      try {
        motion = Motion.valueOf(a.params().getOrDefault(MOTION, "").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        continue;
      }
      String channel = a.params().getOrDefault(CHANNEL, "email").toLowerCase(Locale.ROOT);
      out.add(Touchpoint.builder(a.customer(), Channel.of(channel), a.at())
          .motion(motion).journey(journey).build());
    }
    return List.copyOf(out);
  }
}
