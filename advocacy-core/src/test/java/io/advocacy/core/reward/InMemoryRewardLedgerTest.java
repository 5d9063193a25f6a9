package io.advocacy.core.reward;

class InMemoryRewardLedgerTest extends RewardLedgerContract {
  @Override
  protected RewardLedger newLedger() {
    return RewardLedger.inMemory();
  }
}
