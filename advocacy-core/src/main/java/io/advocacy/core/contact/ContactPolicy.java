package io.advocacy.core.contact;

import io.advocacy.core.Motion;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * May we ask this customer now? Answers an {@link Ask} with allowed, deferred until an instant,
 * or denied, always with machine-readable reasons. The checks, in order:
 *
 * <ol>
 *   <li><b>Duplicate.</b> An ask id that already holds a slot is answered ALLOWED with {@link
 *       ContactReasonCode#DUPLICATE_ASK} and the earlier reservation: deciding an ask twice takes
 *       one slot.
 *   <li><b>Denial</b> (waiting would not help; every reason is listed): no consent for the
 *       channel valid at the ask's instant ({@link CustomerProfile#hasConsent}); do-not-contact
 *       (the profile's {@link RegulatoryFlag#DO_NOT_CONTACT} flag or a {@link SuppressionStore}
 *       event); an open complaint or escalation; a detractor answer within the detractor period
 *       (default 90 days; for {@link Motion#REVIEW} asks none, see below). Suppressed customers
 *       are for recovery, not for asks, so these deny rather than defer.
 *   <li><b>Deferral</b> (waiting is enough; every reason is listed): the instant is in the
 *       customer's quiet hours (default 21:00–09:00 in the profile's time zone, for every
 *       channel except {@link ContactChannel#IN_APP}); a {@link FrequencyCap} is full or another
 *       ask is closer than the minimum gap. {@code deferredUntil} is the earliest instant at
 *       which all of them pass, given the reservations as they stand — ask again then (another
 *       ask may have taken the slot meanwhile). If consent will have lapsed by then the ask is
 *       denied instead.
 *   <li><b>Allowance.</b> {@link #decide} reserves the slot atomically in the {@link
 *       ContactHistoryStore}; a caller who loses the race for the last slot is deferred.
 * </ol>
 *
 * <p><b>Reviews are never gated on sentiment.</b> Review platforms and consumer-protection
 * rules forbid asking only the customers likely to review well ("review gating"), so by default
 * a detractor answer does not hold back a {@link Motion#REVIEW} ask: its detractor period is
 * zero ({@link #DEFAULT_MOTION_DETRACTOR_PERIODS}). Consent, do-not-contact, an open complaint
 * or escalation, quiet hours and the frequency rules still apply to it, as to any ask. {@link
 * Builder#detractorPeriod(Motion, Duration)} sets the period of one motion.
 *
 * <p>Default frequency rules: at most 3 asks per customer in any 30 days across all programmes,
 * at most 1 ask per motion in any 14 days, and 2 days between any two asks. All are
 * configurable; see {@link Builder}.
 *
 * <p>Thread-safe if its stores are; starts no threads; reads no clock (the ask carries its
 * instant).
 */
public final class ContactPolicy {
  /** The default detractor period: 90 days. */
  public static final Duration DEFAULT_DETRACTOR_PERIOD = Duration.ofDays(90);

  /**
   * The motions whose detractor period differs from {@link #DEFAULT_DETRACTOR_PERIOD} by
   * default: {@link Motion#REVIEW}, zero (review asks are never gated on sentiment).
   */
  public static final Map<Motion, Duration> DEFAULT_MOTION_DETRACTOR_PERIODS =
      Map.of(Motion.REVIEW, Duration.ZERO);

  /** The default quiet hours: 21:00 to 09:00 local time. */
  public static final QuietHours DEFAULT_QUIET_HOURS =
      QuietHours.between(LocalTime.of(21, 0), LocalTime.of(9, 0));

  /** The default frequency rules, as described in the class documentation. */
  public static final FrequencyRules DEFAULT_RULES =
      new FrequencyRules(
          List.of(
              FrequencyCap.perCustomer(3, Duration.ofDays(30)),
              FrequencyCap.perEachMotion(1, Duration.ofDays(14))),
          Duration.ofDays(2));

  /** The channels quiet hours apply to by default: all but in-app messages. */
  public static final Set<ContactChannel> DEFAULT_QUIET_CHANNELS =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(ContactChannel.IN_APP)));

  private final ContactHistoryStore history;
  private final SuppressionStore suppressions;
  private final FrequencyRules rules;
  private final Function<CustomerProfile, Optional<QuietHours>> quietHours;
  private final Set<ContactChannel> quietChannels;
  private final Duration detractorPeriod;
  private final Map<Motion, Duration> motionDetractorPeriods;

  private ContactPolicy(Builder b) {
    this.history = b.history;
    this.suppressions = b.suppressions;
    this.rules = b.rules;
    this.quietHours = b.quietHours;
    this.quietChannels = Set.copyOf(b.quietChannels);
    this.detractorPeriod = b.detractorPeriod;
    this.motionDetractorPeriods = Map.copyOf(b.motionDetractorPeriods);
  }

  /**
   * A builder with the defaults: in-memory stores, {@link #DEFAULT_RULES}, {@link
   * #DEFAULT_QUIET_HOURS} on {@link #DEFAULT_QUIET_CHANNELS}, {@link
   * #DEFAULT_DETRACTOR_PERIOD} but for the motions of {@link #DEFAULT_MOTION_DETRACTOR_PERIODS}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A policy with every default.
   *
   * @return the policy
   */
  public static ContactPolicy defaults() {
    return builder().build();
  }

  /**
   * Decides an ask and, when it is allowed, reserves its slot in the contact history. Deciding
   * the same ask id again returns the slot already held.
   *
   * @param ask the ask
   * @return the decision; never throws for the customer's data
   */
  public ContactDecision decide(Ask ask) {
    return evaluate(ask, true);
  }

  /**
   * Decides an ask without reserving anything: a preview. An ALLOWED preview holds no slot, so
   * a later {@link #decide} may still defer.
   *
   * @param ask the ask
   * @return the decision, with no reservation
   */
  public ContactDecision check(Ask ask) {
    return evaluate(ask, false);
  }

  /**
   * Frees the slot an allowed ask holds (the message was never sent, say). Idempotent.
   *
   * @param askId the ask's id
   * @return true if a slot was freed
   */
  public boolean release(String askId) {
    return history.release(askId);
  }

  /**
   * Records what a signal says about suppression: a detractor NPS answer, a complaint or
   * escalation opened or closed (see {@link SuppressionEvent#fromSignal}). Idempotent.
   *
   * @param signal the signal
   * @return true if it recorded something new
   */
  public boolean observe(Signal signal) {
    return SuppressionEvent.fromSignal(signal).map(suppressions::record).orElse(false);
  }

  /**
   * The frequency rules this policy applies.
   *
   * @return the rules
   */
  public FrequencyRules rules() {
    return rules;
  }

  /**
   * The suppression store this policy reads, to record do-not-contact requests and other
   * events directly.
   *
   * @return the store
   */
  public SuppressionStore suppressions() {
    return suppressions;
  }

  /**
   * The contact history this policy reserves slots in.
   *
   * @return the store
   */
  public ContactHistoryStore history() {
    return history;
  }

  private ContactDecision evaluate(Ask ask, boolean reserve) {
    Objects.requireNonNull(ask, "ask");
    Optional<ContactReservation> held = history.find(ask.id());
    if (held.isPresent()) {
      return duplicate(ask, held.get(), reserve);
    }
    List<ContactReason> denials = denials(ask, ask.at());
    if (!denials.isEmpty()) {
      return new ContactDecision(ask, ContactOutcome.DENIED, null, denials, null);
    }
    ContactReservation candidate = ask.toReservation();
    List<ContactReservation> current = history.reservations(ask.profile().id());
    List<ContactReason> waits = waits(ask, candidate, current);
    if (waits.isEmpty()) {
      if (!reserve) {
        return new ContactDecision(ask, ContactOutcome.ALLOWED, null, List.of(), null);
      }
      ReservationResult result = history.reserve(candidate, rules);
      switch (result.status()) {
        case RESERVED:
          return new ContactDecision(
              ask, ContactOutcome.ALLOWED, null, List.of(), result.reservation());
        case DUPLICATE:
          return duplicate(ask, result.reservation(), true);
        default:
          // Lost a race for the slot: defer against the reservations as they now stand.
          current = history.reservations(ask.profile().id());
          waits = result.reasons();
          break;
      }
    }
    Instant until = earliestPassing(ask, candidate, current);
    if (!ask.profile().hasConsent(ask.channel(), until)) {
      return new ContactDecision(
          ask,
          ContactOutcome.DENIED,
          null,
          List.of(
              new ContactReason(
                  ContactReasonCode.NO_CONSENT,
                  "no " + ask.channel() + " consent at " + until
                      + ", the earliest instant the ask could go out")),
          null);
    }
    return new ContactDecision(ask, ContactOutcome.DEFERRED, until, waits, null);
  }

  private static ContactDecision duplicate(Ask ask, ContactReservation held, boolean reserve) {
    return new ContactDecision(
        ask,
        ContactOutcome.ALLOWED,
        null,
        List.of(
            new ContactReason(
                ContactReasonCode.DUPLICATE_ASK,
                "ask " + ask.id() + " already holds a slot at " + held.at())),
        reserve ? held : null);
  }

  private List<ContactReason> denials(Ask ask, Instant at) {
    List<ContactReason> reasons = new ArrayList<>();
    CustomerProfile profile = ask.profile();
    if (!profile.hasConsent(ask.channel(), at)) {
      reasons.add(
          new ContactReason(
              ContactReasonCode.NO_CONSENT,
              "no " + ask.channel() + " consent valid at " + at + " for " + profile.id()));
    }
    if (profile.hasFlag(RegulatoryFlag.DO_NOT_CONTACT)) {
      reasons.add(
          new ContactReason(
              ContactReasonCode.DO_NOT_CONTACT, "profile " + profile.id() + " is do-not-contact"));
    }
    Duration period = motionDetractorPeriods.getOrDefault(ask.motion(), detractorPeriod);
    for (ContactReason r : suppressions.facts(profile.id()).reasonsAt(at, period)) {
      if (r.code() != ContactReasonCode.DO_NOT_CONTACT
          || !profile.hasFlag(RegulatoryFlag.DO_NOT_CONTACT)) {
        reasons.add(r);
      }
    }
    return reasons;
  }

  private List<ContactReason> waits(
      Ask ask, ContactReservation candidate, List<ContactReservation> current) {
    List<ContactReason> reasons = new ArrayList<>();
    Optional<QuietHours> quiet = quietHoursFor(ask);
    if (quiet.isPresent() && quiet.get().isQuiet(candidate.at(), ask.profile().timeZone())) {
      reasons.add(
          new ContactReason(
              ContactReasonCode.QUIET_HOURS,
              candidate.at() + " is in quiet hours " + quiet.get().start() + "–"
                  + quiet.get().end() + " " + ask.profile().timeZone()));
    }
    reasons.addAll(rules.violations(current, candidate));
    return reasons;
  }

  private Optional<QuietHours> quietHoursFor(Ask ask) {
    if (!quietChannels.contains(ask.channel())) {
      return Optional.empty();
    }
    return Objects.requireNonNull(quietHours.apply(ask.profile()), "quiet hours function result");
  }

  /**
   * The earliest instant at or after the ask's at which quiet hours and every frequency rule
   * pass. Rules only start to pass where an existing reservation leaves a cap's window or the
   * gap, or where quiet hours end, so those instants are the candidates, tried in order.
   */
  private Instant earliestPassing(
      Ask ask, ContactReservation candidate, List<ContactReservation> current) {
    TreeSet<Instant> candidates = new TreeSet<>();
    Instant from = candidate.at();
    candidates.add(from);
    for (ContactReservation r : current) {
      for (FrequencyCap cap : rules.caps()) {
        candidates.add(r.at().plus(cap.window()));
      }
      candidates.add(r.at().plus(rules.minimumGap()));
    }
    Optional<QuietHours> quiet = quietHoursFor(ask);
    for (Instant t : candidates.tailSet(from, true)) {
      Instant moved =
          quiet.map(q -> q.endAfter(t, ask.profile().timeZone())).orElse(t);
      ContactReservation at = withInstant(candidate, moved);
      if (rules.violations(current, at).isEmpty()
          && quiet.map(q -> !q.isQuiet(moved, ask.profile().timeZone())).orElse(true)) {
        return moved;
      }
    }
    // Unreachable: after the last reservation plus the longest window and gap every rule passes.
    throw new IllegalStateException("no instant passes the frequency rules for ask " + ask.id());
  }

  private static ContactReservation withInstant(ContactReservation r, Instant at) {
    return new ContactReservation(r.askId(), r.customer(), r.channel(), r.motion(), r.programme(),
        at);
  }

  /**
   * Builds a {@link ContactPolicy}. Not thread-safe; the policy it builds is.
   */
  public static final class Builder {
    private ContactHistoryStore history = ContactHistoryStore.inMemory();
    private SuppressionStore suppressions = SuppressionStore.inMemory();
    private FrequencyRules rules = DEFAULT_RULES;
    private Function<CustomerProfile, Optional<QuietHours>> quietHours =
        p -> Optional.of(DEFAULT_QUIET_HOURS);
    private Set<ContactChannel> quietChannels = DEFAULT_QUIET_CHANNELS;
    private Duration detractorPeriod = DEFAULT_DETRACTOR_PERIOD;
    private final Map<Motion, Duration> motionDetractorPeriods =
        new EnumMap<>(DEFAULT_MOTION_DETRACTOR_PERIODS);

    private Builder() {}

    /**
     * The contact history to reserve slots in.
     *
     * @param store the store
     * @return this builder
     */
    public Builder history(ContactHistoryStore store) {
      this.history = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The suppression store to read.
     *
     * @param store the store
     * @return this builder
     */
    public Builder suppressions(SuppressionStore store) {
      this.suppressions = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The frequency caps and minimum gap.
     *
     * @param rules the rules; {@link FrequencyRules#NONE} for none
     * @return this builder
     */
    public Builder rules(FrequencyRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * The same quiet hours for every customer, in each customer's own time zone.
     *
     * @param hours the quiet hours
     * @return this builder
     */
    public Builder quietHours(QuietHours hours) {
      Objects.requireNonNull(hours, "hours");
      this.quietHours = p -> Optional.of(hours);
      return this;
    }

    /**
     * Quiet hours per customer (a preference the host keeps, say); empty for none.
     *
     * @param perCustomer the customer's quiet hours; must not return null
     * @return this builder
     */
    public Builder quietHours(Function<CustomerProfile, Optional<QuietHours>> perCustomer) {
      this.quietHours = Objects.requireNonNull(perCustomer, "perCustomer");
      return this;
    }

    /**
     * No quiet hours at all.
     *
     * @return this builder
     */
    public Builder noQuietHours() {
      this.quietHours = p -> Optional.empty();
      return this;
    }

    /**
     * The channels quiet hours apply to.
     *
     * @param channels the channels
     * @return this builder
     */
    public Builder quietChannels(Set<ContactChannel> channels) {
      this.quietChannels = Set.copyOf(channels);
      return this;
    }

    /**
     * How long a detractor answer suppresses asks of every motion without a period of its own
     * ({@link #detractorPeriod(Motion, Duration)}; by default {@link Motion#REVIEW} has one,
     * zero).
     *
     * @param period a period, not negative
     * @return this builder
     * @throws IllegalArgumentException if the period is negative
     */
    public Builder detractorPeriod(Duration period) {
      this.detractorPeriod = notNegative(period);
      return this;
    }

    /**
     * How long a detractor answer suppresses asks of one motion; zero for none. By default
     * {@link Motion#REVIEW} asks have zero: review platforms forbid asking only the customers
     * likely to review well, so sentiment must not decide who is asked. Give reviews a period
     * only where no platform's or regulator's rule forbids it.
     *
     * @param motion the motion
     * @param period a period, not negative
     * @return this builder
     * @throws IllegalArgumentException if the period is negative
     */
    public Builder detractorPeriod(Motion motion, Duration period) {
      Objects.requireNonNull(motion, "motion");
      motionDetractorPeriods.put(motion, notNegative(period));
      return this;
    }

    private static Duration notNegative(Duration period) {
      Objects.requireNonNull(period, "period");
      if (period.isNegative()) {
        throw new IllegalArgumentException("detractor period " + period + " is negative");
      }
      return period;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public ContactPolicy build() {
      return new ContactPolicy(this);
    }
  }
}
