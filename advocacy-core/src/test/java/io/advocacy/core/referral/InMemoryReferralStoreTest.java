package io.advocacy.core.referral;

/** The in-memory store passes the store contract. */
class InMemoryReferralStoreTest extends ReferralStoreContract {
  @Override
  protected ReferralStore newStore() {
    return ReferralStore.inMemory();
  }
}
