package io.advocacy.core.internal;

/**
 * The signal ids seen within a horizon, exactly: an id is remembered at least one horizon (and
 * at most two) of the latest event time after it was first seen, in two generations that are
 * dropped whole.
 *
 * <p>Each generation is an open-addressing table (linear probing, load at most one half) of
 * longs holding a 32-bit fingerprint of the id beside the id's place in an {@link IdArena}. A
 * lookup compares fingerprints first and confirms a match by comparing the id's characters, so
 * two different ids with the same fingerprint are still told apart. Costs about 16 to 32 bytes
 * of table per remembered id plus its characters (n + 1 bytes for n Latin-1 characters). Not
 * thread-safe.
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
   * Reads, without changing anything, the table slot where a lookup of an id starts. Doing this
   * for a batch of ids before adding them lets their cache misses overlap.
   *
   * @param id the id
   * @return a value to fold into something kept, so that the read is not left out
   */
  public long touch(String id) {
    long[] t = current.table;
    return t[fingerprint(id) & (t.length - 1)];
  }

  /**
   * How many ids are held.
   *
   * @return the count in both generations
   */
  public int size() {
    return current.size + previous.size;
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
   * Restores a state written by {@link #state()}.
   *
   * @param state the state
   * @throws IllegalArgumentException if the packed ids are malformed
   */
  public void restore(long[][] state) {
    generationEnd = state[0][0];
    current = unpack(state[1]);
    previous = unpack(state[2]);
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
   * The 32-bit fingerprint of an id: its {@link String#hashCode()}, mixed.
   *
   * @param id the id
   * @return the fingerprint
   */
  public static int fingerprint(String id) {
    return mix(id.hashCode());
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

  /** One generation: a fingerprint table over an arena of the ids' characters. */
  static final class Generation {
    private long[] table;
    private final IdArena arena;
    private int size;

    Generation(int expected) {
      table = new long[Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2];
      arena = new IdArena(Math.max(64, Math.min(expected, 1 << 24) * 12));
    }

    boolean contains(int h, String id) {
      long[] t = table;
      int mask = t.length - 1;
      for (int p = h & mask; ; p = (p + 1) & mask) {
        long e = t[p];
        if (e == 0) {
          return false;
        }
        if ((int) (e >>> 32) == h && arena.matches((int) e - 1, id)) {
          return true;
        }
      }
    }

    /** Adds an id unless present; true if added. */
    boolean add(int h, String id) {
      long[] t = table;
      int mask = t.length - 1;
      int p = h & mask;
      for (; ; p = (p + 1) & mask) {
        long e = t[p];
        if (e == 0) {
          break;
        }
        if ((int) (e >>> 32) == h && arena.matches((int) e - 1, id)) {
          return false;
        }
      }
      t[p] = (long) h << 32 | (arena.append(id) + 1L);
      if (++size * 2 > t.length) {
        rehash(t.length * 2);
      }
      return true;
    }

    private void rehash(int capacity) {
      long[] next = new long[capacity];
      int mask = capacity - 1;
      for (long e : table) {
        if (e != 0) {
          int p = (int) (e >>> 32) & mask;
          while (next[p] != 0) {
            p = (p + 1) & mask;
          }
          next[p] = e;
        }
      }
      table = next;
    }

    long[] pack() {
      int longs = 0;
      String[] ids = new String[size];
      int n = 0;
      for (long e : table) {
        if (e != 0) {
          String id = arena.read((int) e - 1);
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
