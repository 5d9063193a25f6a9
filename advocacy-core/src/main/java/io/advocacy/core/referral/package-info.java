/**
 * Referrals: unambiguous, check-summed {@link io.advocacy.core.referral.ReferralCode}s, the
 * referral lifecycle driven by host signals through the {@link
 * io.advocacy.core.referral.ReferralService} (its only writer), attribution windows, policies
 * for competing referrers, pluggable {@link io.advocacy.core.referral.FraudRule}s and the
 * {@link io.advocacy.core.referral.ReferralStore} extension point.
 */
@NullMarked
package io.advocacy.core.referral;

import org.jspecify.annotations.NullMarked;
