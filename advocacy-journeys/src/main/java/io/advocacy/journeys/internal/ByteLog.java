package io.advocacy.journeys.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only run of bytes kept in fixed pages of 64 KiB, each record found again by the
 * position {@link #append} returned. Growing adds a page and copies nothing; the only slack is
 * the unfilled end of the last page. A record may straddle two pages. Positions are ints, so a
 * log holds at most 2^31 − 1 bytes.
 *
 * <p>Text is stored as {@link ByteSink#putString} writes it: a varint header of {@code length <<
 * 1 | wide}, then one byte per character when every character is below 0x100, two (big-endian)
 * otherwise. The text methods here read it in place, without making a string.
 *
 * <p>Not thread-safe: the store guards it with its lock.
 */
final class ByteLog {
  private static final int PAGE_BITS = 16;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int MASK = PAGE - 1;

  private byte[][] pages = new byte[4][];
  private int used;

  /**
   * Appends what a sink holds.
   *
   * @param sink the bytes
   * @return their position
   * @throws IllegalStateException if the log would pass 2^31 − 1 bytes
   */
  int append(ByteSink sink) {
    int length = sink.length();
    if ((long) used + length > Integer.MAX_VALUE) {
      throw new IllegalStateException("byte log is full at " + used + " bytes");
    }
    int at = used;
    byte[] src = sink.bytes();
    int done = 0;
    while (done < length) {
      int p = used >>> PAGE_BITS;
      if (p == pages.length) {
        pages = Arrays.copyOf(pages, pages.length * 2);
      }
      if (pages[p] == null) {
        pages[p] = new byte[PAGE];
      }
      int n = Math.min(length - done, PAGE - (used & MASK));
      System.arraycopy(src, done, pages[p], used & MASK, n);
      done += n;
      used += n;
    }
    return at;
  }

  /**
   * One byte.
   *
   * @param position a position below {@link #used()}
   * @return the byte
   */
  byte get(int position) {
    return pages[position >>> PAGE_BITS][position & MASK];
  }

  /**
   * Overwrites one byte already appended.
   *
   * @param position where it is
   * @param value the byte
   */
  void set(int position, byte value) {
    pages[position >>> PAGE_BITS][position & MASK] = value;
  }

  /**
   * Overwrites four bytes (big-endian) already appended.
   *
   * @param position where they start
   * @param value the value
   */
  void putInt(int position, int value) {
    for (int k = 0; k < 4; k++) {
      int p = position + k;
      pages[p >>> PAGE_BITS][p & MASK] = (byte) (value >>> (24 - 8 * k));
    }
  }

  /**
   * Bytes in use.
   *
   * @return the count
   */
  int used() {
    return used;
  }

  /**
   * A reader from a position.
   *
   * @param position where to start
   * @return the reader
   */
  Reader reader(int position) {
    return new Reader(position);
  }

  /** The header of the text at a position; {@link #textStart} gives where its characters start. */
  private int header(int position) {
    int header = 0;
    int p = position;
    for (int shift = 0; ; shift += 7) {
      byte x = get(p++);
      header |= (x & 0x7f) << shift;
      if (x >= 0) {
        return header;
      }
    }
  }

  private static int textStart(int position, int header) {
    int p = position + 1;
    for (int v = header >>> 7; v != 0; v >>>= 7) {
      p++;
    }
    return p;
  }

  private char charAt(int start, int header, int k) {
    return (header & 1) == 0 ? (char) (get(start + k) & 0xff)
        : (char) ((get(start + 2 * k) & 0xff) << 8 | (get(start + 2 * k + 1) & 0xff));
  }

  /**
   * Whether the text at a position equals a string. Compares from the last character, where ids
   * that share a prefix differ.
   *
   * @param position the text's position
   * @param s the string
   * @return true if equal
   */
  boolean textEquals(int position, String s) {
    return textEquals(position, s, 0);
  }

  /**
   * Whether the text at a position equals the end of a string, from a character on. Compares
   * from the last character.
   *
   * @param position the text's position
   * @param s the string
   * @param from the first character of {@code s} compared
   * @return true if equal
   */
  boolean textEquals(int position, String s, int from) {
    int header = header(position);
    int n = header >>> 1;
    if (n != s.length() - from) {
      return false;
    }
    int start = textStart(position, header);
    for (int k = n - 1; k >= 0; k--) {
      if (charAt(start, header, k) != s.charAt(from + k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text at a position starts with the first characters of a string.
   *
   * @param position the text's position
   * @param s the string
   * @param n how many of its characters to compare
   * @return true if the text has at least {@code n} characters and they are those
   */
  boolean textStartsWith(int position, String s, int n) {
    int header = header(position);
    if (header >>> 1 < n) {
      return false;
    }
    int start = textStart(position, header);
    for (int k = n - 1; k >= 0; k--) {
      if (charAt(start, header, k) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@link String#hashCode()} of the text at a position.
   *
   * @param position the text's position
   * @return the hash code
   */
  int textHash(int position) {
    int header = header(position);
    int start = textStart(position, header);
    int h = 0;
    for (int k = 0, n = header >>> 1; k < n; k++) {
      h = 31 * h + charAt(start, header, k);
    }
    return h;
  }

  /**
   * Compares two texts as {@link String#compareTo} compares the strings.
   *
   * @param a one text's position
   * @param b the other's
   * @return negative, zero or positive
   */
  int compareText(int a, int b) {
    int ha = header(a);
    int hb = header(b);
    int sa = textStart(a, ha);
    int sb = textStart(b, hb);
    int na = ha >>> 1;
    int nb = hb >>> 1;
    for (int k = 0, n = Math.min(na, nb); k < n; k++) {
      int c = charAt(sa, ha, k) - charAt(sb, hb, k);
      if (c != 0) {
        return c;
      }
    }
    return na - nb;
  }

  /**
   * Compares a text with a string as {@link String#compareTo} compares strings.
   *
   * @param position the text's position
   * @param s the string
   * @return negative, zero or positive as the text sorts before, with or after the string
   */
  int compareText(int position, String s) {
    int header = header(position);
    int start = textStart(position, header);
    int n = header >>> 1;
    for (int k = 0, m = Math.min(n, s.length()); k < m; k++) {
      int c = charAt(start, header, k) - s.charAt(k);
      if (c != 0) {
        return c;
      }
    }
    return n - s.length();
  }

  /**
   * The text at a position.
   *
   * @param position the text's position
   * @return the string
   */
  String text(int position) {
    return new Reader(position).string();
  }

  /** Reads values one after another, as a {@link ByteSink} wrote them. Not thread-safe. */
  final class Reader {
    private int p;

    private Reader(int position) {
      p = position;
    }

    /**
     * Where the next value starts.
     *
     * @return the position
     */
    int position() {
      return p;
    }

    /**
     * Four bytes, big-endian.
     *
     * @return the value
     */
    int fixedInt() {
      int v = 0;
      for (int k = 0; k < 4; k++) {
        v = v << 8 | (get(p++) & 0xff);
      }
      return v;
    }

    /**
     * An unsigned varint.
     *
     * @return the value
     */
    int varint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        byte x = get(p++);
        v |= (x & 0x7f) << shift;
        if (x >= 0) {
          return v;
        }
      }
    }

    /**
     * A zigzag varlong.
     *
     * @return the value
     */
    long zigzag() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte x = get(p++);
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return v >>> 1 ^ -(v & 1);
        }
      }
    }

    /**
     * A string.
     *
     * @return the string
     */
    String string() {
      int header = varint();
      int n = header >>> 1;
      if (n == 0) {
        return "";
      }
      if ((header & 1) == 0 && (p & MASK) + n <= PAGE) {
        // Latin-1 within one page: the string is made from the bytes with one copy.
        String s = new String(pages[p >>> PAGE_BITS], p & MASK, n, StandardCharsets.ISO_8859_1);
        p += n;
        return s;
      }
      char[] chars = new char[n];
      for (int k = 0; k < n; k++) {
        chars[k] = charAt(p, header, k);
      }
      p += (header & 1) == 0 ? n : 2 * n;
      return new String(chars);
    }
  }
}
