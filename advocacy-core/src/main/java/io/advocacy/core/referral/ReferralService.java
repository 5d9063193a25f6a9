package io.advocacy.core.referral;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.referral.ReferralOutcome.Kind;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The only writer of referrals: issues codes and applies the host's referral signals to the
 * {@link ReferralStore}, answering each with a {@link ReferralOutcome}.
 *
 * <h2>Signals it applies</h2>
 *
 * <ul>
 *   <li>{@link SignalType#REFERRAL_SHARED}: subject the referrer (the code's owner), attribute
 *       {@value #CODE_ATTRIBUTE}, and {@value #REFEREE_ATTRIBUTE} naming the invitee as {@code
 *       customer:…} or {@code anonymous:…}. A share without a referee (a link posted publicly)
 *       is IGNORED: there is no referee to track yet.
 *   <li>{@link SignalType#REFERRAL_CLICKED}: subject the visitor, attribute {@value
 *       #CODE_ATTRIBUTE}.
 *   <li>{@link SignalType#REFERRAL_SIGNED_UP}: subject the new customer, optionally {@value
 *       #CODE_ATTRIBUTE} (a code typed at sign-up creates the referral) and {@value
 *       Signal#ANONYMOUS_ID_ATTRIBUTE} (the visitor who clicked).
 *   <li>{@link SignalType#REFERRAL_CONVERTED}: as sign-up, but never creates a referral.
 * </ul>
 *
 * Optional attributes {@value #EMAIL_ATTRIBUTE}, {@value #DEVICE_ATTRIBUTE} and {@value
 * #PAYMENT_ATTRIBUTE} describe the referee; they are hashed with the {@link PiiHasher} at once
 * and only the hashes are stored (without a hasher they are not read).
 *
 * <h2>Idempotency</h2>
 *
 * A signal id is processed once within the de-duplication horizon (default 30 days; call
 * {@link #forgetOldEvents()} to drop older ids): a repeat is answered DUPLICATE, even if the
 * first delivery was rejected. A conversion delivered twice under different ids converts once:
 * the state change is a compare-and-set in the store. {@link #markRewarded} is a
 * compare-and-set too, so a conversion is rewarded once.
 *
 * <h2>Attribution window</h2>
 *
 * A conversion counts if it happens at most the window (default 30 days, inclusive) after the
 * click (or the sign-up, when the code was typed there without a click). A later conversion
 * moves the referral to EXPIRED with reason {@value ReferralReasons#OUTSIDE_WINDOW} and is
 * answered REJECTED: not attributed, but not lost.
 *
 * <h2>Competing referrers and fraud</h2>
 *
 * See {@link CompetingReferrerPolicy} (default {@link
 * CompetingReferrerPolicy#FIRST_CLICK_WINS}) and {@link FraudRule} (default {@link
 * FraudRules#defaults()}). When a sign-up or conversion joins a visitor and a customer who
 * followed different referrers, the referral found for it (by code, else by the policy) keeps
 * the credit and the others are superseded. Resolving a competition touches several referrals
 * and is not one atomic step: two racing clicks of one referee by different referrers may both
 * be kept.
 *
 * <p>This class is thread-safe if its store is. It starts no threads and reads time only from
 * its {@link InstantSource}; the event instants of signals drive the lifecycle.
 */
public final class ReferralService {
  /** The attribute with the referral code. */
  public static final String CODE_ATTRIBUTE = "referral_code";
  /** The attribute of a share naming the invitee as a subject text. */
  public static final String REFEREE_ATTRIBUTE = "referee";
  /** The attribute with the referee's e-mail address (hashed on arrival). */
  public static final String EMAIL_ATTRIBUTE = "email";
  /** The attribute with the referee's device fingerprint (hashed on arrival). */
  public static final String DEVICE_ATTRIBUTE = "device_fingerprint";
  /** The attribute with the referee's payment fingerprint (hashed on arrival). */
  public static final String PAYMENT_ATTRIBUTE = "payment_fingerprint";

  private static final Map<SignalType, ReferralState> TARGETS = Map.of(
      SignalType.REFERRAL_SHARED, ReferralState.SHARED,
      SignalType.REFERRAL_CLICKED, ReferralState.CLICKED,
      SignalType.REFERRAL_SIGNED_UP, ReferralState.SIGNED_UP,
      SignalType.REFERRAL_CONVERTED, ReferralState.CONVERTED);

  private final ReferralStore store;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final @Nullable PiiHasher hasher;
  private final int payloadLength;
  private final int maxCodeAttempts;
  private final Duration window;
  private final Duration dedupHorizon;
  private final CompetingReferrerPolicy policy;
  private final List<FraudRule> rules;

  private ReferralService(Builder b) {
    this.store = b.store;
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.random = Objects.requireNonNull(b.random, "random");
    this.hasher = b.hasher;
    this.payloadLength = b.payloadLength;
    this.maxCodeAttempts = b.maxCodeAttempts;
    this.window = b.window;
    this.dedupHorizon = b.dedupHorizon;
    this.policy = b.policy;
    this.rules = List.copyOf(b.rules);
  }

  /**
   * Starts a service over a store. The clock and the random generator must be set.
   *
   * @param store the store
   * @return a builder
   */
  public static Builder builder(ReferralStore store) {
    return new Builder(store);
  }

  /**
   * The store, for reads.
   *
   * @return the store
   */
  public ReferralStore store() {
    return store;
  }

  /**
   * Issues a new random code to a referrer, retrying when a code already exists.
   *
   * @param referrer the advocate
   * @param referrerFacts the referrer's hashed facts, for the self-referral check
   * @return the issued code, or {@link CodeIssueResult.Exhausted} after the configured attempts
   */
  public CodeIssueResult issueCode(CustomerId referrer, PartyFacts referrerFacts) {
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(referrerFacts, "referrerFacts");
    for (int i = 0; i < maxCodeAttempts; i++) {
      ReferralCode code;
      synchronized (random) { // most generators are not thread-safe
        code = ReferralCode.random(random, payloadLength);
      }
      IssuedCode issued = new IssuedCode(code, referrer, clock.instant(), referrerFacts);
      if (store.insertCode(issued)) {
        return new CodeIssueResult.Issued(issued);
      }
    }
    return new CodeIssueResult.Exhausted(maxCodeAttempts);
  }

  /**
   * Applies a referral signal; other signals are IGNORED.
   *
   * @param signal the signal
   * @return what happened
   */
  public ReferralOutcome apply(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    ReferralState target = TARGETS.get(signal.type());
    if (target == null) {
      return ReferralOutcome.of(Kind.IGNORED, ReferralReasons.NOT_A_REFERRAL_SIGNAL, null);
    }
    if (!store.markProcessed(signal.id(), clock.instant())) {
      return ReferralOutcome.of(Kind.DUPLICATE, ReferralReasons.DUPLICATE_EVENT, null);
    }
    IssuedCode issued = null;
    Optional<String> codeText = signal.attribute(CODE_ATTRIBUTE);
    if (codeText.isPresent()) {
      Optional<ReferralCode> code = ReferralCode.parse(codeText.get()).code();
      if (code.isEmpty()) {
        return rejected(ReferralReasons.INVALID_CODE, null);
      }
      issued = store.findCode(code.get()).orElse(null);
      if (issued == null) {
        return rejected(ReferralReasons.UNKNOWN_CODE, null);
      }
    }
    Instant at = signal.occurredAt();
    SubjectId subject = signal.subject();
    CustomerId customer = subject instanceof CustomerId c ? c : null;
    PartyFacts facts = factsOf(signal);
    switch (target) {
      case SHARED -> {
        if (issued == null) {
          return rejected(ReferralReasons.MISSING_CODE, null);
        }
        if (!subject.equals(issued.referrer())) {
          return rejected(ReferralReasons.NOT_CODE_OWNER, null);
        }
        Optional<String> refereeText = signal.attribute(REFEREE_ATTRIBUTE);
        if (refereeText.isEmpty()) {
          return ReferralOutcome.of(Kind.IGNORED, ReferralReasons.NO_REFEREE, null);
        }
        SubjectId referee;
        try {
          referee = SubjectId.parse(refereeText.get());
        } catch (IllegalArgumentException e) {
          return rejected(ReferralReasons.INVALID_REFEREE, null);
        }
        return enter(issued, referee, referee instanceof CustomerId c ? c : null, target, at,
            PartyFacts.NONE);
      }
      case CLICKED -> {
        if (issued == null) {
          return rejected(ReferralReasons.MISSING_CODE, null);
        }
        return enter(issued, subject, customer, target, at, facts);
      }
      default -> {
        List<SubjectId> subjects = new ArrayList<>(List.of(subject));
        signal.attribute(Signal.ANONYMOUS_ID_ATTRIBUTE)
            .filter(a -> Require.identifierProblem(a) == null)
            .ifPresent(a -> subjects.add(AnonymousId.of(a)));
        Referral found = find(issued, subjects);
        if (found != null) {
          ReferralOutcome outcome = advance(found.id(), target, at, customer, facts);
          if (outcome.kind() == Kind.APPLIED) {
            // The visitor and the customer may have followed different referrers before they
            // were known to be one person: the referral that moved keeps the credit.
            subjects.forEach(s -> store.findByReferee(s).stream()
                .filter(r -> !r.id().equals(found.id()))
                .forEach(r -> supersede(r.id(), at)));
          }
          return outcome;
        }
        if (issued != null && target == ReferralState.SIGNED_UP) {
          return enter(issued, subject, customer, target, at, facts);
        }
        return rejected(ReferralReasons.NO_REFERRAL, null);
      }
    }
  }

  private @Nullable Referral find(@Nullable IssuedCode issued, List<SubjectId> subjects) {
    Map<ReferralId, Referral> all = new LinkedHashMap<>();
    subjects.forEach(s -> store.findByReferee(s).forEach(r -> all.put(r.id(), r)));
    if (issued != null) {
      return all.values().stream()
          .filter(r -> r.id().code().equals(issued.code()))
          .min(Comparator.comparing(Referral::createdAt))
          .orElse(null);
    }
    // Prefer referrals still alive; otherwise answer about the latest dead one.
    List<Referral> alive = all.values().stream().filter(r -> r.state().isAlive()).toList();
    if (alive.isEmpty()) {
      return all.values().stream().max(Comparator.comparing(Referral::createdAt)).orElse(null);
    }
    Comparator<Referral> byStart = Comparator.comparing(Referral::windowStart);
    return (policy == CompetingReferrerPolicy.LAST_CLICK_WINS
            ? alive.stream().max(byStart)
            : alive.stream().min(byStart))
        .orElse(null);
  }

  private ReferralOutcome enter(
      IssuedCode issued, SubjectId referee, @Nullable CustomerId customer, ReferralState state,
      Instant at, PartyFacts facts) {
    ReferralId id = new ReferralId(issued.code(), referee);
    while (true) {
      if (store.findReferral(id).isPresent()) {
        return advance(id, state, at, customer, facts);
      }
      Referral candidate = Referral.create(id, issued.referrer(), customer, state, at, facts);
      List<Referral> rivals = new ArrayList<>();
      store.findByReferee(referee).forEach(rivals::add);
      if (customer != null && !customer.equals(referee)) {
        rivals.addAll(store.findByReferee(customer));
      }
      rivals = rivals.stream()
          .filter(r -> r.state().isAlive() && !r.id().equals(id))
          .distinct()
          .toList();
      String reason = newcomerLoses(rivals, at) ? ReferralReasons.COMPETING_REFERRER : null;
      if (reason == null) {
        reason = fraudReason(candidate, issued);
      }
      if (reason != null) {
        candidate = rejectedAtBirth(candidate, reason, at);
      }
      if (!store.insertReferral(candidate)) {
        continue; // someone created it meanwhile: advance that one
      }
      if (reason != null) {
        return rejected(reason, candidate);
      }
      for (Referral rival : rivals) {
        supersede(rival.id(), at);
      }
      return ReferralOutcome.applied(candidate);
    }
  }

  private boolean newcomerLoses(List<Referral> rivals, Instant at) {
    if (rivals.isEmpty()) {
      return false;
    }
    if (rivals.stream().anyMatch(r -> r.state().hasConverted())) {
      return true;
    }
    return switch (policy) {
      case FIRST_CLICK_WINS -> rivals.stream().anyMatch(r -> !r.windowStart().isAfter(at));
      case LAST_CLICK_WINS -> rivals.stream().anyMatch(r -> r.windowStart().isAfter(at));
      case EXISTING_REFERRER_KEEPS_CREDIT -> true;
    };
  }

  private void supersede(ReferralId id, Instant at) {
    while (true) {
      Referral current = store.findReferral(id).orElseThrow();
      if (!current.state().isAlive() || current.state().hasConverted()) {
        return;
      }
      if (store.replaceReferral(
          current, current.moveTo(ReferralState.REJECTED, at, ReferralReasons.SUPERSEDED))) {
        return;
      }
    }
  }

  private static Referral rejectedAtBirth(Referral r, String reason, Instant at) {
    return new Referral(
        r.id(), r.referrer(), r.refereeCustomer(), ReferralState.REJECTED,
        Map.of(r.state(), at, ReferralState.REJECTED, at), reason, null, r.refereeFacts(), 0);
  }

  private ReferralOutcome advance(
      ReferralId id, ReferralState target, Instant at, @Nullable CustomerId customer,
      PartyFacts facts) {
    while (true) {
      Referral current = store.findReferral(id).orElseThrow();
      if (!current.state().isAlive()) {
        return rejected(ReferralReasons.ILLEGAL_TRANSITION, current);
      }
      if (target == ReferralState.CONVERTED && current.state().hasConverted()) {
        return ReferralOutcome.of(Kind.DUPLICATE, ReferralReasons.ALREADY_CONVERTED, current);
      }
      if (current.state().compareTo(target) >= 0) {
        return ReferralOutcome.of(Kind.IGNORED, ReferralReasons.ALREADY_PAST, current);
      }
      Referral enriched = current.withReferee(customer, facts);
      Referral next;
      String reason = null;
      if (target == ReferralState.CONVERTED
          && at.isAfter(enriched.windowStart().plus(window))) {
        reason = ReferralReasons.OUTSIDE_WINDOW;
        next = enriched.moveTo(ReferralState.EXPIRED, at, reason);
      } else {
        next = enriched.moveTo(target, at, null);
        IssuedCode issued = store.findCode(id.code()).orElseThrow();
        reason = fraudReason(next, issued);
        if (reason != null) {
          next = enriched.moveTo(ReferralState.REJECTED, at, reason);
        }
      }
      if (store.replaceReferral(current, next)) {
        return reason == null ? ReferralOutcome.applied(next) : rejected(reason, next);
      }
    }
  }

  private @Nullable String fraudReason(Referral candidate, IssuedCode issued) {
    FraudContext context = new FraudContext(candidate, issued, store);
    for (FraudRule rule : rules) {
      try {
        if (rule.flags(context)) {
          return rule.reasonCode();
        }
      } catch (RuntimeException e) {
        return ReferralReasons.FRAUD_RULE_FAILED;
      }
    }
    return null;
  }

  /**
   * Records that a converted referral's reward was issued: a compare-and-set from CONVERTED to
   * REWARDED, so of any number of calls (concurrent or repeated) exactly one is APPLIED. A
   * repeat with the same reference is DUPLICATE; with another reference, or for a referral
   * that has not converted, REJECTED.
   *
   * @param id the referral
   * @param rewardReference the host's reference of the issued reward
   * @return what happened
   */
  public ReferralOutcome markRewarded(ReferralId id, String rewardReference) {
    Objects.requireNonNull(id, "id");
    Require.identifier("reward reference", rewardReference);
    while (true) {
      Optional<Referral> found = store.findReferral(id);
      if (found.isEmpty()) {
        return rejected(ReferralReasons.NO_REFERRAL, null);
      }
      Referral current = found.get();
      if (current.state() == ReferralState.REWARDED) {
        return rewardReference.equals(current.rewardReference())
            ? ReferralOutcome.of(Kind.DUPLICATE, ReferralReasons.ALREADY_REWARDED, current)
            : rejected(ReferralReasons.ALREADY_REWARDED, current);
      }
      if (current.state() != ReferralState.CONVERTED) {
        return rejected(ReferralReasons.ILLEGAL_TRANSITION, current);
      }
      Referral next = current.rewarded(rewardReference, clock.instant());
      if (store.replaceReferral(current, next)) {
        return ReferralOutcome.applied(next);
      }
    }
  }

  /**
   * Rejects a referral on the host's word (a manual review found fraud, say): a compare-and-set
   * from shared, clicked, signed up or converted to REJECTED with reason {@value
   * ReferralReasons#REJECTED_BY_HOST} and the host's note. Rejecting a rejected referral again
   * is DUPLICATE; a rewarded one is REJECTED with {@value ReferralReasons#ALREADY_REWARDED}
   * (reverse the reward in the ledger instead), an expired one with {@value
   * ReferralReasons#ILLEGAL_TRANSITION}.
   *
   * @param id the referral
   * @param note why, for people; kept as the referral's reason detail in the outcome
   * @return what happened
   */
  public ReferralOutcome reject(ReferralId id, String note) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(note, "note");
    while (true) {
      Optional<Referral> found = store.findReferral(id);
      if (found.isEmpty()) {
        return rejected(ReferralReasons.NO_REFERRAL, null);
      }
      Referral current = found.get();
      switch (current.state()) {
        case REJECTED:
          return ReferralOutcome.of(Kind.DUPLICATE, ReferralReasons.REJECTED_BY_HOST, current);
        case REWARDED:
          return rejected(ReferralReasons.ALREADY_REWARDED, current);
        case EXPIRED:
          return rejected(ReferralReasons.ILLEGAL_TRANSITION, current);
        default:
          break;
      }
      Referral next =
          current.moveTo(ReferralState.REJECTED, clock.instant(), ReferralReasons.REJECTED_BY_HOST);
      if (store.replaceReferral(current, next)) {
        return ReferralOutcome.applied(next);
      }
    }
  }

  /**
   * Expires open referrals (shared, clicked or signed up) whose attribution window has passed
   * without a conversion: window start plus the window is before the clock's now. Each is a
   * compare-and-set to EXPIRED with reason {@value ReferralReasons#OUTSIDE_WINDOW}, at the
   * clock's instant; a referral that converted meanwhile is left alone. Call it now and then,
   * like a timer: at most {@code limit} referrals are looked at per call, oldest first.
   *
   * @param limit the most referrals to look at, at least 1
   * @return the referrals this call expired
   */
  public List<Referral> expireStale(int limit) {
    Instant now = clock.instant();
    List<Referral> expired = new java.util.ArrayList<>();
    for (Referral candidate : store.findOpenStartedBefore(now.minus(window), limit)) {
      Referral current = candidate;
      while ((current.state() == ReferralState.SHARED || current.state() == ReferralState.CLICKED
          || current.state() == ReferralState.SIGNED_UP)
          && current.windowStart().isBefore(now.minus(window))) {
        Referral next =
            current.moveTo(ReferralState.EXPIRED, now, ReferralReasons.OUTSIDE_WINDOW);
        if (store.replaceReferral(current, next)) {
          expired.add(next);
          break;
        }
        Optional<Referral> again = store.findReferral(current.id());
        if (again.isEmpty()) {
          break;
        }
        current = again.get();
      }
    }
    return List.copyOf(expired);
  }

  /**
   * Forgets processed event ids older than the de-duplication horizon; call it now and then.
   *
   * @return how many ids were forgotten
   */
  public int forgetOldEvents() {
    return store.forgetProcessedBefore(clock.instant().minus(dedupHorizon));
  }

  private PartyFacts factsOf(Signal s) {
    PiiHasher h = hasher;
    if (h == null) {
      return PartyFacts.NONE;
    }
    return h.facts(
        s.attribute(EMAIL_ATTRIBUTE).orElse(null),
        s.attribute(DEVICE_ATTRIBUTE).orElse(null),
        s.attribute(PAYMENT_ATTRIBUTE).orElse(null));
  }

  private static ReferralOutcome rejected(String reason, @Nullable Referral r) {
    return ReferralOutcome.of(Kind.REJECTED, reason, r);
  }

  /**
   * Configures a {@link ReferralService}. Fails fast: null → NPE, a bad value → IAE naming it,
   * an option set twice → ISE. {@link #build()} copies the configuration.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private final ReferralStore store;
    private @Nullable InstantSource clock;
    private @Nullable RandomGenerator random;
    private @Nullable PiiHasher hasher;
    private int payloadLength = 8;
    private int maxCodeAttempts = 10;
    private Duration window = Duration.ofDays(30);
    private Duration dedupHorizon = Duration.ofDays(30);
    private CompetingReferrerPolicy policy = CompetingReferrerPolicy.FIRST_CLICK_WINS;
    private List<FraudRule> rules = FraudRules.defaults();
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder(ReferralStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set");
      }
    }

    /**
     * The source of time (required).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      once("clock");
      this.clock = clock;
      return this;
    }

    /**
     * The randomness for codes (required), for example a {@link java.security.SecureRandom}.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      once("random");
      this.random = random;
      return this;
    }

    /**
     * The hasher for the referee's e-mail and fingerprint attributes (without one they are not
     * read).
     *
     * @param hasher the hasher
     * @return this builder
     */
    public Builder hasher(PiiHasher hasher) {
      Objects.requireNonNull(hasher, "hasher");
      once("hasher");
      this.hasher = hasher;
      return this;
    }

    /**
     * Symbols of new codes before the check symbol (default 8).
     *
     * @param length 1 to 29
     * @return this builder
     */
    public Builder codePayloadLength(int length) {
      ReferralCode.checkPayloadLength(length);
      once("codePayloadLength");
      this.payloadLength = length;
      return this;
    }

    /**
     * How many colliding codes {@link #issueCode} tries before giving up (default 10).
     *
     * @param attempts at least 1
     * @return this builder
     */
    public Builder maxCodeAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxCodeAttempts must be at least 1: " + attempts);
      }
      once("maxCodeAttempts");
      this.maxCodeAttempts = attempts;
      return this;
    }

    /**
     * The attribution window from click to conversion (default 30 days).
     *
     * @param window positive
     * @return this builder
     */
    public Builder attributionWindow(Duration window) {
      positive("attributionWindow", window);
      once("attributionWindow");
      this.window = window;
      return this;
    }

    /**
     * How long processed event ids are remembered (default 30 days).
     *
     * @param horizon positive
     * @return this builder
     */
    public Builder deduplicationHorizon(Duration horizon) {
      positive("deduplicationHorizon", horizon);
      once("deduplicationHorizon");
      this.dedupHorizon = horizon;
      return this;
    }

    /**
     * The competing-referrer policy (default FIRST_CLICK_WINS).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder competingReferrerPolicy(CompetingReferrerPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      once("competingReferrerPolicy");
      this.policy = policy;
      return this;
    }

    /**
     * The fraud rules, run in order (default {@link FraudRules#defaults()}).
     *
     * @param rules the rules; copied
     * @return this builder
     */
    public Builder fraudRules(List<FraudRule> rules) {
      List<FraudRule> copy = List.copyOf(rules);
      once("fraudRules");
      this.rules = copy;
      return this;
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalStateException if the clock or the random generator is missing
     */
    public ReferralService build() {
      if (clock == null || random == null) {
        throw new IllegalStateException("clock and random must be set");
      }
      return new ReferralService(this);
    }
  }
}
