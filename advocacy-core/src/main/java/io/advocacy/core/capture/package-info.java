/**
 * Capture: referral lead forms whose fields and rules follow the industry and the programme,
 * validated into {@link io.advocacy.core.capture.ReferralLead}s that carry the advocate's
 * context for the sales team; and guided story capture for case studies and testimonials,
 * validated into {@link io.advocacy.core.capture.StoryDraft}s.
 */
@NullMarked
package io.advocacy.core.capture;

import org.jspecify.annotations.NullMarked;
