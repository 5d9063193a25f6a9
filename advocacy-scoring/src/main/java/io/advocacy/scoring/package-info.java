/**
 * Scoring: turning signals into judgement and measurement. NPS statistics live in {@link
 * io.advocacy.scoring.nps}; advocate scores, qualification, KPIs, the pipeline forecast and
 * attribution in the sibling packages.
 */
@NullMarked
package io.advocacy.scoring;

import org.jspecify.annotations.NullMarked;
