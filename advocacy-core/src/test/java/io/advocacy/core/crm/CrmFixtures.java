package io.advocacy.core.crm;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Shared test data for the CRM tests. */
final class CrmFixtures {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  static final CustomerId CONTACT = CustomerId.of("c-7");

  private CrmFixtures() {}

  static Instant day(int n) {
    return T0.plusSeconds(86_400L * n);
  }

  static Signal.Builder crm(String id, SignalType type, Instant at, @Nullable String amountUsd) {
    return crm(id, CONTACT, type, at, amountUsd == null ? null : Money.of(amountUsd, "USD"));
  }

  static Signal.Builder crm(
      String id, SubjectId subject, SignalType type, Instant at, @Nullable Money amount) {
    return Signal.builder(SignalId.of(id), subject, type, at).amount(amount);
  }

  /** A full signal for opportunity "006-1" of account "001-acme". */
  static Signal full(String id, SignalType type, Instant at, String amountUsd, String stage) {
    return crm(id, type, at, amountUsd)
        .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1")
        .attribute(CrmAttributes.ACCOUNT_ID, "001-acme")
        .attribute(CrmAttributes.STAGE, stage)
        .build();
  }
}
