package io.advocacy.core.crm;

/** The in-memory store passes the store contract. */
class InMemoryOpportunityStoreTest extends OpportunityStoreContract {
  @Override
  protected OpportunityStore newStore() {
    return OpportunityStore.inMemory();
  }
}
