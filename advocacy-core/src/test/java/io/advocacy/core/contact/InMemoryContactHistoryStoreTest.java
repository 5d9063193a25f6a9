package io.advocacy.core.contact;

class InMemoryContactHistoryStoreTest extends ContactHistoryStoreContract {
  @Override
  protected ContactHistoryStore newStore() {
    return ContactHistoryStore.inMemory();
  }
}
