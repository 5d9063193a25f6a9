/**
 * Qualification: advocate tiers from scores, the motions each customer may be invited to with
 * the reason for every yes and every no, and derived signals when either changes.
 */
@NullMarked
package io.advocacy.scoring.qualify;

import org.jspecify.annotations.NullMarked;
