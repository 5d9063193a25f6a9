package io.advocacy.journeys.internal;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Row numbers kept in an order the owner defines, as a list of sorted blocks of at most 256
 * ints: finding a row is a binary search over the blocks' last rows and then within one block;
 * adding or removing shifts at most one block, and a full block splits in two. Removing the
 * earliest rows and adding late ones (what a tick does) touches only the first and last blocks,
 * and is found without a search: removing the first row held, or adding one after the last, is
 * checked first. A search compares row numbers first (the row sought is found without reading
 * it), then instants, and reads the tie-break only when instants are equal. About 5 to 8 bytes
 * per row held, and no object per row. Not thread-safe.
 */
final class DueIndex {
  /**
   * The order of rows: by an instant (seconds, then nanoseconds), then by a tie-break; each row
   * must compare unequal to every other.
   */
  interface RowOrder {
    /**
     * The seconds of a row's instant.
     *
     * @param row the row
     * @return the seconds
     */
    long seconds(int row);

    /**
     * The nanoseconds of a row's instant.
     *
     * @param row the row
     * @return the nanoseconds
     */
    int nanos(int row);

    /**
     * Compares two distinct rows whose instants are equal.
     *
     * @param a a row
     * @param b another row
     * @return negative or positive as a sorts before or after b
     */
    int tieBreak(int a, int b);
  }

  private static final int MAX = 256;
  private static final int MIN = MAX / 4;

  private final RowOrder order;
  private int[][] blocks = new int[4][];
  private int[] sizes = new int[4];
  private int count;
  private int size;

  /**
   * An empty index.
   *
   * @param order the order of rows
   */
  DueIndex(RowOrder order) {
    this.order = order;
  }

  /**
   * Rows held.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /** Compares a held row with a probe row whose instant is given. */
  private int compare(int held, long seconds, int nanos, int row) {
    if (held == row) {
      return 0;
    }
    int c = Long.compare(order.seconds(held), seconds);
    if (c == 0) {
      c = Integer.compare(order.nanos(held), nanos);
      if (c == 0) {
        c = order.tieBreak(held, row);
      }
    }
    return c;
  }

  /** The first block whose last row sorts at or after the row; the last block if none does. */
  private int blockFor(long seconds, int nanos, int row) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(blocks[mid][sizes[mid] - 1], seconds, nanos, row) >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** As {@link Arrays#binarySearch}: the index, or (−insertion point − 1). */
  private int search(int[] block, int n, long seconds, int nanos, int row) {
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(block[mid], seconds, nanos, row);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /**
   * Adds a row that is not held.
   *
   * @param row the row
   */
  void add(int row) {
    if (count == 0) {
      blocks[0] = new int[MAX];
      sizes[0] = 0;
      count = 1;
    }
    long seconds = order.seconds(row);
    int nanos = order.nanos(row);
    int b;
    int at;
    int last = count - 1;
    int lastSize = sizes[last];
    if (lastSize > 0 && compare(blocks[last][lastSize - 1], seconds, nanos, row) < 0) {
      // later than every row held (a timer set further out than the rest): append
      b = last;
      at = -lastSize - 1;
    } else {
      b = blockFor(seconds, nanos, row);
      at = search(blocks[b], sizes[b], seconds, nanos, row);
    }
    if (at >= 0) {
      throw new IllegalStateException("row " + row + " is already indexed");
    }
    at = -at - 1;
    if (sizes[b] == MAX) {
      split(b);
      if (at > MAX / 2) {
        b++;
        at -= MAX / 2;
      }
    }
    int[] block = blocks[b];
    int n = sizes[b];
    System.arraycopy(block, at, block, at + 1, n - at);
    block[at] = row;
    sizes[b] = n + 1;
    size++;
  }

  /**
   * Removes a row.
   *
   * @param row the row; its order must be what it was when added
   * @return true if it was held
   */
  boolean remove(int row) {
    if (count == 0) {
      return false;
    }
    int b;
    int at;
    if (sizes[0] > 0 && blocks[0][0] == row) {
      // the earliest row, as a tick removes them
      b = 0;
      at = 0;
    } else {
      long seconds = order.seconds(row);
      int nanos = order.nanos(row);
      b = blockFor(seconds, nanos, row);
      at = search(blocks[b], sizes[b], seconds, nanos, row);
      if (at < 0) {
        return false;
      }
    }
    int[] block = blocks[b];
    int n = sizes[b];
    System.arraycopy(block, at + 1, block, at, n - at - 1);
    sizes[b] = --n;
    size--;
    if (n == 0) {
      removeBlock(b);
    } else if (n < MIN && b + 1 < count && n + sizes[b + 1] <= MAX) {
      System.arraycopy(blocks[b + 1], 0, block, n, sizes[b + 1]);
      sizes[b] = n + sizes[b + 1];
      removeBlock(b + 1);
    }
    return true;
  }

  /**
   * Visits rows in order until the visitor says stop or none are left.
   *
   * @param visitor called with each row; returns false to stop
   */
  void forEach(IntPredicate visitor) {
    forEachFrom(0, 0, visitor);
  }

  /**
   * Visits the rows that sort after a probe, in order, until the visitor says stop or none are
   * left. The probe is an instant and a tie-break, and need not be a row held. The first row
   * held is checked first: when it sorts after the probe (a tick that reads its due rows a page
   * at a time has removed those it fired), no search is made.
   *
   * @param seconds the seconds of the probe's instant
   * @param nanos the nanoseconds of the probe's instant
   * @param tieBreak compares a row whose instant is the probe's with the probe: negative, zero
   *     or positive as the row sorts before, at or after it
   * @param visitor called with each row; returns false to stop
   */
  void forEachAfter(long seconds, int nanos, IntUnaryOperator tieBreak, IntPredicate visitor) {
    if (size == 0) {
      return;
    }
    if (compareToProbe(blocks[0][0], seconds, nanos, tieBreak) > 0) {
      forEachFrom(0, 0, visitor);
      return;
    }
    // the first block whose last row sorts after the probe
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareToProbe(blocks[mid][sizes[mid] - 1], seconds, nanos, tieBreak) > 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (lo == count) {
      return;
    }
    // within it, the first row that does
    int[] block = blocks[lo];
    int from = 0;
    int to = sizes[lo] - 1;
    while (from < to) {
      int mid = (from + to) >>> 1;
      if (compareToProbe(block[mid], seconds, nanos, tieBreak) > 0) {
        to = mid;
      } else {
        from = mid + 1;
      }
    }
    forEachFrom(lo, from, visitor);
  }

  /** Compares a held row with a probe (see {@link #forEachAfter}). */
  private int compareToProbe(int row, long seconds, int nanos, IntUnaryOperator tieBreak) {
    int c = Long.compare(order.seconds(row), seconds);
    if (c == 0) {
      c = Integer.compare(order.nanos(row), nanos);
      if (c == 0) {
        c = tieBreak.applyAsInt(row);
      }
    }
    return c;
  }

  private void forEachFrom(int firstBlock, int firstIndex, IntPredicate visitor) {
    for (int b = firstBlock, k = firstIndex; b < count; b++, k = 0) {
      int[] block = blocks[b];
      for (int n = sizes[b]; k < n; k++) {
        if (!visitor.test(block[k])) {
          return;
        }
      }
    }
  }

  private void split(int b) {
    if (count == blocks.length) {
      blocks = Arrays.copyOf(blocks, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    System.arraycopy(blocks, b + 1, blocks, b + 2, count - b - 1);
    System.arraycopy(sizes, b + 1, sizes, b + 2, count - b - 1);
    int[] upper = new int[MAX];
    System.arraycopy(blocks[b], MAX / 2, upper, 0, MAX / 2);
    blocks[b + 1] = upper;
    sizes[b + 1] = MAX / 2;
    sizes[b] = MAX / 2;
    count++;
  }

  private void removeBlock(int b) {
    if (count == 1) {
      sizes[0] = 0;
      return; // keep one empty block
    }
    System.arraycopy(blocks, b + 1, blocks, b, count - b - 1);
    System.arraycopy(sizes, b + 1, sizes, b, count - b - 1);
    count--;
    blocks[count] = null;
  }
}
