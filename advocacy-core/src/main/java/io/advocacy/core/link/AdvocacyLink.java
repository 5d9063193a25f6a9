package io.advocacy.core.link;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A personalised link, ready to put in a message.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param url what to put in the message: the tracked link, or for a share the channel's
 *     composer address around it
 * @param trackedUrl the host's landing address with UTM parameters and the token; opening it
 *     is a click ({@link LinkClicks})
 * @param destination where the landing page sends the reader after the click (the review
 *     platform's write-a-review address), or null
 * @param token the sealed token the tracked link carries
 * @param payload what the token carries
 */
public record AdvocacyLink(
    String url, String trackedUrl, @Nullable String destination, String token,
    TokenPayload payload) {
  /**
   * Validates the link.
   *
   * @param url what to put in the message
   * @param trackedUrl the tracked landing address
   * @param destination where the reader goes after the click, or null
   * @param token the token
   * @param payload what the token carries
   */
  public AdvocacyLink {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(trackedUrl, "trackedUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(payload, "payload");
  }
}
