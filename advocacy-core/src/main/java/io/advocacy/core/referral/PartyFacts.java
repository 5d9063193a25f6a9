package io.advocacy.core.referral;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What fraud rules may compare about a referrer or a referee, hashed: e-mail, device
 * fingerprint, payment fingerprint. Make one with {@link PiiHasher#facts}.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param email the hashed normalised e-mail address, or null
 * @param device the hashed device fingerprint, or null
 * @param payment the hashed payment fingerprint, or null
 */
public record PartyFacts(
    @Nullable HashedValue email, @Nullable HashedValue device, @Nullable HashedValue payment) {
  /** No facts. */
  public static final PartyFacts NONE = new PartyFacts(null, null, null);

  /**
   * Holds the components; any may be null.
   *
   * @param email the hashed normalised e-mail address, or null
   * @param device the hashed device fingerprint, or null
   * @param payment the hashed payment fingerprint, or null
   */
  public PartyFacts {}

  /**
   * These facts with the gaps filled from newer ones; a newer non-null fact replaces an older.
   *
   * @param newer facts learnt later
   * @return the merged facts
   */
  public PartyFacts mergedWith(PartyFacts newer) {
    return new PartyFacts(
        newer.email != null ? newer.email : email,
        newer.device != null ? newer.device : device,
        newer.payment != null ? newer.payment : payment);
  }

  /**
   * Whether any fact present on both sides is equal.
   *
   * @param other the other party
   * @return true when e-mails, devices or payment fingerprints match
   */
  public boolean sharesAnyWith(PartyFacts other) {
    return same(email, other.email) || same(device, other.device) || same(payment, other.payment);
  }

  private static boolean same(@Nullable HashedValue a, @Nullable HashedValue b) {
    return a != null && a.equals(b);
  }

  /**
   * The e-mail hash.
   *
   * @return the hash, or empty
   */
  public Optional<HashedValue> emailIfAny() {
    return Optional.ofNullable(email);
  }
}
