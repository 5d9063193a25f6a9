/**
 * Attribution: credit for conversions and their value by channel, advocate and journey, from
 * touch-level journeys or aggregated channel paths, under heuristic models, the exact Markov
 * chain removal effect and Shapley values.
 */
@NullMarked
package io.advocacy.scoring.attribution;

import org.jspecify.annotations.NullMarked;
