package io.advocacy.core.link;

import io.advocacy.core.signal.Signal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a click on an advocacy link came to.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status recorded, duplicate or invalid
 * @param opening what the token was
 * @param signal the click as a signal when recorded, else null
 */
public record ClickResult(Status status, TokenOpening opening, @Nullable Signal signal) {
  /** What a click came to. */
  public enum Status {
    /** A new click of a valid link: {@link #signal()} is the event. */
    RECORDED,
    /** A retry of a click already recorded (same request id): nothing new. */
    DUPLICATE,
    /** The token is not valid (expired, tampered, unknown key, malformed): see the opening. */
    INVALID
  }

  /**
   * Validates the result.
   *
   * @param status the status
   * @param opening the token's opening
   * @param signal the signal, exactly when recorded
   */
  public ClickResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(opening, "opening");
    if ((status == Status.RECORDED) != (signal != null)) {
      throw new IllegalArgumentException("click " + status + " with signal " + signal);
    }
  }
}
