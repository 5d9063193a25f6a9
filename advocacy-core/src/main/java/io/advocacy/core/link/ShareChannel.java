package io.advocacy.core.link;

/**
 * Where an advocate shares a referral link. Each channel wraps the tracked link in the
 * address that opens that channel's composer with the message filled in.
 *
 * <p>Immutable; thread-safe.
 */
public enum ShareChannel {
  /** {@code mailto:?subject=…&body=…} */
  EMAIL,
  /** {@code sms:?body=…} */
  SMS,
  /** {@code https://wa.me/?text=…} */
  WHATSAPP,
  /** {@code https://www.linkedin.com/sharing/share-offsite/?url=…} (LinkedIn takes only the link) */
  LINKEDIN,
  /** {@code https://x.com/intent/post?text=…&url=…} */
  X,
  /** The tracked link itself, to copy. */
  COPY_LINK;

  /**
   * The channel's name in UTM parameters and signal attributes.
   *
   * @return the lower-case name, e.g. {@code "whatsapp"}
   */
  public String medium() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
