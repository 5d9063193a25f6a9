/**
 * The contact policy: may we ask this customer now? A {@link io.advocacy.core.contact.Ask} (one
 * customer, one channel, one motion, one instant) is answered by the {@link
 * io.advocacy.core.contact.ContactPolicy} with allowed, deferred until an instant, or denied,
 * always with machine-readable {@link io.advocacy.core.contact.ContactReason}s: consent for the
 * channel, quiet hours in the customer's own time zone, frequency caps across all programmes
 * (reserved atomically in the {@link io.advocacy.core.contact.ContactHistoryStore}) and
 * suppression (a recent detractor answer, an open complaint or escalation, do-not-contact) kept
 * in the {@link io.advocacy.core.contact.SuppressionStore}.
 */
@NullMarked
package io.advocacy.core.contact;

import org.jspecify.annotations.NullMarked;
