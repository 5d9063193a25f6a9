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
  private final Map<String, Integer> numbers = new HashMap<>();
  private String[] names = new String[16];
  private int size;

  /**
   * The number of a name, given one the first time it is seen.
   *
   * @param name the name
   * @return its number
   */
  int number(String name) {
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
