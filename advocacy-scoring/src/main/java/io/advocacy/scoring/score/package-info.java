/**
 * Advocate scores: a composite 0–100 from decaying components, updated incrementally per
 * signal, independent of arrival order, explained by component and by top contributing
 * signals, with scoring models as versioned JSON data.
 */
@NullMarked
package io.advocacy.scoring.score;

import org.jspecify.annotations.NullMarked;
