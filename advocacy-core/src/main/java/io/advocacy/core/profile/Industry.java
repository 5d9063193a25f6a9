package io.advocacy.core.profile;

/**
 * The customer's industry; it selects industry rules such as healthcare's anti-inducement
 * limits on rewards.
 *
 * <p>Immutable; thread-safe.
 */
public enum Industry {
  /** Mobile, broadband and fixed-line operators. */
  TELECOMMUNICATIONS,
  /** Online retail. */
  ECOMMERCE,
  /** Store-based retail and loyalty programmes. */
  RETAIL,
  /** Banks, credit unions, insurers, wealth management. */
  FINANCIAL_SERVICES,
  /** Hotels, airlines, travel agencies. */
  TRAVEL_HOSPITALITY,
  /** Providers, payers and pharmacies under healthcare anti-inducement rules. */
  HEALTHCARE,
  /** Consumer digital-health products. */
  DIGITAL_HEALTH,
  /** Publishers and subscription media. */
  MEDIA_PUBLISHING,
  /** Business-to-business software as a service. */
  B2B_SAAS,
  /** Anything else. */
  OTHER
}
