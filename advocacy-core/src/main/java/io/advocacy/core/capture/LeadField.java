package io.advocacy.core.capture;

import java.util.Locale;
import java.util.Optional;

/**
 * A field of a referral lead form: what is asked about the referred friend.
 *
 * <p>Immutable; thread-safe.
 */
public enum LeadField {
  /** The friend's name. */
  NAME(200),
  /** The friend's e-mail address. */
  EMAIL(254),
  /** The friend's company. */
  COMPANY(200),
  /** The friend's role. */
  ROLE(120),
  /** What the friend needs, in the advocate's words. */
  NEED(2000),
  /** The friend's phone number. */
  PHONE(32),
  /** Whether the friend agreed to be contacted: {@code true} or {@code false}. */
  CONSENT_TO_CONTACT(5);

  private final int defaultMaxLength;

  LeadField(int defaultMaxLength) {
    this.defaultMaxLength = defaultMaxLength;
  }

  /**
   * The field's key in a submission, e.g. {@code "consent_to_contact"}.
   *
   * @return the lower-case key
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The default longest answer.
   *
   * @return characters
   */
  public int defaultMaxLength() {
    return defaultMaxLength;
  }

  /**
   * The field with a key.
   *
   * @param key a submission key
   * @return the field, or empty
   */
  public static Optional<LeadField> ofKey(String key) {
    for (LeadField f : values()) {
      if (f.key().equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
