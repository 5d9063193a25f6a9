/**
 * Scenario examples: small, commented programs to read while learning the API. Each has a
 * {@code main} that prints a short account of what happened and a {@code run} that returns the
 * figures its test asserts. Every program runs on a clock it advances itself, never the wall
 * clock, so its output is the same on every run.
 *
 * <ul>
 *   <li>{@link io.advocacy.examples.scenarios.B2bSaasLadder}: a B2B SaaS advocate ladder with
 *       referral attribution to opportunities and revenue;
 *   <li>{@link io.advocacy.examples.scenarios.TelcoRecoveryAndReferral}: NPS recovery for
 *       detractors and a referral programme for promoters;
 *   <li>{@link io.advocacy.examples.scenarios.EcommerceReviewsAndLoyalty}: a post-purchase review
 *       request and recognition points and levels;
 *   <li>{@link io.advocacy.examples.scenarios.HealthcarePatientAmbassadors}: a cash-equivalent
 *       reward blocked for a government programme beneficiary, recognition instead;
 *   <li>{@link io.advocacy.examples.scenarios.CustomWebhookAdapter}: a host's own signal adapter.
 * </ul>
 */
@NullMarked
package io.advocacy.examples.scenarios;

import org.jspecify.annotations.NullMarked;
