/**
 * The vocabulary of the Advocacy SDK: identifiers, {@link io.advocacy.core.Money}, motions and
 * the exception hierarchy. Feature packages hold customer profiles
 * ({@link io.advocacy.core.profile}), signals ({@link io.advocacy.core.signal}), identity
 * stitching ({@link io.advocacy.core.identity}), touchpoints ({@link io.advocacy.core.touchpoint})
 * and signal adapters ({@link io.advocacy.core.adapter}). Packages named {@code internal} are
 * implementation and may change without notice.
 */
@NullMarked
package io.advocacy.core;

import org.jspecify.annotations.NullMarked;
