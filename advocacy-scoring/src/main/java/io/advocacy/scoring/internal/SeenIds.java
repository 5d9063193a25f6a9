package io.advocacy.scoring.internal;

/**
 * The signal ids seen within a horizon, as 64-bit hashes in two generations of open-addressing
 * sets: an id is remembered at least one horizon (and at most two) of the latest event time
 * after it was first seen. Two different ids collide with probability about n²/2⁶⁵ for n ids
 * remembered (3 in a million for ten million). Costs about 16 to 32 bytes per remembered id.
 * Not thread-safe.
 */
public final class SeenIds {
  private final long horizonMillis;
  private LongSet current = new LongSet();
  private LongSet previous = new LongSet();
  private long generationEnd = Long.MIN_VALUE;

  /**
   * A set.
   *
   * @param horizonMillis the horizon, positive
   */
  public SeenIds(long horizonMillis) {
    if (horizonMillis <= 0) {
      throw new IllegalArgumentException("horizon " + horizonMillis + " ms is not positive");
    }
    this.horizonMillis = horizonMillis;
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
      previous = eventMillis >= generationEnd + horizonMillis ? new LongSet() : current;
      current = new LongSet();
      generationEnd = eventMillis + horizonMillis;
    }
    long h = hash(id);
    if (previous.contains(h) || current.contains(h)) {
      return false;
    }
    current.add(h);
    return true;
  }

  /**
   * How many hashes are held.
   *
   * @return the count in both generations
   */
  public int size() {
    return current.size() + previous.size();
  }

  /**
   * The state, for a snapshot.
   *
   * @return three arrays: {generationEnd}, the current hashes, the previous hashes
   */
  public long[][] state() {
    return new long[][] {{generationEnd}, current.toArray(), previous.toArray()};
  }

  /**
   * Restores a state written by {@link #state()}.
   *
   * @param state the state
   */
  public void restore(long[][] state) {
    generationEnd = state[0][0];
    current = new LongSet();
    for (long h : state[1]) {
      current.add(h);
    }
    previous = new LongSet();
    for (long h : state[2]) {
      previous.add(h);
    }
  }

  /**
   * A 64-bit hash of an id: FNV-1a over its UTF-16 code units, then a final avalanche.
   *
   * @param id the id
   * @return the hash, never 0
   */
  public static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** An open-addressing set of non-zero longs. */
  static final class LongSet {
    private long[] table = new long[64];
    private int size;

    boolean contains(long h) {
      int mask = table.length - 1;
      for (int i = (int) h & mask; ; i = (i + 1) & mask) {
        if (table[i] == 0) {
          return false;
        }
        if (table[i] == h) {
          return true;
        }
      }
    }

    void add(long h) {
      int mask = table.length - 1;
      int i = (int) h & mask;
      while (table[i] != 0) {
        if (table[i] == h) {
          return;
        }
        i = (i + 1) & mask;
      }
      table[i] = h;
      if (++size * 2 > table.length) {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long v : old) {
          if (v != 0) {
            add(v);
          }
        }
      }
    }

    int size() {
      return size;
    }

    long[] toArray() {
      long[] out = new long[size];
      int n = 0;
      for (long v : table) {
        if (v != 0) {
          out[n++] = v;
        }
      }
      return out;
    }
  }
}
