package io.advocacy.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money in one currency. Amounts are {@link BigDecimal}s kept at the currency's
 * minor-unit scale (two decimals for USD, none for JPY), so {@code 10} and {@code 10.00} USD are
 * equal; an amount with more decimals than the currency has is rejected rather than rounded.
 * There is no currency conversion: arithmetic and comparison across currencies fail fast.
 *
 * <pre>{@code
 * Money price = Money.of("49.90", "EUR");
 * Money twice = price.plus(price);            // 99.80 EUR
 * }</pre>
 *
 * <p>JSON: {@code {"amount": 49.90, "currency": "EUR"}}. Value-based and immutable;
 * thread-safe.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * Validates and normalises the amount to the currency's scale.
   *
   * @param amount the amount, at the currency's scale
   * @param currency the currency
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the amount has more decimals than the currency allows
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    String problem = scaleProblem(amount, currency);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    amount = normalise(amount, currency);
  }

  /**
   * Money from a decimal string and an ISO 4217 code.
   *
   * @param amount a plain decimal such as {@code "19.99"} or {@code "-5"}
   * @param currencyCode an ISO 4217 code such as {@code "USD"}
   * @return the money
   * @throws IllegalArgumentException if the amount is not a decimal number, the code is not a
   *     known currency, or the amount has more decimals than the currency allows
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount \"" + amount + "\" is not a decimal number", e);
    }
    return new Money(value, currency(currencyCode));
  }

  /**
   * Money from a decimal and a currency.
   *
   * @param amount the amount
   * @param currency the currency
   * @return the money
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * Zero in a currency.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * Looks up an ISO 4217 currency.
   *
   * @param code the code, e.g. {@code "USD"}
   * @return the currency
   * @throws IllegalArgumentException naming the code if it is unknown
   */
  public static Currency currency(String code) {
    Objects.requireNonNull(code, "currency code");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency \"" + code + "\" is not an ISO 4217 code", e);
    }
  }

  /**
   * Says what is wrong with an amount in a currency, or null when nothing is. Adapters use this
   * to reject a record without an exception.
   *
   * @param amount the amount
   * @param currency the currency
   * @return a message, or null when the pair makes valid money
   */
  public static @Nullable String scaleProblem(BigDecimal amount, Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
      return "amount " + amount.toPlainString() + " has more than " + digits
          + " decimal places for " + currency.getCurrencyCode();
    }
    return null;
  }

  private static BigDecimal normalise(BigDecimal amount, Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    BigDecimal stripped = amount.stripTrailingZeros();
    if (digits >= 0) {
      return stripped.setScale(digits, RoundingMode.UNNECESSARY);
    }
    return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
  }

  /**
   * The ISO 4217 code, for JSON.
   *
   * @return the currency code
   */
  @JsonIgnore
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /**
   * The sum of two amounts in the same currency.
   *
   * @param other the other amount
   * @return this + other
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * The difference of two amounts in the same currency.
   *
   * @param other the amount to subtract
   * @return this - other
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true for a negative amount
   */
  @JsonIgnore
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Compares amounts in the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + this + " with " + other + ": currencies differ");
    }
  }

  /** Returns e.g. {@code 49.90 EUR}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
