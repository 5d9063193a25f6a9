package io.advocacy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SignalJsonTest {
  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void signalRoundTripsWithCustomerSubject() {
    Signal s =
        Signal.builder(
                SignalId.of("ord-7"),
                CustomerId.of("c-42"),
                SignalType.PURCHASE_COMPLETED,
                Instant.parse("2026-03-02T08:00:00Z"))
            .amount(Money.of("129.5", "EUR"))
            .attribute("sku", "BK-1")
            .source("shop")
            .build();
    String json = mapper.writeValueAsString(s);
    System.out.println(json);
    assertThat(mapper.readValue(json, Signal.class)).isEqualTo(s);
  }

  @Test
  void anonymousSubject() {
    Signal s = Signal.of(SignalId.of("x"), AnonymousId.of("a-1"), SignalType.REFERRAL_CLICKED,
        Instant.parse("2026-03-02T08:00:00Z"), 1);
    String json = mapper.writeValueAsString(s);
    System.out.println(json);
    assertThat(mapper.readValue(json, Signal.class)).isEqualTo(s);
    System.out.println(mapper.writeValueAsString(CustomerId.of("c")));
  }
}
