package io.advocacy.journeys.internal;

import static io.advocacy.journeys.internal.HashSlots.spread;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AuditEntry;
import io.advocacy.journeys.Commit;
import io.advocacy.journeys.HeldAsk;
import io.advocacy.journeys.InstanceStore;
import io.advocacy.journeys.JourneyInstance;
import io.advocacy.journeys.PendingTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link InstanceStore}, kept compact: an instance is a row of ints, not an
 * object, and values are rebuilt when read.
 *
 * <ul>
 *   <li>A row holds the instance's fields as ints (instants as seconds and nanoseconds, the
 *       revision as two halves), its id and customer as positions of their characters in a
 *       {@link ByteLog}, and its journey and state as numbers of {@link Names} (they repeat
 *       across instances). Rows live in pages of 1,024, so growing copies nothing.
 *   <li>A running instance waiting on one timer and holding nothing else keeps the timer in
 *       the row (its transition, and its instant as the row's due instant). Variables, other
 *       timers, goals and held asks, when an instance has any, are kept as the instance's own
 *       immutable values beside the row.
 *   <li>Ids and customers are found through open-addressing tables of row numbers (the id
 *       table keeps each id's hash beside its row, so a probe that misses reads no row); a
 *       customer's rows are chained oldest first, and the customer's characters are stored once.
 *   <li>Running instances with something due are in a {@link DueIndex} ordered by due instant,
 *       then id.
 *   <li>The audit trail is one append-only {@link ByteLog}: each entry is encoded in place
 *       (states and labels as name numbers, action keys as what they add to the instance id)
 *       and points back at the instance's previous entry.
 *   <li>The {@link Outbox} keeps pending actions in order, each encoded in place like an audit
 *       entry (the key as what it adds to the instance id, the instance as its row), and every
 *       key it has seen. A key of the engine's form ({@code <instance>:r<revision>:...}) added
 *       by its own instance's commit is chained to the instance's row, which keeps its last
 *       one, rather than put in the key table; see {@link #keysChained}.
 * </ul>
 *
 * <p>Two shortcuts spare the common paths their lookups: the latest values of the {@link
 * #MAX_HOT} customers with a single instance read or committed most lately are kept and handed
 * out again (the engine then commits under the id string it was handed, and the row is found by
 * identity), and the rows a {@link #due} or {@link #dueAfter} call handed out are found again
 * in that order by a tick's commits. The kept values are few on purpose: keeping one for every
 * customer of a large population cost more than it saved (each kept value is an object the
 * collector keeps alive, and a table smaller than the customers it serves in turn evicts on
 * every read).
 *
 * <p>Beyond the {@link InstanceStore} calls, three serve the engine when this is its store:
 * {@link #instancesOf} hands out a customer's single instance without a list around it, {@link
 * #commit(JourneyInstance, long, List, AuditEntry, List)} takes a step without a {@link Commit}
 * and an audit list around it, and {@link #dueAfter} hands out the due instances after a given
 * one, so that a tick reads a batch at a time. Each answers as its interface counterpart would.
 *
 * <p>At 1,000,000 instances an idle instance (no timers, no variables, one audit entry) costs
 * about 154 bytes with its audit entry, and one waiting on a single timer about 159.
 * Thread-safe: one lock guards everything; a {@link #byCustomer} that finds a kept value reads
 * it optimistically, without taking the lock, and takes it only when a write came between.
 */
public final class InMemoryInstanceStore implements InstanceStore {
  private static final int ROW_BITS = 10;
  private static final int ROWS_PER_PAGE = 1 << ROW_BITS;
  private static final int ROW_MASK = ROWS_PER_PAGE - 1;

  // The columns of a row; a long takes two (high, low), an instant a long and a nano column.
  private static final int ID = 0;
  private static final int CUSTOMER = 1;
  private static final int JOURNEY = 2;
  private static final int VERSION = 3;
  private static final int STATE = 4;
  private static final int ENTERED = 5;
  private static final int ENTERED_NANO = 7;
  private static final int REVISION = 8;
  private static final int ENDED = 10;
  /** -1 while the instance runs. */
  private static final int ENDED_NANO = 12;
  private static final int DUE = 13;
  /** -1 when the row is not in the due index. */
  private static final int DUE_NANO = 15;
  /** The customer's next row, or -1. */
  private static final int NEXT = 16;
  /** The position of the last audit entry, or -1. */
  private static final int AUDIT = 17;
  /**
   * The transition + 1 of a running instance's one timer when that timer is all it holds beyond
   * the row (its instant is the row's due instant); -1 when the row has {@link Extras} (so a
   * commit of a row without them leaves the extras page unread); 0 otherwise.
   */
  private static final int TIMER = 18;
  /** The last outbox key chained to the row, + 1; 0 for none (see {@link Outbox}). */
  private static final int KEYS = 19;
  private static final int STRIDE = 20;
  /** Where a customer slot's hash bits start; a row + 1 fits below. */
  private static final int TAG_SHIFT = 27;
  private static final int ROW_FIELD = (1 << TAG_SHIFT) - 1;

  /** How far on from the last handed-out row found a commit looks for its own. */
  private static final int HANDED_WINDOW = 64;
  /** Kept values at most: enough for a burst of signals for a few customers. */
  private static final int MAX_HOT = 1 << 8;

  private static final int FLAG_OTHER_INSTANCE = 1;
  private static final int FLAG_NOTE = 2;

  /** What an instance holds beyond the row, when it holds anything. */
  private record Extras(
      Map<String, String> variables, List<PendingTimer> timers, Set<String> goals,
      List<HeldAsk> heldAsks, @Nullable CustomerId customer) {}

  /**
   * Guards everything. Every call takes it to write, except a {@link #byCustomer} of a kept
   * value, which reads optimistically (see {@link #keptOf}).
   */
  private final StampedLock lock = new StampedLock();
  private int[][] rows = new int[4][];
  private Object[][] extras = new Object[4][];
  private int size;
  /** Instance ids and customer ids. */
  private final ByteLog text = new ByteLog();
  private final Names names = new Names();
  private JourneyId[] journeyIds = new JourneyId[16];
  /**
   * By slot, keyed by instance id: the id's hash in the high half, its row + 1 in the low; 0 for
   * an empty slot. A probe reads a row only when the hashes match.
   */
  private long[] byId = new long[16];
  /**
   * What the last {@link #due} or {@link #dueAfter} call handed out, in order: each row, the id
   * string it was handed out under, and the row's own customer (null when the instance names
   * another). A tick commits its steps in that order under the very id strings it was handed,
   * so a commit finds its row by identity a few places on from the last one found, without
   * hashing the id or probing the id table.
   */
  private int[] handedRows = new int[0];
  private @Nullable String[] handedIds = new String[0];
  private @Nullable CustomerId[] handedCustomers = new CustomerId[0];
  private int handedCount;
  private int handedCursor;
  /**
   * By slot, keyed by customer: the customer's first row + 1 in the low {@link #TAG_SHIFT} bits
   * and five bits of the customer's hash above them (a probe reads a row and its characters only
   * when they match); 0 for an empty slot.
   */
  private int[] byCustomer = new int[16];
  /**
   * Customers with a single instance, lately read or committed: by slot of the customer's hash,
   * the instance as last committed (later ones taking the place of earlier) and its row. A read
   * of such a customer hands out the kept value without finding or rebuilding it, and the
   * engine commits the next value under the very id string it was handed, so the commit finds
   * the row by identity. Every commit to a kept row replaces or clears its entry, and a second
   * instance of the customer clears it. Two ways per set (the latest kept first): at most
   * {@link #MAX_HOT} slots, sized with the customer table.
   *
   * <p>Kept small: at 10,000 customers a table that kept all of them was no faster than this
   * one, and at 100,000 customers one of 65,536 slots, evicting on every read of a round of
   * customers, made the engine about a fifth slower.
   */
  private @Nullable JourneyInstance[] hot = new JourneyInstance[32];
  /**
   * Beside {@link #hot}, two ints per slot in one array, so that a slot's are read together:
   * the customer's hash at {@code 2 * slot}, checked before an entry is read, and the row at
   * {@code 2 * slot + 1}.
   */
  private int[] hotMeta = new int[64];
  /**
   * One bit per row: set while the row has an entry in {@link #hot}, so that a commit to any
   * other row (every commit of a tick over many instances) leaves the table unread.
   */
  private long[] keptRows = new long[0];
  private int customers;
  private final DueIndex due = new DueIndex(new DueIndex.RowOrder() {
    @Override
    public long seconds(int row) {
      return getLong(row, DUE);
    }

    @Override
    public int nanos(int row) {
      return get(row, DUE_NANO);
    }

    @Override
    public int tieBreak(int a, int b) {
      return text.compareText(get(a, ID), get(b, ID));
    }
  });
  /** The audit entries of every instance. */
  private final ByteLog audit = new ByteLog();
  private final Outbox outbox = new Outbox(text, names, new Outbox.Rows() {
    @Override
    public int idText(int row) {
      return get(row, ID);
    }

    @Override
    public int customerText(int row) {
      return get(row, CUSTOMER);
    }

    @Override
    public int rowOf(String id) {
      return InMemoryInstanceStore.this.rowOf(id, id.hashCode());
    }

    @Override
    public int lastKey(int row) {
      return get(row, KEYS);
    }

    @Override
    public void lastKey(int row, int key) {
      set(row, KEYS, key);
    }
  });
  private final ByteSink sink = new ByteSink();

  /** Creates an empty store. */
  public InMemoryInstanceStore() {}

  // ------------------------------------------------------------------ rows

  private int get(int row, int column) {
    return rows[row >>> ROW_BITS][(row & ROW_MASK) * STRIDE + column];
  }

  private void set(int row, int column, int value) {
    rows[row >>> ROW_BITS][(row & ROW_MASK) * STRIDE + column] = value;
  }

  private long getLong(int row, int column) {
    int[] page = rows[row >>> ROW_BITS];
    int at = (row & ROW_MASK) * STRIDE + column;
    return (long) page[at] << 32 | (page[at + 1] & 0xffffffffL);
  }

  private void setLong(int row, int column, long value) {
    int[] page = rows[row >>> ROW_BITS];
    int at = (row & ROW_MASK) * STRIDE + column;
    page[at] = (int) (value >>> 32);
    page[at + 1] = (int) value;
  }

  private @Nullable Extras extras(int row) {
    return get(row, TIMER) < 0 ? (Extras) extras[row >>> ROW_BITS][row & ROW_MASK] : null;
  }

  /** Gives a row its extras (and marks it as having them). */
  private void setExtras(int row, Extras x) {
    Object[] page = extras[row >>> ROW_BITS];
    if (page == null) {
      page = new Object[ROWS_PER_PAGE];
      extras[row >>> ROW_BITS] = page;
    }
    page[row & ROW_MASK] = x;
    set(row, TIMER, -1);
  }

  /** Drops a row's extras, if it has any, and sets its timer column. */
  private void clearExtras(int row, int timer) {
    if (get(row, TIMER) < 0) {
      extras[row >>> ROW_BITS][row & ROW_MASK] = null;
    }
    set(row, TIMER, timer);
  }

  /** The row of an instance id, or -1. */
  private int rowOf(String id, int hash) {
    long[] table = byId;
    int mask = table.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        int row = (int) slot - 1;
        if (text.textEquals(get(row, ID), id)) {
          return row;
        }
      }
    }
  }

  /**
   * The place among the rows the last {@link #due} call handed out of the one handed out under
   * an id string (by identity), looking a few places on from the last one found; or -1.
   */
  private int handed(String id) {
    int from = handedCursor;
    int to = Math.min(handedCount, from + HANDED_WINDOW);
    for (int k = from; k < to; k++) {
      if (handedIds[k] == id) {
        handedCursor = k + 1;
        return k;
      }
    }
    return -1;
  }

  /** The first row of a customer, or -1. */
  private int firstRowOf(String customer, int hash) {
    int mask = byCustomer.length - 1;
    int tag = spread(hash) >>> TAG_SHIFT;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int slot = byCustomer[i];
      if (slot == 0) {
        return -1;
      }
      int row = (slot & ROW_FIELD) - 1;
      if (slot >>> TAG_SHIFT == tag && text.textEquals(get(row, CUSTOMER), customer)) {
        return row;
      }
    }
  }

  private static void place(int[] table, int hash, int row) {
    int mask = table.length - 1;
    int i = spread(hash) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = spread(hash) >>> TAG_SHIFT << TAG_SHIFT | (row + 1);
  }

  /** A row for a new instance, indexed by its id and chained to its customer's rows. */
  private int newRow(String id, int hash, CustomerId customer) {
    int row = size;
    if (row + 1 > ROW_FIELD) {
      throw new IllegalStateException("the in-memory store holds its most instances, " + row);
    }
    int page = row >>> ROW_BITS;
    if (page == rows.length) {
      rows = Arrays.copyOf(rows, page * 2);
      extras = Arrays.copyOf(extras, page * 2);
    }
    if (rows[page] == null) {
      rows[page] = new int[ROWS_PER_PAGE * STRIDE];
    }
    if (keptRows.length < (page + 1) * (ROWS_PER_PAGE / 64)) {
      keptRows = Arrays.copyOf(keptRows, Math.max(keptRows.length * 2,
          (page + 1) * (ROWS_PER_PAGE / 64)));
    }
    size++;
    sink.reset();
    sink.putString(id);
    set(row, ID, text.append(sink));
    set(row, NEXT, -1);
    set(row, AUDIT, -1);
    set(row, DUE_NANO, -1);
    if ((long) size * 4 > (long) byId.length * 3) {
      long[] bigger = new long[byId.length * 2];
      for (long slot : byId) {
        if (slot != 0) {
          HashSlots.place(bigger, slot);
        }
      }
      byId = bigger;
    }
    HashSlots.place(byId, (long) hash << 32 | (row + 1));

    String value = customer.value();
    int customerHash = value.hashCode();
    int first = firstRowOf(value, customerHash);
    if (first >= 0) {
      // the customer's kept single instance is single no more
      if (isKept(first)) {
        forget(hotSet(customerHash), first);
      }
      set(row, CUSTOMER, get(first, CUSTOMER));
      int last = first;
      for (int next = get(last, NEXT); next >= 0; next = get(last, NEXT)) {
        last = next;
      }
      set(last, NEXT, row);
    } else {
      sink.reset();
      sink.putString(value);
      set(row, CUSTOMER, text.append(sink));
      customers++;
      if ((long) customers * 4 > (long) byCustomer.length * 3) {
        int[] bigger = new int[byCustomer.length * 2];
        for (int slot : byCustomer) {
          if (slot != 0) {
            int r = (slot & ROW_FIELD) - 1;
            place(bigger, text.textHash(get(r, CUSTOMER)), r);
          }
        }
        byCustomer = bigger;
        int slots = Math.min(MAX_HOT, bigger.length * 4);
        if (slots > hot.length) {
          for (int w = 0; w < hot.length; w++) {
            if (hot[w] != null) {
              markKept(keptRow(w), false);
            }
          }
          hot = new JourneyInstance[slots];
          hotMeta = new int[2 * slots];
        }
      }
      place(byCustomer, customerHash, row);
    }
    return row;
  }

  private int journeyNumber(JourneyId journey) {
    int n = names.number(journey.value());
    if (n >= journeyIds.length) {
      journeyIds = Arrays.copyOf(journeyIds, Math.max(n + 1, journeyIds.length * 2));
    }
    if (journeyIds[n] == null) {
      journeyIds[n] = journey;
    }
    return n;
  }

  // ------------------------------------------------------------------ writes

  @Override
  public boolean commit(Commit commit) {
    Objects.requireNonNull(commit, "commit");
    long stamp = lock.writeLock();
    try {
      return commitLocked(commit);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public boolean[] commitAll(List<Commit> commits) {
    boolean[] out = new boolean[commits.size()];
    long stamp = lock.writeLock();
    try {
      for (int i = 0; i < out.length; i++) {
        out[i] = commitLocked(Objects.requireNonNull(commits.get(i), "commit"));
      }
    } finally {
      lock.unlockWrite(stamp);
    }
    return out;
  }

  /**
   * Commits one step as {@link #commit} would a {@link Commit} of it, without the commit and
   * its audit list around it: the engine's path for its own default store.
   *
   * @param next the instance after the step
   * @param expectedRevision the revision read, or -1
   * @param actions the actions for the outbox, an unmodifiable list
   * @param entry the step's one audit entry, or null when {@code entries} holds them
   * @param entries the audit entries when there is not exactly one
   * @return true if committed, false if the stored revision differs
   */
  public boolean commit(JourneyInstance next, long expectedRevision, List<ActionRequest> actions,
      @Nullable AuditEntry entry, List<AuditEntry> entries) {
    long stamp = lock.writeLock();
    try {
      return commitLocked(next, expectedRevision, actions, entry, entries, null, null);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Commits one step of one transition as {@link #commit(JourneyInstance, long, List,
   * AuditEntry, List)} would, given its audit entry's parts rather than the entry: the entry
   * names the instance's id, {@code from}, the instance's state, {@code trigger}, the instance's
   * entered-at instant and the actions' idempotency keys, without a note. The engine's path for
   * a step whose entry was not made.
   *
   * @param next the instance after the step
   * @param expectedRevision the revision read, or -1
   * @param actions the actions for the outbox, an unmodifiable list
   * @param from the state the transition left
   * @param trigger the transition's trigger
   * @return true if committed, false if the stored revision differs
   */
  public boolean commitMoved(JourneyInstance next, long expectedRevision,
      List<ActionRequest> actions, String from, String trigger) {
    long stamp = lock.writeLock();
    try {
      return commitLocked(next, expectedRevision, actions, null, List.of(), from, trigger);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private boolean commitLocked(Commit commit) {
    return commitLocked(commit.instance(), commit.expectedRevision(), commit.actions(), null,
        commit.audit(), null, null);
  }

  private boolean commitLocked(JourneyInstance next, long expectedRevision,
      List<ActionRequest> actions, @Nullable AuditEntry entry, List<AuditEntry> entries,
      @Nullable String from, @Nullable String trigger) {
    String id = next.id();
    CustomerId customer = next.customer();
    // the engine commits under the id string it was handed: identity names the row
    int place = handedCursor < handedCount ? handed(id) : -1;
    int way = -1;
    if (place < 0) {
      int customerHash = customer.value().hashCode();
      int set = hotSet(customerHash);
      way = keeps(set, customerHash, id) ? set : keeps(set + 1, customerHash, id) ? set + 1 : -1;
    }
    boolean hit = way >= 0;
    JourneyInstance kept = hit ? hot[way] : null;
    int hash = 0;
    int row;
    if (place >= 0) {
      row = handedRows[place];
    } else if (hit) {
      row = keptRow(way);
    } else {
      hash = id.hashCode();
      row = rowOf(id, hash);
    }
    long revision = row < 0 ? -1 : getLong(row, REVISION);
    if (revision != expectedRevision) {
      return false;
    }
    outbox.begin(revision, next.revision());
    boolean created = row < 0;
    // a new row of a new customer is that customer's single instance
    int customersBefore = customers;
    if (created) {
      row = newRow(id, hash, customer);
    } else if (get(row, DUE_NANO) >= 0) {
      due.remove(row);
      set(row, DUE_NANO, -1);
    }
    set(row, JOURNEY, journeyNumber(next.journey()));
    set(row, VERSION, next.definitionVersion());
    set(row, STATE, names.number(next.state()));
    setLong(row, ENTERED, next.enteredAt().getEpochSecond());
    set(row, ENTERED_NANO, next.enteredAt().getNano());
    setLong(row, REVISION, next.revision());
    Instant ended = next.endedAt();
    if (ended == null) {
      set(row, ENDED_NANO, -1);
    } else {
      setLong(row, ENDED, ended.getEpochSecond());
      set(row, ENDED_NANO, ended.getNano());
    }
    // The row keeps the customer it was first indexed under; a later value that names another
    // customer (the old store kept it the same way) rides with the extras.
    CustomerId moved;
    if (hit) {
      moved = kept.customer().equals(customer) ? null : customer;
    } else {
      moved = place >= 0 && handedCustomers[place] == customer
          || text.textEquals(get(row, CUSTOMER), customer.value()) ? null : customer;
    }
    keep(next, row, hit || customers > customersBefore, moved);
    List<PendingTimer> timers = next.timers();
    if (next.variables().isEmpty() && next.goals().isEmpty() && next.heldAsks().isEmpty()
        && moved == null && (timers.isEmpty() || timers.size() == 1 && ended == null)) {
      clearExtras(row, timers.isEmpty() ? 0 : timers.get(0).transition() + 1);
    } else {
      Extras x = extras(row);
      // a step that left them as they were (a signal that only moved the state) makes nothing
      if (x == null || x.variables() != next.variables() || x.timers() != next.timers()
          || x.goals() != next.goals() || x.heldAsks() != next.heldAsks()
          || !Objects.equals(x.customer(), moved)) {
        setExtras(row, new Extras(next.variables(), next.timers(), next.goals(),
            next.heldAsks(), moved));
      }
    }
    if (ended == null) {
      Instant at = nextDue(next);
      if (at != null) {
        setLong(row, DUE, at.getEpochSecond());
        set(row, DUE_NANO, at.getNano());
        due.add(row);
      }
    }
    // indexed loops: an iterator per commit is garbage the compiler does not always remove
    for (int k = 0; k < actions.size(); k++) {
      outbox.add(actions.get(k), row, id, moved == null ? customer : null);
    }
    if (from != null && trigger != null) {
      appendMoved(row, next, from, trigger, actions);
    }
    if (entry != null) {
      appendAudit(row, id, entry);
    }
    for (int k = 0; k < entries.size(); k++) {
      appendAudit(row, id, entries.get(k));
    }
    return true;
  }

  /**
   * The kept value of a customer, or null. Also read without the lock, between {@link
   * StampedLock#tryOptimisticRead} and {@link StampedLock#validate}: it then reads each array
   * once, checks their lengths agree before indexing, and trusts only immutable values, so a
   * read that races a commit cannot fail and is thrown away when the validation fails.
   */
  private @Nullable JourneyInstance keptOf(CustomerId customer, int customerHash) {
    JourneyInstance[] values = hot;
    int[] meta = hotMeta;
    if (meta.length != 2 * values.length) {
      return null;
    }
    int set = spread(customerHash) & (values.length - 2);
    for (int w = set; w < set + 2; w++) {
      JourneyInstance kept = values[w];
      if (meta[2 * w] == customerHash && kept != null && kept.customer().equals(customer)) {
        return kept;
      }
    }
    return null;
  }

  /** The row of a slot of {@link #hot}. */
  private int keptRow(int slot) {
    return hotMeta[2 * slot + 1];
  }

  /** Whether a slot of {@link #hot} keeps the instance of a customer with this hash and id. */
  private boolean keeps(int slot, int customerHash, String id) {
    JourneyInstance kept = hot[slot];
    return hotMeta[2 * slot] == customerHash && kept != null && kept.id() == id;
  }

  /** The first slot of the two of a customer's set in {@link #hot}. */
  private int hotSet(int customerHash) {
    return spread(customerHash) & (hot.length - 2);
  }

  /** Puts a value in its set, the latest first; the older of two is dropped. */
  private void hotPut(int set, JourneyInstance value, int row, int customerHash) {
    if (hot[set] != null && keptRow(set) != row) {
      if (hot[set + 1] != null && keptRow(set + 1) != row) {
        markKept(keptRow(set + 1), false);
      }
      hot[set + 1] = hot[set];
      hotMeta[2 * set + 2] = hotMeta[2 * set];
      hotMeta[2 * set + 3] = hotMeta[2 * set + 1];
    }
    hot[set] = value;
    hotMeta[2 * set + 1] = row;
    hotMeta[2 * set] = customerHash;
    markKept(row, true);
  }

  /** The slot of a set that keeps a row, or -1. */
  private int wayOf(int set, int row) {
    for (int w = set; w < set + 2; w++) {
      if (hot[w] != null && keptRow(w) == row) {
        return w;
      }
    }
    return -1;
  }

  /** Drops a row's entry from a set. */
  private void forget(int set, int row) {
    int w = wayOf(set, row);
    if (w >= 0) {
      hot[w] = null;
    }
    markKept(row, false);
  }

  private boolean isKept(int row) {
    return (keptRows[row >>> 6] & 1L << row) != 0;
  }

  private void markKept(int row, boolean kept) {
    if (kept) {
      keptRows[row >>> 6] |= 1L << row;
    } else {
      keptRows[row >>> 6] &= ~(1L << row);
    }
  }

  /**
   * Keeps a committed value of a row in {@link #hot}, or drops the row's entry. A value indexed
   * under its own customer is kept when the row is known to be that customer's single instance,
   * and replaces the row's entry when it has one; a value that names another customer clears
   * the entry in the set of the row's own customer.
   */
  private void keep(JourneyInstance next, int row, boolean single, @Nullable CustomerId moved) {
    if (moved == null) {
      if (single) {
        int customerHash = next.customer().value().hashCode();
        int set = hotSet(customerHash);
        forget(set, row);
        hotPut(set, next, row, customerHash);
      } else if (isKept(row)) {
        int w = wayOf(hotSet(next.customer().value().hashCode()), row);
        if (w >= 0) {
          hot[w] = next;
        }
      }
      return;
    }
    if (isKept(row)) {
      forget(hotSet(text.textHash(get(row, CUSTOMER))), row);
    }
  }

  /** As {@link JourneyInstance#nextDue()}, without the Optional. */
  private static @Nullable Instant nextDue(JourneyInstance i) {
    Instant timer = i.timers().isEmpty() ? null : i.timers().get(0).dueAt();
    Instant ask = i.heldAsks().isEmpty() ? null : i.heldAsks().get(0).retryAt();
    if (timer == null) {
      return ask;
    }
    return ask == null || timer.isBefore(ask) ? timer : ask;
  }

  private void appendAudit(int row, String id, AuditEntry e) {
    List<String> keys = e.actions();
    auditHead(row, id, e.instance(), e.note(), e.from(), e.to(), e.trigger(), e.at(),
        keys.size());
    for (int k = 0; k < keys.size(); k++) {
      auditKey(e.instance(), keys.get(k));
    }
    auditEnd(row, e.note());
  }

  /**
   * Appends the entry of one transition of the instance itself without a note, from its parts:
   * the entry of a step whose entry was not made (see {@code Step.moved}). The same bytes as
   * {@link #appendAudit} writes for that entry.
   */
  private void appendMoved(int row, JourneyInstance next, String from, String trigger,
      List<ActionRequest> actions) {
    String id = next.id();
    auditHead(row, id, id, "", from, next.state(), trigger, next.enteredAt(), actions.size());
    for (int k = 0; k < actions.size(); k++) {
      auditKey(id, actions.get(k).idempotencyKey());
    }
    auditEnd(row, "");
  }

  private void auditHead(int row, String id, String instance, String note, String from,
      String to, String trigger, Instant at, int keys) {
    int previous = get(row, AUDIT);
    sink.reset();
    sink.putVarint(previous < 0 ? 0 : audit.used() - previous);
    boolean other = !instance.equals(id);
    sink.putVarint((other ? FLAG_OTHER_INSTANCE : 0) | (note.isEmpty() ? 0 : FLAG_NOTE));
    if (other) {
      sink.putString(instance);
    }
    sink.putVarint(names.number(from));
    sink.putVarint(names.number(to));
    sink.putVarint(names.number(trigger));
    sink.putZigzag(at.getEpochSecond());
    sink.putVarint(at.getNano());
    sink.putVarint(keys);
  }

  /** A key, as the length it shares with the instance's id and then the rest. */
  private void auditKey(String instance, String key) {
    int shared = 0;
    int most = Math.min(key.length(), instance.length());
    while (shared < most && key.charAt(shared) == instance.charAt(shared)) {
      shared++;
    }
    sink.putVarint(shared);
    sink.putString(key, shared);
  }

  private void auditEnd(int row, String note) {
    if (!note.isEmpty()) {
      sink.putString(note);
    }
    set(row, AUDIT, audit.append(sink));
  }

  /**
   * Whether the outbox still chains its keys to their rows, sparing them its key table: true
   * until a key of the engine's form comes that is not its own instance's at a revision its
   * commit reached or an earlier one, or is acknowledged before it was added, or is of an
   * earlier revision of an instance with more than 64 keys, or until a commit lowers an
   * instance's revision. The engine's own commits keep it true. For tests and diagnostics.
   *
   * @return whether keys are chained
   */
  public boolean keysChained() {
    long stamp = lock.writeLock();
    try {
      return outbox.chaining();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public boolean acknowledge(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    long stamp = lock.writeLock();
    try {
      return outbox.acknowledge(idempotencyKey);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  // ------------------------------------------------------------------ reads

  /**
   * The instance in a row; its id, when the caller holds it (a string whose hash is known
   * already), and the customer, when the caller knows the row is indexed under it.
   */
  private JourneyInstance instance(int row, @Nullable String id, @Nullable CustomerId indexed) {
    Extras x = extras(row);
    CustomerId customer = x != null && x.customer() != null ? x.customer()
        : indexed != null ? indexed : customerOf(get(row, CUSTOMER));
    int endedNano = get(row, ENDED_NANO);
    Instant ended = endedNano < 0 ? null : Instant.ofEpochSecond(getLong(row, ENDED), endedNano);
    return new JourneyInstance(
        id != null ? id : text.text(get(row, ID)),
        journeyIds[get(row, JOURNEY)],
        get(row, VERSION),
        customer,
        names.name(get(row, STATE)),
        Instant.ofEpochSecond(getLong(row, ENTERED), get(row, ENTERED_NANO)),
        x == null ? Map.of() : x.variables(),
        x != null ? x.timers() : get(row, TIMER) <= 0 ? List.of() : List.of(new PendingTimer(
            get(row, TIMER) - 1, Instant.ofEpochSecond(getLong(row, DUE), get(row, DUE_NANO)))),
        x == null ? Set.of() : x.goals(),
        ended,
        getLong(row, REVISION),
        x == null ? List.of() : x.heldAsks());
  }

  /**
   * A customer rebuilt from its text, with the string's hash computed at once, while its
   * characters are at hand: a tick's lock striping asks for that hash next, after the whole
   * batch has been read, when the characters would have to be fetched again.
   */
  private CustomerId customerOf(int position) {
    String value = text.text(position);
    int unused = value.hashCode(); // caches the hash in the string
    return CustomerId.of(value);
  }

  @Override
  public Optional<JourneyInstance> find(String id) {
    Objects.requireNonNull(id, "id");
    long stamp = lock.writeLock();
    try {
      int row = rowOf(id, id.hashCode());
      return row < 0 ? Optional.empty() : Optional.of(instance(row, id, null));
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public List<JourneyInstance> byCustomer(CustomerId customer) {
    Object found = instancesOf(customer);
    return found instanceof JourneyInstance one ? List.of(one) : listOf(found);
  }

  // instancesOf gives a JourneyInstance or a List<JourneyInstance>, nothing else
  @SuppressWarnings("unchecked")
  private static List<JourneyInstance> listOf(Object found) {
    return (List<JourneyInstance>) found;
  }

  /**
   * A customer's instances as {@link #byCustomer} gives them, but a single one as itself, without
   * a list around it: the engine's path for its own default store.
   *
   * @param customer the customer
   * @return the one {@link JourneyInstance}, or an unmodifiable {@code List<JourneyInstance>} of
   *     any other length, oldest first
   */
  public Object instancesOf(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    String value = customer.value();
    int hash = value.hashCode();
    long seen = lock.tryOptimisticRead();
    if (seen != 0) {
      JourneyInstance kept = keptOf(customer, hash);
      if (kept != null && lock.validate(seen)) {
        return kept;
      }
    }
    long stamp = lock.writeLock();
    try {
      int set = hotSet(hash);
      JourneyInstance kept = keptOf(customer, hash);
      if (kept != null) {
        return kept;
      }
      int row = firstRowOf(value, hash);
      if (row < 0) {
        return List.of();
      }
      if (get(row, NEXT) < 0) {
        JourneyInstance i = instance(row, null, customer);
        Extras x = extras(row);
        if (x == null || x.customer() == null) {
          hotPut(set, i, row, hash);
        }
        return i;
      }
      List<JourneyInstance> out = new ArrayList<>();
      for (; row >= 0; row = get(row, NEXT)) {
        out.add(instance(row, null, customer));
      }
      return Collections.unmodifiableList(out);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public List<JourneyInstance> due(Instant now, int limit) {
    return handOut(now, limit, null, null);
  }

  /**
   * As {@link #due}, but only the instances that sort after a given one in due order (due
   * instant, then id): the next page of a tick that reads its due instances a page at a time,
   * given the last instance of the page before. An instance that stays due where it was (one
   * with no definition to step it) is not handed out again, and the page after it goes on
   * from there. The instance given need not be due still, nor stored.
   *
   * @param now the instant
   * @param afterDue the due instant of the instance to go on after
   * @param afterId that instance's id
   * @param limit the most to return, at least 1
   * @return the instances, earliest due first
   */
  public List<JourneyInstance> dueAfter(Instant now, Instant afterDue, String afterId,
      int limit) {
    Objects.requireNonNull(afterDue, "afterDue");
    Objects.requireNonNull(afterId, "afterId");
    return handOut(now, limit, afterDue, afterId);
  }

  /** The due instances at or before now, after an instance in due order or from the first. */
  private List<JourneyInstance> handOut(Instant now, int limit, @Nullable Instant afterDue,
      @Nullable String afterId) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    long seconds = now.getEpochSecond();
    int nanos = now.getNano();
    long stamp = lock.writeLock();
    try {
      int most = Math.min(limit, due.size());
      List<JourneyInstance> out = new ArrayList<>(most);
      if (handedRows.length < most || handedRows.length > 4 * most + 64) {
        handedRows = new int[most];
        handedIds = new String[most];
        handedCustomers = new CustomerId[most];
      } else {
        Arrays.fill(handedIds, 0, handedCount, null);
        Arrays.fill(handedCustomers, 0, handedCount, null);
      }
      handedCount = 0;
      handedCursor = 0;
      IntPredicate handOut = row -> {
        long s = getLong(row, DUE);
        if (s > seconds || s == seconds && get(row, DUE_NANO) > nanos) {
          return false;
        }
        String id = text.text(get(row, ID));
        JourneyInstance i = instance(row, id, null);
        Extras x = extras(row);
        handedRows[handedCount] = row;
        handedIds[handedCount] = id;
        // only the row's own customer counts: one that rides with the extras is another
        handedCustomers[handedCount++] = x != null && x.customer() != null ? null : i.customer();
        out.add(i);
        return out.size() < limit;
      };
      if (afterId == null) {
        due.forEach(handOut);
      } else {
        due.forEachAfter(afterDue.getEpochSecond(), afterDue.getNano(),
            row -> text.compareText(get(row, ID), afterId), handOut);
      }
      return Collections.unmodifiableList(out);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public List<ActionRequest> pending(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    long stamp = lock.writeLock();
    try {
      return Collections.unmodifiableList(outbox.pending(limit));
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public List<AuditEntry> audit(String instance) {
    Objects.requireNonNull(instance, "instance");
    long stamp = lock.writeLock();
    try {
      int row = rowOf(instance, instance.hashCode());
      if (row < 0 || get(row, AUDIT) < 0) {
        return List.of();
      }
      List<AuditEntry> out = new ArrayList<>();
      for (int at = get(row, AUDIT); at >= 0; ) {
        ByteLog.Reader r = audit.reader(at);
        int back = r.varint();
        int flags = r.varint();
        String of = (flags & FLAG_OTHER_INSTANCE) != 0 ? r.string() : instance;
        String from = names.name(r.varint());
        String to = names.name(r.varint());
        String trigger = names.name(r.varint());
        long seconds = r.zigzag();
        Instant when = Instant.ofEpochSecond(seconds, r.varint());
        int n = r.varint();
        List<String> keys = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          int shared = r.varint();
          keys.add(of.substring(0, shared).concat(r.string()));
        }
        String note = (flags & FLAG_NOTE) != 0 ? r.string() : "";
        out.add(new AuditEntry(of, from, to, trigger, when, keys, note));
        at = back == 0 ? -1 : at - back;
      }
      Collections.reverse(out);
      return Collections.unmodifiableList(out);
    } finally {
      lock.unlockWrite(stamp);
    }
  }
}
