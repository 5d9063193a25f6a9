package io.advocacy.core.touchpoint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.advocacy.core.internal.Require;

/**
 * A marketing channel as attribution sees it ({@code email}, {@code paid_search},
 * {@code referral}, {@code Facebook}…). Names are kept exactly as given (case included); they
 * follow the identifier rules: non-blank, at most 256 characters, no control characters.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the channel's name
 */
public record Channel(@JsonValue String name) {
  /** Touches through an advocate's referral. */
  public static final Channel REFERRAL = new Channel("referral");
  /** Direct visits (typed address, bookmark). */
  public static final Channel DIRECT = new Channel("direct");

  /**
   * Validates the name.
   *
   * @param name the channel's name
   * @throws IllegalArgumentException if it is blank or malformed
   */
  public Channel {
    Require.identifier("channel", name);
  }

  /**
   * The channel with a name.
   *
   * @param name the name
   * @return the channel
   */
  @JsonCreator
  public static Channel of(String name) {
    return new Channel(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
