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
  /** Where the outbox finds the text of a row's instance id and customer. */
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
  private int keys;

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

  /** Appends the record in the sink as a new key. */
  private int newKey(int hash) {
    if (keys == keyAt.length) {
      keyAt = Arrays.copyOf(keyAt, keys * 2);
    }
    int k = keys++;
    keyAt[k] = records.append(sink);
    long slot = (long) hash << 32 | (k + 1);
    filter[HashFilter.word(hash, filter.length)] |= HashFilter.bits(hash);
    pending[pendingCount++] = slot;
    if (keys * 4L > table.length * 3L) {
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
    return k;
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
    int hash = key.hashCode();
    if (find(key, hash) >= 0) {
      return;
    }
    boolean ownInstance = !action.instance().equals(id);
    boolean ownCustomer = customer == null
        ? !text.textEquals(rows.customerText(row), action.customer().value())
        : !action.customer().equals(customer);
    Map<String, String> params = action.params();
    int paramsNumber = paramsNumber(params);
    int flags = HAS_ACTION | (ownInstance ? OWN_INSTANCE : 0) | (ownCustomer ? OWN_CUSTOMER : 0)
        | (paramsNumber < 0 ? OWN_PARAMS : 0);
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
    int k = newKey(hash);
    enqueue(k);
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
    int hash = key.hashCode();
    int k = find(key, hash);
    if (k < 0) {
      putKey(ACKNOWLEDGED, key, 0, null);
      newKey(hash);
      return false;
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
