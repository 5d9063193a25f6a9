package io.advocacy.core.referral;

import io.advocacy.core.AdvocacyException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Hashes e-mail addresses and fingerprints with HMAC-SHA256 under a key the host holds, so that
 * fraud rules can tell equal values apart from different ones while the store keeps nothing
 * readable. Rotating the key makes old hashes unmatchable.
 *
 * <p>E-mail addresses are normalised first (see {@link #normaliseEmail(String)}).
 *
 * <pre>{@code
 * PiiHasher hasher = PiiHasher.withKey(keyFromVault); // at least 32 bytes
 * PartyFacts ada = hasher.facts("Ada.Lovelace+promo@gmail.com", "dev-1", null);
 * }</pre>
 *
 * <p>This class is thread-safe: it keeps a copy of the key and makes a {@link Mac} per call.
 */
public final class PiiHasher {
  /** Shortest key accepted, in bytes (the HMAC-SHA256 block-size guidance: 256 bits). */
  public static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  /** Providers that ignore dots in the local part. */
  private static final Set<String> DOTLESS_DOMAINS = Set.of("gmail.com", "googlemail.com");

  private final SecretKeySpec key;

  private PiiHasher(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /**
   * A hasher with a key.
   *
   * @param key at least {@value #MIN_KEY_BYTES} bytes; copied
   * @return the hasher
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
   */
  public static PiiHasher withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "key must have at least " + MIN_KEY_BYTES + " bytes: " + key.length);
    }
    return new PiiHasher(Arrays.copyOf(key, key.length));
  }

  /**
   * Normalises an e-mail address: trimmed and lower-cased; a {@code +tag} in the local part is
   * removed; for providers that ignore dots ({@code gmail.com}, {@code googlemail.com}) the
   * dots of the local part are removed and {@code googlemail.com} becomes {@code gmail.com}.
   * Text without an {@code @} is only trimmed and lower-cased.
   *
   * @param email the address as given
   * @return the normal form
   */
  public static String normaliseEmail(String email) {
    Objects.requireNonNull(email, "email");
    String s = email.strip().toLowerCase(Locale.ROOT);
    int at = s.lastIndexOf('@');
    if (at < 0) {
      return s;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus >= 0) {
      local = local.substring(0, plus);
    }
    if (DOTLESS_DOMAINS.contains(domain)) {
      local = local.replace(".", "");
      domain = "gmail.com";
    }
    return local + "@" + domain;
  }

  /**
   * Hashes a normalised e-mail address.
   *
   * @param email the address as given
   * @return the hash of its normal form
   */
  public HashedValue email(String email) {
    return hash("email:" + normaliseEmail(email));
  }

  /**
   * Hashes a device or payment fingerprint exactly as given.
   *
   * @param fingerprint the fingerprint
   * @return the hash
   */
  public HashedValue fingerprint(String fingerprint) {
    return hash("fp:" + Objects.requireNonNull(fingerprint, "fingerprint"));
  }

  /**
   * Facts about a party, hashed; absent values stay absent.
   *
   * @param email an e-mail address, or null
   * @param deviceFingerprint a device fingerprint, or null
   * @param paymentFingerprint a payment fingerprint, or null
   * @return the hashed facts
   */
  public PartyFacts facts(
      @Nullable String email, @Nullable String deviceFingerprint,
      @Nullable String paymentFingerprint) {
    return new PartyFacts(
        email == null ? null : email(email),
        deviceFingerprint == null ? null : fingerprint(deviceFingerprint),
        paymentFingerprint == null ? null : fingerprint(paymentFingerprint));
  }

  private HashedValue hash(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return new HashedValue(
          HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256; reaching this is a broken runtime.
      throw new AdvocacyException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "PiiHasher[key hidden]";
  }
}
