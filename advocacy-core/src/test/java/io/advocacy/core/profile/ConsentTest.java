package io.advocacy.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentTest {
  private static final Instant GRANTED = Instant.parse("2026-01-05T09:00:00Z");
  private static final Instant REVOKED = Instant.parse("2026-02-01T00:00:00Z");

  @Test
  void validFromTheGrantInclusive() {
    Consent consent = Consent.grantedAt(GRANTED);
    assertThat(consent.isValidAt(GRANTED.minusNanos(1))).isFalse();
    assertThat(consent.isValidAt(GRANTED)).isTrue();
    assertThat(consent.isValidAt(Instant.MAX)).isTrue();
    assertThat(consent.revokedAt()).isNull();
  }

  @Test
  void invalidFromTheRevocationInclusive() {
    Consent consent = Consent.grantedAt(GRANTED).revokedAt(REVOKED);
    assertThat(consent).isEqualTo(new Consent(GRANTED, REVOKED));
    assertThat(consent.isValidAt(GRANTED)).isTrue();
    assertThat(consent.isValidAt(REVOKED.minusNanos(1))).isTrue();
    assertThat(consent.isValidAt(REVOKED)).isFalse();
    assertThat(consent.isValidAt(REVOKED.plusNanos(1))).isFalse();
  }

  @Test
  void revokedAtTheGrantIsNeverValid() {
    Consent consent = Consent.grantedAt(GRANTED).revokedAt(GRANTED);
    assertThat(consent.isValidAt(GRANTED)).isFalse();
    assertThat(consent.isValidAt(GRANTED.minusNanos(1))).isFalse();
  }

  @Test
  void rejectsRevocationBeforeGrantAndNulls() {
    assertThatThrownBy(() -> Consent.grantedAt(GRANTED).revokedAt(GRANTED.minusSeconds(1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "consent revokedAt 2026-01-05T08:59:59Z is before grantedAt 2026-01-05T09:00:00Z");
    assertThatThrownBy(() -> Consent.grantedAt(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("grantedAt");
    assertThatThrownBy(() -> Consent.grantedAt(GRANTED).isValidAt(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("at");
  }
}
