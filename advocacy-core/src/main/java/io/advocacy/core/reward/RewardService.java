package io.advocacy.core.reward;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for rewards: {@link #request} runs, as one unit per payee inside the ledger,
 * the idempotency check, the {@link CompliancePolicy}, the {@link RewardPolicy} caps and the
 * recording. Nothing is recorded unless compliance and caps allow it; a repeated idempotency key
 * returns the reward already recorded, without checking again.
 *
 * <pre>{@code
 * RewardService rewards = RewardService.builder(RewardLedger.inMemory(), clock)
 *     .compliance(CompliancePolicy.defaults())
 *     .policy(RewardPolicy.builder().holdPeriod(Duration.ofDays(14)).build())
 *     .build();
 * IssueResult result = rewards.request(request);
 * }</pre>
 *
 * <p>Time comes from the injected {@link InstantSource}: it stamps issue and state changes, and
 * periods (calendar years, rolling windows) are judged at that instant.
 *
 * <p>This class is thread-safe if its ledger is. The builder is not thread-safe.
 */
public final class RewardService {
  private final RewardLedger ledger;
  private final InstantSource clock;
  private final CompliancePolicy compliance;
  private final RewardPolicy policy;

  private RewardService(
      RewardLedger ledger, InstantSource clock, CompliancePolicy compliance, RewardPolicy policy) {
    this.ledger = ledger;
    this.clock = clock;
    this.compliance = compliance;
    this.policy = policy;
  }

  /**
   * Starts a service with {@link CompliancePolicy#defaults()} and {@link
   * RewardPolicy#unlimited()}.
   *
   * @param ledger the ledger
   * @param clock the time source
   * @return a builder
   */
  public static Builder builder(RewardLedger ledger, InstantSource clock) {
    return new Builder(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The ledger.
   *
   * @return the ledger
   */
  public RewardLedger ledger() {
    return ledger;
  }

  /**
   * Checks and, if allowed, issues a reward, payable after the policy's hold period.
   *
   * @param request the request
   * @return the result: issued, duplicate, key conflict or denied with reasons
   */
  public IssueResult request(RewardRequest request) {
    Objects.requireNonNull(request, "request");
    Instant now = clock.instant();
    return ledger.issue(request, now, now.plus(policy.holdPeriod()),
        history -> compliance.evaluate(request, history, now).and(policy.check(request, history, now)));
  }

  /**
   * Checks a request without recording anything.
   *
   * @param request the request
   * @return the decision compliance and caps would give now
   */
  public ComplianceDecision check(RewardRequest request) {
    Objects.requireNonNull(request, "request");
    Instant now = clock.instant();
    return compliance.evaluate(request, ledger, now).and(policy.check(request, ledger, now));
  }

  /**
   * Approves a reward now.
   *
   * @param id the reward
   * @return the result
   */
  public TransitionResult approve(RewardId id) {
    return ledger.approve(id, clock.instant());
  }

  /**
   * Fulfils a reward now; answered {@code NOT_YET_PAYABLE} during its hold period.
   *
   * @param id the reward
   * @return the result
   */
  public TransitionResult fulfil(RewardId id) {
    return ledger.fulfil(id, clock.instant());
  }

  /**
   * Voids a reward now.
   *
   * @param id the reward
   * @param note why
   * @return the result
   */
  public TransitionResult voidReward(RewardId id, String note) {
    return ledger.voidReward(id, clock.instant(), note);
  }

  /**
   * Reverses (claws back) a fulfilled reward now.
   *
   * @param id the reward
   * @param note why
   * @return the result
   */
  public TransitionResult reverse(RewardId id, String note) {
    return ledger.reverse(id, clock.instant(), note);
  }

  /** Builds a {@link RewardService}. Not thread-safe. */
  public static final class Builder {
    private final RewardLedger ledger;
    private final InstantSource clock;
    private @Nullable CompliancePolicy compliance;
    private @Nullable RewardPolicy policy;

    private Builder(RewardLedger ledger, InstantSource clock) {
      this.ledger = ledger;
      this.clock = clock;
    }

    /**
     * Sets the compliance policy.
     *
     * @param compliance the policy
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder compliance(CompliancePolicy compliance) {
      Objects.requireNonNull(compliance, "compliance");
      if (this.compliance != null) {
        throw new IllegalStateException("compliance policy already set");
      }
      this.compliance = compliance;
      return this;
    }

    /**
     * Sets the caps and hold period.
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder policy(RewardPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (this.policy != null) {
        throw new IllegalStateException("reward policy already set");
      }
      this.policy = policy;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    public RewardService build() {
      return new RewardService(ledger, clock,
          compliance == null ? CompliancePolicy.defaults() : compliance,
          policy == null ? RewardPolicy.unlimited() : policy);
    }
  }
}
