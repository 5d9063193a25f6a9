package io.advocacy.scoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dense int indices for string ids, compactly: the ids' UTF-8 bytes live end to end in one
 * byte array with an offset per id, and an open-addressing int table (linear probing, load at
 * most one half) maps hashes to indices. An id of n ASCII characters costs about n + 4 bytes
 * plus the table's 8 to 16, instead of a String's 40 + n. Not thread-safe.
 */
public final class IdIndex {
  private byte[] bytes = new byte[256];
  private int used;
  private int[] offsets = new int[17]; // offsets[i]..offsets[i + 1] are id i's bytes
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
    if (!ascii(id)) {
      return findBytes(id.getBytes(StandardCharsets.UTF_8));
    }
    int mask = table.length - 1;
    for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if (sameAscii(slot - 1, id)) {
        return slot - 1;
      }
    }
  }

  private int findBytes(byte[] key) {
    int mask = table.length - 1;
    for (int i = hash(key, 0, key.length) & mask; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if (same(slot - 1, key)) {
        return slot - 1;
      }
    }
  }

  /**
   * The index of an id, adding it if unknown.
   *
   * @param id the id
   * @return its index; a new id gets {@link #size()} as it was before the call
   */
  public int findOrAdd(String id) {
    int found = find(id);
    if (found >= 0) {
      return found;
    }
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int mask = table.length - 1;
    int i = hash(key, 0, key.length) & mask;
    for (; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        break;
      }
      if (same(slot - 1, key)) {
        return slot - 1;
      }
    }
    if (used + key.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 3 / 2, used + key.length));
    }
    System.arraycopy(key, 0, bytes, used, key.length);
    used += key.length;
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 3 / 2 + 2);
    }
    offsets[size + 1] = used;
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
    return new String(bytes, offsets[index], offsets[index + 1] - offsets[index],
        StandardCharsets.UTF_8);
  }

  /**
   * How many ids there are.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private boolean sameAscii(int index, String id) {
    int from = offsets[index];
    if (offsets[index + 1] - from != id.length()) {
      return false;
    }
    for (int k = 0; k < id.length(); k++) {
      if (bytes[from + k] != (byte) id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The same hash as {@link #hash(byte[], int, int)} of the id's bytes, for an ASCII id. */
  private static int hash(String ascii) {
    int h = 0x811c9dc5;
    for (int i = 0; i < ascii.length(); i++) {
      h ^= (byte) ascii.charAt(i);
      h *= 0x01000193;
    }
    return finish(h);
  }

  private boolean same(int index, byte[] key) {
    int from = offsets[index];
    int length = offsets[index + 1] - from;
    return length == key.length && Arrays.equals(bytes, from, from + length, key, 0, length);
  }

  private void rehash(int capacity) {
    int[] next = new int[capacity];
    int mask = capacity - 1;
    for (int k = 0; k < size; k++) {
      int i = hash(bytes, offsets[k], offsets[k + 1]) & mask;
      while (next[i] != 0) {
        i = (i + 1) & mask;
      }
      next[i] = k + 1;
    }
    table = next;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h ^= b[i];
      h *= 0x01000193;
    }
    return finish(h);
  }

  private static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
