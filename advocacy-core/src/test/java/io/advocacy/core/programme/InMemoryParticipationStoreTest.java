package io.advocacy.core.programme;

class InMemoryParticipationStoreTest extends ParticipationStoreContract {
  @Override
  protected ParticipationStore newStore() {
    return ParticipationStore.inMemory();
  }
}
