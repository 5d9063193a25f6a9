/** Touchpoints: the recorded interactions on a path to conversion that attribution consumes. */
@NullMarked
package io.advocacy.core.touchpoint;

import org.jspecify.annotations.NullMarked;
