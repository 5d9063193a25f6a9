package io.advocacy.core.internal;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;

/**
 * Captures the values at a fixed set of JSON Pointers while a streaming parser walks one JSON
 * value, without building a tree: the pointers are compiled into a trie, subtrees no pointer
 * reaches are skipped, and each pointer's scalar is kept as its kind and text in a numbered
 * slot.
 *
 * <p>The {@link Trie} is immutable and thread-safe; a {@code PointerCapture} is not
 * thread-safe (one per run) and is reused record after record with {@link #clear()}.
 */
final class PointerCapture {
  /** Nothing at the pointer. */
  static final byte ABSENT = 0;
  /** A JSON string. */
  static final byte STRING = 1;
  /** A JSON number; the text is its JSON text. */
  static final byte NUMBER = 2;
  /** {@code true}. */
  static final byte TRUE = 3;
  /** {@code false}. */
  static final byte FALSE = 4;
  /** {@code null}. */
  static final byte NULL = 5;
  /** An object. */
  static final byte OBJECT = 6;
  /** An array. */
  static final byte ARRAY = 7;

  /** A node of the pointer trie: its slot (or -1) and its children by property name. */
  static final class Node {
    int slot = -1;
    @Nullable Map<String, Node> children;

    Node child(String segment) {
      if (children == null) {
        children = new HashMap<>();
      }
      return children.computeIfAbsent(segment, s -> new Node());
    }
  }

  /** The compiled pointers. Built once, then only read; thread-safe after construction. */
  static final class Trie {
    final Node root = new Node();
    private final Map<String, Integer> slots = new HashMap<>();

    /**
     * Adds a pointer, or finds it.
     *
     * @param pointer a JSON Pointer starting with {@code /}
     * @return its slot
     */
    int add(String pointer) {
      Integer existing = slots.get(pointer);
      if (existing != null) {
        return existing;
      }
      Node node = root;
      for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
        node = node.child(p.getMatchingProperty());
      }
      int slot = slots.size();
      node.slot = slot;
      slots.put(pointer, slot);
      return slot;
    }

    int size() {
      return slots.size();
    }
  }

  private final Trie trie;
  private final byte[] kinds;
  private final @Nullable String[] texts;
  private final int[] generations;
  private int generation = 1;

  PointerCapture(Trie trie) {
    this.trie = trie;
    int n = trie.size();
    this.kinds = new byte[n];
    this.texts = new String[n];
    this.generations = new int[n];
  }

  /** Forgets the previous record's values. */
  void clear() {
    generation++;
  }

  /**
   * The kind of value captured at a slot.
   *
   * @param slot the slot
   * @return one of the kind constants; {@link #ABSENT} when nothing was there
   */
  byte kind(int slot) {
    return generations[slot] == generation ? kinds[slot] : ABSENT;
  }

  /**
   * The text captured at a slot (strings and numbers).
   *
   * @param slot the slot
   * @return the text, or null
   */
  @Nullable String text(int slot) {
    return generations[slot] == generation ? texts[slot] : null;
  }

  private void set(int slot, byte kind, @Nullable String text) {
    generations[slot] = generation;
    kinds[slot] = kind;
    texts[slot] = text;
  }

  /**
   * Reads the value whose first token the parser is on, from the root of the trie.
   *
   * @param p the parser
   * @param first the current token
   */
  void readRoot(JsonParser p, JsonToken first) {
    read(p, first, trie.root);
  }

  /**
   * Reads one property value of a root object whose name was just read.
   *
   * @param p the parser, on the value's first token
   * @param name the property's name
   * @param first the value's first token
   */
  void readRootProperty(JsonParser p, String name, JsonToken first) {
    Map<String, Node> children = trie.root.children;
    Node child = children == null ? null : children.get(name);
    if (child == null) {
      if (first.isStructStart()) {
        p.skipChildren();
      }
    } else {
      read(p, first, child);
    }
  }

  private void read(JsonParser p, JsonToken t, Node node) {
    int slot = node.slot;
    switch (t) {
      case START_OBJECT -> {
        if (slot >= 0) {
          set(slot, OBJECT, null);
        }
        Map<String, Node> children = node.children;
        if (children == null) {
          p.skipChildren();
          return;
        }
        for (JsonToken n = p.nextToken(); n == JsonToken.PROPERTY_NAME; n = p.nextToken()) {
          Node child = children.get(p.currentName());
          JsonToken value = p.nextToken();
          if (child == null) {
            if (value.isStructStart()) {
              p.skipChildren();
            }
          } else {
            read(p, value, child);
          }
        }
      }
      case START_ARRAY -> {
        if (slot >= 0) {
          set(slot, ARRAY, null);
        }
        Map<String, Node> children = node.children;
        if (children == null) {
          p.skipChildren();
          return;
        }
        int index = 0;
        for (JsonToken value = p.nextToken();
            value != null && value != JsonToken.END_ARRAY;
            value = p.nextToken(), index++) {
          Node child = children.get(Integer.toString(index));
          if (child == null) {
            if (value.isStructStart()) {
              p.skipChildren();
            }
          } else {
            read(p, value, child);
          }
        }
      }
      case VALUE_STRING -> {
        if (slot >= 0) {
          set(slot, STRING, p.getString());
        }
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (slot >= 0) {
          set(slot, NUMBER, p.getString());
        }
      }
      case VALUE_TRUE -> {
        if (slot >= 0) {
          set(slot, TRUE, "true");
        }
      }
      case VALUE_FALSE -> {
        if (slot >= 0) {
          set(slot, FALSE, "false");
        }
      }
      case VALUE_NULL -> {
        if (slot >= 0) {
          set(slot, NULL, null);
        }
      }
      default -> {
        // Embedded objects and other tokens do not occur in JSON text.
      }
    }
  }

  /**
   * Names a kind for messages.
   *
   * @param kind a kind constant
   * @return e.g. "a string"
   */
  static String describe(byte kind) {
    return switch (kind) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      default -> "absent";
    };
  }
}
