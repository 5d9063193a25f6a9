package io.advocacy.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * Who a signal is about: a known {@link CustomerId} or an {@link AnonymousId} that an identity
 * link may later stitch to a customer.
 *
 * <p>As text, and in JSON wherever a property is typed {@code SubjectId}, a subject is {@code customer:<id>} or {@code anonymous:<id>}; see
 * {@link #asText()} and {@link #parse(String)}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface SubjectId permits CustomerId, AnonymousId {
  /** Prefix of a customer subject in text form. */
  String CUSTOMER_PREFIX = "customer:";
  /** Prefix of an anonymous subject in text form. */
  String ANONYMOUS_PREFIX = "anonymous:";

  /**
   * The identifier text without its kind.
   *
   * @return the identifier
   */
  String value();

  /**
   * Whether this subject is a known customer.
   *
   * @return true for a {@link CustomerId}
   */
  default boolean isCustomer() {
    return this instanceof CustomerId;
  }

  /**
   * The subject with its kind, e.g. {@code customer:c-42} or {@code anonymous:a-9}.
   *
   * @return the text form that {@link #parse(String)} reads back
   */
  default String asText() {
    return (isCustomer() ? CUSTOMER_PREFIX : ANONYMOUS_PREFIX) + value();
  }

  /**
   * Reads the text form written by {@link #asText()}.
   *
   * @param text {@code customer:<id>} or {@code anonymous:<id>}
   * @return the subject
   * @throws IllegalArgumentException if the prefix is missing or the id is malformed
   */
  @JsonCreator
  static SubjectId parse(String text) {
    Objects.requireNonNull(text, "subject");
    if (text.startsWith(CUSTOMER_PREFIX)) {
      return new CustomerId(text.substring(CUSTOMER_PREFIX.length()));
    }
    if (text.startsWith(ANONYMOUS_PREFIX)) {
      return new AnonymousId(text.substring(ANONYMOUS_PREFIX.length()));
    }
    throw new IllegalArgumentException(
        "subject \"" + text + "\" must start with \"customer:\" or \"anonymous:\"");
  }
}
