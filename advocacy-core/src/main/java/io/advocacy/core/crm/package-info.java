/**
 * CRM tracking, the playbook's Track step: {@link io.advocacy.core.crm.Opportunity}s and
 * {@link io.advocacy.core.crm.Booking}s built from the host's CRM signals by an {@link
 * io.advocacy.core.crm.OpportunityBook} over an {@link io.advocacy.core.crm.OpportunityStore},
 * and the {@link io.advocacy.core.crm.OpportunityLinker} that connects opportunities to the
 * referrals that sourced them and the touchpoints that influenced them, with {@link
 * io.advocacy.core.crm.PipelineTotals} per currency for the referral-sourced pipeline and
 * revenue KPIs.
 */
@NullMarked
package io.advocacy.core.crm;

import org.jspecify.annotations.NullMarked;
