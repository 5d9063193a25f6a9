package io.advocacy.core.internal;

import java.util.Arrays;

/**
 * String ids stored end to end in one growing byte array, each found again by the offset
 * {@link #append} returned: a header (a varint of {@code length << 1 | wide}) and then one byte
 * per character when every character is below 0x100, two bytes per character (big-endian)
 * otherwise. Every id starts at a multiple of 4, so that an offset fits in fewer bits. An id of n
 * Latin-1 characters costs n + 1 bytes (n + 2 from 64 characters on) plus 1.5 of padding on
 * average, and no object. Not thread-safe.
 */
public final class IdArena {
  private byte[] bytes;
  private int used;

  /**
   * An empty arena.
   *
   * @param initialBytes the initial capacity, at least 1
   */
  public IdArena(int initialBytes) {
    bytes = new byte[Math.max(1, initialBytes)];
  }

  /**
   * Stores an id.
   *
   * @param id the id
   * @return its offset
   * @throws IllegalStateException if the arena would pass 2^31 − 1 bytes
   */
  public int append(String id) {
    int n = id.length();
    boolean wide = false;
    for (int k = 0; k < n; k++) {
      if (id.charAt(k) > 0xff) {
        wide = true;
        break;
      }
    }
    int at = (used + 3) & ~3;
    long need = (long) at + 5 + (wide ? 2L * n : n);
    if (need > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("id arena is full at " + used + " bytes");
    }
    if (need > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max(need, bytes.length + (long) (bytes.length >> 1))));
    }
    int p = at;
    int header = n << 1 | (wide ? 1 : 0);
    while ((header & ~0x7f) != 0) {
      bytes[p++] = (byte) (header & 0x7f | 0x80);
      header >>>= 7;
    }
    bytes[p++] = (byte) header;
    if (wide) {
      for (int k = 0; k < n; k++) {
        char c = id.charAt(k);
        bytes[p++] = (byte) (c >>> 8);
        bytes[p++] = (byte) c;
      }
    } else {
      for (int k = 0; k < n; k++) {
        bytes[p++] = (byte) id.charAt(k);
      }
    }
    used = p;
    return at;
  }

  /**
   * The {@link String#hashCode()} of the id at an offset, without making the string.
   *
   * @param offset an offset from {@link #append}
   * @return the hash code
   */
  public int hashCode(int offset) {
    int header = header(offset);
    int p = offset + varintLength(header);
    int n = header >>> 1;
    int h = 0;
    for (int k = 0; k < n; k++) {
      h = 31 * h + charAt(p, header, k);
    }
    return h;
  }

  /**
   * Whether the id at an offset equals a string.
   *
   * @param offset an offset from {@link #append}
   * @param id the string
   * @return true if equal
   */
  public boolean matches(int offset, String id) {
    int header = header(offset);
    int p = offset + varintLength(header);
    int n = header >>> 1;
    if (n != id.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (charAt(p, header, k) != id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The id at an offset.
   *
   * @param offset an offset from {@link #append}
   * @return the id
   */
  public String read(int offset) {
    int header = header(offset);
    int p = offset + varintLength(header);
    int n = header >>> 1;
    char[] chars = new char[n];
    for (int k = 0; k < n; k++) {
      chars[k] = charAt(p, header, k);
    }
    return new String(chars);
  }

  /** The varint header at an offset: the length shifted left once, the low bit set for UTF-16. */
  private int header(int offset) {
    int p = offset;
    int header = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = bytes[p++];
      header |= (x & 0x7f) << shift;
      if (x >= 0) {
        return header;
      }
    }
  }

  private static int varintLength(int header) {
    int n = 1;
    for (int v = header >>> 7; v != 0; v >>>= 7) {
      n++;
    }
    return n;
  }

  /** The k-th character of an id whose characters start at p. */
  private char charAt(int p, int header, int k) {
    return (header & 1) == 0 ? (char) (bytes[p + k] & 0xff)
        : (char) ((bytes[p + 2 * k] & 0xff) << 8 | (bytes[p + 2 * k + 1] & 0xff));
  }

  /**
   * One stored byte.
   *
   * @param offset an offset below {@link #used()}
   * @return the byte
   */
  public byte byteAt(int offset) {
    return bytes[offset];
  }

  /**
   * Bytes in use.
   *
   * @return the count
   */
  public int used() {
    return used;
  }
}
