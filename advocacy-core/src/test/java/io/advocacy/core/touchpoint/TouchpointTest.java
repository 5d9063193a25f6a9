package io.advocacy.core.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TouchpointTest {
  private static final Instant AT = Instant.parse("2026-04-01T12:00:00Z");
  private static final AnonymousId PROSPECT = AnonymousId.of("a-17");

  @Test
  void optionalFieldsDefaultToNull() {
    Touchpoint tp = Touchpoint.builder(PROSPECT, Channel.DIRECT, AT).build();
    assertThat(tp).isEqualTo(new Touchpoint(PROSPECT, Channel.of("direct"), AT, null, null, null, null));
  }

  @Test
  void builderSetsEveryField() {
    Touchpoint tp =
        Touchpoint.builder(PROSPECT, Channel.REFERRAL, AT)
            .motion(Motion.REFERRAL)
            .advocate(CustomerId.of("c-42"))
            .journey(JourneyId.of("j-1"))
            .stage(StageMarker.LEAD_CREATED)
            .build();
    assertThat(tp)
        .isEqualTo(
            new Touchpoint(PROSPECT, Channel.of("referral"), AT, Motion.REFERRAL,
                CustomerId.of("c-42"), JourneyId.of("j-1"), StageMarker.LEAD_CREATED));
    assertThat(Touchpoint.builder(PROSPECT, Channel.REFERRAL, AT).motion(Motion.REFERRAL).motion(null).build().motion())
        .isNull();
  }

  @Test
  void requiresSubjectChannelAndInstant() {
    assertThatThrownBy(() -> Touchpoint.builder(null, Channel.DIRECT, AT))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("subject");
    assertThatThrownBy(() -> Touchpoint.builder(PROSPECT, null, AT))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("channel");
    assertThatThrownBy(() -> new Touchpoint(PROSPECT, Channel.DIRECT, null, null, null, null, null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("at");
  }

  @Test
  void channelNamesKeepTheirCase() {
    assertThat(Channel.of("Facebook")).isNotEqualTo(Channel.of("facebook")).hasToString("Facebook");
    assertThatThrownBy(() -> Channel.of(" email"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel \" email\" has leading or trailing white space");
  }
}
