package io.advocacy.journeys.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Strings that repeat across instances (states, journey ids, trigger labels), each kept once and
 * known by a small number. Meant for the names a journey definition declares: a string stored
 * here is never dropped. Not thread-safe.
 */
final class Names {
  private static final int SETS = 256;
  private final Map<String, Integer> numbers = new HashMap<>();
  /**
   * The name strings numbered lately, found by identity without a map lookup: a definition hands
   * the store the same state, journey and label strings again and again. Two ways per set (the
   * set is chosen by the low bits of the string's hash), the latest first, so two names that a
   * step uses together and that share a set do not push each other out on every step.
   */
  private final String[] recentNames = new String[2 * SETS];
  private final int[] recentNumbers = new int[2 * SETS];
  private String[] names = new String[16];
  private int size;

  /**
   * The number of a name, given one the first time it is seen.
   *
   * @param name the name
   * @return its number
   */
  int number(String name) {
    int set = (name.hashCode() & (SETS - 1)) << 1;
    if (recentNames[set] == name) {
      return recentNumbers[set];
    }
    if (recentNames[set + 1] == name) {
      return recentNumbers[set + 1];
    }
    int n = slowNumber(name);
    recentNames[set + 1] = recentNames[set];
    recentNumbers[set + 1] = recentNumbers[set];
    recentNames[set] = name;
    recentNumbers[set] = n;
    return n;
  }

  private int slowNumber(String name) {
    Integer n = numbers.get(name);
    if (n != null) {
      return n;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
    }
    names[size] = name;
    numbers.put(name, size);
    return size++;
  }

  /**
   * The name with a number.
   *
   * @param number a number {@link #number} gave
   * @return the name
   */
  String name(int number) {
    return names[number];
  }
}
