package io.advocacy.scoring.internal;

/**
 * A map from {@code long} keys to non-negative {@code int} values without boxing: open
 * addressing with linear probing, load at most one half, each key beside its value in one
 * {@code long[]} (a probe touches one cache line), keys spread by the 64-bit finaliser of
 * MurmurHash3 so that packed keys such as {@code (a << 32) | b} do not cluster. Nothing is ever
 * removed. Not thread-safe.
 */
public final class LongIntTable {
  private long[] slots; // key at 2i, value + 1 at 2i + 1; a value slot of 0 is empty
  private int size;

  /**
   * An empty table sized for about {@code expected} keys before it grows.
   *
   * @param expected the expected number of keys, at least 0
   */
  public LongIntTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
    slots = new long[2 * capacity];
  }

  /**
   * The value of a key, or -1.
   *
   * @param key the key
   * @return its value, or -1 if absent
   */
  public int get(long key) {
    long[] s = slots;
    int mask = s.length - 2;
    for (int i = (spread(key) << 1) & mask; ; i = (i + 2) & mask) {
      long v = s[i + 1];
      if (v == 0) {
        return -1;
      }
      if (s[i] == key) {
        return (int) v - 1;
      }
    }
  }

  /**
   * Sets the value of a key that is absent.
   *
   * @param key the key, not yet in the table
   * @param value the value, at least 0
   */
  public void putNew(long key, int value) {
    if (4 * (size + 1) > slots.length) {
      grow();
    }
    insert(slots, key, value + 1L);
    size++;
  }

  /**
   * The number of keys.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  private static void insert(long[] s, long key, long stored) {
    int mask = s.length - 2;
    int i = (spread(key) << 1) & mask;
    while (s[i + 1] != 0) {
      i = (i + 2) & mask;
    }
    s[i] = key;
    s[i + 1] = stored;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != 0) {
        insert(slots, old[j], old[j + 1]);
      }
    }
  }

  private static int spread(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
