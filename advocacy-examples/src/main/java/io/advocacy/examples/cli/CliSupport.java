package io.advocacy.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** What the subcommands share: reading files, checking choices, rounding numbers for output. */
final class CliSupport {
  /** Exit code: everything read and done. */
  static final int EXIT_OK = 0;
  /** Exit code: ran, but found problems (rejected rows, an invalid journey). */
  static final int EXIT_PROBLEMS = 1;

  /** The JSON mapper for input and output; thread-safe. */
  static final JsonMapper JSON = JsonMapper.builder().build();

  private CliSupport() {}

  /**
   * Reads a whole file as UTF-8 text.
   *
   * @throws UsageException if it is missing, a directory, unreadable or not UTF-8
   */
  static String read(Path file) {
    if (!Files.exists(file)) {
      throw new UsageException("file not found: " + file);
    }
    if (Files.isDirectory(file)) {
      throw new UsageException(file + " is a directory, not a file");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new UsageException(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * Checks that a choice is one of the allowed values.
   *
   * @throws UsageException naming the allowed values otherwise
   */
  static String choice(String what, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new UsageException("unknown " + what + " '" + value + "'; use one of "
          + String.join(", ", allowed));
    }
    return value;
  }

  /** Rounds to 6 decimal places for machine-readable output (JSON, TSV). */
  static double round6(double x) {
    if (!Double.isFinite(x)) {
      return x;
    }
    return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Formats with a fixed number of decimals, independent of the locale. */
  static String fixed(double x, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
    // a value that rounds to zero prints as 0, not -0
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }

  /** Formats a number for TSV: rounded to 6 decimals, without trailing zeros. */
  static String plain(double x) {
    return BigDecimal.valueOf(round6(x)).stripTrailingZeros().toPlainString();
  }

  /** Prints one problem with an input line on standard error. */
  static void problem(PrintWriter err, long line, String field, String reason) {
    err.println("line " + line + (field.isEmpty() ? "" : ", " + field) + ": "
        + reason.replaceAll("\\s*\\R\\s*", " "));
  }
}
