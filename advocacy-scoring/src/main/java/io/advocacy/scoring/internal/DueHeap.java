package io.advocacy.scoring.internal;

import java.util.Arrays;

/**
 * A binary min-heap of customer indices keyed by a due time, with each index at most once:
 * scheduling an index already queued moves it. Costs about 16 bytes per customer. Not
 * thread-safe.
 */
public final class DueHeap {
  private int[] heap = new int[16];
  private long[] due = new long[16];
  private int[] position = new int[16]; // index -> heap slot + 1; 0 when absent
  private int size;

  /** An empty heap. */
  public DueHeap() {}

  /**
   * Schedules (or moves) an index.
   *
   * @param index the customer index
   * @param at its due time
   */
  public void schedule(int index, long at) {
    if (index >= position.length) {
      int n = Math.max(position.length * 2, index + 1);
      position = Arrays.copyOf(position, n);
      due = Arrays.copyOf(due, n);
    }
    due[index] = at;
    int slot = position[index] - 1;
    if (slot < 0) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      heap[size] = index;
      position[index] = size + 1;
      up(size++);
    } else {
      up(slot);
      down(position[index] - 1);
    }
  }

  /**
   * Removes an index if queued.
   *
   * @param index the customer index
   */
  public void cancel(int index) {
    if (index >= position.length || position[index] == 0) {
      return;
    }
    int slot = position[index] - 1;
    position[index] = 0;
    size--;
    if (slot != size) {
      heap[slot] = heap[size];
      position[heap[slot]] = slot + 1;
      up(slot);
      down(position[heap[slot]] - 1);
    }
  }

  /**
   * Whether anything is due at or before an instant.
   *
   * @param now the instant
   * @return true if the earliest due time is at or before it
   */
  public boolean hasDue(long now) {
    return size > 0 && due[heap[0]] <= now;
  }

  /**
   * The earliest index, without removing it.
   *
   * @return the index; undefined when empty
   */
  public int peek() {
    return heap[0];
  }

  /**
   * Removes and returns the earliest index.
   *
   * @return the index
   */
  public int pop() {
    int top = heap[0];
    cancel(top);
    return top;
  }

  /**
   * The due time of an index.
   *
   * @param index the index
   * @return its due time, or Long.MAX_VALUE when not queued
   */
  public long dueOf(int index) {
    return index < position.length && position[index] != 0 ? due[index] : Long.MAX_VALUE;
  }

  /**
   * How many indices are queued.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  private boolean less(int a, int b) {
    long da = due[heap[a]];
    long db = due[heap[b]];
    return da < db || (da == db && heap[a] < heap[b]);
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
    position[heap[a]] = a + 1;
    position[heap[b]] = b + 1;
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!less(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < size && less(l, m)) {
        m = l;
      }
      if (r < size && less(r, m)) {
        m = r;
      }
      if (m == i) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }
}
