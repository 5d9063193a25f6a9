package io.advocacy.core.referral;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A referral code people can read aloud and type: payload symbols from a 31-symbol alphabet
 * ({@value #ALPHABET}: the digits 2–9 and the letters A–Z without I, L and O, so no symbol
 * looks like another) followed by one check symbol.
 *
 * <p><b>Check symbol.</b> With symbol values {@code a_1..a_n} (their index in the alphabet) the
 * check symbol is {@code c = (1·a_1 + 2·a_2 + … + n·a_n) mod 31}. Because 31 is prime and the
 * weights 1..n are non-zero and distinct mod 31, every single-symbol substitution changes the
 * sum (by {@code w_i(a − b) ≠ 0}) and every transposition of two adjacent distinct symbols
 * changes it by {@code (w_i − w_{i+1})(a − b) = −(a − b) ≠ 0}. Read as a whole code the check
 * symbol carries weight {@code −1 ≡ 30}, distinct from the payload weights because the
 * payload is at most 29 symbols, so substituting the check symbol or swapping it with the last
 * payload symbol is caught as well.
 *
 * <pre>{@code
 * CodeParseResult typed = ReferralCode.parse("k7mq-ish text");   // Invalid: BAD_SYMBOL
 * ReferralCode code = ReferralCode.fromPayload("K7MQ");          // "K7MQ" plus its check
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param value the code in upper case, check symbol last
 */
public record ReferralCode(String value) {
  /** The symbols, in value order: symbol {@code i} has value {@code i}. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  /** The modulus of the check: the size of the alphabet, a prime. */
  public static final int MODULUS = 31;
  /** Shortest code: one payload symbol and the check. */
  public static final int MIN_LENGTH = 2;
  /** Longest code, check included. */
  public static final int MAX_LENGTH = 30;

  /**
   * Validates the code: throws if it would not parse. Use {@link #parse(String)} for text from
   * people or hosts, which answers instead of throwing.
   *
   * @param value the code in upper case, check symbol last
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException naming the problem if it is not a valid code
   */
  public ReferralCode {
    Objects.requireNonNull(value, "value");
    if (!value.equals(value.toUpperCase(Locale.ROOT)) || !value.equals(value.strip())) {
      throw new IllegalArgumentException(
          "referral code \"" + value + "\" must be upper case without surrounding space");
    }
    CodeParseResult.Invalid invalid = problem(value);
    if (invalid != null) {
      throw new IllegalArgumentException("referral code: " + invalid.message());
    }
  }

  /**
   * Reads a code typed by a person or passed by a host. Leading and trailing white space is
   * ignored and lower case is accepted; anything else outside the alphabet is rejected with its
   * position, never corrected.
   *
   * @param text the text
   * @return the code, or why the text is not one
   * @throws NullPointerException if {@code text} is null
   */
  public static CodeParseResult parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip().toUpperCase(Locale.ROOT);
    CodeParseResult.Invalid invalid = problem(s);
    return invalid != null ? invalid : new CodeParseResult.Valid(new ReferralCode(s));
  }

  private static CodeParseResult.@Nullable Invalid problem(String s) {
    if (s.isEmpty()) {
      return new CodeParseResult.Invalid(CodeProblem.EMPTY, 0, "the code is empty");
    }
    if (s.length() > MAX_LENGTH) {
      return new CodeParseResult.Invalid(
          CodeProblem.TOO_LONG, 0,
          "the code has " + s.length() + " symbols; at most " + MAX_LENGTH + " are allowed");
    }
    for (int i = 0; i < s.length(); i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) {
        char shown = s.charAt(i);
        return new CodeParseResult.Invalid(
            CodeProblem.BAD_SYMBOL, i + 1,
            "'" + shown + "' at position " + (i + 1) + " is not a referral code symbol"
                + " (allowed: " + ALPHABET + ")");
      }
    }
    if (s.length() < MIN_LENGTH) {
      return new CodeParseResult.Invalid(
          CodeProblem.TOO_SHORT, 0, "the code needs at least " + MIN_LENGTH + " symbols");
    }
    String payload = s.substring(0, s.length() - 1);
    if (checkSymbol(payload) != s.charAt(s.length() - 1)) {
      return new CodeParseResult.Invalid(
          CodeProblem.WRONG_CHECK, 0, "the check symbol of \"" + s + "\" does not match");
    }
    return null;
  }

  /**
   * The code for a payload: the payload with its check symbol appended.
   *
   * @param payload 1 to {@value #MAX_LENGTH} − 1 symbols of the alphabet (any case)
   * @return the code
   * @throws IllegalArgumentException if the payload is empty, too long or has a bad symbol
   */
  public static ReferralCode fromPayload(String payload) {
    Objects.requireNonNull(payload, "payload");
    String p = payload.toUpperCase(Locale.ROOT);
    if (p.isEmpty() || p.length() > MAX_LENGTH - 1) {
      throw new IllegalArgumentException(
          "payload \"" + payload + "\" must have 1 to " + (MAX_LENGTH - 1) + " symbols");
    }
    return new ReferralCode(p + checkSymbol(p));
  }

  /**
   * A random code.
   *
   * @param random the source of randomness, for example a {@link java.security.SecureRandom}
   * @param payloadLength symbols before the check, 1 to {@value #MAX_LENGTH} − 1
   * @return a code of {@code payloadLength + 1} symbols
   * @throws IllegalArgumentException if the length is out of range
   */
  public static ReferralCode random(RandomGenerator random, int payloadLength) {
    Objects.requireNonNull(random, "random");
    checkPayloadLength(payloadLength);
    char[] symbols = new char[payloadLength];
    for (int i = 0; i < payloadLength; i++) {
      symbols[i] = ALPHABET.charAt(random.nextInt(MODULUS));
    }
    return fromPayload(new String(symbols));
  }

  /**
   * Checks a payload length.
   *
   * @param payloadLength the length
   * @return the length
   * @throws IllegalArgumentException naming the length if it is not 1 to 29
   */
  static int checkPayloadLength(int payloadLength) {
    if (payloadLength < 1 || payloadLength > MAX_LENGTH - 1) {
      throw new IllegalArgumentException(
          "payloadLength must be 1 to " + (MAX_LENGTH - 1) + ": " + payloadLength);
    }
    return payloadLength;
  }

  /**
   * The check symbol of a payload: {@code (Σ i·a_i) mod 31} with 1-based positions.
   *
   * @param payload upper-case symbols of the alphabet
   * @return the check symbol
   * @throws IllegalArgumentException if a symbol is outside the alphabet
   */
  public static char checkSymbol(String payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int a = ALPHABET.indexOf(payload.charAt(i));
      if (a < 0) {
        throw new IllegalArgumentException(
            "payload \"" + payload + "\" has a bad symbol at position " + (i + 1));
      }
      sum = (sum + (i + 1) * a) % MODULUS;
    }
    return ALPHABET.charAt(sum);
  }

  /**
   * The payload: every symbol but the check.
   *
   * @return the payload
   */
  public String payload() {
    return value.substring(0, value.length() - 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
