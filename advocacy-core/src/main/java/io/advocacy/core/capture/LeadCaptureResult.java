package io.advocacy.core.capture;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of capturing a referral lead: the lead, or the problems that stopped it; and
 * every submitted field accounted for as stored, rejected (a problem) or ignored.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param lead the lead, or null when a field was rejected
 * @param problems the rejected fields (plus required fields not submitted), empty for a lead
 * @param ignored the fields not stored: blank optional answers, fields the form does not ask,
 *     unknown fields
 * @param stored the submitted keys whose answers the lead keeps (or would keep)
 */
public record LeadCaptureResult(
    @Nullable ReferralLead lead, List<FieldProblem> problems, List<FieldProblem> ignored,
    Set<String> stored) {
  /**
   * Validates the result.
   *
   * @param lead the lead, or null
   * @param problems the rejections
   * @param ignored the ignored fields
   * @param stored the stored keys
   * @throws IllegalArgumentException if a lead comes with problems, or neither
   */
  public LeadCaptureResult {
    problems = List.copyOf(problems);
    ignored = List.copyOf(ignored);
    stored = Set.copyOf(stored);
    if ((lead == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("lead " + lead + " with problems " + problems);
    }
  }

  /**
   * Whether a lead was captured.
   *
   * @return true if {@link #lead()} is present
   */
  public boolean captured() {
    return lead != null;
  }
}
