package io.advocacy.examples.scenarios;

import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.adapter.SignalAdapterContract;
import java.util.List;

/** The host's adapter passes the same contract tests as the library's own adapters. */
class CustomWebhookAdapterContractTest extends SignalAdapterContract {
  @Override
  protected SignalAdapter adapter() {
    return new CustomWebhookAdapter();
  }

  @Override
  protected List<String> validInputs() {
    return List.of(CustomWebhookAdapter.PAYLOAD,
        "id=a&customer=c-1&event=csat&value=5&at=2027-01-01T00:00:00Z\r\n");
  }
}
