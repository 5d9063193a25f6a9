package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyTouchpointsTest {
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");

  static ActionRequest action(String key, ActionKind kind, Map<String, String> params) {
    return new ActionRequest(key, "i-1", ADA, "a", kind, params, T0);
  }

  @Test
  void asksWithAMotionBecomeTouchesOfTheJourney() {
    List<Touchpoint> touches = JourneyTouchpoints.of(JourneyId.of("review-request"), List.of(
        action("k-1", ActionKind.ASK, Map.of("motion", "review", "channel", "SMS")),
        action("k-2", ActionKind.ASK, Map.of("motion", "referral")),
        action("k-3", ActionKind.ASK, Map.of("motion", "dance")),
        action("k-4", ActionKind.ISSUE_REWARD, Map.of("motion", "review"))));
    assertThat(touches).extracting(t -> t.channel().name(), Touchpoint::motion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sms", Motion.REVIEW),
            org.assertj.core.groups.Tuple.tuple("email", Motion.REFERRAL));
    assertThat(touches).allSatisfy(t -> {
      assertThat(t.journey()).isEqualTo(JourneyId.of("review-request"));
      assertThat(t.subject()).isEqualTo(ADA);
      assertThat(t.at()).isEqualTo(T0);
    });
  }

  @Test
  void aStepsActsAndAsksBecomeTouchesOfItsJourney() {
    JourneyMachine m = new JourneyMachine(JourneyVariablesTest.TRACKING, JourneyVariablesTest.REGISTRY);
    Step started = m.start("i-1", JourneyMachineTest.ADA_VIEW, JourneyVariablesTest.signal("p-1",
        io.advocacy.core.signal.SignalType.PURCHASE_COMPLETED, T0, 1), T0).orElseThrow();
    // a purchase is not an act, and the step's one action is no ask
    assertThat(JourneyTouchpoints.of(started)).isEmpty();
    Instant later = T0.plusSeconds(60);
    Step shared = m.onSignal(started.instance(), JourneyVariablesTest.signal("s-1",
        io.advocacy.core.signal.SignalType.REFERRAL_SHARED, later, 1), JourneyMachineTest.ADA_VIEW);
    assertThat(JourneyTouchpoints.of(shared)).singleElement().isEqualTo(
        Touchpoint.builder(ADA, io.advocacy.core.touchpoint.Channel.REFERRAL, later)
            .motion(Motion.REFERRAL).advocate(ADA).journey(JourneyId.of("tracking")).build());
    JourneyInstance i = shared.instance();
    Step both = new Step(i, List.of(action("k-1", ActionKind.ASK, Map.of("motion", "review"))),
        List.of(new AuditEntry("i-1", "waiting", "shared", "on review_posted", later, List.of(), ""),
            new AuditEntry("i-1", "shared", "x", "on ask_denied", later, List.of(), "")));
    assertThat(JourneyTouchpoints.ofSteps(List.of(started, both)))
        .extracting(t -> t.channel().name(), Touchpoint::motion, Touchpoint::advocate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("review", Motion.REVIEW, ADA),
            org.assertj.core.groups.Tuple.tuple("email", Motion.REVIEW, null));
    assertThat(JourneyTouchpoints.ACTS).hasSize(8);
  }
}
