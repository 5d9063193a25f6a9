package io.advocacy.core.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The signal ids seen within a horizon, exactly: an id is remembered at least one horizon (and
 * at most two) of the latest event time after it was first seen, in two generations that are
 * dropped whole.
 *
 * <p>Each generation keeps 32-bit fingerprints of its ids beside the ids' places in an {@link
 * IdArena}, in buckets of a cache line behind a filter (see {@link Generation}). A new id is
 * told new by one filter word; a lookup that passes the filter compares fingerprints and confirms
 * a match by comparing the id's characters, so two different ids with the same fingerprint are
 * still told apart. Costs about 17 to 34 bytes per remembered id plus its characters (n + 1
 * bytes for n Latin-1 characters). Not thread-safe.
 */
public final class SeenIds {
  private final long horizonMillis;
  private Generation current;
  private Generation previous = new Generation(16);
  private long generationEnd = Long.MIN_VALUE;

  /**
   * A set.
   *
   * @param horizonMillis the horizon, positive
   * @param expected how many ids to make room for in a generation before growing, at least 1
   */
  public SeenIds(long horizonMillis, int expected) {
    if (horizonMillis <= 0) {
      throw new IllegalArgumentException("horizon " + horizonMillis + " ms is not positive");
    }
    this.horizonMillis = horizonMillis;
    this.current = new Generation(expected);
  }

  /**
   * Records an id seen at an event time.
   *
   * @param id the id
   * @param eventMillis the event's time
   * @return true if it was not seen within the horizon
   */
  public boolean add(String id, long eventMillis) {
    if (generationEnd == Long.MIN_VALUE) {
      generationEnd = eventMillis + horizonMillis;
    } else if (eventMillis >= generationEnd) {
      int expected = Math.max(16, current.size);
      previous = eventMillis >= generationEnd + horizonMillis ? new Generation(16) : current;
      current = new Generation(expected);
      generationEnd = eventMillis + horizonMillis;
    }
    int h = fingerprint(id);
    if (previous.size > 0 && previous.contains(h, id)) {
      return false;
    }
    return current.add(h, id);
  }

  /**
   * Reads, without changing anything, the filter word a lookup of an id starts with. Doing this
   * for a batch of ids before adding them lets their cache misses overlap.
   *
   * @param id the id
   * @return a value to fold into something kept, so that the read is not left out
   */
  public long touch(String id) {
    return current.touch(fingerprint(id));
  }

  /**
   * How many ids are held.
   *
   * @return the count in both generations
   */
  public int size() {
    return current.size - current.forgotten + previous.size - previous.forgotten;
  }

  /**
   * Forgets an id, so that it reads as new again: for a caller that added it and then could not
   * act on it (its work failed before anything took effect). The id's place is kept, marked so
   * that it matches nothing, and goes with its generation.
   *
   * @param id the id
   * @return true if it was held
   */
  public boolean forget(String id) {
    int h = fingerprint(id);
    return current.forget(h, id) || previous.forget(h, id);
  }

  /**
   * The state, for a snapshot.
   *
   * @return three arrays: {generationEnd}, the current ids, the previous ids, each id packed as
   *     its length and then four characters per long
   */
  public long[][] state() {
    return new long[][] {{generationEnd}, current.pack(), previous.pack()};
  }

  /**
   * Writes a state of {@link #state()} in binary: each of its three arrays as an int count and
   * that many longs.
   *
   * @param state the state
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void writeState(long[][] state, DataOutput out) throws IOException {
    for (long[] part : state) {
      out.writeInt(part.length);
      for (long x : part) {
        out.writeLong(x);
      }
    }
  }

  /**
   * Reads a state written by {@link #writeState}. A count is not trusted for more room than the
   * data that has arrived, so a bad count ends in an {@link IOException}, not in a huge array.
   *
   * @param in where to read
   * @return the state, for {@link #restore}
   * @throws IOException if reading fails, the data ends early or a count is negative
   */
  public static long[][] readState(DataInput in) throws IOException {
    long[][] state = new long[3][];
    for (int part = 0; part < 3; part++) {
      int n = in.readInt();
      if (n < 0) {
        throw new IOException("part " + part + " of the seen ids has a negative count, " + n);
      }
      long[] longs = new long[Math.min(n, 1 << 16)];
      for (int k = 0; k < n; k++) {
        if (k == longs.length) {
          longs = Arrays.copyOf(longs, (int) Math.min(n, 2L * longs.length));
        }
        longs[k] = in.readLong();
      }
      state[part] = longs;
    }
    return state;
  }

  /**
   * Restores a state written by {@link #state()}, all or nothing: a malformed state changes
   * nothing.
   *
   * @param state the state
   * @throws IllegalArgumentException if the state is not three arrays, the first of one long,
   *     or the packed ids are malformed
   */
  public void restore(long[][] state) {
    if (state.length != 3 || state[0].length != 1) {
      throw new IllegalArgumentException("a state is three arrays, the first of one long; this"
          + " one has " + state.length + (state.length > 0 ? " (the first of " + state[0].length
          + ")" : ""));
    }
    Generation restoredCurrent = unpack(state[1]);
    Generation restoredPrevious = unpack(state[2]);
    generationEnd = state[0][0];
    current = restoredCurrent;
    previous = restoredPrevious;
  }

  private static Generation unpack(long[] packed) {
    Generation g = new Generation(16);
    int p = 0;
    while (p < packed.length) {
      long n = packed[p++];
      if (n < 0 || n > Integer.MAX_VALUE || p + (n + 3) / 4 > packed.length) {
        throw new IllegalArgumentException("packed id length " + n + " at " + (p - 1)
            + " does not fit the " + packed.length + " longs");
      }
      char[] chars = new char[(int) n];
      for (int k = 0; k < n; k++) {
        chars[k] = (char) (packed[p + k / 4] >>> (16 * (k % 4)));
      }
      p += (int) ((n + 3) / 4);
      String id = new String(chars);
      g.add(fingerprint(id), id);
    }
    return g;
  }

  /**
   * The 32-bit fingerprint of an id: its {@link String#hashCode()} with the high half folded
   * into the low, which keeps every bit (two ids of one fingerprint have one hash code).
   *
   * <p>It is not mixed further, on purpose: ids that differ only in their last characters (a
   * host's sequence numbers, "order-1041", "order-1042") have hash codes, and so fingerprints,
   * that differ only in their low bits. They go to nearby buckets and filter words (a run of 16
   * such ids to one aligned block of 16 buckets), and a run of them touches a few cache lines
   * rather than one each. The filter's bits are still spread from the whole fingerprint.
   * Deliberately colliding ids cost what they cost with the hash code alone: an attacker who
   * can choose ids can make their hash codes equal whatever is done to them afterwards.
   *
   * @param id the id
   * @return the fingerprint
   */
  public static int fingerprint(String id) {
    int h = id.hashCode();
    return h ^ h >>> 16;
  }

  /**
   * Spreads a {@link String#hashCode()} over all 32 bits (the murmur3 finaliser).
   *
   * @param h a hash
   * @return the mixed hash
   */
  public static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /**
   * One generation: buckets of fingerprints over an arena of the ids' characters, behind a
   * filter.
   *
   * <ul>
   *   <li>A bucket is {@link #WAYS} longs (a cache line), each the id's fingerprint in the high
   *       half and its arena offset + 1 in the low; a byte per bucket counts its entries. An id
   *       goes to the first bucket from its own, in order, that has room, so a lookup that meets
   *       a bucket with room has seen every place the id could be.
   *   <li>A filter of one 64-bit word per two buckets (the word of bucket {@code b} is {@code
   *       b / 2}; its three bits per id are {@link HashFilter#bits}): a new id (nearly every id)
   *       is known to be new from one word, without reading a bucket.
   *   <li>New ids wait in a short list (checked by lookups) and are put in their buckets
   *       {@link #PENDING} at a time, so that those writes to far-apart buckets overlap rather
   *       than each waiting on its own.
   * </ul>
   *
   * <p>At most half the slots are used (four ids per bucket) before the buckets double: 16 to
   * 32 bytes per id, and one or two bytes of filter.
   */
  static final class Generation {
    private static final int WAYS = 8;
    private static final int PENDING = 64;
    private long[] slots;
    private byte[] counts;
    private long[] filter;
    private int buckets;
    private final IdArena arena;
    private int size;
    /** Places marked forgotten: an entry whose arena position is 0, which matches nothing. */
    private int forgotten;
    private final long[] pending = new long[PENDING];
    private int pendingCount;

    Generation(int expected) {
      int wanted = Math.max(4, (Math.min(Math.max(16, expected), 1 << 28) + 3) / 4);
      allocate(Integer.highestOneBit(wanted * 2 - 1));
      arena = new IdArena(Math.max(64, Math.min(expected, 1 << 24) * 12));
    }

    private void allocate(int bucketCount) {
      buckets = bucketCount;
      slots = new long[bucketCount * WAYS];
      counts = new byte[bucketCount];
      filter = new long[bucketCount / 2];
    }

    /** The filter word of a fingerprint: that of its bucket, {@code (h & (buckets - 1)) / 2}. */
    private int word(int h) {
      return (h >>> 1) & (filter.length - 1);
    }

    private static long bits(int h) {
      return HashFilter.bits(h);
    }

    long touch(int h) {
      long[] f = filter; // read once: a caller may touch without the lock that guards adds
      return f[(h >>> 1) & (f.length - 1)]; // as word(h), on the array read once
    }

    boolean contains(int h, String id) {
      long want = bits(h);
      return (filter[word(h)] & want) == want && holds(h, id);
    }

    /** The exact lookup: the waiting ids, then the buckets from the id's own. */
    private boolean holds(int h, String id) {
      return find(h, id) != -1;
    }

    /**
     * Where an id is held: its index in {@code slots}, {@code -2 - k} for the k-th waiting id,
     * or -1 when it is not held. A forgotten entry's position is 0, so it matches nothing.
     */
    private int find(int h, String id) {
      for (int k = 0; k < pendingCount; k++) {
        long e = pending[k];
        if ((int) (e >>> 32) == h && (int) e != 0 && arena.matches((int) e - 1, id)) {
          return -2 - k;
        }
      }
      int mask = buckets - 1;
      for (int b = h & mask; ; b = (b + 1) & mask) {
        int n = counts[b];
        int base = b * WAYS;
        for (int k = 0; k < n; k++) {
          long e = slots[base + k];
          if ((int) (e >>> 32) == h && (int) e != 0 && arena.matches((int) e - 1, id)) {
            return base + k;
          }
        }
        if (n < WAYS) {
          return -1;
        }
      }
    }

    /** Marks an id's entry forgotten; true if it was held. */
    boolean forget(int h, String id) {
      int at = find(h, id);
      if (at == -1) {
        return false;
      }
      if (at >= 0) {
        slots[at] = (long) h << 32;
      } else {
        pending[-2 - at] = (long) h << 32;
      }
      forgotten++;
      return true;
    }

    /** Adds an id unless present; true if added. */
    boolean add(int h, String id) {
      int w = word(h);
      long want = bits(h);
      if ((filter[w] & want) == want && holds(h, id)) {
        return false;
      }
      filter[w] |= want;
      pending[pendingCount++] = (long) h << 32 | (arena.append(id) + 1L);
      size++;
      if (pendingCount == PENDING) {
        flush();
      }
      if (size > buckets * (WAYS / 2)) {
        grow();
      }
      return true;
    }

    private void flush() {
      for (int k = 0; k < pendingCount; k++) {
        place(pending[k]);
      }
      pendingCount = 0;
    }

    private void place(long e) {
      int mask = buckets - 1;
      int b = (int) (e >>> 32) & mask;
      while (counts[b] == WAYS) {
        b = (b + 1) & mask;
      }
      slots[b * WAYS + counts[b]++] = e;
    }

    private void grow() {
      long[] oldSlots = slots;
      byte[] oldCounts = counts;
      allocate(buckets * 2);
      for (int b = 0; b < oldCounts.length; b++) {
        for (int k = 0; k < oldCounts[b]; k++) {
          long e = oldSlots[b * WAYS + k];
          place(e);
          mark(e);
        }
      }
      for (int k = 0; k < pendingCount; k++) {
        mark(pending[k]);
      }
    }

    private void mark(long e) {
      int h = (int) (e >>> 32);
      filter[word(h)] |= bits(h);
    }

    long[] pack() {
      flush();
      int longs = 0;
      String[] ids = new String[size - forgotten];
      int n = 0;
      for (int b = 0; b < buckets; b++) {
        for (int k = 0; k < counts[b]; k++) {
          int position = (int) slots[b * WAYS + k];
          if (position == 0) {
            continue; // forgotten
          }
          String id = arena.read(position - 1);
          ids[n++] = id;
          longs += 1 + (id.length() + 3) / 4;
        }
      }
      long[] out = new long[longs];
      int p = 0;
      for (String id : ids) {
        out[p++] = id.length();
        for (int k = 0; k < id.length(); k++) {
          out[p + k / 4] |= (long) id.charAt(k) << (16 * (k % 4));
        }
        p += (id.length() + 3) / 4;
      }
      return out;
    }
  }
}
