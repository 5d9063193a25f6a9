package io.advocacy.scoring.attribution;

import java.util.List;

/**
 * One distinct channel path with its totals, as analytics tools export aggregated paths.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param channels the channels in order, at least one
 * @param conversions journeys on this path that converted
 * @param nulls journeys on it that did not
 * @param value the total conversion value
 */
public record PathRow(List<String> channels, long conversions, long nulls, double value) {
  /**
   * Validates the row.
   *
   * @param channels the channels
   * @param conversions converting journeys
   * @param nulls non-converting journeys
   * @param value the total value
   * @throws IllegalArgumentException if the path is empty, a channel blank, a count negative or
   *     the value not finite and >= 0
   */
  public PathRow {
    channels = List.copyOf(channels);
    if (channels.isEmpty() || channels.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("path " + channels + " is empty or has a blank channel");
    }
    if (conversions < 0 || nulls < 0) {
      throw new IllegalArgumentException("negative count: " + conversions + " / " + nulls);
    }
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("path value " + value + " is not finite and >= 0");
    }
  }

  /**
   * A row.
   *
   * @param path channels joined by {@code " > "}
   * @param conversions converting journeys
   * @param nulls non-converting journeys
   * @param value the total value
   * @return the row
   */
  public static PathRow of(String path, long conversions, long nulls, double value) {
    return new PathRow(List.of(path.split("\\s*>\\s*")), conversions, nulls, value);
  }
}
