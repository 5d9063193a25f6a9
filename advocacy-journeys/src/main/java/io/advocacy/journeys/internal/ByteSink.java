package io.advocacy.journeys.internal;

import java.util.Arrays;

/**
 * A reusable scratch buffer a record is encoded into before it is appended to a {@link ByteLog}:
 * fixed ints, varints, zigzag varlongs and strings. Not thread-safe.
 */
final class ByteSink {
  private byte[] bytes = new byte[256];
  private int length;

  /** Empties the buffer, keeping its capacity. */
  void reset() {
    length = 0;
  }

  /**
   * The buffer; the first {@link #length()} bytes are written.
   *
   * @return the buffer itself
   */
  byte[] bytes() {
    return bytes;
  }

  /**
   * Bytes written.
   *
   * @return the count
   */
  int length() {
    return length;
  }

  private void room(int n) {
    if (length + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
    }
  }

  /**
   * Four bytes, big-endian.
   *
   * @param v the value
   */
  void putFixedInt(int v) {
    room(4);
    for (int k = 0; k < 4; k++) {
      bytes[length++] = (byte) (v >>> (24 - 8 * k));
    }
  }

  /**
   * An unsigned varint.
   *
   * @param v the value, read as unsigned
   */
  void putVarint(int v) {
    room(5);
    while ((v & ~0x7f) != 0) {
      bytes[length++] = (byte) (v & 0x7f | 0x80);
      v >>>= 7;
    }
    bytes[length++] = (byte) v;
  }

  /**
   * A signed long, zigzag-encoded as a varlong.
   *
   * @param v the value
   */
  void putZigzag(long v) {
    room(10);
    long z = v << 1 ^ v >> 63;
    while ((z & ~0x7fL) != 0) {
      bytes[length++] = (byte) (z & 0x7f | 0x80);
      z >>>= 7;
    }
    bytes[length++] = (byte) z;
  }

  /**
   * A string.
   *
   * @param s the string
   */
  void putString(String s) {
    putString(s, 0);
  }

  /**
   * The end of a string, from a character on.
   *
   * @param s the string
   * @param from the first character written
   */
  void putString(String s, int from) {
    int n = s.length() - from;
    boolean wide = false;
    for (int k = from; k < s.length(); k++) {
      if (s.charAt(k) > 0xff) {
        wide = true;
        break;
      }
    }
    putVarint(n << 1 | (wide ? 1 : 0));
    room(wide ? 2 * n : n);
    for (int k = from; k < s.length(); k++) {
      char c = s.charAt(k);
      if (wide) {
        bytes[length++] = (byte) (c >>> 8);
      }
      bytes[length++] = (byte) c;
    }
  }
}
