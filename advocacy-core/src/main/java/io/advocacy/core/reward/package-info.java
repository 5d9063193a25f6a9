/**
 * Rewards: incentive kinds and values, reward requests, the append-only {@link
 * io.advocacy.core.reward.RewardLedger}, per-customer caps and hold periods ({@link
 * io.advocacy.core.reward.RewardPolicy}), the compliance rules checked before anything is
 * recorded ({@link io.advocacy.core.reward.CompliancePolicy}) and the {@link
 * io.advocacy.core.reward.RewardService} facade that ties them together.
 *
 * <p>The default compliance data (nominal-value limits, review-platform policies, reporting
 * thresholds) summarise public sources named on each type; they are not legal advice and must
 * be checked by the host's counsel before use.
 */
@NullMarked
package io.advocacy.core.reward;

import org.jspecify.annotations.NullMarked;
