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
  private static final int RECENT = 256;
  private final Map<String, Integer> numbers = new HashMap<>();
  /**
   * The name strings numbered lately, by the low bits of their hash, with their numbers: a
   * definition hands the store the same state and label strings again and again, and these are
   * found by identity without a map lookup.
   */
  private final String[] recentNames = new String[RECENT];
  private final int[] recentNumbers = new int[RECENT];
  private String[] names = new String[16];
  private int size;

  /**
   * The number of a name, given one the first time it is seen.
   *
   * @param name the name
   * @return its number
   */
  int number(String name) {
    int slot = name.hashCode() & (RECENT - 1);
    if (recentNames[slot] == name) {
      return recentNumbers[slot];
    }
    int n = slowNumber(name);
    recentNames[slot] = name;
    recentNumbers[slot] = n;
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
