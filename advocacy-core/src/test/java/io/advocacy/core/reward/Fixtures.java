package io.advocacy.core.reward;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.profile.RegulatoryFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** Shared test data for reward tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private Fixtures() {}

  static CustomerProfile profile(String id, Industry industry, boolean beneficiary) {
    CustomerProfile.Builder b = CustomerProfile.builder(CustomerId.of(id)).industry(industry);
    if (beneficiary) {
      b.flag(RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY);
    }
    return b.build();
  }

  static RewardValue usd(String amount) {
    return RewardValue.of(Money.of(amount, "USD"));
  }

  static RewardRequest.Builder request(String key, CustomerProfile profile) {
    return RewardRequest.builder(key, profile, "US").requestedAt(T0);
  }

  static RewardRequest item(String key, CustomerProfile profile, String usd) {
    return request(key, profile).kind(IncentiveKind.SWAG).value(usd(usd))
        .reason(RewardReason.of(io.advocacy.core.Motion.REFERENCE_CALL)).build();
  }

  /** A clock tests move by hand. Thread-safe. */
  static final class TestClock implements InstantSource {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }
}
