package io.advocacy.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of the unchecked exceptions the library throws of its own accord. Programmer
 * errors (a null argument, a value out of range) are reported with the standard
 * {@link NullPointerException}, {@link IllegalArgumentException} and
 * {@link IllegalStateException}; data problems are never exceptions but typed answers (for
 * example an adapter's rejections).
 *
 * <p>Instances are not thread-safe in any special way; they are immutable once thrown.
 */
public class AdvocacyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the offending value
   */
  public AdvocacyException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the offending value
   * @param cause the underlying failure
   */
  public AdvocacyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
