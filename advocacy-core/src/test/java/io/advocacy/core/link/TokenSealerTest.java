package io.advocacy.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.link.TokenOpening.Status;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSealerTest {
  static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom(new byte[] {1, 2, 3});
  static final TokenKey K1 = TokenKey.of("k1", new byte[32]);
  static final TokenKey K2 = TokenKey.of("k2", filled(32, (byte) 7));

  static byte[] filled(int n, byte b) {
    byte[] a = new byte[n];
    java.util.Arrays.fill(a, b);
    return a;
  }

  static TokenPayload payload() {
    return new TokenPayload(LinkKind.REFERRAL_SHARE, CustomerId.of("c-ada-lovelace"),
        ProgrammeId.of("refer-a-friend"), Motion.REFERRAL, NOW, NOW.plus(Duration.ofDays(30)),
        "whatsapp", "K7MQC2XA");
  }

  @Test
  void aSealedTokenOpensToItsPayloadAndRevealsNothing() {
    TokenSealer sealer = new TokenSealer(TokenKeyRing.of(K1), RANDOM);
    String token = sealer.seal(payload());
    TokenOpening opening = sealer.open(token, NOW);
    assertThat(opening.status()).isEqualTo(Status.VALID);
    assertThat(opening.payload()).isEqualTo(payload());
    assertThat(opening.keyId()).isEqualTo("k1");
    String bytes = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
    for (String secret : new String[] {"c-ada-lovelace", "refer-a-friend", "K7MQC2XA", "whatsapp"}) {
      assertThat(token).doesNotContain(secret);
      assertThat(bytes).doesNotContain(secret);
    }
    // Two seals of one payload differ (random IV), and both open.
    String again = sealer.seal(payload());
    assertThat(again).isNotEqualTo(token);
    assertThat(sealer.open(again, NOW).payload()).isEqualTo(payload());
  }

  @Test
  void expiryIsExclusive() {
    TokenSealer sealer = new TokenSealer(TokenKeyRing.of(K1), RANDOM);
    String token = sealer.seal(payload());
    Instant expires = NOW.plus(Duration.ofDays(30));
    assertThat(sealer.open(token, expires.minusSeconds(1)).status()).isEqualTo(Status.VALID);
    TokenOpening expired = sealer.open(token, expires);
    assertThat(expired.status()).isEqualTo(Status.EXPIRED);
    assertThat(expired.payload()).isEqualTo(payload());
    assertThat(expired.message()).isEqualTo("token expired at 2027-03-31T10:00:00Z");
  }

  @Test
  void rotatedKeysKeepOpeningUntilDropped() {
    TokenSealer before = new TokenSealer(TokenKeyRing.of(K1), RANDOM);
    String old = before.seal(payload());
    TokenKeyRing rotated = before.ring().rotateTo(K2);
    TokenSealer after = new TokenSealer(rotated, RANDOM);
    assertThat(after.open(old, NOW).status()).isEqualTo(Status.VALID);
    String fresh = after.seal(payload());
    assertThat(after.open(fresh, NOW).keyId()).isEqualTo("k2");
    TokenSealer dropped = new TokenSealer(rotated.without("k1"), RANDOM);
    TokenOpening unknown = dropped.open(old, NOW);
    assertThat(unknown.status()).isEqualTo(Status.UNKNOWN_KEY);
    assertThat(unknown.message()).isEqualTo("token sealed with key k1, which is not on the ring");
    assertThat(before.open(fresh, NOW).status()).isEqualTo(Status.UNKNOWN_KEY);
  }

  @Test
  void aTokenUnderAnotherKeyWithTheSameIdIsTampered() {
    String token = new TokenSealer(TokenKeyRing.of(K1), RANDOM).seal(payload());
    TokenSealer impostor = new TokenSealer(TokenKeyRing.of(TokenKey.of("k1", filled(32, (byte) 9))), RANDOM);
    assertThat(impostor.open(token, NOW).status()).isEqualTo(Status.TAMPERED);
  }

  @Test
  void everyFlippedByteAndEveryChangedCharacterFails() {
    TokenSealer sealer = new TokenSealer(TokenKeyRing.of(K1), RANDOM);
    String token = sealer.seal(payload());
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] copy = bytes.clone();
        copy[i] ^= (byte) (1 << bit);
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
        TokenOpening o = sealer.open(altered, NOW);
        assertThat(o.status()).as("byte %d bit %d", i, bit).isNotEqualTo(Status.VALID)
            .isNotEqualTo(Status.EXPIRED);
        assertThat(o.payload()).isNull();
      }
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < token.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c == token.charAt(i)) {
          continue;
        }
        String altered = token.substring(0, i) + c + token.substring(i + 1);
        assertThat(sealer.open(altered, NOW).status()).as("char %d -> %s", i, c)
            .isNotEqualTo(Status.VALID);
      }
    }
    assertThat(sealer.open(token.substring(0, token.length() - 1), NOW).status()).isNotEqualTo(Status.VALID);
    assertThat(sealer.open(token + "A", NOW).status()).isNotEqualTo(Status.VALID);
  }

  @Test
  void anyStringOpensAsInvalidWithoutAnException() {
    TokenSealer sealer = new TokenSealer(TokenKeyRing.of(K1), RANDOM);
    qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 300))
        .checkAssert(s -> assertThat(sealer.open(s, NOW).isValid()).isFalse());
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    qt().withExamples(2000).forAll(lists().of(integers().between(0, 63)).ofSizeBetween(0, 200))
        .checkAssert(codes -> {
          StringBuilder s = new StringBuilder("AQJrM");  // version 1, key id length 2, "k1"...
          codes.forEach(c -> s.append(alphabet.charAt(c)));
          TokenOpening o = sealer.open(s.toString(), NOW);
          assertThat(o.isValid()).isFalse();
        });
    assertThat(sealer.open(null, NOW).status()).isEqualTo(Status.MALFORMED);
    assertThat(sealer.open("", NOW).status()).isEqualTo(Status.MALFORMED);
    assertThat(sealer.open("not a token!", NOW).message()).isEqualTo("token is not base64url");
    assertThat(sealer.open("x".repeat(3000), NOW).status()).isEqualTo(Status.MALFORMED);
  }
}
