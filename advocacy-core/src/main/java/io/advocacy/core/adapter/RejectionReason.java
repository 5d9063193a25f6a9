package io.advocacy.core.adapter;

/**
 * Why an adapter rejected a record; a stable, machine-readable code.
 *
 * <p>Immutable; thread-safe.
 */
public enum RejectionReason {
  /** The record is not well-formed JSON or CSV. */
  MALFORMED_RECORD,
  /** A required field is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong JSON type (a string where a number is needed, …). */
  WRONG_TYPE,
  /** A value is outside what its signal type allows (NPS 11, CSAT 0, NPS 7.5). */
  OUT_OF_RANGE,
  /** A timestamp is missing its zone, or cannot be parsed in the configured format. */
  INVALID_TIMESTAMP,
  /** An id or subject is blank or malformed. */
  INVALID_IDENTIFIER,
  /** Any other invalid value (unknown currency, too many decimals, unknown signal type). */
  INVALID_VALUE,
  /** The record is larger than the configured limit. */
  RECORD_TOO_LARGE,
  /** The record's idempotency id was already seen in the same input. */
  DUPLICATE_ID,
  /**
   * The input could not be parsed past this point (for example an unterminated quote); the
   * rejection's message says where parsing stopped and how much was not read.
   */
  UNREADABLE_REMAINDER,
  /** Reading the input failed; the rest of it was not read. */
  IO_ERROR
}
