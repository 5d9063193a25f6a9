package io.advocacy.core.adapter;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The adapters a host application hands to the library, by name. Adapters are registered
 * explicitly; {@link Builder#discover(ClassLoader)} adds those listed for
 * {@link ServiceLoader} as a convenience.
 *
 * <pre>{@code
 * AdapterRegistry adapters = AdapterRegistry.builder()
 *     .register(SegmentAdapter.builder().build())
 *     .register(myWebhookAdapter)
 *     .build();
 * AdapterResult result = adapters.require("segment").read(body);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe. Its builder is not thread-safe.
 */
public final class AdapterRegistry {
  private final ImmutableMap<String, SignalAdapter> adapters;

  private AdapterRegistry(Map<String, SignalAdapter> adapters) {
    this.adapters = ImmutableMap.copyOf(adapters);
  }

  /**
   * Starts an empty registry.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The adapter with a name.
   *
   * @param name the adapter's name
   * @return the adapter, or empty
   */
  public Optional<SignalAdapter> get(String name) {
    return Optional.ofNullable(adapters.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * The adapter with a name, which must be registered.
   *
   * @param name the adapter's name
   * @return the adapter
   * @throws IllegalArgumentException naming the adapter and those registered if absent
   */
  public SignalAdapter require(String name) {
    return get(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no adapter named \"" + name + "\"; registered: " + adapters.keySet()));
  }

  /**
   * The registered names, in registration order.
   *
   * @return the names
   */
  public Set<String> names() {
    return adapters.keySet();
  }

  /** Builds an {@link AdapterRegistry}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SignalAdapter> adapters = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers an adapter under its {@link SignalAdapter#name()}.
     *
     * @param adapter the adapter
     * @return this builder
     * @throws IllegalStateException if an adapter with that name is already registered
     */
    public Builder register(SignalAdapter adapter) {
      Objects.requireNonNull(adapter, "adapter");
      String name = Objects.requireNonNull(adapter.name(), "adapter name");
      if (adapters.putIfAbsent(name, adapter) != null) {
        throw new IllegalStateException("an adapter named \"" + name + "\" is already registered");
      }
      return this;
    }

    /**
     * Registers every adapter made by the {@link SignalAdapterProvider}s that
     * {@link ServiceLoader} finds.
     *
     * @param loader where to look
     * @return this builder
     * @throws IllegalStateException if two adapters share a name
     */
    public Builder discover(ClassLoader loader) {
      Objects.requireNonNull(loader, "loader");
      for (SignalAdapterProvider provider : ServiceLoader.load(SignalAdapterProvider.class, loader)) {
        register(provider.create());
      }
      return this;
    }

    /**
     * Builds the registry; later builder calls do not change it.
     *
     * @return the registry
     */
    public AdapterRegistry build() {
      return new AdapterRegistry(adapters);
    }
  }
}
