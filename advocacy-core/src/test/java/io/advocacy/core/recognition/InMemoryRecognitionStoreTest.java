package io.advocacy.core.recognition;

class InMemoryRecognitionStoreTest extends RecognitionStoreContract {
  @Override
  protected RecognitionStore newStore() {
    return RecognitionStore.inMemory();
  }
}
