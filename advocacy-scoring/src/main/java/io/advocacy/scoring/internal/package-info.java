/**
 * Implementation of the scoring module: compact primitive collections. Not API: may change
 * without notice.
 */
@NullMarked
package io.advocacy.scoring.internal;

import org.jspecify.annotations.NullMarked;
