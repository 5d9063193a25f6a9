package io.advocacy.journeys.internal;

/**
 * The open-addressing helpers the store's tables share: a table of longs holds a 32-bit hash in
 * the high half and a number + 1 in the low half (0 is an empty slot), probed linearly from the
 * spread hash.
 */
final class HashSlots {
  private HashSlots() {}

  /**
   * Spreads a hash (golden-ratio multiply, high bits folded down) so that masking keeps its
   * entropy.
   *
   * @param h a hash
   * @return the spread hash
   */
  static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ x >>> 16;
  }

  /**
   * Puts a slot value in the first empty slot from its hash's place.
   *
   * @param table a table with at least one empty slot, its length a power of two
   * @param slot the hash in the high half and the number + 1 in the low
   */
  static void place(long[] table, long slot) {
    int mask = table.length - 1;
    int i = spread((int) (slot >>> 32)) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = slot;
  }
}
