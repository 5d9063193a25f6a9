package io.advocacy.core.link;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keys that open link tokens, one of which seals new ones. Rotation: {@link #rotateTo} makes
 * a new key the sealing key and keeps the old ones for opening until {@link #without} drops
 * them (after the longest token lifetime has passed).
 *
 * <p>Immutable; thread-safe.
 */
public final class TokenKeyRing {
  private final TokenKey sealing;
  private final Map<String, TokenKey> opening;

  private TokenKeyRing(TokenKey sealing, Map<String, TokenKey> opening) {
    this.sealing = sealing;
    this.opening = Map.copyOf(opening);
  }

  /**
   * A ring that seals with one key and also opens with others.
   *
   * @param sealing the key new tokens are sealed with
   * @param older keys that still open tokens
   * @return the ring
   * @throws IllegalArgumentException if two keys share an id
   */
  public static TokenKeyRing of(TokenKey sealing, TokenKey... older) {
    Objects.requireNonNull(sealing, "sealing");
    Map<String, TokenKey> keys = new LinkedHashMap<>();
    keys.put(sealing.id(), sealing);
    for (TokenKey k : older) {
      if (keys.putIfAbsent(k.id(), k) != null) {
        throw new IllegalArgumentException("two token keys with id " + k.id());
      }
    }
    return new TokenKeyRing(sealing, keys);
  }

  /**
   * This ring with a new sealing key; the current keys keep opening.
   *
   * @param next the new sealing key
   * @return the new ring
   * @throws IllegalArgumentException if a key with that id is already on the ring
   */
  public TokenKeyRing rotateTo(TokenKey next) {
    Objects.requireNonNull(next, "next");
    if (opening.containsKey(next.id())) {
      throw new IllegalArgumentException("token key id " + next.id() + " is already on the ring");
    }
    Map<String, TokenKey> keys = new LinkedHashMap<>(opening);
    keys.put(next.id(), next);
    return new TokenKeyRing(next, keys);
  }

  /**
   * This ring without an old key: its tokens no longer open.
   *
   * @param keyId the key to drop
   * @return the new ring
   * @throws IllegalStateException if it is the sealing key
   */
  public TokenKeyRing without(String keyId) {
    if (sealing.id().equals(keyId)) {
      throw new IllegalStateException("cannot drop the sealing key " + keyId);
    }
    Map<String, TokenKey> keys = new LinkedHashMap<>(opening);
    keys.remove(keyId);
    return new TokenKeyRing(sealing, keys);
  }

  /**
   * The sealing key.
   *
   * @return the key new tokens are sealed with
   */
  public TokenKey sealing() {
    return sealing;
  }

  /**
   * The key with an id, if it opens tokens.
   *
   * @param keyId the id
   * @return the key, or empty
   */
  public Optional<TokenKey> opening(String keyId) {
    return Optional.ofNullable(opening.get(keyId));
  }

  /**
   * The ids of every key that opens tokens.
   *
   * @return the ids
   */
  public Set<String> keyIds() {
    return opening.keySet();
  }

  Collection<TokenKey> keys() {
    return opening.values();
  }

  @Override
  public String toString() {
    return "TokenKeyRing[sealing=" + sealing.id() + ", opening=" + opening.keySet() + "]";
  }
}
