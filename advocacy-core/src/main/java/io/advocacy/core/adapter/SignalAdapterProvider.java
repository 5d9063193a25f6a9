package io.advocacy.core.adapter;

/**
 * Makes a {@link SignalAdapter} for {@link java.util.ServiceLoader} discovery, a convenience on
 * top of registering adapters explicitly with {@link AdapterRegistry.Builder#register}. List
 * implementations in {@code META-INF/services/io.advocacy.core.adapter.SignalAdapterProvider}.
 *
 * <p>Implementations must have a public no-argument constructor and be thread-safe.
 */
public interface SignalAdapterProvider {
  /**
   * Creates the adapter.
   *
   * @return a configured adapter
   */
  SignalAdapter create();
}
