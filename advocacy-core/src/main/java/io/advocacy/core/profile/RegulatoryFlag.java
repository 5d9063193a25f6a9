package io.advocacy.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.advocacy.core.internal.Require;

/**
 * A regulatory fact about a customer that changes what may be offered to them, such as being
 * a beneficiary of a government health programme (no cash or cash equivalents may be given).
 * Well-known flags are constants; hosts may define their own with a machine name.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name a machine name matching {@code [a-z][a-z0-9_.-]{0,63}}
 */
public record RegulatoryFlag(@JsonValue String name) {
  /** A beneficiary of a government health programme (for example Medicare or Medicaid). */
  public static final RegulatoryFlag GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY =
      new RegulatoryFlag("government_health_programme_beneficiary");
  /** A minor: incentives and contact are restricted. */
  public static final RegulatoryFlag MINOR = new RegulatoryFlag("minor");
  /** An employee of a public body, subject to gift limits. */
  public static final RegulatoryFlag PUBLIC_OFFICIAL = new RegulatoryFlag("public_official");
  /**
   * The customer asked not to be contacted for advocacy at all; the contact policy denies every
   * ask (see {@code io.advocacy.core.contact.ContactPolicy}).
   */
  public static final RegulatoryFlag DO_NOT_CONTACT = new RegulatoryFlag("do_not_contact");

  /**
   * Validates the name.
   *
   * @param name a machine name matching {@code [a-z][a-z0-9_.-]{0,63}}
   * @throws IllegalArgumentException if it is not a machine name
   */
  public RegulatoryFlag {
    Require.name("regulatory flag", name);
  }

  /**
   * The flag with a name.
   *
   * @param name a machine name
   * @return the flag
   */
  @JsonCreator
  public static RegulatoryFlag of(String name) {
    return new RegulatoryFlag(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
