package io.advocacy.core.internal;

/**
 * The word and bits of a one-word-per-lookup filter over 32-bit hashes: three bits of one 64-bit
 * word per hash. A filter kept as one word per eight or so entries tells nearly every absent
 * entry absent from one read (a few percent pass it), which is cheaper than a probe into a large
 * table when most lookups are of new entries.
 */
public final class HashFilter {
  private HashFilter() {}

  /**
   * The word of a hash in a filter.
   *
   * @param hash the hash
   * @param words the filter's length, a power of two
   * @return the word's index
   */
  public static int word(int hash, int words) {
    return (int) (spread(hash) >>> 40) & (words - 1);
  }

  /**
   * The bits of a hash within its word.
   *
   * @param hash the hash
   * @return three bits (fewer when they coincide)
   */
  public static long bits(int hash) {
    long x = spread(hash);
    return 1L << x | 1L << (x >>> 6) | 1L << (x >>> 12);
  }

  private static long spread(int h) {
    long x = (h & 0xffffffffL) * 0x9E3779B97F4A7C15L;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ x >>> 32;
  }
}
