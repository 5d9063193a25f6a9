/**
 * The KPIs of the advocacy capability maturity matrix, each with its numerator, denominator,
 * time window (by event time), level and the data it reads stated in {@link
 * io.advocacy.scoring.kpi.AdvocacyKpis}.
 */
@NullMarked
package io.advocacy.scoring.kpi;

import org.jspecify.annotations.NullMarked;
