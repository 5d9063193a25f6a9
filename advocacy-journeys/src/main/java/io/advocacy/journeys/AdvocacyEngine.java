package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.adapter.AdapterRegistry;
import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.contact.ContactPolicy;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.IssueResult;
import io.advocacy.core.reward.RewardLedger;
import io.advocacy.core.reward.RewardRequest;
import io.advocacy.core.reward.RewardService;
import io.advocacy.core.reward.RewardValue;
import io.advocacy.core.signal.Signal;
import io.advocacy.journeys.playbook.AdvocacyPlaybook;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.qualify.FactsTracker;
import io.advocacy.scoring.qualify.Qualification;
import io.advocacy.scoring.qualify.QualificationPolicy;
import io.advocacy.scoring.qualify.QualificationTracker;
import io.advocacy.scoring.score.AdvocateScorer;
import io.advocacy.scoring.score.ScoreUpdate;
import io.advocacy.scoring.score.ScoringModel;
import io.advocacy.scoring.score.TierChange;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point for a host: wires signal adapters, the advocate scorer, qualification,
 * journeys, the contact policy, the reward service, the stores, the clock and the host's action
 * handlers. A host calls {@link #ingest} with each payload or signal and {@link #tick} now and
 * then; nothing else.
 *
 * <pre>{@code
 * AdvocacyEngine engine = AdvocacyEngine.builder(clock, customerId -> crm.profileOf(customerId))
 *     .scoringModel(ScoringModels.forIndustry(Industry.B2B_SAAS))
 *     .playbook()
 *     .handler(ActionKind.ASK, (action, profile) -> mailer.send(action, profile))
 *     .build();
 * engine.ingest("segment", webhookBody);
 * engine.tick();
 * }</pre>
 *
 * <p>What one signal does, in order: the contact policy observes it (a detractor answer or a
 * complaint suppresses asks); the scorer applies it (a duplicate id changes nothing); the
 * qualification facts take it in; the customer is qualified again, and each tier or motion
 * eligibility that changed becomes a derived signal; the journeys handle the signal and then
 * each derived signal (asks decided by the contact policy before the outbox); then the outbox is
 * dispatched. {@link #tick} does the same for the scorer's decay-only tier changes and the
 * journeys' due timers and held asks, and (at most once a week) forgets contact reservations
 * older than the contact rules look back ({@code FrequencyRules.lookBack()}). The journeys
 * remember signal ids for {@link #DEDUPLICATION_HORIZON} of event time (at most twice that) and
 * drop older ones by themselves; the scorer keeps its own horizon.
 *
 * <p>Dispatching the outbox: an {@link ActionKind#ISSUE_REWARD} action becomes a reward request
 * through the {@link RewardCatalogue}, checked by the reward service's compliance rules and
 * issued at most once per idempotency key; a reward the rules deny is recorded as blocked and,
 * unless {@link Builder#noRecognitionFallback()}, a non-monetary recognition is issued instead.
 * Every other action goes to the handler registered for its name, else for its kind; an action
 * with neither is acknowledged as recorded, and appears in the outcome for the host to read. A
 * handler that throws leaves its action in the outbox to be tried again on the next call; the
 * failure is in the outcome.
 *
 * <p>Thread-safe: one customer's signals are processed one at a time, start to finish (so a
 * conversion delivered on one thread cannot overtake the derived signal that started the
 * journey it converts, delivered on another); different customers proceed in parallel (64 lock
 * stripes); dispatching the outbox is serialised.
 */
public final class AdvocacyEngine {
  private static final int DISPATCH_BATCH = 10_000;
  /** How long the journeys remember a signal id, by event time: 30 days. */
  public static final java.time.Duration DEDUPLICATION_HORIZON = java.time.Duration.ofDays(30);

  private final InstantSource clock;
  private final Function<CustomerId, CustomerProfile> profiles;
  private final AdapterRegistry adapters;
  private final AdvocateScorer scorer;
  private final QualificationTracker qualification;
  private final FactsTracker facts = new FactsTracker();
  private final ContactPolicy contactPolicy;
  private final JourneyEngine journeys;
  private final RewardService rewards;
  private final RewardCatalogue catalogue;
  private final boolean recognitionFallback;
  private final Map<String, ActionHandler> byName;
  private final Map<ActionKind, ActionHandler> byKind;
  private final String defaultRegion;
  private final Object dispatchLock = new Object();
  private final java.util.concurrent.atomic.AtomicReference<Instant> lastSweep =
      new java.util.concurrent.atomic.AtomicReference<>(Instant.MIN);
  private static final java.time.Duration SWEEP_EVERY = java.time.Duration.ofDays(7);
  private final Object[] locks = new Object[64];

  private AdvocacyEngine(Builder b) {
    this.clock = b.clock;
    this.profiles = b.profiles;
    this.adapters = b.adapters == null ? AdapterRegistry.builder().build() : b.adapters;
    this.scorer = b.scorer != null ? b.scorer : AdvocateScorer.builder(b.model).build();
    this.qualification = new QualificationTracker(
        b.qualification == null ? QualificationPolicy.defaults() : b.qualification, s -> { });
    this.contactPolicy = b.contactPolicy == null ? AdvocacyPlaybook.contactPolicy()
        : b.contactPolicy;
    JourneyRegistry registry = b.registry == null ? AdvocacyPlaybook.registry() : b.registry;
    JourneyEngine.Builder jb = JourneyEngine.builder(
            b.store == null ? InstanceStore.inMemory() : b.store, registry, this::view)
        .contactPolicy(contactPolicy).deduplicationHorizon(DEDUPLICATION_HORIZON);
    b.journeys.forEach(jb::journey);
    b.migrations.forEach(jb::migration);
    this.journeys = jb.build();
    this.rewards = b.rewards == null
        ? RewardService.builder(RewardLedger.inMemory(), clock).build() : b.rewards;
    this.catalogue = b.catalogue == null ? RewardCatalogue.playbook() : b.catalogue;
    this.recognitionFallback = b.recognitionFallback;
    this.byName = Map.copyOf(b.byName);
    this.byKind = Map.copyOf(b.byKind);
    this.defaultRegion = b.defaultRegion;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * A builder.
   *
   * @param clock the clock: {@link #tick()} reads it, and rewards are stamped with it
   * @param profiles the host's customer profiles; called for every customer the engine meets
   *     and must not return null (a customer unknown to the host gets a bare profile)
   * @return a new builder
   */
  public static Builder builder(InstantSource clock, Function<CustomerId, CustomerProfile> profiles) {
    return new Builder(clock, profiles);
  }

  /**
   * What one call did.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param adapted what the adapter made of a payload; null when a signal was given
   * @param signals the signals handled, derived ones included, in order
   * @param duplicates signals already seen (by the scorer's or the journeys' de-duplication)
   * @param steps the journey steps committed
   * @param asks what the contact policy decided of each ask
   * @param rewards every reward request put to the reward service, with its result
   * @param handled actions carried out by a handler or recorded without one
   * @param failures actions whose handler threw, with the message; they stay in the outbox
   */
  public record Outcome(
      @Nullable AdapterResult adapted, List<Signal> signals, int duplicates, List<Step> steps,
      List<AskDecision> asks, List<RewardOutcome> rewards, List<ActionRequest> handled,
      List<String> failures) {
    /**
     * Copies the outcome.
     *
     * @param adapted the adapter's result, or null
     * @param signals the signals
     * @param duplicates the duplicates
     * @param steps the steps
     * @param asks the contact decisions
     * @param rewards the rewards
     * @param handled the actions handled
     * @param failures the failures
     */
    public Outcome {
      signals = List.copyOf(signals);
      steps = List.copyOf(steps);
      asks = List.copyOf(asks);
      rewards = List.copyOf(rewards);
      handled = List.copyOf(handled);
      failures = List.copyOf(failures);
    }

    /**
     * The asks sent and the acts recorded by this call's steps, as touchpoints for attribution
     * (see {@link JourneyTouchpoints#of(Step)}).
     *
     * @return the touches, in the order of the steps
     */
    public List<io.advocacy.core.touchpoint.Touchpoint> touchpoints() {
      return JourneyTouchpoints.ofSteps(steps);
    }
  }

  /**
   * A reward the engine asked for on an action's behalf, and what the reward service said.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param action the action
   * @param request the reward request
   * @param result issued, duplicate or denied, with the compliance decision
   * @param fallback true when this is the recognition issued because the first reward was denied
   */
  public record RewardOutcome(ActionRequest action, RewardRequest request, IssueResult result,
      boolean fallback) {
    /**
     * Validates the record.
     *
     * @param action the action
     * @param request the request
     * @param result the result
     * @param fallback whether a fallback
     */
    public RewardOutcome {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * Reads a payload with a registered adapter and ingests every signal it accepts. Rejected and
   * ignored records are in {@code adapted}; none is lost.
   *
   * @param adapter the adapter's registered name
   * @param payload the payload
   * @return what happened
   * @throws IllegalArgumentException if no adapter has that name
   */
  public Outcome ingest(String adapter, String payload) {
    Objects.requireNonNull(payload, "payload");
    AdapterResult adapted = adapters.require(adapter)
        .read(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
    Collector c = new Collector();
    for (Signal s : adapted.signals()) {
      process(s, c);
    }
    dispatch(c);
    return c.outcome(adapted);
  }

  /**
   * Ingests one signal.
   *
   * @param signal the signal
   * @return what happened
   */
  public Outcome ingest(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    Collector c = new Collector();
    process(signal, c);
    dispatch(c);
    return c.outcome(null);
  }

  /**
   * {@link #tick(Instant)} at the clock's instant.
   *
   * @return what happened
   */
  public Outcome tick() {
    return tick(clock.instant());
  }

  /**
   * Fires what is due at an instant: tier changes by decay alone (qualified again, so journeys
   * see the derived signals), every journey timer and held ask due, then the outbox.
   *
   * @param now the instant
   * @return what happened
   */
  public Outcome tick(Instant now) {
    Objects.requireNonNull(now, "now");
    Collector c = new Collector();
    for (TierChange change : scorer.tick(now)) {
      requalify(change.customer(), now, c);
    }
    // the sweep reads every reservation, so it runs at most once a week of event time
    Instant swept = lastSweep.get();
    if (!now.isBefore(swept.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(swept, now)) {
      // contact reservations older than the rules look back decide nothing any more
      contactPolicy.history().forgetBefore(now.minus(contactPolicy.rules().lookBack()));
    }
    for (int round = 0; round < 1_000; round++) {
      JourneyEngine.Result r = journeys.tick(now, DISPATCH_BATCH);
      c.add(r);
      if (r.steps().size() < DISPATCH_BATCH) {
        break;
      }
    }
    dispatch(c);
    return c.outcome(null);
  }

  /**
   * The journey engine, for its store, audit and outbox, and for the signal ids it remembers
   * ({@link JourneyEngine#writeSignalIds}, {@link JourneyEngine#restoreSignalIds}), which a host
   * carries across a restart beside the scorer's snapshot.
   *
   * @return the journey engine
   */
  public JourneyEngine journeys() {
    return journeys;
  }

  /**
   * The scorer.
   *
   * @return the advocate scorer
   */
  public AdvocateScorer scorer() {
    return scorer;
  }

  /**
   * The contact policy.
   *
   * @return the policy
   */
  public ContactPolicy contactPolicy() {
    return contactPolicy;
  }

  /**
   * The reward service and its ledger.
   *
   * @return the reward service
   */
  public RewardService rewards() {
    return rewards;
  }

  /**
   * A customer's last qualification: score, tier and eligible motions with reasons.
   *
   * @param customer the customer
   * @return the qualification, or empty before the engine has seen the customer
   */
  public Optional<Qualification> qualification(CustomerId customer) {
    return Optional.ofNullable(qualification.last(customer));
  }

  private void process(Signal signal, Collector c) {
    if (signal.subject() instanceof CustomerId customer) {
      synchronized (lock(customer)) {
        processInOrder(signal, c);
      }
    } else {
      processInOrder(signal, c);
    }
  }

  private Object lock(CustomerId customer) {
    return locks[Math.floorMod(customer.value().hashCode(), locks.length)];
  }

  /** One signal, start to finish; a customer's signals come here one at a time. */
  private void processInOrder(Signal signal, Collector c) {
    contactPolicy.observe(signal);
    ScoreUpdate update = scorer.apply(signal);
    if (update.status() == ScoreUpdate.Status.DUPLICATE) {
      c.duplicates++;
    }
    facts.apply(signal);
    List<Signal> derived = List.of();
    if (signal.subject() instanceof CustomerId customer) {
      // a late signal is judged as of the latest instant already seen for the customer, so it
      // cannot turn the customer's tier back in time
      Qualification last = qualification.last(customer);
      Instant at = last != null && last.asOf().isAfter(signal.occurredAt())
          ? last.asOf() : signal.occurredAt();
      derived = requalifyQuietly(customer, at);
    }
    c.signals.add(signal);
    JourneyEngine.Result r = journeys.handle(signal);
    if (r.duplicate() && update.status() != ScoreUpdate.Status.DUPLICATE) {
      c.duplicates++;
    }
    c.add(r);
    for (Signal d : derived) {
      c.signals.add(d);
      c.add(journeys.handle(d));
    }
  }

  private void requalify(CustomerId customer, Instant at, Collector c) {
    synchronized (lock(customer)) {
      for (Signal d : requalifyQuietly(customer, at)) {
        c.signals.add(d);
        c.add(journeys.handle(d));
      }
    }
  }

  private List<Signal> requalifyQuietly(CustomerId customer, Instant at) {
    CustomerProfile profile = profile(customer);
    double score = scorer.scoreOf(customer, at);
    return qualification.update(facts.facts(profile, score, at));
  }

  private CustomerProfile profile(CustomerId customer) {
    CustomerProfile p = profiles.apply(customer);
    return p != null ? p : CustomerProfile.builder(customer).build();
  }

  private CustomerView view(CustomerId customer) {
    CustomerProfile profile = profile(customer);
    Qualification q = qualification.last(customer);
    return q == null ? CustomerView.of(profile, OptionalDouble.empty(), AdvocateTier.NONE, Set.of())
        : CustomerView.of(profile, OptionalDouble.of(q.score()), q.tier(), q.eligibleMotions());
  }

  private void dispatch(Collector c) {
    synchronized (dispatchLock) {
      InstanceStore store = journeys.store();
      for (ActionRequest a : store.pending(DISPATCH_BATCH)) {
        CustomerProfile profile = profile(a.customer());
        if (a.kind() == ActionKind.ISSUE_REWARD && !byName.containsKey(a.name())) {
          reward(a, profile, c);
          store.acknowledge(a.idempotencyKey());
          continue;
        }
        ActionHandler h = byName.getOrDefault(a.name(), byKind.get(a.kind()));
        try {
          if (h != null) {
            h.handle(a, profile);
          }
          store.acknowledge(a.idempotencyKey());
          c.handled.add(a);
        } catch (Exception e) {
          c.failures.add(a.idempotencyKey() + ": " + e.getClass().getSimpleName() + ": "
              + e.getMessage());
        }
      }
    }
  }

  private void reward(ActionRequest a, CustomerProfile profile, Collector c) {
    String region = profile.locale().getCountry().isEmpty() ? defaultRegion
        : profile.locale().getCountry();
    List<RewardRequest> offers = catalogue.offers(a, profile, region, this::profile);
    if (offers.isEmpty()) {
      c.handled.add(a);
      return;
    }
    for (RewardRequest offer : offers) {
      IssueResult result = rewards.request(offer);
      c.rewards.add(new RewardOutcome(a, offer, result, false));
      if (result.status() == IssueResult.Status.DENIED && recognitionFallback
          && offer.kind() != IncentiveKind.RECOGNITION) {
        RewardRequest recognition = RewardRequest.builder(offer.idempotencyKey() + ":recognition",
                offer.profile(), offer.region())
            .kind(IncentiveKind.RECOGNITION).value(RewardValue.zero("USD"))
            .reason(offer.reason()).requestedAt(a.at()).build();
        c.rewards.add(new RewardOutcome(a, recognition, rewards.request(recognition), true));
      }
    }
  }

  /** What one call gathers. */
  private static final class Collector {
    final List<Signal> signals = new ArrayList<>();
    int duplicates;
    final List<Step> steps = new ArrayList<>();
    final List<AskDecision> asks = new ArrayList<>();
    final List<RewardOutcome> rewards = new ArrayList<>();
    final List<ActionRequest> handled = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    void add(JourneyEngine.Result r) {
      steps.addAll(r.steps());
      asks.addAll(r.asks());
    }

    Outcome outcome(@Nullable AdapterResult adapted) {
      return new Outcome(adapted, signals, duplicates, steps, asks, rewards, handled, failures);
    }
  }

  /** Builds an {@link AdvocacyEngine}. Not thread-safe. */
  public static final class Builder {
    private final InstantSource clock;
    private final Function<CustomerId, CustomerProfile> profiles;
    private @Nullable AdapterRegistry adapters;
    private @Nullable ScoringModel model;
    private @Nullable AdvocateScorer scorer;
    private @Nullable QualificationPolicy qualification;
    private @Nullable JourneyRegistry registry;
    private final List<JourneyDefinition> journeys = new ArrayList<>();
    private final List<JourneyMigration> migrations = new ArrayList<>();
    private @Nullable InstanceStore store;
    private @Nullable ContactPolicy contactPolicy;
    private @Nullable RewardService rewards;
    private @Nullable RewardCatalogue catalogue;
    private boolean recognitionFallback = true;
    private boolean fallbackSet;
    private final Map<String, ActionHandler> byName = new LinkedHashMap<>();
    private final Map<ActionKind, ActionHandler> byKind = new EnumMap<>(ActionKind.class);
    private String defaultRegion = "US";
    private boolean regionSet;

    private Builder(InstantSource clock, Function<CustomerId, CustomerProfile> profiles) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    private static <T> T once(@Nullable Object current, T value, String what) {
      Objects.requireNonNull(value, what);
      if (current != null) {
        throw new IllegalStateException(what + " set twice");
      }
      return value;
    }

    /**
     * The signal adapters {@link #ingest(String, String)} reads payloads with.
     *
     * @param registry the adapters
     * @return this builder
     */
    public Builder adapters(AdapterRegistry registry) {
      adapters = once(adapters, registry, "adapters");
      return this;
    }

    /**
     * The scoring model of a scorer the engine builds (or give a scorer).
     *
     * @param scoringModel the model
     * @return this builder
     */
    public Builder scoringModel(ScoringModel scoringModel) {
      model = once(model, scoringModel, "scoring model");
      return this;
    }

    /**
     * A scorer of the host's (restored from a snapshot, say), instead of a scoring model.
     *
     * @param advocateScorer the scorer
     * @return this builder
     */
    public Builder scorer(AdvocateScorer advocateScorer) {
      scorer = once(scorer, advocateScorer, "scorer");
      return this;
    }

    /**
     * The qualification policy (default {@link QualificationPolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder qualification(QualificationPolicy policy) {
      qualification = once(qualification, policy, "qualification policy");
      return this;
    }

    /**
     * The guards and actions of the journeys (default {@link AdvocacyPlaybook#registry()}).
     *
     * @param journeyRegistry the registry
     * @return this builder
     */
    public Builder registry(JourneyRegistry journeyRegistry) {
      registry = once(registry, journeyRegistry, "journey registry");
      return this;
    }

    /**
     * Adds a journey definition.
     *
     * @param definition the definition
     * @return this builder
     */
    public Builder journey(JourneyDefinition definition) {
      journeys.add(Objects.requireNonNull(definition, "definition"));
      return this;
    }

    /**
     * Adds every journey of {@link AdvocacyPlaybook#all()}.
     *
     * @return this builder
     */
    public Builder playbook() {
      journeys.addAll(AdvocacyPlaybook.all());
      return this;
    }

    /**
     * Adds a migration between journey versions.
     *
     * @param migration the migration
     * @return this builder
     */
    public Builder migration(JourneyMigration migration) {
      migrations.add(Objects.requireNonNull(migration, "migration"));
      return this;
    }

    /**
     * The instance store (default in memory).
     *
     * @param instanceStore the store
     * @return this builder
     */
    public Builder instanceStore(InstanceStore instanceStore) {
      store = once(store, instanceStore, "instance store");
      return this;
    }

    /**
     * The contact policy (default {@link AdvocacyPlaybook#contactPolicy()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder contactPolicy(ContactPolicy policy) {
      contactPolicy = once(contactPolicy, policy, "contact policy");
      return this;
    }

    /**
     * The reward service (default: an in-memory ledger with the default compliance rules).
     *
     * @param service the service
     * @return this builder
     */
    public Builder rewards(RewardService service) {
      rewards = once(rewards, service, "reward service");
      return this;
    }

    /**
     * What reward actions are worth (default {@link RewardCatalogue#playbook()}).
     *
     * @param rewardCatalogue the catalogue
     * @return this builder
     */
    public Builder rewardCatalogue(RewardCatalogue rewardCatalogue) {
      catalogue = once(catalogue, rewardCatalogue, "reward catalogue");
      return this;
    }

    /**
     * Issues nothing in place of a reward the compliance rules deny (by default a non-monetary
     * recognition is issued instead).
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder noRecognitionFallback() {
      if (fallbackSet) {
        throw new IllegalStateException("recognition fallback set twice");
      }
      fallbackSet = true;
      recognitionFallback = false;
      return this;
    }

    /**
     * The region of customers whose profile's locale names no country (default {@code US}).
     *
     * @param region an ISO 3166 alpha-2 code
     * @return this builder
     */
    public Builder defaultRegion(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException("region \"" + region
            + "\" is not an upper-case ISO 3166 alpha-2 code");
      }
      if (regionSet) {
        throw new IllegalStateException("default region set twice");
      }
      regionSet = true;
      defaultRegion = region;
      return this;
    }

    /**
     * The handler of every action of a kind without a handler of its own name.
     *
     * @param kind the kind
     * @param handler the handler
     * @return this builder
     * @throws IllegalStateException if that kind has a handler already
     */
    public Builder handler(ActionKind kind, ActionHandler handler) {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(handler, "handler");
      if (byKind.putIfAbsent(kind, handler) != null) {
        throw new IllegalStateException("a handler for " + kind + " was set before");
      }
      return this;
    }

    /**
     * The handler of the actions of one name (a reward action with a handler of its own is
     * handed to it instead of the reward service).
     *
     * @param action the action's name
     * @param handler the handler
     * @return this builder
     * @throws IllegalStateException if that name has a handler already
     */
    public Builder handler(String action, ActionHandler handler) {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(handler, "handler");
      if (byName.putIfAbsent(action, handler) != null) {
        throw new IllegalStateException("a handler for " + action + " was set before");
      }
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws IllegalStateException if neither a scoring model nor a scorer was given, or both
     */
    public AdvocacyEngine build() {
      if ((model == null) == (scorer == null)) {
        throw new IllegalStateException("give either a scoring model or a scorer, not "
            + (model == null ? "neither" : "both"));
      }
      return new AdvocacyEngine(this);
    }
  }
}
