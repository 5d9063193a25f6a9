package io.advocacy.core.reward;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Per-customer caps and the hold period. Each cap is stated in one unit and counts only the
 * payee's rewards in that unit that still count (not voided or reversed); there is no currency
 * conversion. A rolling cap counts rewards issued in {@code (at - window, at]}; a total cap
 * counts all of them.
 *
 * <pre>{@code
 * RewardPolicy policy = RewardPolicy.builder()
 *     .capPerWindow(RewardValue.of(Money.of("100", "USD")), Duration.ofDays(30))
 *     .capTotal(RewardValue.points(10_000))
 *     .holdPeriod(Duration.ofDays(14))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe. The builder is not thread-safe.
 */
public final class RewardPolicy {
  /** The rule id used in cap reasons. */
  public static final String RULE_ID = "reward-policy";

  private final List<Cap> caps;
  private final Duration holdPeriod;

  private RewardPolicy(List<Cap> caps, Duration holdPeriod) {
    this.caps = List.copyOf(caps);
    this.holdPeriod = holdPeriod;
  }

  /**
   * A policy with no caps and no hold period.
   *
   * @return the policy
   */
  public static RewardPolicy unlimited() {
    return builder().build();
  }

  /**
   * Starts a policy with no caps and no hold period.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The caps.
   *
   * @return an immutable list
   */
  public List<Cap> caps() {
    return caps;
  }

  /**
   * The hold period between issue and payability.
   *
   * @return the hold period, zero or more
   */
  public Duration holdPeriod() {
    return holdPeriod;
  }

  /**
   * Checks the caps for a request.
   *
   * @param request the request
   * @param history the rewards already issued
   * @param at the instant the reward would be issued
   * @return the decision
   */
  public ComplianceDecision check(RewardRequest request, RewardHistory history, Instant at) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(at, "at");
    List<ComplianceReason> reasons = new ArrayList<>();
    RewardValue value = request.value();
    for (Cap cap : caps) {
      if (!cap.limit().unit().equals(value.unit())) {
        continue;
      }
      Duration window = cap.window();
      RewardValue sofar = window == null
          ? history.total(request.payee(), value.unit(), r -> true)
          : history.total(request.payee(), value.unit(),
              r -> r.issuedAt().isAfter(at.minus(window)) && !r.issuedAt().isAfter(at));
      RewardValue after = sofar.plus(value);
      if (after.isGreaterThan(cap.limit())) {
        reasons.add(ComplianceReason.deny(
            window == null ? ReasonCode.CAP_TOTAL_EXCEEDED : ReasonCode.CAP_PER_PERIOD_EXCEEDED,
            RULE_ID,
            "total would be " + after + " (already " + sofar + "), above the cap of "
                + cap.limit() + (window == null ? " in total" : " per " + window)));
      }
    }
    return new ComplianceDecision(reasons, Set.of());
  }

  /**
   * One cap.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param limit the most the payee may receive in the cap's unit
   * @param window the rolling window, or null for a total cap
   */
  public record Cap(RewardValue limit, @Nullable Duration window) {
    /**
     * Validates the cap.
     *
     * @param limit the most the payee may receive
     * @param window the rolling window, or null for a total cap
     * @throws IllegalArgumentException if the window is not positive
     */
    public Cap {
      Objects.requireNonNull(limit, "limit");
      if (window != null && (window.isZero() || window.isNegative())) {
        throw new IllegalArgumentException("cap window " + window + " is not positive");
      }
    }
  }

  /** Builds a {@link RewardPolicy}. Not thread-safe. */
  public static final class Builder {
    private final List<Cap> caps = new ArrayList<>();
    private @Nullable Duration holdPeriod;

    private Builder() {}

    /**
     * Adds a rolling-window cap.
     *
     * @param limit the most per window, in one unit
     * @param window the rolling window, positive
     * @return this builder
     */
    public Builder capPerWindow(RewardValue limit, Duration window) {
      caps.add(new Cap(limit, Objects.requireNonNull(window, "window")));
      return this;
    }

    /**
     * Adds a total cap.
     *
     * @param limit the most in total, in one unit
     * @return this builder
     */
    public Builder capTotal(RewardValue limit) {
      caps.add(new Cap(limit, null));
      return this;
    }

    /**
     * Sets the hold period before a reward becomes payable.
     *
     * @param hold the hold period, zero or more
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder holdPeriod(Duration hold) {
      Objects.requireNonNull(hold, "hold");
      if (hold.isNegative()) {
        throw new IllegalArgumentException("hold period " + hold + " is negative");
      }
      if (holdPeriod != null) {
        throw new IllegalStateException("hold period already set to " + holdPeriod);
      }
      holdPeriod = hold;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public RewardPolicy build() {
      return new RewardPolicy(caps, holdPeriod == null ? Duration.ZERO : holdPeriod);
    }
  }
}
