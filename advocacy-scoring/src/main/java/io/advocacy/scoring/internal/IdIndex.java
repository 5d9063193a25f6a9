package io.advocacy.scoring.internal;

import java.util.Arrays;

/**
 * Dense int indices for string ids: open addressing with linear probing over an int table that
 * points into a growing array of the ids. Costs the id strings plus about 12 bytes per id. Not
 * thread-safe.
 */
public final class IdIndex {
  private String[] ids = new String[16];
  private int[] table = new int[32]; // index + 1; 0 is empty
  private int size;

  /** An empty index. */
  public IdIndex() {}

  /**
   * The index of an id, or -1.
   *
   * @param id the id
   * @return its index, or -1 if unknown
   */
  public int find(String id) {
    int mask = table.length - 1;
    for (int i = mix(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if (ids[slot - 1].equals(id)) {
        return slot - 1;
      }
    }
  }

  /**
   * The index of an id, adding it if unknown.
   *
   * @param id the id
   * @return its index; new ids get {@link #size()} before the call
   */
  public int findOrAdd(String id) {
    int mask = table.length - 1;
    int i = mix(id.hashCode()) & mask;
    for (; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        break;
      }
      if (ids[slot - 1].equals(id)) {
        return slot - 1;
      }
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size] = id;
    table[i] = ++size;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    }
    return size - 1;
  }

  /**
   * The id at an index.
   *
   * @param index an index below {@link #size()}
   * @return the id
   */
  public String id(int index) {
    return ids[index];
  }

  /**
   * How many ids there are.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  private void rehash(int capacity) {
    int[] next = new int[capacity];
    int mask = capacity - 1;
    for (int k = 0; k < size; k++) {
      int i = mix(ids[k].hashCode()) & mask;
      while (next[i] != 0) {
        i = (i + 1) & mask;
      }
      next[i] = k + 1;
    }
    table = next;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
