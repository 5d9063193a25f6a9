/**
 * Programmes: a structured offer for one motion — offer, incentive, terms, eligibility,
 * enrolment and opt-out — and the record of who takes part (the "programme participation"
 * KPI), kept in a {@link io.advocacy.core.programme.ParticipationStore}.
 */
@NullMarked
package io.advocacy.core.programme;

import org.jspecify.annotations.NullMarked;
