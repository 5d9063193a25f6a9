/**
 * Identity stitching: links from anonymous visitor ids to known customers (Segment
 * {@code identify}/{@code alias} semantics) and a resolver that answers which customer a
 * subject is, so that signals received before a link are attributed once it arrives.
 */
@NullMarked
package io.advocacy.core.identity;

import org.jspecify.annotations.NullMarked;
