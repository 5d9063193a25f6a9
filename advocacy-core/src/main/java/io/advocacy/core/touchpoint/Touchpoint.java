package io.advocacy.core.touchpoint;

import io.advocacy.core.internal.SubjectIdSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.SubjectId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recorded interaction on a subject's path to conversion: through which channel, when, and
 * — where advocacy was involved — for which motion, by which advocate, in which journey, and
 * whether it marks a funnel stage. This is what attribution consumes.
 *
 * <pre>{@code
 * Touchpoint tp = Touchpoint.builder(AnonymousId.of("a-17"), Channel.REFERRAL,
 *         Instant.parse("2026-04-01T12:00:00Z"))
 *     .motion(Motion.REFERRAL).advocate(CustomerId.of("c-42"))
 *     .stage(StageMarker.LEAD_CREATED).build();
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe. The builder is not thread-safe.
 *
 * @param subject whose path this touch is on (the prospect or customer)
 * @param channel the channel
 * @param at when the touch happened
 * @param motion the advocacy motion behind the touch, if any
 * @param advocate the advocate behind the touch, if any
 * @param journey the journey that produced the touch, if any
 * @param stage the funnel stage the touch marks, if any
 */
public record Touchpoint(
    @JsonSerialize(using = SubjectIdSerializer.class) SubjectId subject,
    Channel channel,
    Instant at,
    @Nullable Motion motion,
    @Nullable CustomerId advocate,
    @Nullable JourneyId journey,
    @Nullable StageMarker stage) {

  /**
   * Validates the touchpoint.
   *
   * @param subject whose path this touch is on (the prospect or customer)
   * @param channel the channel
   * @param at when the touch happened
   * @param motion the advocacy motion behind the touch, if any
   * @param advocate the advocate behind the touch, if any
   * @param journey the journey that produced the touch, if any
   * @param stage the funnel stage the touch marks, if any
   * @throws NullPointerException if subject, channel or instant is null
   */
  public Touchpoint {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Starts a touchpoint.
   *
   * @param subject whose path it is on
   * @param channel the channel
   * @param at when
   * @return a builder
   */
  public static Builder builder(SubjectId subject, Channel channel, Instant at) {
    return new Builder(subject, channel, at);
  }

  /** Builds a {@link Touchpoint}. Not thread-safe. */
  public static final class Builder {
    private final SubjectId subject;
    private final Channel channel;
    private final Instant at;
    private @Nullable Motion motion;
    private @Nullable CustomerId advocate;
    private @Nullable JourneyId journey;
    private @Nullable StageMarker stage;

    private Builder(SubjectId subject, Channel channel, Instant at) {
      this.subject = Objects.requireNonNull(subject, "subject");
      this.channel = Objects.requireNonNull(channel, "channel");
      this.at = Objects.requireNonNull(at, "at");
    }

    /**
     * Sets the motion.
     *
     * @param motion the motion, or null
     * @return this builder
     */
    public Builder motion(@Nullable Motion motion) {
      this.motion = motion;
      return this;
    }

    /**
     * Sets the advocate.
     *
     * @param advocate the advocate, or null
     * @return this builder
     */
    public Builder advocate(@Nullable CustomerId advocate) {
      this.advocate = advocate;
      return this;
    }

    /**
     * Sets the journey.
     *
     * @param journey the journey, or null
     * @return this builder
     */
    public Builder journey(@Nullable JourneyId journey) {
      this.journey = journey;
      return this;
    }

    /**
     * Sets the stage marker.
     *
     * @param stage the stage, or null
     * @return this builder
     */
    public Builder stage(@Nullable StageMarker stage) {
      this.stage = stage;
      return this;
    }

    /**
     * Builds the touchpoint.
     *
     * @return the touchpoint
     */
    public Touchpoint build() {
      return new Touchpoint(subject, channel, at, motion, advocate, journey, stage);
    }
  }
}
