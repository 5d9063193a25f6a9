package io.advocacy.core.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) in constant memory, for NDJSON
 * and other line-oriented inputs. A line longer than the limit is not buffered: it is skipped
 * to its end and reported with {@link #oversize()} so the caller can reject it.
 *
 * <p>Use: {@code while (reader.next()) { ... reader.buffer(), reader.start(), reader.length() ... }}.
 * The buffer's contents are valid until the next call to {@link #next()}.
 *
 * <p>Not thread-safe.
 */
public final class LineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long lineNumber;
  private int start;
  private int length;
  private long oversizeBytes;

  /**
   * A reader.
   *
   * @param in the input; not closed
   * @param maxLineBytes the longest line returned with its content, at least 1
   */
  public LineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1: " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.buf = new byte[Math.max(64 * 1024, Math.min(maxLineBytes, Integer.MAX_VALUE - 16) + 2)];
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of the input
   * @throws IOException if reading fails
   */
  public boolean next() throws IOException {
    oversizeBytes = 0;
    while (true) {
      int nl = indexOfNewline(pos, limit);
      if (nl >= 0) {
        int len = nl - pos;
        lineNumber++;
        if (len > 0 && buf[nl - 1] == '\r') {
          len--;
        }
        if (len > maxLineBytes) {
          oversizeBytes = len;
          start = pos;
          length = 0;
        } else {
          start = pos;
          length = len;
        }
        pos = nl + 1;
        return true;
      }
      int pending = limit - pos;
      if (pending > maxLineBytes + 1) {
        lineNumber++;
        skipOversize(pending);
        return true;
      }
      if (eof) {
        if (pending == 0) {
          return false;
        }
        lineNumber++;
        start = pos;
        length = pending;
        if (length > 0 && buf[start + length - 1] == '\r') {
          length--;
        }
        if (length > maxLineBytes) {
          // A last line one byte over the limit is still buffered whole; it is oversize too.
          oversizeBytes = length;
          length = 0;
        }
        pos = limit;
        return true;
      }
      fill();
    }
  }

  private void skipOversize(int alreadyBuffered) throws IOException {
    long skipped = alreadyBuffered;
    // The \r of a \r\n is not part of the line, as in next(); it may sit in an earlier read.
    boolean lastWasCr = buf[limit - 1] == '\r';
    pos = limit;
    while (true) {
      if (pos == limit) {
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          eof = true;
          if (lastWasCr) {
            skipped--;
          }
          break;
        }
        limit = n;
      }
      int nl = indexOfNewline(pos, limit);
      if (nl >= 0) {
        skipped += nl - pos;
        if (nl > pos ? buf[nl - 1] == '\r' : lastWasCr) {
          skipped--;
        }
        pos = nl + 1;
        break;
      }
      skipped += limit - pos;
      if (limit > pos) {
        lastWasCr = buf[limit - 1] == '\r';
      }
      pos = limit;
    }
    oversizeBytes = skipped;
    start = 0;
    length = 0;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      byte[] bigger = new byte[buf.length * 2];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The buffer holding the current line.
   *
   * @return the buffer; valid until the next call to {@link #next()}
   */
  public byte[] buffer() {
    return buf;
  }

  /**
   * Where the current line starts in {@link #buffer()}.
   *
   * @return the offset
   */
  public int start() {
    return start;
  }

  /**
   * The current line's length in bytes, without its line break; 0 for an oversize line.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * The current line's number, from 1.
   *
   * @return the line number
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * Whether the current line was longer than the limit (its content is not available).
   *
   * @return true for an oversize line
   */
  public boolean oversize() {
    return oversizeBytes > 0;
  }

  /**
   * The size of the current oversize line in bytes, or 0.
   *
   * @return the size skipped
   */
  public long oversizeBytes() {
    return oversizeBytes;
  }

  /**
   * Whether the current line is empty or only white space.
   *
   * @return true for a blank line
   */
  public boolean blank() {
    if (oversize()) {
      return false;
    }
    for (int i = start; i < start + length; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
