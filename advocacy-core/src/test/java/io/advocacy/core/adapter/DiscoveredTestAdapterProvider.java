package io.advocacy.core.adapter;

import java.io.InputStream;

/** A provider listed for ServiceLoader in the test resources under {@code discovery/}. */
public final class DiscoveredTestAdapterProvider implements SignalAdapterProvider {
  /** The name of the adapter it makes. */
  public static final String NAME = "discovered_test";

  /** Required by ServiceLoader. */
  public DiscoveredTestAdapterProvider() {}

  @Override
  public SignalAdapter create() {
    return new NamedAdapter(NAME);
  }

  /** An adapter that reads nothing. */
  record NamedAdapter(String name) implements SignalAdapter {
    @Override
    public AdapterSummary stream(InputStream input, SignalSink sink) {
      return new AdapterSummary(name, 0, 0, 0, 0);
    }
  }
}
