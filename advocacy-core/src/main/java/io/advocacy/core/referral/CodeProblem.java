package io.advocacy.core.referral;

/**
 * Why a string is not a valid {@link ReferralCode}.
 *
 * <p>Immutable; thread-safe.
 */
public enum CodeProblem {
  /** Nothing but white space was given. */
  EMPTY,
  /** Fewer than {@value ReferralCode#MIN_LENGTH} symbols: no room for a payload and a check. */
  TOO_SHORT,
  /** More than {@value ReferralCode#MAX_LENGTH} symbols. */
  TOO_LONG,
  /**
   * A character outside the alphabet {@value ReferralCode#ALPHABET}, for example the
   * look-alikes {@code O}, {@code I}, {@code L}, {@code 0} and {@code 1}, which are rejected
   * rather than guessed.
   */
  BAD_SYMBOL,
  /** Every symbol is valid but the check character does not match: a mistyped code. */
  WRONG_CHECK
}
