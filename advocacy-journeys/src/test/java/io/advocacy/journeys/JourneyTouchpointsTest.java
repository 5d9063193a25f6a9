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
}
