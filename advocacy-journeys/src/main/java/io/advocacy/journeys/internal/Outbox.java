package io.advocacy.journeys.internal;

import io.advocacy.journeys.ActionRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outbox: pending actions in the order added, and every idempotency key ever added or
 * acknowledged, so that an acknowledged key is never added again. Pending actions are kept as
 * they came, in a queue with a hole where one was acknowledged out of order (the queue is
 * compacted when holes pass half of it). A key is kept as its characters in a {@link ByteLog},
 * found through an open-addressing table: about 20 bytes beside its characters, and no object.
 * Not thread-safe.
 */
final class Outbox {
  private static final int ACKNOWLEDGED = -1;

  private final ByteLog keyText = new ByteLog();
  private final ByteSink sink = new ByteSink();
  /** Key number + 1 by slot; 0 for an empty slot. */
  private int[] table = new int[16];
  private int[] keyAt = new int[16];
  private int[] keyHash = new int[16];
  /** The key's place in the queue, or {@link #ACKNOWLEDGED}. */
  private int[] keySlot = new int[16];
  private int keys;

  private ActionRequest[] queue = new ActionRequest[16];
  private int[] queueKey = new int[16];
  private int head;
  private int tail;

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ x >>> 16;
  }

  private int find(String key, int hash) {
    int mask = table.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int k = table[i] - 1;
      if (k < 0) {
        return -1;
      }
      if (keyHash[k] == hash && keyText.textEquals(keyAt[k], key)) {
        return k;
      }
    }
  }

  private int newKey(String key, int hash) {
    if (keys == keyAt.length) {
      int n = keys * 2;
      keyAt = Arrays.copyOf(keyAt, n);
      keyHash = Arrays.copyOf(keyHash, n);
      keySlot = Arrays.copyOf(keySlot, n);
    }
    sink.reset();
    sink.putString(key);
    int k = keys++;
    keyAt[k] = keyText.append(sink);
    keyHash[k] = hash;
    keySlot[k] = ACKNOWLEDGED;
    if (keys * 4L > table.length * 3L) {
      int[] bigger = new int[table.length * 2];
      for (int j = 0; j < k; j++) {
        place(bigger, j);
      }
      table = bigger;
    }
    place(table, k);
    return k;
  }

  private void place(int[] into, int k) {
    int mask = into.length - 1;
    int i = spread(keyHash[k]) & mask;
    while (into[i] != 0) {
      i = (i + 1) & mask;
    }
    into[i] = k + 1;
  }

  /**
   * Adds an action unless its key was added or acknowledged before.
   *
   * @param action the action
   */
  void add(ActionRequest action) {
    String key = action.idempotencyKey();
    int hash = key.hashCode();
    if (find(key, hash) >= 0) {
      return;
    }
    int k = newKey(key, hash);
    if (tail == queue.length) {
      int live = 0;
      for (int i = head; i < tail; i++) {
        live += queue[i] == null ? 0 : 1;
      }
      if (live > queue.length / 2) {
        queue = Arrays.copyOf(queue, queue.length * 2);
        queueKey = Arrays.copyOf(queueKey, queueKey.length * 2);
      }
      int j = 0;
      for (int i = head; i < tail; i++) {
        if (queue[i] != null) {
          queue[j] = queue[i];
          queueKey[j] = queueKey[i];
          keySlot[queueKey[j]] = j;
          j++;
        }
      }
      Arrays.fill(queue, j, tail, null);
      head = 0;
      tail = j;
    }
    queue[tail] = action;
    queueKey[tail] = k;
    keySlot[k] = tail++;
  }

  /**
   * Acknowledges a key, remembering it even when it was never added.
   *
   * @param key the key
   * @return true if its action was pending
   */
  boolean acknowledge(String key) {
    int hash = key.hashCode();
    int k = find(key, hash);
    if (k < 0) {
      newKey(key, hash);
      return false;
    }
    int slot = keySlot[k];
    if (slot == ACKNOWLEDGED) {
      return false;
    }
    keySlot[k] = ACKNOWLEDGED;
    queue[slot] = null;
    while (head < tail && queue[head] == null) {
      head++;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    return true;
  }

  /**
   * Pending actions, oldest first.
   *
   * @param limit the most to return
   * @return the actions
   */
  List<ActionRequest> pending(int limit) {
    List<ActionRequest> out = new ArrayList<>(Math.min(limit, tail - head));
    for (int i = head; i < tail && out.size() < limit; i++) {
      if (queue[i] != null) {
        out.add(queue[i]);
      }
    }
    return out;
  }
}
