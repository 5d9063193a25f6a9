package io.advocacy.scoring.internal;

import io.advocacy.core.internal.IdArena;
import io.advocacy.core.internal.SeenIds;
import java.util.Arrays;

/**
 * Customers by id, each with a fixed-size record of state, laid out so that an update costs few
 * random memory accesses: the records lie end to end in one {@code long[]}, {@value #STRIDE}
 * longs (64 bytes) per customer from {@link #BASE} on, six for the caller's values, {@link #REF}
 * for a reference instant and {@link #META} for the id's place in an {@link IdArena} (above bit
 * 3) and three bits the caller may use (bits 0–2).
 *
 * <p>Lookup: an open-addressing table (linear probing, load at most one half) of longs, each
 * holding the customer's index, the place of its id's characters and 7 more bits of the id's
 * hash. A probe whose hash bits match is confirmed by comparing the id with its stored
 * characters, so a lookup is exact whatever the hashes; as the entry gives both the record and
 * the characters, the two memory accesses overlap. The hash is the id's {@link
 * String#hashCode()} (cached by the string), mixed. An id of n Latin-1 characters costs about
 * 64 + n + 3 bytes plus the table's 16 to 32. At most 2^28 − 2 customers and 2 GiB of id
 * characters. Not thread-safe.
 */
public final class CustomerTable {
  /** Longs per customer record. */
  public static final int STRIDE = 8;
  /**
   * Where customer 0's record starts. An array this large is placed at the start of a heap
   * region by the G1 collector, behind a 16-byte header: starting the records 48 bytes on puts
   * each record on one 64-byte cache line rather than across two.
   */
  public static final int BASE = 6;
  /** The slot of the reference instant. */
  public static final int REF = 6;
  /** The slot of the id offset and the caller's three bits. */
  public static final int META = 7;

  private static final int INDEX_BITS = 28;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  private static final int OFFSET_BITS = 29; // in units of 4 bytes
  private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
  private static final int TAG_SHIFT = INDEX_BITS + OFFSET_BITS; // 7 bits of hash above

  private long[] table;
  private long[] state;
  private final IdArena arena;
  private int size;
  /** What {@link #touch} read, folded, so that its reads are not left out. */
  private long touched;

  /**
   * An empty table.
   *
   * @param expected how many customers to make room for, at least 1
   */
  public CustomerTable(int expected) {
    int capacity = Math.max(16, Math.min(expected, 1 << 26));
    state = new long[BASE + capacity * STRIDE];
    table = new long[Integer.highestOneBit(capacity * 2 - 1) * 2];
    arena = new IdArena(Math.max(256, Math.min(expected, 1 << 26) * 12));
  }

  /**
   * The records of every customer: customer {@code i} at {@code BASE + i · STRIDE}. The array is
   * replaced when it grows, so read it again after {@link #findOrAdd}.
   *
   * @return the records
   */
  public long[] state() {
    return state;
  }

  /**
   * The index of an id, or -1.
   *
   * @param id the id
   * @return its index, or -1 if unknown
   */
  public int find(String id) {
    int h = mix(id.hashCode());
    long tag = (long) (h >>> 25) << TAG_SHIFT;
    long[] t = table;
    int mask = t.length - 1;
    for (int p = h & mask; ; p = (p + 1) & mask) {
      long e = t[p];
      if (e == 0) {
        return -1;
      }
      if ((e & ~((1L << TAG_SHIFT) - 1)) == tag && arena.matches(offsetOf(e), id)) {
        return (int) (e & INDEX_MASK) - 1;
      }
    }
  }

  /**
   * The index of an id, adding it with a zeroed record if unknown.
   *
   * @param id the id
   * @return its index; a new id gets {@link #size()} as it was before the call
   * @throws IllegalStateException if the table is full
   */
  public int findOrAdd(String id) {
    int h = mix(id.hashCode());
    long tag = (long) (h >>> 25) << TAG_SHIFT;
    long[] t = table;
    int mask = t.length - 1;
    int p = h & mask;
    for (; ; p = (p + 1) & mask) {
      long e = t[p];
      if (e == 0) {
        break;
      }
      if ((e & ~((1L << TAG_SHIFT) - 1)) == tag && arena.matches(offsetOf(e), id)) {
        return (int) (e & INDEX_MASK) - 1;
      }
    }
    int i = size;
    if (i + 2 > INDEX_MASK) {
      throw new IllegalStateException("customer table is full at " + i + " customers");
    }
    if (BASE + (i + 1) * STRIDE > state.length) {
      int records = (int) Math.min(INDEX_MASK, 2L * (state.length - BASE) / STRIDE);
      state = Arrays.copyOf(state, BASE + records * STRIDE);
    }
    int offset = arena.append(id);
    if (offset >>> 2 > OFFSET_MASK) {
      throw new IllegalStateException("customer table is full at " + offset + " bytes of ids");
    }
    state[BASE + i * STRIDE + META] = (long) offset << 3;
    t[p] = tag | (long) (offset >>> 2) << INDEX_BITS | (i + 1);
    size = i + 1;
    if (size * 2 > t.length) {
      rehash(t.length * 2);
    }
    return i;
  }

  /**
   * Reads, without changing anything, the memory a lookup of an id with this hash code will
   * read first: its table slot and, if taken, the record and id characters it points to. Doing
   * this for a batch of ids before looking them up lets their cache misses overlap.
   *
   * @param hashCode the id's {@link String#hashCode()}
   * @return the index the slot points to, maybe another id's, or -1 if it is empty
   */
  public int touch(int hashCode) {
    long[] t = table;
    long e = t[mix(hashCode) & (t.length - 1)];
    if (e == 0) {
      return -1;
    }
    int i = (int) (e & INDEX_MASK) - 1;
    long[] st = state;
    int at = BASE + i * STRIDE;
    touched ^= (at < st.length ? st[at] : 0) ^ arena.byteAt(offsetOf(e));
    return i;
  }

  /**
   * The id at an index.
   *
   * @param index an index below {@link #size()}
   * @return the id
   */
  public String id(int index) {
    return arena.read((int) (state[BASE + index * STRIDE + META] >>> 3));
  }

  /**
   * How many ids there are.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  private static int offsetOf(long entry) {
    return (int) (entry >>> INDEX_BITS & OFFSET_MASK) << 2;
  }

  private void rehash(int capacity) {
    long[] next = new long[capacity];
    int mask = capacity - 1;
    for (long e : table) {
      if (e != 0) {
        int p = mix(arena.hashCode(offsetOf(e))) & mask;
        while (next[p] != 0) {
          p = (p + 1) & mask;
        }
        next[p] = e;
      }
    }
    table = next;
  }

  /** Spreads a {@link String#hashCode()} over all 32 bits. */
  static int mix(int h) {
    return SeenIds.mix(h);
  }
}
