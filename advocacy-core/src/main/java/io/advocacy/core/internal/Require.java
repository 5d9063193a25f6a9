package io.advocacy.core.internal;

import java.util.Objects;

/**
 * Argument checks shared by the value types. Every failure names the value and says why.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Require {
  /** Longest identifier accepted, in characters. */
  public static final int MAX_ID_LENGTH = 256;

  private Require() {}

  /**
   * Checks an identifier: not null, not blank, no leading or trailing white space, no control
   * characters, at most {@value #MAX_ID_LENGTH} characters.
   *
   * @param kind what the identifier is, for the message ("customer id")
   * @param value the value to check
   * @return the value
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value is blank or malformed
   */
  public static String identifier(String kind, String value) {
    Objects.requireNonNull(value, kind);
    String problem = identifierProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(kind + " " + quote(value) + " " + problem);
    }
    return value;
  }

  /**
   * Says what is wrong with an identifier, or {@code null} when nothing is. Adapters use this
   * to reject a record without an exception.
   *
   * @param value the candidate identifier
   * @return a phrase such as "is blank", or null when the value is a valid identifier
   */
  public static @org.jspecify.annotations.Nullable String identifierProblem(String value) {
    // the common case in one pass: printable ASCII other than the space is always valid
    int n = value.length();
    if (n <= MAX_ID_LENGTH) {
      int i = 0;
      while (i < n && value.charAt(i) > ' ' && value.charAt(i) < 0x7f) {
        i++;
      }
      if (i == n && n > 0) {
        return null;
      }
    }
    if (value.isBlank()) {
      return "is blank";
    }
    if (value.length() > MAX_ID_LENGTH) {
      return "is longer than " + MAX_ID_LENGTH + " characters (" + value.length() + ")";
    }
    if (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1))) {
      return "has leading or trailing white space";
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return "contains a control character at index " + i;
      }
    }
    return null;
  }

  /**
   * Checks a machine name: lower case ASCII letter first, then letters, digits, {@code _ . -};
   * 1 to 64 characters. Used for host-defined signal types, flags and attribute names.
   *
   * @param kind what the name is, for the message
   * @param value the value to check
   * @return the value
   */
  public static String name(String kind, String value) {
    Objects.requireNonNull(value, kind);
    if (!isName(value)) {
      throw new IllegalArgumentException(
          kind + " " + quote(value) + " must match [a-z][a-z0-9_.-]{0,63}");
    }
    return value;
  }

  /**
   * Whether a string is a valid machine name (see {@link #name(String, String)}).
   *
   * @param value the candidate
   * @return true when valid
   */
  public static boolean isName(String value) {
    int n = value.length();
    if (n == 0 || n > 64 || !isLower(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = value.charAt(i);
      if (!isLower(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * Quotes a value for a message, shortening very long ones.
   *
   * @param value the value
   * @return the value in double quotes, at most 80 characters of it
   */
  public static String quote(String value) {
    String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    return '"' + shown + '"';
  }
}
