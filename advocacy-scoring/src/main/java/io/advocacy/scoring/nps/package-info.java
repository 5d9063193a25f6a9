/**
 * Net Promoter Score statistics: bands, the score, confidence intervals (adjusted Wald by
 * default, plain Wald on request), per segment and per time window, and the change between two
 * windows with its own interval. See {@link io.advocacy.scoring.nps.NpsSummary} for the
 * arithmetic and its sources.
 */
@NullMarked
package io.advocacy.scoring.nps;

import org.jspecify.annotations.NullMarked;
