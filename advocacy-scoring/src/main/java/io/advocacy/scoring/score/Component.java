package io.advocacy.scoring.score;

import java.util.Locale;
import java.util.Optional;

/**
 * A component of the advocate score.
 *
 * <p>Immutable; thread-safe.
 */
public enum Component {
  /** How the customer says they feel: NPS, CSAT. */
  SENTIMENT,
  /** How much they use the product or buy: usage, purchases, stays, visits. */
  ENGAGEMENT,
  /** Value achieved: outcomes, renewals, expansions. */
  OUTCOMES,
  /** Acts of advocacy: reviews, referrals, references, case studies, stories, community. */
  ADVOCACY,
  /** What they say in public: social mentions and their sentiment. */
  SOCIAL,
  /** Complaints, escalations, cancellations, refunds: a penalty. */
  RISK;

  /**
   * The component's name in model documents, e.g. {@code "sentiment"}.
   *
   * @return the lower-case name
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The component with a key.
   *
   * @param key a model document key
   * @return the component, or empty
   */
  public static Optional<Component> ofKey(String key) {
    for (Component c : values()) {
      if (c.key().equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
