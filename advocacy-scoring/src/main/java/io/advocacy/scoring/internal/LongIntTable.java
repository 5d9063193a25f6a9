package io.advocacy.scoring.internal;

/**
 * A map from {@code long} keys to non-negative {@code int} values without boxing: open
 * addressing with linear probing over parallel arrays, load at most one half, keys spread by
 * the 64-bit finaliser of MurmurHash3 (so packed keys such as {@code (a << 32) | b} do not
 * cluster). Nothing is ever removed. Not thread-safe.
 */
public final class LongIntTable {
  private long[] keys;
  private int[] values; // value + 1; 0 is an empty slot
  private int size;

  /**
   * An empty table sized for about {@code expected} keys before it grows.
   *
   * @param expected the expected number of keys, at least 0
   */
  public LongIntTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
  }

  /**
   * The value of a key, or -1.
   *
   * @param key the key
   * @return its value, or -1 if absent
   */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
      int v = values[i];
      if (v == 0) {
        return -1;
      }
      if (keys[i] == key) {
        return v - 1;
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
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = spread(key) & mask;
    while (values[i] != 0) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value + 1;
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

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != 0) {
        int i = spread(oldKeys[j]) & mask;
        while (values[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
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
