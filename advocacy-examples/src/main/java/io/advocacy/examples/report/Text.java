package io.advocacy.examples.report;

import io.advocacy.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Escaping and number formatting shared by the report's writers. Numbers are formatted the
 * same way on every machine (English grouping and decimal point), so a report reads the same
 * wherever it was produced.
 *
 * <p>Stateless; thread-safe.
 */
final class Text {
  /** Average advance of a monospace glyph, as a fraction of the font size. */
  static final double MONO_ADVANCE = 0.62;

  /** Average advance of a sans-serif glyph, as a fraction of the font size (generous). */
  static final double SANS_ADVANCE = 0.58;

  private Text() {}

  /**
   * Escapes text for HTML and XML content and attribute values, and drops characters XML 1.0
   * does not allow.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              b.append(c);
            }
          }
        }
      }
    }
    return b.toString();
  }

  /** A whole number with grouping: {@code 10,000}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A number with the given decimals and grouping: {@code 1,234.5}. */
  static String decimal(double x, int decimals) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return "n/a";
    }
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(x);
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }

  /** A signed NPS with one decimal: {@code +32.4}, {@code -5.0}, {@code 0.0}. */
  static String nps(double x) {
    String s = decimal(x, 1);
    return x > 0 && !s.equals("0.0") ? "+" + s : s;
  }

  /** A share as a percentage with one decimal: {@code 12.5%}. */
  static String percent(double share) {
    return decimal(share * 100, 1) + "%";
  }

  /** Money with grouping at its currency's scale: {@code 1,234,567.00 USD}. */
  static String money(Money m) {
    int digits = Math.max(0, m.currency().getDefaultFractionDigits());
    return decimal(m.amount(), digits) + " " + m.currencyCode();
  }

  /** Money rounded to whole units with grouping: {@code 731,550 USD}. */
  static String moneyWhole(Money m) {
    return decimal(m.amount(), 0) + " " + m.currencyCode();
  }

  /** A decimal with grouping, exact (no binary rounding). */
  static String decimal(BigDecimal x, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(x);
  }

  /** A compact amount for chart axes and bar ends: {@code 950}, {@code 12.5k}, {@code 500k}, {@code 3.2M}. */
  static String compact(double x) {
    double a = Math.abs(x);
    if (a >= 1e9) {
      return trimZero(decimal(x / 1e9, 1)) + "B";
    }
    if (a >= 1e6) {
      return trimZero(decimal(x / 1e6, 1)) + "M";
    }
    if (a >= 1e4) {
      return trimZero(decimal(x / 1e3, 1)) + "k";
    }
    return a == Math.rint(a) ? decimal(x, 0) : decimal(x, 1);
  }

  private static String trimZero(String s) {
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** Estimated width in pixels of text in a monospace font. */
  static double monoWidth(String s, double fontSize) {
    return s.codePointCount(0, s.length()) * fontSize * MONO_ADVANCE;
  }

  /** Estimated width in pixels of text in a sans-serif font. */
  static double sansWidth(String s, double fontSize) {
    return s.codePointCount(0, s.length()) * fontSize * SANS_ADVANCE;
  }

  /** An SVG coordinate: at most one decimal, no trailing zero. */
  static String num(double x) {
    double r = Math.round(x * 10) / 10.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    return Double.toString(r);
  }
}
