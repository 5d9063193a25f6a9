package io.advocacy.journeys;

import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The asks a journey made and the acts it recorded, as core {@link Touchpoint}s for attribution.
 *
 * <ul>
 *   <li>An ask: every {@link ActionKind#ASK} action whose parameters name a {@code motion} (a
 *       {@link Motion} name) becomes a touch of its customer on the {@code channel} parameter
 *       (default {@code email}), with the motion and the journey's id. Other actions, and asks
 *       without a valid motion, are not touches.
 *   <li>An act: every transition in a step's audit triggered by one of the advocate's acts (see
 *       {@link #ACTS}: a review posted, a referral shared or converted, a story, reference or
 *       case study completed, a community post, a social mention) becomes a touch of the
 *       customer with the act's motion, the customer as the advocate, and the journey's id, on
 *       the channel named after the motion ({@code review}, {@code referral}, …), at the
 *       transition's instant.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class JourneyTouchpoints {
  /** The action parameter naming the motion of an ask. */
  public static final String MOTION = "motion";
  /** The action parameter naming the channel of an ask. */
  public static final String CHANNEL = "channel";

  /** The signal types that are an advocate's acts, with the motion each belongs to. */
  public static final Map<SignalType, Motion> ACTS = Map.of(
      SignalType.REVIEW_POSTED, Motion.REVIEW,
      SignalType.REFERRAL_SHARED, Motion.REFERRAL,
      SignalType.REFERRAL_CONVERTED, Motion.REFERRAL,
      SignalType.STORY_COMPLETED, Motion.TESTIMONIAL,
      SignalType.REFERENCE_COMPLETED, Motion.REFERENCE_CALL,
      SignalType.CASE_STUDY_COMPLETED, Motion.CASE_STUDY,
      SignalType.COMMUNITY_POSTED, Motion.COMMUNITY,
      SignalType.SOCIAL_MENTION, Motion.SOCIAL_SHARE);

  private static final Map<String, Motion> BY_LABEL = labels();

  private static Map<String, Motion> labels() {
    Map<String, Motion> out = new java.util.HashMap<>();
    ACTS.forEach((type, motion) -> out.put("on " + type.name(), motion));
    return Map.copyOf(out);
  }

  private JourneyTouchpoints() {}

  /**
   * The touches of a step: its acts (in the order of its audit), then its asks (in the order of
   * its actions), all with the step's instance's journey and customer.
   *
   * @param step the step
   * @return the touches, possibly none
   */
  public static List<Touchpoint> of(Step step) {
    JourneyInstance i = step.instance();
    List<Touchpoint> out = new ArrayList<>();
    for (AuditEntry e : step.audit()) {
      Motion motion = BY_LABEL.get(e.trigger());
      if (motion != null) {
        out.add(Touchpoint.builder(i.customer(), Channel.of(motion.name().toLowerCase(Locale.ROOT)),
            e.at()).motion(motion).advocate(i.customer()).journey(i.journey()).build());
      }
    }
    out.addAll(of(i.journey(), step.actions()));
    return List.copyOf(out);
  }

  /**
   * The touches of many steps, in order.
   *
   * @param steps the steps (an engine's or a facade's result)
   * @return the touches
   */
  public static List<Touchpoint> ofSteps(List<Step> steps) {
    List<Touchpoint> out = new ArrayList<>();
    for (Step s : steps) {
      out.addAll(of(s));
    }
    return List.copyOf(out);
  }

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
