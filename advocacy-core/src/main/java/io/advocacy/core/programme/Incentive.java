package io.advocacy.core.programme;

import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.RewardValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a programme offers for taking part: a kind and, except for recognition and swag, a
 * value. The reward itself is issued through the reward service, whose compliance rules decide.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param kind the incentive kind
 * @param value the amount (money or points), or null for recognition and swag
 */
public record Incentive(IncentiveKind kind, @Nullable RewardValue value) {
  /**
   * Validates the incentive.
   *
   * @param kind the incentive kind
   * @param value the amount, or null for recognition and swag
   * @throws IllegalArgumentException if a valued kind has no value, or points are not in
   *     points
   */
  public Incentive {
    Objects.requireNonNull(kind, "kind");
    boolean valueless = kind == IncentiveKind.RECOGNITION || kind == IncentiveKind.SWAG;
    if (value == null && !valueless) {
      throw new IllegalArgumentException("incentive " + kind + " needs a value");
    }
    if (value != null && (kind == IncentiveKind.POINTS) != value.isPoints()) {
      throw new IllegalArgumentException("incentive " + kind + " with value " + value);
    }
  }
}
