package io.advocacy.journeys;

class InMemoryInstanceStoreTest extends InstanceStoreContract {
  @Override
  protected InstanceStore newStore() {
    return InstanceStore.inMemory();
  }
}
