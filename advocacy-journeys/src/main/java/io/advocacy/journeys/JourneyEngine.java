package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.Motion;
import io.advocacy.core.contact.Ask;
import io.advocacy.core.contact.ContactDecision;
import io.advocacy.core.contact.ContactOutcome;
import io.advocacy.core.contact.ContactPolicy;
import io.advocacy.core.contact.ContactReasonCode;
import io.advocacy.core.contact.ContactReservation;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.SignalId;
import io.advocacy.core.internal.SeenIds;
import io.advocacy.journeys.internal.InMemoryInstanceStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs journeys over an {@link InstanceStore}: routes each signal to the customer's running
 * instances, starts journeys whose entry signal it is (within their re-entry policy), fires
 * due timers on {@link #tick}, and commits every step — instance, outbox actions, audit, and
 * the contact slots its allowed asks hold ({@link Commit#reservations()}) — in one {@link
 * InstanceStore#commit} with the revision it read.
 *
 * <ul>
 *   <li>A signal id already handled within the de-duplication horizon ({@link
 *       Builder#deduplicationHorizon}, default 30 days of event time) changes nothing. The ids
 *       are kept exactly (fingerprints behind a one-word filter, confirmed by the id's
 *       characters, no object per id) in two generations by event time: an id is remembered at
 *       least one horizon after the latest event time reaches it and at most two, then dropped
 *       with its generation, so the memory stays bounded without a sweep ({@link
 *       #rememberedSignalIds()}). The ids live in the engine, not in the store: {@link
 *       #writeSignalIds} and {@link #restoreSignalIds} carry them across a restart. A signal
 *       whose handling throws (the host's view function or store failed) before any of its steps
 *       is committed is forgotten again, and the contact slots its asks reserved are released,
 *       so the signal delivered again is handled; one that threw after committing a step stays
 *       remembered, since handling it again would repeat that step.
 *   <li>Signals of one customer are applied one at a time (a lock per customer stripe, 64
 *       stripes); different customers proceed in parallel. The engine starts no threads.
 *   <li>A signal's commit refused because another writer of the store (another engine, the
 *       host) moved the instance since it was read is taken again from the stored value, up to
 *       3 times; only a refusal after that, or one where the instance had not moved, is
 *       reported in the result's {@code skipped}.
 *   <li>Instance ids are deterministic: {@code <journey>:<customer>:<n>} for the customer's n-th
 *       instance of the journey.
 *   <li>Instances stay on the definition version they started with unless a {@link
 *       JourneyMigration} to the next version is registered; the engine migrates an instance
 *       when it next touches it. An instance whose state has no place in the next version stays
 *       on its version and is reported in the result; a version the engine no longer holds is
 *       skipped and reported too. Nothing is dropped silently.
 *   <li>With a {@link ContactPolicy} ({@link Builder#contactPolicy}), every {@link
 *       ActionKind#ASK} action is decided before it reaches the outbox: allowed (the slot is
 *       reserved, and released again if the commit loses a race), deferred (the instance holds
 *       the ask as a {@link HeldAsk} and decides it again at the allowed instant, on a tick), or
 *       denied (the reasons go to the audit, and a {@link JourneySignals#ASK_DENIED} signal is
 *       applied to the instance so the journey can branch). An ask names its motion and channel
 *       in the action's parameters {@code motion} and {@code channel} (a {@link Motion} and a
 *       {@link ContactChannel} name; the channel defaults to {@code EMAIL}) and may name a
 *       {@code programme}; an ask without a valid motion is denied as {@code INVALID_ASK}. A
 *       held ask is decided at its retry instant, and dropped when its state is left; allowed
 *       then, it reaches the outbox with that instant as its {@code at}, under its original
 *       idempotency key.
 *   <li>Journeys that one signal starts start in the order they were added to the builder.
 *   <li>{@link #handleAll} handles a batch as {@link #handle} would each signal in turn, holding
 *       the lock stripes of the batch's customers (taken in a fixed order) for the whole batch.
 *   <li>{@link #tick} fires the due instances in batches of 512, committing each batch with
 *       {@link InstanceStore#commitAll} while it holds the lock stripes of the batch's customers
 *       (taken in a fixed order). It reads them with one {@link InstanceStore#due} call; from
 *       the in-memory default store, a batch at a time, each read going on after the last
 *       instance of the batch before (so an instance that stays due, such as one on a version
 *       the engine no longer holds, is reported once per call and starves nothing, and a call
 *       over a million timers fires each batch while the values it read are at hand).
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class JourneyEngine {
  private static final int STRIPES = 64;
  /** The first four bytes of {@link #writeSignalIds}'s form: "AJS1". */
  private static final int SIGNAL_IDS_MAGIC = 0x414a5331;
  private static final int MAX_DENIAL_DEPTH = 8;
  /** How often a signal's step is taken again from the stored value after losing a race. */
  private static final int MAX_RETRIES = 3;
  /** How many due instances {@link #tick} steps and commits at once. */
  private static final int TICK_BATCH = 512;
  /** The default de-duplication horizon: 30 days of event time. */
  public static final Duration DEFAULT_DEDUPLICATION_HORIZON = Duration.ofDays(30);

  private final InstanceStore store;
  /**
   * The store when it is the in-memory default, whose calls for one instance need no list or
   * {@link Commit} around it; otherwise null.
   */
  private final @Nullable InMemoryInstanceStore memory;
  private final Map<String, JourneyMachine> machines;
  /** Every version of each journey, for lookups without building a key. */
  private final Map<JourneyId, JourneyMachine[]> versions;
  /** The newest version of each journey, by its entry signal type, in registration order. */
  private final Map<SignalType, List<JourneyMachine>> starters;
  private final Function<CustomerId, CustomerView> customers;
  private final @Nullable ContactPolicy contactPolicy;
  private final Map<String, JourneyMigration> migrations;
  private final long horizonMillis;
  /** Signal ids handled, by event time; guarded by itself. */
  private final SeenIds handled;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  /** What {@link #handleAll} read ahead, folded, so that its reads are not left out. */
  private long readAhead;

  private JourneyEngine(Builder b) {
    this.store = b.store;
    this.memory = b.store instanceof InMemoryInstanceStore m ? m : null;
    // registration order is kept: journeys a signal starts start in the order they were added
    this.machines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.machines));
    Map<JourneyId, List<JourneyMachine>> byJourney = new LinkedHashMap<>();
    for (JourneyMachine m : machines.values()) {
      byJourney.computeIfAbsent(m.definition().id(), k -> new ArrayList<>()).add(m);
    }
    Map<JourneyId, JourneyMachine[]> all = new java.util.HashMap<>();
    Map<SignalType, List<JourneyMachine>> entry = new java.util.HashMap<>();
    byJourney.forEach((journey, list) -> {
      all.put(journey, list.toArray(JourneyMachine[]::new));
      JourneyMachine newest = list.stream()
          .max(java.util.Comparator.comparingInt(m -> m.definition().version())).orElseThrow();
      if (newest.definition().entry() != null) {
        entry.computeIfAbsent(newest.definition().entry(), k -> new ArrayList<>()).add(newest);
      }
    });
    this.versions = Map.copyOf(all);
    entry.replaceAll((k, v) -> List.copyOf(v));
    this.starters = Map.copyOf(entry);
    this.customers = b.customers;
    this.contactPolicy = b.contactPolicy;
    this.migrations = Map.copyOf(b.migrations);
    this.horizonMillis = b.deduplicationHorizon.toMillis();
    this.handled = new SeenIds(horizonMillis, 1 << 12);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * A builder.
   *
   * @param store the instance store
   * @param registry the guards and actions
   * @param customers the host's view of a customer; called at most once per customer per {@code
   *     handle} (or per due instance in a {@code tick}), and only when a guard, a timer, a start
   *     or an ask reads the customer; it must not return null
   * @return a new builder
   */
  public static Builder builder(InstanceStore store, JourneyRegistry registry,
      Function<CustomerId, CustomerView> customers) {
    return new Builder(store, registry, customers);
  }

  /**
   * What handling a signal or a tick did.
   *
   * @param steps the steps committed, in order
   * @param duplicate true when the signal id was handled before
   * @param skipped instances not advanced or not migrated, with the reason (an unknown
   *     definition version, a state with no place in the next version, a conflict with another
   *     writer)
   * @param asks what the contact policy decided of each ask, in order (empty without a policy)
   */
  public record Result(List<Step> steps, boolean duplicate, List<String> skipped,
      List<AskDecision> asks) {
    /**
     * Copies the result.
     *
     * @param steps the steps
     * @param duplicate whether a duplicate
     * @param skipped the skipped instances with reasons
     * @param asks the contact decisions
     */
    public Result {
      steps = List.copyOf(steps);
      skipped = List.copyOf(skipped);
      asks = List.copyOf(asks);
    }

    /**
     * A result without contact decisions.
     *
     * @param steps the steps
     * @param duplicate whether a duplicate
     * @param skipped the skipped instances with reasons
     */
    public Result(List<Step> steps, boolean duplicate, List<String> skipped) {
      this(steps, duplicate, skipped, List.of());
    }
  }

  /**
   * Handles a signal.
   *
   * @param signal the signal
   * @return the steps committed
   */
  public Result handle(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (!(signal.subject() instanceof CustomerId customer)) {
      return anonymous(signal);
    }
    boolean fresh;
    synchronized (handled) {
      fresh = handled.add(signal.id().value(), signal.occurredAt().toEpochMilli());
    }
    if (!fresh) {
      return DUPLICATE;
    }
    Pass pass = new Pass(customer);
    ReentrantLock lock = lock(customer);
    lock.lock();
    try {
      apply(signal, customer, pass);
    } catch (RuntimeException | Error e) {
      failed(signal, pass);
      throw e;
    } finally {
      lock.unlock();
    }
    return pass.result();
  }

  /**
   * After a signal's handling threw (the host's view function or store failed): the contact
   * slots its asks reserved are released, and when none of its steps was committed its id is
   * forgotten, so that the signal delivered again is handled rather than taken for a duplicate.
   * A signal that committed a step before the failure stays remembered: handling it again would
   * repeat that step.
   */
  private void failed(Signal signal, Pass pass) {
    pass.abandon();
    if (!pass.committedAny()) {
      synchronized (handled) {
        handled.forget(signal.id().value());
      }
    }
  }

  /**
   * Handles signals in order, with the same results as {@link #handle} on each in turn, but
   * with less work per signal: the places of the batch's ids in the de-duplication are read
   * ahead so that their cache misses overlap, the lock stripes of the batch's customers are taken
   * once for the whole batch (in a fixed order, as a tick takes them), and the pass that gathers
   * a signal's steps is reused. A host that receives signals in batches (a queue's poll, an
   * adapter's page) calls this. Other calls for customers in the batch's stripes (64 stripes;
   * with a batch of a hundred customers, most of them) wait for the whole batch, so keep batches
   * to the hundreds when other threads handle signals too.
   *
   * <p>If handling a signal throws (as {@link #handle} would: a view function that gives null,
   * a host store that fails), the exception propagates and the signals after it in the batch
   * are neither handled nor remembered, as a loop of {@code handle} calls would leave them.
   *
   * @param signals the signals, in arrival order
   * @return what each did, in the same order (an unmodifiable list): a repeated id's result says
   *     it is a duplicate, also when the earlier one is in the same batch; an anonymous signal's
   *     names its subject in {@code skipped}
   * @throws NullPointerException if the list or a signal in it is null (then none is handled)
   */
  public List<Result> handleAll(List<Signal> signals) {
    Objects.requireNonNull(signals, "signals");
    Signal[] batch = signals.toArray(new Signal[0]);
    long stripes = 0;
    long folded = 0;
    for (int k = 0; k < batch.length; k++) {
      Signal s = batch[k];
      if (s == null) {
        throw new NullPointerException("signal " + k + " of " + batch.length + " is null");
      }
      if (s.subject() instanceof CustomerId customer) {
        stripes |= 1L << stripe(customer);
      }
    }
    synchronized (handled) {
      for (Signal s : batch) {
        folded ^= handled.touch(s.id().value());
      }
      readAhead ^= folded;
    }
    Result[] out = new Result[batch.length];
    Pass pass = new Pass(null);
    lockAll(stripes);
    try {
      for (int k = 0; k < batch.length; k++) {
        Signal s = batch[k];
        if (!(s.subject() instanceof CustomerId customer)) {
          out[k] = anonymous(s);
          continue;
        }
        boolean fresh;
        synchronized (handled) {
          fresh = handled.add(s.id().value(), s.occurredAt().toEpochMilli());
        }
        if (!fresh) {
          out[k] = DUPLICATE;
          continue;
        }
        pass.next(customer);
        try {
          apply(s, customer, pass);
        } catch (RuntimeException | Error e) {
          failed(s, pass);
          throw e;
        }
        out[k] = pass.result();
      }
    } finally {
      unlockAll(stripes);
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /** The result of a signal about an anonymous visitor: nothing done, the subject named. */
  private static Result anonymous(Signal signal) {
    return new Result(List.of(), false, List.of("anonymous subject " + signal.subject()));
  }

  /** Routes a fresh signal to its customer's instances and starts journeys; under its lock. */
  private void apply(Signal signal, CustomerId customer, Pass pass) {
    CustomerView view = pass;
    Object found = memory != null ? memory.instancesOf(customer) : store.byCustomer(customer);
    if (found instanceof JourneyInstance one) {
      step(one, signal, view, pass);
    } else {
      List<JourneyInstance> existing = instances(found);
      for (int k = 0; k < existing.size(); k++) {
        step(existing.get(k), signal, view, pass);
      }
    }
    List<JourneyMachine> starting = starters.get(signal.type());
    if (starting != null) {
      List<JourneyInstance> existing =
          found instanceof JourneyInstance one ? List.of(one) : instances(found);
      for (JourneyMachine m : starting) {
        start(m, customer, existing, signal, view, pass);
      }
    }
  }

  // found is a JourneyInstance or a List<JourneyInstance> (see InMemoryInstanceStore.instancesOf)
  @SuppressWarnings("unchecked")
  private static List<JourneyInstance> instances(Object found) {
    return (List<JourneyInstance>) found;
  }

  /**
   * Applies a signal to one of the customer's stored instances and commits what it did. A commit
   * refused because another writer moved the instance since it was read is taken again from the
   * stored value, up to {@link #MAX_RETRIES} times, so the signal is not lost; only then, or when
   * the instance had not moved, is the refusal reported.
   */
  private void step(JourneyInstance stored, Signal signal, CustomerView view, Pass pass) {
    for (int attempt = 0; ; attempt++) {
      if (!stored.running()) {
        return;
      }
      Step migrated = current(stored, view, pass, signal.occurredAt());
      JourneyInstance i = migrated == null ? stored : migrated.instance();
      JourneyMachine m = machine(i.journey(), i.definitionVersion());
      if (m == null) {
        pass.skipped(i.id() + ": no definition " + i.journey() + " v" + i.definitionVersion());
        return;
      }
      Step s = then(migrated, gate(m, i, m.onSignal(i, signal, view), view, pass, 0));
      boolean retry = attempt < MAX_RETRIES;
      if (s.instance() == stored || pass.commit(s, stored.revision(), retry) || !retry) {
        return;
      }
      JourneyInstance fresh = store.find(stored.id()).orElse(null);
      if (fresh == null || fresh.revision() == stored.revision()) {
        pass.lost(s, stored.revision());
        return;
      }
      stored = fresh;
    }
  }

  private void start(JourneyMachine m, CustomerId customer, List<JourneyInstance> existing,
      Signal signal, CustomerView view, Pass pass) {
    JourneyDefinition d = m.definition();
    if (!mayEnter(d, existing, signal.occurredAt())) {
      return;
    }
    long n = 1;
    for (JourneyInstance i : existing) {
      if (i.journey().equals(d.id())) {
        n++;
      }
    }
    String id = d.id().value() + ":" + customer.value() + ":" + n;
    Optional<Step> first = m.start(id, view, signal, signal.occurredAt());
    if (first.isPresent()) {
      Step s = first.get();
      JourneyInstance blank = s.instance().withHeldAsks(List.of());
      pass.commit(gate(m, blank, s, view, pass, 0), -1);
    }
  }

  /**
   * Fires every timer due at or before an instant, at most {@code limit} instances per call,
   * earliest due first. Overdue timers after downtime fire once, in due order.
   *
   * @param now the instant
   * @param limit the most instances to advance
   * @return the steps committed
   */
  public Result tick(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    Pass pass = new Pass(null);
    if (memory == null) {
      List<JourneyInstance> due = store.due(now, limit);
      for (int from = 0; from < due.size(); from += TICK_BATCH) {
        fireAll(due.subList(from, Math.min(due.size(), from + TICK_BATCH)), now, pass);
      }
      return pass.result();
    }
    // The in-memory store is read a batch at a time, each batch going on after the last
    // instance of the one before, so a batch is fired while the values read are at hand.
    int left = limit;
    JourneyInstance last = null;
    while (left > 0) {
      int n = Math.min(TICK_BATCH, left);
      List<JourneyInstance> batch = last == null ? memory.due(now, n)
          : memory.dueAfter(now, last.nextDue().orElseThrow(), last.id(), n);
      fireAll(batch, now, pass);
      if (batch.size() < n) {
        break;
      }
      left -= n;
      last = batch.get(n - 1);
    }
    return pass.result();
  }

  /** Fires a batch of due instances as read, under their customers' locks, and commits them. */
  private void fireAll(List<JourneyInstance> batch, Instant now, Pass pass) {
    long stripes = 0;
    for (JourneyInstance d : batch) {
      stripes |= 1L << stripe(d.customer());
    }
    lockAll(stripes);
    try {
      for (JourneyInstance d : batch) {
        Step s = fire(d, now, pass);
        if (s != null) {
          pass.queue(s, d.revision());
        }
      }
      pass.flush(now);
    } finally {
      unlockAll(stripes);
    }
  }

  /**
   * Steps one due instance as read, under its customer's lock: the step to commit, or null when
   * nothing changed. Its commit expects the revision read, so a value that another writer
   * changed after the read is refused and stepped again from the store (see {@link
   * Pass#flush}).
   */
  private @Nullable Step fire(JourneyInstance stored, Instant now, Pass pass) {
    if (!stored.running()) {
      return null;
    }
    CustomerView view = new LazyView(stored.customer());
    Step migrated = current(stored, view, pass, now);
    JourneyInstance i = migrated == null ? stored : migrated.instance();
    JourneyMachine m = machine(i.journey(), i.definitionVersion());
    if (m == null) {
      pass.skipped(i.id() + ": no definition " + i.journey() + " v" + i.definitionVersion());
      return null;
    }
    Step retried = retryHeld(m, i, now, view, pass);
    Step s = retried == null ? migrated : then(migrated, retried);
    JourneyInstance held = s == null ? i : s.instance();
    s = then(s, gate(m, held, m.onTimers(held, now, view), view, pass, 0));
    return s.instance() != stored ? s : null;
  }

  private void lockAll(long stripes) {
    for (long rest = stripes; rest != 0; rest &= rest - 1) {
      locks[Long.numberOfTrailingZeros(rest)].lock();
    }
  }

  private void unlockAll(long stripes) {
    for (long rest = stripes; rest != 0; rest &= rest - 1) {
      locks[Long.numberOfTrailingZeros(rest)].unlock();
    }
  }

  /**
   * Migrates a customer's running instances now, rather than when a signal or a timer next
   * touches them: a host walks its customers with this after registering a migration that
   * changes timers (the store indexes an instance by the timers of its old version until it
   * moves). Instances whose state has no place in the next version are reported in {@code
   * skipped}. This call reads no clock, so each migration's audit entry is stamped with the
   * instant the instance entered its state (a signal or a tick that migrates stamps its own);
   * {@link #migrate(CustomerId, Instant)} stamps the instant given.
   *
   * @param customer the customer
   * @return one step per instance migrated
   */
  public Result migrate(CustomerId customer) {
    return migrateAt(customer, null);
  }

  /**
   * Migrates a customer's running instances now, as {@link #migrate(CustomerId)} does, with each
   * migration's audit entry stamped {@code now} (the host's clock at the walk).
   *
   * @param customer the customer
   * @param now the instant to stamp the audit entries with
   * @return one step per instance migrated
   */
  public Result migrate(CustomerId customer, Instant now) {
    return migrateAt(customer, Objects.requireNonNull(now, "now"));
  }

  private Result migrateAt(CustomerId customer, @Nullable Instant now) {
    Objects.requireNonNull(customer, "customer");
    Pass pass = new Pass(customer);
    CustomerView view = pass;
    ReentrantLock lock = lock(customer);
    lock.lock();
    try {
      for (JourneyInstance stored : store.byCustomer(customer)) {
        if (!stored.running()) {
          continue;
        }
        Step s = current(stored, view, pass, now);
        if (s != null && s.instance() != stored) {
          pass.commit(s, stored.revision());
        }
      }
    } finally {
      lock.unlock();
    }
    return pass.result();
  }

  /**
   * How many signal ids the de-duplication holds now (both generations).
   *
   * @return the count
   */
  public int rememberedSignalIds() {
    synchronized (handled) {
      return handled.size();
    }
  }

  /**
   * Writes the signal ids the de-duplication remembers, so that an engine started again later
   * ({@link #restoreSignalIds}) still tells a signal delivered again from a new one. Without
   * them, a signal redelivered after a restart moves its instances a second time. Signals
   * handled while this writes wait for it.
   *
   * <p>The form: the four bytes {@code AJS1}; the horizon in milliseconds (a long); then three
   * parts, each an int count and that many longs: the end of the current generation in epoch
   * milliseconds, the current generation's ids, the previous generation's ids, each id packed as
   * its length and then four characters per long.
   *
   * @param out the stream (not closed)
   * @throws IOException if writing fails
   */
  public void writeSignalIds(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    long[][] state;
    synchronized (handled) {
      state = handled.state();
    }
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(SIGNAL_IDS_MAGIC);
    d.writeLong(horizonMillis);
    SeenIds.writeState(state, d);
    d.flush();
  }

  /**
   * Restores the signal ids written by {@link #writeSignalIds}, before this engine handles any
   * signal: a signal whose id was remembered then changes nothing now. The ids keep the
   * generations they were written in; a horizon set differently on this engine applies from the
   * next generation on. A malformed or truncated stream changes nothing.
   *
   * @param in the stream (not closed; read up to the end of the ids)
   * @throws IOException if reading fails or the data is not the signal ids of a journey engine
   * @throws IllegalStateException if this engine has handled signals already
   */
  public void restoreSignalIds(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != SIGNAL_IDS_MAGIC) {
      throw new IOException("not the signal ids of a journey engine (no AJS1 at the start)");
    }
    d.readLong(); // the horizon of the engine that wrote them, for readers of the form
    long[][] state = SeenIds.readState(d);
    synchronized (handled) {
      if (handled.size() > 0) {
        throw new IllegalStateException("restore the signal ids before handling signals: this"
            + " engine remembers " + handled.size() + " already");
      }
      try {
        handled.restore(state);
      } catch (IllegalArgumentException e) {
        throw new IOException("malformed signal ids: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The store.
   *
   * @return the instance store
   */
  public InstanceStore store() {
    return store;
  }

  /**
   * The host's view of a customer, asked for on first use and then kept for the call: a step
   * that reads nothing of the customer (no guard on it, no local-time timer, no ask) costs the
   * host no lookup.
   */
  private class LazyView implements CustomerView {
    private @Nullable CustomerId customer;
    private @Nullable CustomerView view;

    LazyView(@Nullable CustomerId customer) {
      this.customer = customer;
    }

    /** Becomes the view of another customer, not yet asked for. */
    void viewOf(CustomerId next) {
      customer = next;
      view = null;
    }

    private CustomerView view() {
      CustomerView v = view;
      if (v == null) {
        if (customer == null) {
          throw new IllegalStateException("a tick's pass is no customer's view");
        }
        v = customers.apply(customer);
        if (v == null) {
          throw new IllegalStateException("the customer view function gave null for " + customer);
        }
        view = v;
      }
      return v;
    }

    @Override
    public io.advocacy.core.profile.CustomerProfile profile() {
      return view().profile();
    }

    @Override
    public java.util.OptionalDouble score() {
      return view().score();
    }

    @Override
    public io.advocacy.scoring.AdvocateTier tier() {
      return view().tier();
    }

    @Override
    public java.util.Set<Motion> eligibleMotions() {
      return view().eligibleMotions();
    }
  }

  private static final Result DUPLICATE = new Result(List.of(), true, List.of(), List.of());
  private static final Result NOTHING = new Result(List.of(), false, List.of(), List.of());

  /**
   * What one handle or tick call gathers, and its commits. Its lists are made on first use: most
   * signals commit one step and decide no ask. The pass of a handle or a migrate call is also its
   * customer's view (one object fewer per signal); a tick's pass has no customer, and each
   * instance it fires has a view of its own.
   */
  private final class Pass extends LazyView {
    /** The first step committed; the rest go to {@link #steps}. */
    private @Nullable Step first;
    private @Nullable List<Step> steps;
    private @Nullable List<String> skipped;
    private @Nullable List<AskDecision> asks;
    /** The contact slots this pass's asks reserved, not yet committed. */
    private @Nullable List<ContactReservation> reserved;
    /** Tick: steps waiting for one commitAll, with their expected revisions and reservations. */
    private @Nullable List<Step> queuedSteps;
    private @Nullable List<Commit> queuedCommits;
    private @Nullable List<List<ContactReservation>> queuedReserved;

    Pass(@Nullable CustomerId customer) {
      super(customer);
    }

    /**
     * Starts over as the pass of another customer's signal, as a new one would be (what
     * {@link #handleAll} does between its signals, once {@link #result} is taken).
     */
    void next(CustomerId customer) {
      viewOf(customer);
      first = null;
      steps = null;
      skipped = null;
      asks = null;
      reserved = null;
    }

    /** Whether a step of this pass's signal has been committed. */
    boolean committedAny() {
      return first != null;
    }

    /** Releases the contact slots reserved for steps not committed. */
    void abandon() {
      release(reserved);
      reserved = null;
    }

    void skipped(String reason) {
      if (skipped == null) {
        skipped = new ArrayList<>();
      }
      skipped.add(reason);
    }

    void ask(AskDecision d) {
      if (asks == null) {
        asks = new ArrayList<>();
      }
      asks.add(d);
    }

    void reserve(ContactReservation slot) {
      if (reserved == null) {
        reserved = new ArrayList<>();
      }
      reserved.add(slot);
    }

    void commit(Step s, long expected) {
      commit(s, expected, false);
    }

    /**
     * Commits a step. A refusal is reported (and the step's contact slots released) unless
     * {@code retry}, when the caller takes the step again: then only the slots are released.
     */
    boolean commit(Step s, long expected, boolean retry) {
      String from = s.movedFrom();
      boolean ok = memory == null
          ? store.commit(new Commit(s.instance(), expected, s.actions(), s.audit(), held()))
          : from != null
          ? memory.commitMoved(s.instance(), expected, s.actions(), from, s.movedBy())
          : memory.commit(s.instance(), expected, s.actions(), s.onlyEntry(), s.entriesUnlessOne());
      if (ok || !retry) {
        committed(s, expected, ok, reserved);
      } else {
        release(reserved);
      }
      reserved = null;
      return ok;
    }

    /** Reports a step whose commit was refused, its slots already released. */
    void lost(Step s, long expected) {
      skipped(lostRace(s, expected));
    }

    /** The slots reserved for the step being committed. */
    private List<ContactReservation> held() {
      return reserved == null ? List.of() : reserved;
    }

    private void committed(Step s, long expected, boolean ok,
        @Nullable List<ContactReservation> keys) {
      if (ok) {
        if (first == null) {
          first = s;
          return;
        }
        if (steps == null) {
          steps = new ArrayList<>();
          steps.add(first);
        }
        steps.add(s);
        return;
      }
      skipped(lostRace(s, expected));
      release(keys);
    }

    private void release(@Nullable List<ContactReservation> slots) {
      if (contactPolicy != null && slots != null) {
        for (ContactReservation slot : slots) {
          contactPolicy.release(slot.askId());
        }
      }
    }

    /** Queues a step for the batch's commitAll. */
    void queue(Step s, long expected) {
      if (queuedSteps == null) {
        queuedSteps = new ArrayList<>();
        queuedCommits = new ArrayList<>();
        queuedReserved = new ArrayList<>();
      }
      queuedSteps.add(s);
      queuedCommits.add(new Commit(s.instance(), expected, s.actions(), s.audit(), held()));
      queuedReserved.add(held());
      reserved = null;
    }

    /**
     * Commits the queued steps in one call. A refused commit whose instance has moved on since
     * it was read (a signal handled between the due read and the lock) is stepped again from
     * the stored value and committed alone; any other refusal is reported.
     */
    void flush(Instant now) {
      if (queuedSteps == null || queuedSteps.isEmpty()) {
        return;
      }
      boolean[] ok = store.commitAll(queuedCommits);
      for (int k = 0; k < ok.length; k++) {
        Step s = queuedSteps.get(k);
        long expected = queuedCommits.get(k).expectedRevision();
        if (!ok[k]) {
          JourneyInstance fresh = store.find(s.instance().id()).orElse(null);
          if (fresh != null && fresh.revision() != expected) {
            release(queuedReserved.get(k));
            Step again = fire(fresh, now, this);
            if (again != null) {
              commit(again, fresh.revision());
            }
            continue;
          }
        }
        committed(s, expected, ok[k], queuedReserved.get(k));
      }
      queuedSteps.clear();
      queuedCommits.clear();
      queuedReserved.clear();
    }

    Result result() {
      if (first == null && skipped == null && asks == null) {
        return NOTHING;
      }
      List<Step> all = steps != null ? steps : first != null ? List.of(first) : List.of();
      return new Result(all, false,
          skipped == null ? List.of() : skipped, asks == null ? List.of() : asks);
    }
  }

  private static String lostRace(Step s, long expected) {
    return s.instance().id() + ": another writer moved it first (revision " + expected + ")";
  }

  /**
   * The instance moved to the newest version its migrations reach, with an audit entry per
   * migration stamped {@code at} (the signal's or the tick's instant; for {@link #migrate},
   * which reads no clock, the instant the instance entered its state); reports a state with no
   * place.
   */
  private @Nullable Step current(JourneyInstance stored, CustomerView view, Pass pass,
      @Nullable Instant at) {
    if (migrations.isEmpty()) {
      return null;
    }
    JourneyInstance i = stored;
    List<AuditEntry> audit = new ArrayList<>();
    JourneyMigration mig;
    while (i.running()
        && (mig = migrations.get(key(i.journey().value(), i.definitionVersion()))) != null) {
      JourneyMachine target = machine(i.journey(), mig.toVersion());
      Optional<String> state = mig.target(i.state(), target.definition());
      if (state.isEmpty()) {
        pass.skipped(i.id() + ": state " + i.state() + " has no place in " + i.journey()
            + " v" + mig.toVersion() + "; it stays on v" + i.definitionVersion());
        break;
      }
      JourneyInstance moved = target.rehome(i, state.get(), view);
      audit.add(new AuditEntry(i.id(), i.state(), moved.state(), "migration v"
          + i.definitionVersion() + " -> v" + mig.toVersion(), at != null ? at : i.enteredAt(),
          List.of(), ""));
      i = moved;
    }
    return i == stored ? null : new Step(i, List.of(), audit);
  }

  /** Decides again the held asks due at or before now, at their retry instants. */
  private @Nullable Step retryHeld(JourneyMachine m, JourneyInstance i, Instant now,
      CustomerView view, Pass pass) {
    if (i.heldAsks().isEmpty() || contactPolicy == null) {
      return null;
    }
    List<HeldAsk> due = new ArrayList<>();
    List<HeldAsk> later = new ArrayList<>();
    for (HeldAsk h : i.heldAsks()) {
      (h.retryAt().isAfter(now) ? later : due).add(h);
    }
    if (due.isEmpty()) {
      return null;
    }
    Step result = new Step(i.withHeldAsks(later), List.of(), List.of());
    for (HeldAsk h : due) {
      if (!result.instance().running()) {
        break;
      }
      result = then(result, decideAll(m, result.instance(), List.of(h.action()), h.attempts(),
          h.retryAt(), view, pass, 0));
    }
    return result;
  }

  /**
   * Puts the asks of a step to the contact policy. Held asks stay held unless the step left
   * the state; a denial is applied to the instance as an ASK_DENIED signal.
   */
  private Step gate(JourneyMachine m, JourneyInstance before, Step step, CustomerView view,
      Pass pass, int depth) {
    JourneyInstance after = step.instance().withHeldAsks(
        step.moved() ? List.of() : before.heldAsks());
    if (contactPolicy == null) {
      return after == step.instance() ? step : new Step(after, step.actions(), step.audit());
    }
    Step base = new Step(after, List.of(), step.audit());
    return then(base, decideAll(m, after, step.actions(), 0, null, view, pass, depth));
  }

  private Step decideAll(JourneyMachine m, JourneyInstance instance, List<ActionRequest> actions,
      int attempts, @Nullable Instant retryAt, CustomerView view, Pass pass, int depth) {
    List<ActionRequest> out = new ArrayList<>();
    List<AuditEntry> audit = new ArrayList<>();
    List<HeldAsk> held = new ArrayList<>(instance.heldAsks());
    List<Signal> denials = new ArrayList<>();
    for (ActionRequest a : actions) {
      if (a.kind() != ActionKind.ASK) {
        out.add(a);
        continue;
      }
      Instant at = retryAt == null ? a.at() : retryAt;
      AskDecision d = decide(a, at, view);
      pass.ask(d);
      switch (d.outcome()) {
        case ALLOWED -> {
          // a held ask goes out at the instant it was allowed, under its original key
          out.add(retryAt == null ? a : new ActionRequest(a.idempotencyKey(), a.instance(),
              a.customer(), a.name(), a.kind(), a.params(), at));
          ContactReservation slot = d.decision().reservation();
          if (slot != null) {
            pass.reserve(slot);
          }
        }
        case DEFERRED -> {
          Instant until = d.decision().deferredUntil();
          held.add(new HeldAsk(a, until, attempts + 1));
          audit.add(new AuditEntry(instance.id(), instance.state(), instance.state(),
              "contact policy", at, List.of(a.idempotencyKey()),
              "ask " + a.idempotencyKey() + " deferred until " + until + ": " + codes(d)));
        }
        case DENIED -> {
          audit.add(new AuditEntry(instance.id(), instance.state(), instance.state(),
              "contact policy", at, List.of(a.idempotencyKey()),
              "ask " + a.idempotencyKey() + " denied: " + codes(d)));
          denials.add(denial(a, at, d));
        }
      }
    }
    Step result = new Step(instance.withHeldAsks(held), out, audit);
    for (Signal denial : denials) {
      if (!result.instance().running() || depth >= MAX_DENIAL_DEPTH) {
        break;
      }
      JourneyInstance current = result.instance();
      result = then(result, gate(m, current, m.onSignal(current, denial, view), view, pass,
          depth + 1));
    }
    return result;
  }

  private AskDecision decide(ActionRequest a, Instant at, CustomerView view) {
    String motionName = a.params().get("motion");
    String channelName = a.params().getOrDefault("channel", ContactChannel.EMAIL.name());
    Motion motion = parse(Motion.class, motionName);
    ContactChannel channel = parse(ContactChannel.class, channelName);
    if (motion == null || channel == null) {
      String problem = motion == null
          ? "ask " + a.name() + " has no valid motion parameter (" + motionName + ")"
          : "ask " + a.name() + " has no valid channel parameter (" + channelName + ")";
      return new AskDecision(a, ContactOutcome.DENIED, null, problem);
    }
    String programme = a.params().get("programme");
    Ask ask = new Ask(a.idempotencyKey(), view.profile(), channel, motion,
        programme == null ? null : io.advocacy.core.ProgrammeId.of(programme), at);
    ContactDecision decision = contactPolicy.decide(ask);
    return new AskDecision(a, decision.outcome(), decision, "");
  }

  private static Signal denial(ActionRequest a, Instant at, AskDecision d) {
    Signal.Builder b = Signal.builder(SignalId.of(a.idempotencyKey() + ":denied"), a.customer(),
        JourneySignals.ASK_DENIED, at)
        .attribute("action", a.name())
        .attribute("reasons", codes(d))
        .source("journeys");
    a.params().forEach((k, v) -> {
      if (k.equals("motion") || k.equals("channel")) {
        b.attribute(k, v);
      }
    });
    return b.build();
  }

  private static String codes(AskDecision d) {
    if (d.decision() == null) {
      return "INVALID_ASK (" + d.problem() + ")";
    }
    return d.decision().codes().stream().map(ContactReasonCode::name).sorted()
        .collect(Collectors.joining(","));
  }

  private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Step then(@Nullable Step first, Step second) {
    if (first == null || first.actions().isEmpty() && first.audit().isEmpty()) {
      return second;
    }
    if (second.actions().isEmpty() && second.audit().isEmpty()) {
      return new Step(second.instance(), first.actions(), first.audit());
    }
    List<ActionRequest> actions = new ArrayList<>(first.actions());
    actions.addAll(second.actions());
    List<AuditEntry> audit = new ArrayList<>(first.audit());
    audit.addAll(second.audit());
    return new Step(second.instance(), actions, audit);
  }

  private static boolean mayEnter(JourneyDefinition d, List<JourneyInstance> existing, Instant at) {
    Instant lastEnd = null;
    for (JourneyInstance i : existing) {
      if (!i.journey().equals(d.id())) {
        continue;
      }
      if (i.running()) {
        return false;
      }
      if (lastEnd == null || i.endedAt().isAfter(lastEnd)) {
        lastEnd = i.endedAt();
      }
    }
    if (lastEnd == null) {
      return true;
    }
    return switch (d.reentry().kind()) {
      case NEVER -> false;
      case ALWAYS -> true;
      case AFTER_COOLDOWN -> !at.isBefore(lastEnd.plus(d.reentry().cooldown()));
    };
  }

  private @Nullable JourneyMachine machine(JourneyId journey, int version) {
    JourneyMachine[] all = versions.get(journey);
    if (all != null) {
      for (JourneyMachine m : all) {
        if (m.definition().version() == version) {
          return m;
        }
      }
    }
    return null;
  }

  private ReentrantLock lock(CustomerId customer) {
    return locks[stripe(customer)];
  }

  private static int stripe(CustomerId customer) {
    return customer.value().hashCode() & (STRIPES - 1);
  }

  private static String key(String journey, int version) {
    return journey + "#" + version;
  }

  /** Builds a {@link JourneyEngine}. Not thread-safe. */
  public static final class Builder {
    private final InstanceStore store;
    private final JourneyRegistry registry;
    private final Function<CustomerId, CustomerView> customers;
    private final Map<String, JourneyMachine> machines = new LinkedHashMap<>();
    private final Map<String, JourneyMigration> migrations = new LinkedHashMap<>();
    private @Nullable ContactPolicy contactPolicy;
    private Duration deduplicationHorizon = DEFAULT_DEDUPLICATION_HORIZON;

    private Builder(InstanceStore store, JourneyRegistry registry,
        Function<CustomerId, CustomerView> customers) {
      this.store = Objects.requireNonNull(store, "store");
      this.registry = Objects.requireNonNull(registry, "registry");
      this.customers = Objects.requireNonNull(customers, "customers");
    }

    /**
     * Adds a journey definition; several versions of one journey may be added: new instances
     * start on the highest, running ones stay on theirs.
     *
     * @param definition the definition
     * @return this builder
     * @throws IllegalStateException if that id and version were added before
     */
    public Builder journey(JourneyDefinition definition) {
      String k = key(definition.id().value(), definition.version());
      if (machines.putIfAbsent(k, new JourneyMachine(definition, registry)) != null) {
        throw new IllegalStateException("journey " + k + " added twice");
      }
      return this;
    }

    /**
     * Decides every ask with a contact policy before it reaches the outbox. Without one, asks
     * go to the outbox undecided (the host's handler must then check the policy itself).
     *
     * @param policy the contact policy
     * @return this builder
     * @throws IllegalStateException if a policy was set before
     */
    public Builder contactPolicy(ContactPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (contactPolicy != null) {
        throw new IllegalStateException("contact policy set twice");
      }
      contactPolicy = policy;
      return this;
    }

    /**
     * How long, in event time, a handled signal id is remembered: at least this long after the
     * latest event time reaches it, and at most twice this long.
     *
     * @param horizon the horizon, at least one millisecond
     * @return this builder
     * @throws IllegalArgumentException if the horizon is shorter than a millisecond
     */
    public Builder deduplicationHorizon(Duration horizon) {
      Objects.requireNonNull(horizon, "horizon");
      if (horizon.toMillis() < 1) {
        throw new IllegalArgumentException("de-duplication horizon " + horizon
            + " is shorter than a millisecond");
      }
      deduplicationHorizon = horizon;
      return this;
    }

    /**
     * Registers a migration of running instances from one version to the next. Both versions
     * must be added with {@link #journey} (before or after), and every explicitly mapped state
     * must exist in its version.
     *
     * @param migration the migration
     * @return this builder
     * @throws IllegalStateException if a migration from that version was registered before
     */
    public Builder migration(JourneyMigration migration) {
      Objects.requireNonNull(migration, "migration");
      String k = key(migration.journey().value(), migration.fromVersion());
      if (migrations.putIfAbsent(k, migration) != null) {
        throw new IllegalStateException("a migration from " + k + " was registered before");
      }
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws IllegalStateException if a migration names a version not added, or a state
     *     neither version has
     */
    public JourneyEngine build() {
      for (JourneyMigration mig : migrations.values()) {
        JourneyMachine from = machines.get(key(mig.journey().value(), mig.fromVersion()));
        JourneyMachine to = machines.get(key(mig.journey().value(), mig.toVersion()));
        if (from == null || to == null) {
          throw new IllegalStateException(mig + " needs versions " + mig.fromVersion() + " and "
              + mig.toVersion() + " of " + mig.journey() + " to be added");
        }
        mig.states().forEach((a, b) -> {
          if (!from.definition().states().containsKey(a)) {
            throw new IllegalStateException(mig + " maps state " + a + ", which v"
                + mig.fromVersion() + " lacks");
          }
          if (!to.definition().states().containsKey(b)) {
            throw new IllegalStateException(mig + " maps to state " + b + ", which v"
                + mig.toVersion() + " lacks");
          }
        });
      }
      return new JourneyEngine(this);
    }
  }
}
