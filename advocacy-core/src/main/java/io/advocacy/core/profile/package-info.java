/**
 * The customer profile: industry, lifecycle stage, time zone, locale, consent per channel,
 * regulatory flags, account value and named dated attributes.
 */
@NullMarked
package io.advocacy.core.profile;

import org.jspecify.annotations.NullMarked;
