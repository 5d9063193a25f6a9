package io.advocacy.core.profile;

/**
 * A channel through which a customer can be asked; consent is held per channel.
 *
 * <p>Immutable; thread-safe.
 */
public enum ContactChannel {
  /** E-mail. */
  EMAIL,
  /** Text message. */
  SMS,
  /** Mobile push notification. */
  PUSH,
  /** Telephone call. */
  PHONE,
  /** A message inside the host's product. */
  IN_APP
}
