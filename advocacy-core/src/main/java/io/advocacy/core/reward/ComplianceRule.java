package io.advocacy.core.reward;

import java.time.Instant;

/**
 * One pluggable compliance check, run before anything is recorded. A rule never throws for
 * data it does not like: it answers with reasons. Rules that need history (per-year totals)
 * read it from the {@link RewardHistory} passed in; the service calls rules while it holds the
 * payee's issuing lock, so the history cannot change under them.
 *
 * <p>Implementations must be thread-safe and should be immutable.
 */
public interface ComplianceRule {
  /**
   * A stable id for the rule, used in reasons, e.g. {@code "healthcare"}.
   *
   * @return the id
   */
  String id();

  /**
   * Checks a request.
   *
   * @param request the request
   * @param history the rewards already issued
   * @param at the instant the reward would be issued (periods such as calendar years are
   *     judged at this instant)
   * @return the decision; {@link ComplianceDecision#allow()} when the rule has nothing to say
   */
  ComplianceDecision evaluate(RewardRequest request, RewardHistory history, Instant at);
}
