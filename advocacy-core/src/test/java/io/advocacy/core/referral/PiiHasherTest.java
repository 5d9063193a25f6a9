package io.advocacy.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiHasherTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
      "Ada.Lovelace@Gmail.com, adalovelace@gmail.com",
      "a.d.a+promo@googlemail.com, ada@gmail.com",
      "' ADA+x+y@gmail.com ', ada@gmail.com",
      "first.last+news@example.com, first.last@example.com",
      "First.Last@Example.COM, first.last@example.com",
      "not-an-email, not-an-email"})
  void normalisesEmails(String given, String expected) {
    assertThat(PiiHasher.normaliseEmail(given)).isEqualTo(expected);
  }

  @Test
  void equalValuesHashEquallyAndNothingReadableIsKept() {
    PiiHasher hasher = PiiHasher.withKey(KEY);
    HashedValue a = hasher.email("Ada.Lovelace+ref@gmail.com");
    assertThat(hasher.email("adalovelace@googlemail.com")).isEqualTo(a);
    assertThat(hasher.email("ada.lovelace@example.com")).isNotEqualTo(a);
    assertThat(a.hex()).hasSize(64).doesNotContain("ada");
    assertThat(hasher.fingerprint("dev-1")).isEqualTo(PiiHasher.withKey(KEY).fingerprint("dev-1"));
    assertThat(hasher.fingerprint("dev-1")).isNotEqualTo(hasher.fingerprint("dev-2"));
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertThat(PiiHasher.withKey(otherKey).email("ada@gmail.com")).isNotEqualTo(hasher.email("ada@gmail.com"));
    assertThat(hasher).hasToString("PiiHasher[key hidden]");
  }

  @Test
  void knownHmacValue() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(
        mac.doFinal("email:ada@gmail.com".getBytes(StandardCharsets.UTF_8)));
    assertThat(PiiHasher.withKey(KEY).email("A.DA+x@gmail.com").hex()).isEqualTo(expected);
  }

  @Test
  void keyIsCopiedAndMustBeLongEnough() {
    byte[] key = KEY.clone();
    PiiHasher hasher = PiiHasher.withKey(key);
    HashedValue before = hasher.email("ada@gmail.com");
    key[0] ^= 1;
    assertThat(hasher.email("ada@gmail.com")).isEqualTo(before);
    assertThatThrownBy(() -> PiiHasher.withKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must have at least 32 bytes: 31");
    assertThatThrownBy(() -> PiiHasher.withKey(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void factsMergeAndMatch() {
    PiiHasher hasher = PiiHasher.withKey(KEY);
    PartyFacts referrer = hasher.facts("ada@gmail.com", "dev-1", null);
    assertThat(hasher.facts("a.da+x@gmail.com", null, null).sharesAnyWith(referrer)).isTrue();
    assertThat(hasher.facts(null, "dev-1", null).sharesAnyWith(referrer)).isTrue();
    assertThat(hasher.facts(null, null, "card-1").sharesAnyWith(referrer)).isFalse();
    assertThat(PartyFacts.NONE.sharesAnyWith(PartyFacts.NONE)).isFalse();
    PartyFacts merged = hasher.facts("bob@example.com", null, null)
        .mergedWith(hasher.facts(null, "dev-9", null));
    assertThat(merged).isEqualTo(hasher.facts("bob@example.com", "dev-9", null));
  }
}
