package io.advocacy.core.crm;

import java.util.Locale;

/**
 * Why an {@link OpportunityLinker} made a link: the rule that matched, in the order the linker
 * tries them. {@link #label()} is its machine-readable name.
 *
 * <p>Immutable; thread-safe.
 */
public enum LinkRule {
  /** Sourced: the opportunity names the referral, and the referral converted. */
  NAMED_REFERRAL(LinkKind.SOURCED),
  /**
   * Sourced: the referral's referee is the opportunity's primary contact, the referral
   * converted, and it was first seen no later than the opportunity's creation.
   */
  REFEREE_IS_CONTACT(LinkKind.SOURCED),
  /**
   * Sourced: the referral's referee is a customer of the opportunity's account, the referral
   * converted, and it was first seen no later than the opportunity's creation.
   */
  REFEREE_IN_ACCOUNT(LinkKind.SOURCED),
  /**
   * Influenced: a touchpoint of the account's customer (or of the primary contact) within the
   * lookback before the opportunity's creation.
   */
  TOUCH_BEFORE_CREATION(LinkKind.INFLUENCED);

  private final LinkKind kind;

  LinkRule(LinkKind kind) {
    this.kind = kind;
  }

  /**
   * The kind of link this rule makes.
   *
   * @return the kind
   */
  public LinkKind kind() {
    return kind;
  }

  /**
   * The rule's machine-readable label, e.g. {@code named_referral}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
