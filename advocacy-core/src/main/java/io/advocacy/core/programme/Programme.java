package io.advocacy.core.programme;

import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.internal.Require;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A structured offer for one motion: what is asked and offered, the terms, who may take part
 * and how, and when.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the programme's id
 * @param name its name, for people
 * @param motion the one motion it asks for
 * @param offer the offer as shown to the customer
 * @param incentive what taking part earns, or null for none
 * @param terms the terms a participant accepts
 * @param eligibility the name of the eligibility rule set deciding who may be invited (resolved
 *     by the host or the scoring module's qualification), or null for everyone
 * @param enrolment how customers join
 * @param opensAt the first instant of enrolment
 * @param closesAt the first instant enrolment is closed again, or null for open-ended
 * @param maxParticipants the most customers enrolled at once; 0 for no limit
 * @param reenrolAfterOptOut whether a customer who opted out may enrol again
 */
public record Programme(
    ProgrammeId id,
    String name,
    Motion motion,
    String offer,
    @Nullable Incentive incentive,
    Terms terms,
    @Nullable String eligibility,
    EnrolmentMode enrolment,
    Instant opensAt,
    @Nullable Instant closesAt,
    int maxParticipants,
    boolean reenrolAfterOptOut) {
  /**
   * Validates the programme.
   *
   * @param id the programme's id
   * @param name its name
   * @param motion the motion
   * @param offer the offer
   * @param incentive the incentive, or null
   * @param terms the terms
   * @param eligibility the eligibility rule set's name, or null
   * @param enrolment how customers join
   * @param opensAt the first instant of enrolment
   * @param closesAt the first closed instant, or null
   * @param maxParticipants the most enrolled at once, 0 for no limit
   * @param reenrolAfterOptOut whether re-enrolment is allowed
   * @throws IllegalArgumentException if a text is blank, the window is empty or the limit
   *     negative
   */
  public Programme {
    Objects.requireNonNull(id, "id");
    Require.identifier("programme name", name);
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(offer, "offer");
    if (offer.isBlank()) {
      throw new IllegalArgumentException("programme " + id + " has a blank offer");
    }
    Objects.requireNonNull(terms, "terms");
    if (eligibility != null) {
      Require.name("eligibility rule set", eligibility);
    }
    Objects.requireNonNull(enrolment, "enrolment");
    Objects.requireNonNull(opensAt, "opensAt");
    if (closesAt != null && !closesAt.isAfter(opensAt)) {
      throw new IllegalArgumentException(
          "programme " + id + " closes at " + closesAt + ", not after it opens at " + opensAt);
    }
    if (maxParticipants < 0) {
      throw new IllegalArgumentException(
          "programme " + id + " maxParticipants " + maxParticipants + " is negative");
    }
  }

  /**
   * A builder with the required parts; the rest default to: no incentive, no eligibility
   * rule, open enrolment, open-ended, no participant limit, re-enrolment allowed.
   *
   * @param id the programme's id
   * @param motion the motion
   * @param terms the terms
   * @param opensAt the first instant of enrolment
   * @return a new builder
   */
  public static Builder builder(ProgrammeId id, Motion motion, Terms terms, Instant opensAt) {
    return new Builder(id, motion, terms, opensAt);
  }

  /**
   * Whether enrolment is open at an instant: at or after {@code opensAt}, before {@code
   * closesAt}.
   *
   * @param at the instant
   * @return true if open
   */
  public boolean isOpenAt(Instant at) {
    return !at.isBefore(opensAt) && (closesAt == null || at.isBefore(closesAt));
  }

  /** Builds a {@link Programme}. Not thread-safe. */
  public static final class Builder {
    private final ProgrammeId id;
    private final Motion motion;
    private final Terms terms;
    private final Instant opensAt;
    private String name;
    private String offer;
    private @Nullable Incentive incentive;
    private @Nullable String eligibility;
    private EnrolmentMode enrolment = EnrolmentMode.OPEN;
    private @Nullable Instant closesAt;
    private int maxParticipants;
    private boolean reenrol = true;

    private Builder(ProgrammeId id, Motion motion, Terms terms, Instant opensAt) {
      this.id = Objects.requireNonNull(id, "id");
      this.motion = Objects.requireNonNull(motion, "motion");
      this.terms = Objects.requireNonNull(terms, "terms");
      this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
      this.name = id.value();
      this.offer = motion.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * The name (default: the id).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The offer as shown to the customer (default: the motion's name).
     *
     * @param offer the offer
     * @return this builder
     */
    public Builder offer(String offer) {
      this.offer = Objects.requireNonNull(offer, "offer");
      return this;
    }

    /**
     * The incentive.
     *
     * @param incentive the incentive, or null for none
     * @return this builder
     */
    public Builder incentive(@Nullable Incentive incentive) {
      this.incentive = incentive;
      return this;
    }

    /**
     * The eligibility rule set's name.
     *
     * @param eligibility the name, or null for everyone
     * @return this builder
     */
    public Builder eligibility(@Nullable String eligibility) {
      this.eligibility = eligibility;
      return this;
    }

    /**
     * How customers join.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder enrolment(EnrolmentMode mode) {
      this.enrolment = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * When enrolment closes.
     *
     * @param closesAt the first closed instant, or null for open-ended
     * @return this builder
     */
    public Builder closesAt(@Nullable Instant closesAt) {
      this.closesAt = closesAt;
      return this;
    }

    /**
     * The most customers enrolled at once.
     *
     * @param max the limit, 0 for none
     * @return this builder
     */
    public Builder maxParticipants(int max) {
      this.maxParticipants = max;
      return this;
    }

    /**
     * Whether a customer who opted out may enrol again.
     *
     * @param allowed true to allow
     * @return this builder
     */
    public Builder reenrolAfterOptOut(boolean allowed) {
      this.reenrol = allowed;
      return this;
    }

    /**
     * Builds the programme.
     *
     * @return the programme
     */
    public Programme build() {
      return new Programme(id, name, motion, offer, incentive, terms, eligibility, enrolment,
          opensAt, closesAt, maxParticipants, reenrol);
    }
  }
}
