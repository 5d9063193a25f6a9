package io.advocacy.journeys.internal;

import static io.advocacy.journeys.internal.HashSlots.place;
import static io.advocacy.journeys.internal.HashSlots.spread;

import io.advocacy.core.CustomerId;
import io.advocacy.core.internal.HashFilter;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.ActionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outbox: pending actions in the order added, and every idempotency key ever added or
 * acknowledged, so that an acknowledged key is never added again.
 *
 * <p>Each key is one record in a {@link ByteLog}, and no object:
 *
 * <ul>
 *   <li>a flags byte (whether an action follows, whether the key is acknowledged, how the
 *       instance, customer and parameters are kept);
 *   <li>the key, as the row of the instance that committed it, how many of that instance id's
 *       characters the key starts with, and the characters it adds (a key acknowledged without
 *       ever being added is kept whole);
 *   <li>when an action was added with the key: its instance and customer (nothing when they are
 *       the row's own), its name as a {@link Names} number, its kind, its parameters (a number
 *       in a small table of maps seen before, as they come from journey definitions; written out
 *       in full once the table is full) and its instant as seconds and nanoseconds.
 * </ul>
 *
 * <p>An action's key usually has the form the engine gives it: the instance id, {@code ":r"}, a
 * revision the step reached, {@code ":"} and more. While every commit of a row raises or keeps
 * its revision, a row reaches each revision in one commit only. So a key of that form that its
 * own instance's commit adds, at a revision the commit reached, is new unless the same commit
 * or the row of another id the key starts with (before another {@code ":r<digits>:"}) had it.
 * Such a key is not put in the key table: it is chained to its row instead (the row keeps its
 * last key, each key the one before it), and only those few chains are read. A key of that form
 * at an earlier revision of its row (an ask held back and sent later) is chained too, after its
 * row's whole chain is read (up to {@link #MOST_READ} keys). This holds while the table has no
 * key of that form at all. The first that comes (a key of another instance or of a later
 * revision, a key acknowledged before it was added, a chain too long to read) or a commit that
 * lowers its row's revision ends it: the chained keys are put in the table, and from then on
 * every key is found there. Acknowledging a key of that form reads the chains it could be in.
 *
 * <p>Keys are found through an open-addressing table whose slots hold each key's hash beside its
 * number, so a probe compares bytes only when the hashes match. A {@link HashFilter} in front
 * of it (one word per eight slots) tells a new key new without a probe, and new keys wait in a
 * short list (searched by lookups) to be put in the table {@link #PENDING} at a time, so those
 * writes to far-apart slots overlap. Pending actions are a queue of
 * key numbers with a hole where one was acknowledged out of order (the record's flag says so);
 * the queue is compacted when holes pass half of it. {@link #pending} rebuilds the actions from
 * their records. Acknowledging sets the flag in place. Not thread-safe.
 */
final class Outbox {
  /** Where the outbox finds a row's instance id and customer, and the keys chained to it. */
  interface Rows {
    /**
     * The position of a row's instance id in the store's text log.
     *
     * @param row the row
     * @return the position
     */
    int idText(int row);

    /**
     * The position of the customer a row is indexed under in the store's text log.
     *
     * @param row the row
     * @return the position
     */
    int customerText(int row);

    /**
     * The row of an instance id.
     *
     * @param id the id
     * @return the row, or -1
     */
    int rowOf(String id);

    /**
     * The last key chained to a row, + 1.
     *
     * @param row the row
     * @return the key number + 1, or 0 for none
     */
    int lastKey(int row);

    /**
     * Sets the last key chained to a row, + 1.
     *
     * @param row the row
     * @param key the key number + 1
     */
    void lastKey(int row, int key);
  }

  /** An action follows the key. */
  private static final int HAS_ACTION = 1;
  /** The key was acknowledged. */
  private static final int ACKNOWLEDGED = 2;
  /** The key is written as its row, a shared prefix and the rest; otherwise whole. */
  private static final int BY_ROW = 4;
  /** The action's instance is written out; otherwise it is the row's id. */
  private static final int OWN_INSTANCE = 8;
  /** The action's customer is written out; otherwise it is the row's customer. */
  private static final int OWN_CUSTOMER = 16;
  /** The parameters are written out; otherwise they are a number in {@link #paramMaps}. */
  private static final int OWN_PARAMS = 32;
  /** The key is chained to its row, not in the table. */
  private static final int CHAINED = 64;
  /** The most keys of a row's chain read for a key of an earlier revision. */
  private static final int MOST_READ = 64;
  /** What {@link #inChain} answers when it read its most keys without an answer. */
  private static final int TOO_LONG = -2;

  /** How many distinct parameter maps are kept by number; later ones are written out. */
  static final int MAX_PARAM_MAPS = 1 << 10;
  private static final ActionKind[] KINDS = ActionKind.values();

  private final ByteLog text;
  private final Names names;
  private final Rows rows;
  private final ByteLog records = new ByteLog();
  private final ByteSink sink = new ByteSink();

  /** By slot: the key's hash in the high half, its number + 1 in the low; 0 for empty. */
  private long[] table = new long[16];
  /** The filter over every key's hash, one word per eight slots of the table. */
  private long[] filter = new long[2];
  private static final int PENDING = 64;
  /** Keys added lately, as the table holds them, not in the table yet. */
  private final long[] pending = new long[PENDING];
  private int pendingCount;
  /** The position of each key's record. */
  private int[] keyAt = new int[16];
  /** By key number: the key chained to the same row before it, or -1. */
  private int[] previous = new int[16];
  private int keys;
  /** Keys in {@link #table} and {@link #pending}. */
  private int indexed;

  /** While true, keys of their own row's form are chained to it (see the class comment). */
  private boolean chaining = true;
  /** The commit under way: its row's revision before it (-1 for a new row) and after it. */
  private long before = -1;
  private long after = -1;
  /** The first key number the commit under way added. */
  private int commitFirst;

  /** Key numbers of pending actions, oldest first, with acknowledged ones not yet dropped. */
  private int[] queue = new int[16];
  private int head;
  private int tail;
  private int live;

  private final List<Map<String, String>> paramMaps = new ArrayList<>();
  private final Map<Map<String, String>, Integer> paramNumbers = new HashMap<>();
  private @Nullable Map<String, String> lastParams;
  private int lastParamsNumber;

  /**
   * An empty outbox.
   *
   * @param text the store's text log, where rows keep their ids and customers
   * @param names the store's names, shared with its rows and audit
   * @param rows how to find a row's text
   */
  Outbox(ByteLog text, Names names, Rows rows) {
    this.text = text;
    this.names = names;
    this.rows = rows;
  }

  /** The number of a key, or -1. */
  private int find(String key, int hash) {
    long want = HashFilter.bits(hash);
    if ((filter[HashFilter.word(hash, filter.length)] & want) != want) {
      return -1;
    }
    for (int p = 0; p < pendingCount; p++) {
      long slot = pending[p];
      if ((int) (slot >>> 32) == hash && keyEquals(keyAt[(int) slot - 1], key)) {
        return (int) slot - 1;
      }
    }
    long[] t = table;
    int mask = t.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long slot = t[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        int k = (int) slot - 1;
        if (keyEquals(keyAt[k], key)) {
          return k;
        }
      }
    }
  }

  private boolean keyEquals(int at, String key) {
    ByteLog.Reader r = records.reader(at);
    int flags = r.varint();
    if ((flags & BY_ROW) == 0) {
      return records.textEquals(r.position(), key);
    }
    int row = r.varint();
    int shared = r.varint();
    return shared <= key.length() && records.textEquals(r.position(), key, shared)
        && text.textStartsWith(rows.idText(row), key, shared);
  }

  /** Writes the key's part of a record into the sink. */
  private void putKey(int flags, String key, int row, @Nullable String id) {
    sink.reset();
    if (id == null) {
      sink.putVarint(flags);
      sink.putString(key);
      return;
    }
    int shared;
    if (key.startsWith(id)) {
      shared = id.length();
    } else {
      shared = 0;
      int most = Math.min(key.length(), id.length());
      while (shared < most && key.charAt(shared) == id.charAt(shared)) {
        shared++;
      }
    }
    sink.putVarint(flags | BY_ROW);
    sink.putVarint(row);
    sink.putVarint(shared);
    sink.putString(key, shared);
  }

  /** Appends the record in the sink as a new key; answers its number. */
  private int append() {
    if (keys == keyAt.length) {
      keyAt = Arrays.copyOf(keyAt, keys * 2);
      previous = Arrays.copyOf(previous, keys * 2);
    }
    int k = keys++;
    keyAt[k] = records.append(sink);
    previous[k] = -1;
    return k;
  }

  /** Appends the record in the sink as a new key, chained to a row. */
  private int chain(int row) {
    int k = append();
    previous[k] = rows.lastKey(row) - 1;
    rows.lastKey(row, k + 1);
    return k;
  }

  /** Appends the record in the sink as a new key, put in the table. */
  private int newKey(int hash) {
    int k = append();
    index(k, hash);
    return k;
  }

  /** Puts a key in the table. */
  private void index(int k, int hash) {
    indexed++;
    long slot = (long) hash << 32 | (k + 1);
    filter[HashFilter.word(hash, filter.length)] |= HashFilter.bits(hash);
    pending[pendingCount++] = slot;
    if (indexed * 4L > table.length * 3L) {
      long[] bigger = new long[table.length * 2];
      filter = new long[bigger.length / 8];
      for (long s : table) {
        if (s != 0) {
          place(bigger, s);
          mark(s);
        }
      }
      table = bigger;
      for (int p = 0; p < pendingCount; p++) {
        mark(pending[p]);
      }
    }
    if (pendingCount == PENDING) {
      for (int p = 0; p < PENDING; p++) {
        place(table, pending[p]);
      }
      pendingCount = 0;
    }
  }

  /**
   * Starts a commit that moves a row from one revision to another. A commit that lowers its
   * row's revision ends the chaining: a later one could reach a revision again.
   *
   * @param revisionBefore the row's revision before, or -1 for a new row
   * @param revisionAfter the row's revision after
   */
  void begin(long revisionBefore, long revisionAfter) {
    if (revisionAfter < revisionBefore && chaining) {
      unchain();
    }
    before = revisionBefore;
    after = revisionAfter;
    commitFirst = keys;
  }

  /**
   * Whether a key has the chained form at a place: {@code ":r"}, at least one digit, then
   * {@code ":"}; answers the digits' end, or -1.
   */
  private static int splitEnd(String key, int at) {
    int d = at + 2;
    int end = d;
    while (end < key.length() && key.charAt(end) >= '0' && key.charAt(end) <= '9') {
      end++;
    }
    return end > d && end < key.length() && key.charAt(end) == ':' ? end : -1;
  }

  /** Whether a key has the chained form after some prefix. */
  private static boolean hasSplit(String key) {
    for (int p = key.indexOf(":r"); p >= 0; p = key.indexOf(":r", p + 1)) {
      if (splitEnd(key, p) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The revision in a key of its own instance's form (the id, then the chained form), or -1
   * for a key of another form.
   */
  private static long revision(String key, String id) {
    int n = id.length();
    if (!key.startsWith(id) || !key.startsWith(":r", n)) {
      return -1;
    }
    int end = splitEnd(key, n);
    if (end < 0 || end - n - 2 > 18) {
      return -1;
    }
    long revision = 0;
    for (int i = n + 2; i < end; i++) {
      revision = revision * 10 + key.charAt(i) - '0';
    }
    return revision;
  }

  /**
   * While chaining, where a key of the chained form that a row's commit adds goes: nowhere, as
   * a key seen before ({@code -1}); chained to the row ({@code 1}); or to the table ({@code 0},
   * which ends the chaining).
   *
   * <ul>
   *   <li>A revision of the commit under way: no commit of the row before had it, so the key
   *       is new unless another row's chain or this commit has it.
   *   <li>An earlier revision (an ask held back and sent later): the row's chain is read
   *       whole, up to {@link #MOST_READ} keys.
   *   <li>Any other key: it is looked for in every chain it could be in, and if new it goes to
   *       the table.
   * </ul>
   *
   * @param revision the revision in the key when it has its own row's form, else -1
   */
  private int placeOf(String key, int row, String id, long revision) {
    int own = id.length();
    if (revision > before && revision <= after) {
      return chained(key, own) >= 0 || inChain(row, key, commitFirst, Integer.MAX_VALUE) >= 0
          ? -1 : 1;
    }
    if (revision >= 0 && revision <= before) {
      int found = inChain(row, key, 0, MOST_READ);
      if (found != TOO_LONG) {
        return found >= 0 || chained(key, own) >= 0 ? -1 : 1;
      }
    }
    return chained(key, -1) >= 0 ? -1 : 0;
  }

  /**
   * Reads a row's chain from its last key back to key number {@code first}: the key's number
   * if it is there, -1 if not, {@link #TOO_LONG} after {@code most} keys without an answer.
   */
  private int inChain(int row, String key, int first, int most) {
    int n = 0;
    for (int k = rows.lastKey(row) - 1; k >= first; k = previous[k]) {
      if (n++ == most) {
        return TOO_LONG;
      }
      if (keyEquals(keyAt[k], key)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The number of a chained key equal to this one, looked for in the chains of the rows whose
   * ids the key starts with before its chained form, except the one that ends at {@code skip};
   * or -1.
   */
  private int chained(String key, int skip) {
    for (int p = key.indexOf(":r"); p >= 0; p = key.indexOf(":r", p + 1)) {
      if (p == skip || splitEnd(key, p) < 0) {
        continue;
      }
      int row = rows.rowOf(key.substring(0, p));
      int k = row < 0 ? -1 : inChain(row, key, 0, Integer.MAX_VALUE);
      if (k >= 0) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Whether keys are still chained to their rows (see the class comment).
   *
   * @return true until something ended the chaining
   */
  boolean chaining() {
    return chaining;
  }

  /** Ends the chaining: every chained key goes into the table. */
  private void unchain() {
    chaining = false;
    for (int k = 0; k < keys; k++) {
      if ((records.get(keyAt[k]) & CHAINED) != 0) {
        index(k, keyOf(keyAt[k]).hashCode());
      }
    }
  }

  private void mark(long slot) {
    int hash = (int) (slot >>> 32);
    filter[HashFilter.word(hash, filter.length)] |= HashFilter.bits(hash);
  }

  private int paramsNumber(Map<String, String> params) {
    if (params == lastParams) {
      return lastParamsNumber;
    }
    Integer n = paramNumbers.get(params);
    if (n == null) {
      if (paramMaps.size() == MAX_PARAM_MAPS) {
        return -1;
      }
      n = paramMaps.size();
      paramMaps.add(params);
      paramNumbers.put(params, n);
    }
    lastParams = params;
    lastParamsNumber = n;
    return n;
  }

  /**
   * Adds an action unless its key was added or acknowledged before.
   *
   * @param action the action
   * @param row the row of the instance whose step emitted it
   * @param id that instance's id
   * @param customer the customer the row is indexed under, when the caller has it at hand
   */
  void add(ActionRequest action, int row, String id, @Nullable CustomerId customer) {
    String key = action.idempotencyKey();
    boolean chain = false;
    if (chaining) {
      long revision = revision(key, id);
      if (revision >= 0 || hasSplit(key)) {
        int place = placeOf(key, row, id, revision);
        if (place < 0) {
          return;
        }
        chain = place > 0;
        if (!chain) {
          unchain();
        }
      }
    }
    int hash = 0;
    if (!chain) {
      hash = key.hashCode();
      if (find(key, hash) >= 0) {
        return;
      }
    }
    boolean ownInstance = !action.instance().equals(id);
    boolean ownCustomer = customer == null
        ? !text.textEquals(rows.customerText(row), action.customer().value())
        : !action.customer().equals(customer);
    Map<String, String> params = action.params();
    int paramsNumber = paramsNumber(params);
    int flags = HAS_ACTION | (ownInstance ? OWN_INSTANCE : 0) | (ownCustomer ? OWN_CUSTOMER : 0)
        | (paramsNumber < 0 ? OWN_PARAMS : 0) | (chain ? CHAINED : 0);
    putKey(flags, key, row, id);
    if (ownInstance) {
      sink.putString(action.instance());
    }
    if (ownCustomer) {
      sink.putString(action.customer().value());
    }
    sink.putVarint(names.number(action.name()));
    sink.putVarint(action.kind().ordinal());
    if (paramsNumber >= 0) {
      sink.putVarint(paramsNumber);
    } else {
      sink.putVarint(params.size());
      for (Map.Entry<String, String> e : params.entrySet()) {
        sink.putString(e.getKey());
        sink.putString(e.getValue());
      }
    }
    Instant at = action.at();
    sink.putZigzag(at.getEpochSecond());
    sink.putVarint(at.getNano());
    enqueue(chain ? chain(row) : newKey(hash));
  }

  private void enqueue(int k) {
    if (tail == queue.length) {
      if (live > queue.length / 2) {
        queue = Arrays.copyOf(queue, queue.length * 2);
      }
      int j = 0;
      for (int i = head; i < tail; i++) {
        if (!acknowledged(queue[i])) {
          queue[j++] = queue[i];
        }
      }
      head = 0;
      tail = j;
    }
    queue[tail++] = k;
    live++;
  }

  private boolean acknowledged(int k) {
    return (records.get(keyAt[k]) & ACKNOWLEDGED) != 0;
  }

  /**
   * Acknowledges a key, remembering it even when it was never added.
   *
   * @param key the key
   * @return true if its action was pending
   */
  boolean acknowledge(String key) {
    int k = -1;
    if (chaining && hasSplit(key)) {
      k = chained(key, -1);
      if (k < 0) {
        // remembered in the table from now on, it must be found there by any later add
        unchain();
      }
    }
    if (k < 0) {
      int hash = key.hashCode();
      k = find(key, hash);
      if (k < 0) {
        putKey(ACKNOWLEDGED, key, 0, null);
        newKey(hash);
        return false;
      }
    }
    int at = keyAt[k];
    byte flags = records.get(at);
    if ((flags & ACKNOWLEDGED) != 0) {
      return false;
    }
    // the flags are below 0x80, so they are the record's first byte
    records.set(at, (byte) (flags | ACKNOWLEDGED));
    live--;
    while (head < tail && acknowledged(queue[head])) {
      head++;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    return true;
  }

  /**
   * Pending actions, oldest first.
   *
   * @param limit the most to return
   * @return the actions
   */
  List<ActionRequest> pending(int limit) {
    List<ActionRequest> out = new ArrayList<>(Math.min(limit, live));
    for (int i = head; i < tail && out.size() < limit; i++) {
      if (!acknowledged(queue[i])) {
        out.add(action(keyAt[queue[i]]));
      }
    }
    return out;
  }

  /** The key of the record at a position. */
  private String keyOf(int at) {
    ByteLog.Reader r = records.reader(at);
    int flags = r.varint();
    if ((flags & BY_ROW) == 0) {
      return r.string();
    }
    int row = r.varint();
    int shared = r.varint();
    String id = text.text(rows.idText(row));
    String rest = r.string();
    return shared == id.length() ? id.concat(rest) : id.substring(0, shared).concat(rest);
  }

  /** The action in a record that has one. */
  private ActionRequest action(int at) {
    ByteLog.Reader r = records.reader(at);
    int flags = r.varint();
    int row = r.varint();
    int shared = r.varint();
    String id = text.text(rows.idText(row));
    String rest = r.string();
    String key = shared == id.length() ? id.concat(rest) : id.substring(0, shared).concat(rest);
    String instance = (flags & OWN_INSTANCE) != 0 ? r.string() : id;
    CustomerId customer = CustomerId.of(
        (flags & OWN_CUSTOMER) != 0 ? r.string() : text.text(rows.customerText(row)));
    String name = names.name(r.varint());
    ActionKind kind = KINDS[r.varint()];
    Map<String, String> params;
    if ((flags & OWN_PARAMS) == 0) {
      params = paramMaps.get(r.varint());
    } else {
      int n = r.varint();
      Map<String, String> written = new HashMap<>();
      for (int k = 0; k < n; k++) {
        written.put(r.string(), r.string());
      }
      params = written;
    }
    long seconds = r.zigzag();
    Instant when = Instant.ofEpochSecond(seconds, r.varint());
    return new ActionRequest(key, instance, customer, name, kind, params, when);
  }
}
