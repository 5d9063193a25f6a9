package io.advocacy.core.reward;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an issue request.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param status what happened
 * @param reward the reward recorded now or earlier under the key; null when denied
 * @param decision the compliance decision: this request's for {@code ISSUED} and {@code DENIED},
 *     the original one for {@code DUPLICATE} and {@code KEY_CONFLICT}
 */
public record IssueResult(Status status, @Nullable Reward reward, ComplianceDecision decision) {
  /**
   * Validates the result.
   *
   * @param status what happened
   * @param reward the reward; null exactly when denied
   * @param decision the compliance decision
   * @throws IllegalArgumentException if the reward's presence does not fit the status
   */
  public IssueResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(decision, "decision");
    if ((status == Status.DENIED) != (reward == null)) {
      throw new IllegalArgumentException("status " + status + " with reward " + reward);
    }
  }

  /**
   * The reward, if one exists for the key.
   *
   * @return the reward, or empty when denied
   */
  public Optional<Reward> rewardIfAny() {
    return Optional.ofNullable(reward);
  }

  /** What an issue request did. Immutable; thread-safe. */
  public enum Status {
    /** A new reward was recorded. */
    ISSUED,
    /** The key was already recorded with an equal request; nothing new was recorded. */
    DUPLICATE,
    /**
     * The key was already recorded with a different request; nothing new was recorded and the
     * original reward is returned.
     */
    KEY_CONFLICT,
    /** Compliance or caps denied the reward; nothing was recorded. */
    DENIED
  }
}
