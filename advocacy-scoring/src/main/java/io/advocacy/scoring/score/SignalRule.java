package io.advocacy.scoring.score;

import io.advocacy.core.signal.Signal;
import java.util.Objects;

/**
 * How signals of one type feed one component: {@code contribution = base(signal) · factor},
 * limited to ±{@code maxPerSignal} when that is positive.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param component the component fed
 * @param kind how the base is read from the signal
 * @param factor the multiplier, finite
 * @param maxPerSignal the largest magnitude one signal contributes; 0 for no limit
 */
public record SignalRule(Component component, RuleKind kind, double factor, double maxPerSignal) {
  /**
   * Validates the rule.
   *
   * @param component the component fed
   * @param kind how the base is read
   * @param factor the multiplier
   * @param maxPerSignal the per-signal limit, 0 for none
   * @throws IllegalArgumentException if a number is not finite or the limit is negative
   */
  public SignalRule {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(kind, "kind");
    if (!Double.isFinite(factor)) {
      throw new IllegalArgumentException("factor " + factor + " is not finite");
    }
    if (!(maxPerSignal >= 0) || Double.isInfinite(maxPerSignal)) {
      throw new IllegalArgumentException("maxPerSignal " + maxPerSignal + " is not finite and >= 0");
    }
  }

  /**
   * The contribution of a signal.
   *
   * @param signal the signal
   * @return the contribution, finite
   */
  public double contribution(Signal signal) {
    double v = signal.value();
    double base = switch (kind) {
      case NPS -> clamp((v - 7) / 3);
      case CSAT -> clamp((v - 3) / 2);
      case VALUE -> v;
      case FIXED -> 1;
      case AMOUNT -> signal.amountIfAny().map(m -> m.amount().doubleValue()).orElse(0.0);
    };
    double c = base * factor;
    if (!Double.isFinite(c)) {
      return 0;
    }
    if (maxPerSignal > 0) {
      c = Math.max(-maxPerSignal, Math.min(maxPerSignal, c));
    }
    return c;
  }

  private static double clamp(double x) {
    return Math.max(-1, Math.min(1, x));
  }
}
