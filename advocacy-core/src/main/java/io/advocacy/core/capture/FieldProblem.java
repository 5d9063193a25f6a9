package io.advocacy.core.capture;

import java.util.Objects;

/**
 * One problem with one field of a submitted form or questionnaire.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param field the submitted key, e.g. {@code "email"}
 * @param code the machine-readable reason
 * @param message a sentence for people naming the field
 */
public record FieldProblem(String field, Code code, String message) {
  /** Why a field was not accepted. */
  public enum Code {
    /** A required field is missing or blank. */
    MISSING,
    /** The answer is longer than the field allows. */
    TOO_LONG,
    /** The answer is shorter than the field needs. */
    TOO_SHORT,
    /** Not an e-mail address. */
    INVALID_EMAIL,
    /** Not a phone number. */
    INVALID_PHONE,
    /** A yes/no field answered with something else, or text with control characters. */
    INVALID_VALUE,
    /** Consent to be contacted is required and was not given. */
    CONSENT_REQUIRED,
    /** The answer lacks something the question requires (a number in a measured result). */
    NOT_MEASURABLE,
    /** An optional field answered blank: ignored, nothing stored. */
    BLANK,
    /** The form does not ask this field: ignored, not stored. */
    NOT_ASKED,
    /** No such field: ignored, not stored. */
    UNKNOWN_FIELD
  }

  /**
   * Validates the problem.
   *
   * @param field the submitted key
   * @param code the reason
   * @param message a sentence for people
   */
  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Whether the problem only means the field was ignored (not asked, unknown), rather than
   * rejecting the submission.
   *
   * @return true for BLANK, NOT_ASKED and UNKNOWN_FIELD
   */
  public boolean ignorable() {
    return code == Code.BLANK || code == Code.NOT_ASKED || code == Code.UNKNOWN_FIELD;
  }
}
