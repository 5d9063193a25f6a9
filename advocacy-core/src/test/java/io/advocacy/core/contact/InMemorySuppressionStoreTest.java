package io.advocacy.core.contact;

class InMemorySuppressionStoreTest extends SuppressionStoreContract {
  @Override
  protected SuppressionStore newStore() {
    return SuppressionStore.inMemory();
  }
}
