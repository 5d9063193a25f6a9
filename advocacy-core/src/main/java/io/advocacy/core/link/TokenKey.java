package io.advocacy.core.link;

import io.advocacy.core.internal.Require;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES key with an id, for sealing and opening link tokens. The id travels in the clear in
 * every token so the right key can be found after a rotation; the key bytes never leave this
 * object ({@link #toString()} shows only the id).
 *
 * <p>Immutable; thread-safe.
 */
public final class TokenKey {
  /** The longest key id, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 32;

  private final String id;
  private final SecretKey key;

  private TokenKey(String id, byte[] key) {
    Require.identifier("token key id", id);
    if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      throw new IllegalArgumentException(
          "token key id '" + id + "' is longer than " + MAX_ID_BYTES + " bytes");
    }
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException(
          "token key " + id + " has " + key.length + " bytes; AES needs 16, 24 or 32");
    }
    this.id = id;
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /**
   * A key from the host's key material (from its secret store, say).
   *
   * @param id the key id, at most {@value #MAX_ID_BYTES} bytes
   * @param key 16, 24 or 32 bytes; copied
   * @return the key
   * @throws IllegalArgumentException if the id or the key length is wrong
   */
  public static TokenKey of(String id, byte[] key) {
    Objects.requireNonNull(key, "key");
    return new TokenKey(id, key);
  }

  /**
   * A new random 256-bit key.
   *
   * @param id the key id
   * @param random the source of randomness
   * @return the key
   */
  public static TokenKey generate(String id, SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    try {
      return new TokenKey(id, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * The key id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  SecretKey secret() {
    return key;
  }

  @Override
  public String toString() {
    return "TokenKey[" + id + "]";
  }
}
