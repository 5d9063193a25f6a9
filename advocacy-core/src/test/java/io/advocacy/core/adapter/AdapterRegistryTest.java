package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.adapter.DiscoveredTestAdapterProvider.NamedAdapter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdapterRegistryTest {
  private static final SignalAdapter SEGMENT = new NamedAdapter("segment");
  private static final SignalAdapter CSV = new NamedAdapter("csv");

  @Test
  void registersAndLooksUpByName() {
    AdapterRegistry registry = AdapterRegistry.builder().register(SEGMENT).register(CSV).build();
    assertThat(registry.names()).containsExactly("segment", "csv");
    assertThat(registry.get("csv")).containsSame(CSV);
    assertThat(registry.require("segment")).isSameAs(SEGMENT);
    assertThat(registry.get("json")).isEmpty();
    assertThatThrownBy(() -> registry.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emptyRegistry() {
    AdapterRegistry registry = AdapterRegistry.builder().build();
    assertThat(registry.names()).isEmpty();
    assertThatThrownBy(() -> registry.require("segment"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("no adapter named \"segment\"; registered: []");
  }

  @Test
  void duplicateNameIsAnIllegalState() {
    AdapterRegistry.Builder builder = AdapterRegistry.builder().register(SEGMENT);
    assertThatThrownBy(() -> builder.register(new NamedAdapter("segment")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("an adapter named \"segment\" is already registered");
    assertThat(builder.build().require("segment")).isSameAs(SEGMENT);
    assertThatThrownBy(() -> builder.register(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("adapter");
  }

  @Test
  void requireOfAnUnknownNameListsTheRegisteredOnes() {
    AdapterRegistry registry = AdapterRegistry.builder().register(SEGMENT).register(CSV).build();
    assertThatThrownBy(() -> registry.require("json"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("no adapter named \"json\"; registered: [segment, csv]");
    assertThatThrownBy(() -> registry.get(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void buildCopiesSoLaterRegistrationsDoNotChangeABuiltRegistry() {
    AdapterRegistry.Builder builder = AdapterRegistry.builder().register(SEGMENT);
    AdapterRegistry first = builder.build();
    builder.register(CSV);
    AdapterRegistry second = builder.build();
    assertThat(first.names()).containsExactly("segment");
    assertThat(first.get("csv")).isEmpty();
    assertThat(second.names()).containsExactly("segment", "csv");
  }

  private static URLClassLoader discoveryLoader() {
    URL folder = AdapterRegistryTest.class.getClassLoader().getResource("discovery/");
    assertThat(folder).as("test resource folder discovery/").isNotNull();
    return new URLClassLoader(new URL[] {folder}, AdapterRegistryTest.class.getClassLoader());
  }

  @Test
  void discoverRegistersTheListedProviders() throws Exception {
    ClassLoader plain = AdapterRegistryTest.class.getClassLoader();
    // Whatever the main code itself lists (nothing yet) comes first, then the test provider.
    List<String> expected = new ArrayList<>(AdapterRegistry.builder().discover(plain).build().names());
    assertThat(expected).doesNotContain(DiscoveredTestAdapterProvider.NAME);
    expected.add(DiscoveredTestAdapterProvider.NAME);
    try (URLClassLoader loader = discoveryLoader()) {
      AdapterRegistry registry = AdapterRegistry.builder().discover(loader).build();
      assertThat(registry.names()).containsExactlyElementsOf(expected);
      SignalAdapter adapter = registry.require(DiscoveredTestAdapterProvider.NAME);
      assertThat(adapter.read("").summary())
          .isEqualTo(new AdapterSummary(DiscoveredTestAdapterProvider.NAME, 0, 0, 0, 0));
    }
  }

  @Test
  void discoveringANameAlreadyRegisteredIsAnIllegalState() throws Exception {
    try (URLClassLoader loader = discoveryLoader()) {
      AdapterRegistry.Builder builder =
          AdapterRegistry.builder().register(new NamedAdapter(DiscoveredTestAdapterProvider.NAME));
      assertThatThrownBy(() -> builder.discover(loader))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("an adapter named \"discovered_test\" is already registered");
    }
    assertThatThrownBy(() -> AdapterRegistry.builder().discover(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("loader");
  }
}
