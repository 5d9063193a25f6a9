/**
 * Advocacy links: personalised review-request, referral-share and invitation links with UTM
 * parameters and a sealed token (AES-GCM, key ids for rotation) carrying customer, programme,
 * motion and expiry; opening a token never throws; a click becomes a {@link
 * io.advocacy.core.signal.Signal}.
 */
@NullMarked
package io.advocacy.core.link;

import org.jspecify.annotations.NullMarked;
