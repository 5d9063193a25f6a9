package io.advocacy.core.capture;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the advocate tells the sales team about the friend they refer, as the host supplies it:
 * their relationship, a note, and labels such as the advocate's tier.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param relationship how they know each other (colleague, former colleague, friend, peer), or
 *     null; at most 64 characters
 * @param note the advocate's note, or null; at most 1,000 characters
 * @param labels labels for the sales team, e.g. {@code "champion"}; at most 10, each at most 64
 *     characters
 */
public record AdvocateContext(@Nullable String relationship, @Nullable String note, Set<String> labels) {
  /** No context. */
  public static final AdvocateContext NONE = new AdvocateContext(null, null, Set.of());

  /**
   * Validates the context.
   *
   * @param relationship the relationship, or null
   * @param note the note, or null
   * @param labels the labels
   * @throws IllegalArgumentException if a part is too long or there are too many labels
   */
  public AdvocateContext {
    check("relationship", relationship, 64);
    check("note", note, 1000);
    labels = Set.copyOf(labels);
    if (labels.size() > 10) {
      throw new IllegalArgumentException("advocate context has " + labels.size() + " labels; at most 10");
    }
    for (String l : labels) {
      check("label", Objects.requireNonNull(l, "label"), 64);
    }
  }

  private static void check(String what, @Nullable String s, int max) {
    if (s != null && s.length() > max) {
      throw new IllegalArgumentException(
          "advocate context " + what + " has " + s.length() + " characters; at most " + max);
    }
  }
}
