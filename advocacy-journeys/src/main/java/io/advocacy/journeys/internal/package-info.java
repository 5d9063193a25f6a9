/**
 * Implementation of the journeys module. Not API: may change without notice.
 */
@NullMarked
package io.advocacy.journeys.internal;

import org.jspecify.annotations.NullMarked;
