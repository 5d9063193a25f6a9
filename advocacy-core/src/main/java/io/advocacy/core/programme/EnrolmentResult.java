package io.advocacy.core.programme;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an enrolment or an opt-out.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status what happened
 * @param reason why it was rejected, or null
 * @param message a sentence for people
 * @param participation the participation as it now stands, or null if there is none
 */
public record EnrolmentResult(
    Status status, @Nullable Reason reason, String message,
    @Nullable Participation participation) {
  /** What happened. */
  public enum Status {
    /** The customer is now enrolled. */
    ENROLLED,
    /** The customer has now opted out. */
    OPTED_OUT,
    /** Nothing to do: already in the requested state. */
    UNCHANGED,
    /** Refused; see the reason. */
    REJECTED
  }

  /** Why a request was refused. */
  public enum Reason {
    /** Before the programme opens or at or after it closes. */
    PROGRAMME_NOT_OPEN,
    /** The participant limit is reached. */
    PROGRAMME_FULL,
    /** The accepted terms version is not the programme's current one. */
    TERMS_VERSION_MISMATCH,
    /** An invite-only programme, and the customer was not invited. */
    INVITATION_REQUIRED,
    /** The customer opted out and the programme does not allow re-enrolment. */
    OPTED_OUT_EARLIER,
    /** An opt-out for a customer who never enrolled. */
    NOT_ENROLLED,
    /** The request is dated before the participation's last change. */
    OUT_OF_ORDER
  }

  /**
   * Validates the result.
   *
   * @param status what happened
   * @param reason why it was rejected, or null
   * @param message a sentence for people
   * @param participation the participation, or null
   * @throws IllegalArgumentException if a rejection has no reason or another status has one
   */
  public EnrolmentResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    if ((status == Status.REJECTED) != (reason != null)) {
      throw new IllegalArgumentException("enrolment result " + status + " with reason " + reason);
    }
  }
}
