package io.advocacy.core.referral;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link ReferralCode#parse(String)}: a valid code, or why the text is not one.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface CodeParseResult permits CodeParseResult.Valid, CodeParseResult.Invalid {

  /**
   * The code, when the text was valid.
   *
   * @return the code, or empty
   */
  Optional<ReferralCode> code();

  /**
   * A valid code.
   *
   * @param value the parsed code
   */
  record Valid(ReferralCode value) implements CodeParseResult {
    /**
     * Checks the component.
     *
     * @param value the parsed code
     */
    public Valid {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<ReferralCode> code() {
      return Optional.of(value);
    }
  }

  /**
   * Text that is not a valid code.
   *
   * @param problem why
   * @param position the 1-based position of the offending character for {@link
   *     CodeProblem#BAD_SYMBOL} (after leading white space is removed), otherwise 0
   * @param message a sentence for people, naming the character and position
   */
  record Invalid(CodeProblem problem, int position, String message) implements CodeParseResult {
    /**
     * Checks the components.
     *
     * @param problem why
     * @param position the 1-based position of the offending character, or 0
     * @param message a sentence for people
     */
    public Invalid {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(message, "message");
      if (position < 0) {
        throw new IllegalArgumentException("position must not be negative: " + position);
      }
    }

    @Override
    public Optional<ReferralCode> code() {
      return Optional.empty();
    }
  }
}
