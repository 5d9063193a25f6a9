package io.advocacy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RequireTest {
  /**
   * Characters of every kind the rule tells apart: printable ASCII, the space, ASCII and Latin-1
   * controls (tab, NUL, DEL, NEL), white space beyond ASCII (line separator, ideographic space),
   * a no-break space (neither white space nor a control), and letters beyond ASCII.
   */
  private static final String ALPHABET =
      "aZ09-_.:~ \t\n\u0000\u001f\u007f\u0085\u00a0\u00e9\u2028\u3000\u65e5";

  /** The documented rule, written out check by check. */
  private static String expected(String v) {
    if (v.isBlank()) {
      return "is blank";
    }
    if (v.length() > Require.MAX_ID_LENGTH) {
      return "is longer than 256 characters (" + v.length() + ")";
    }
    if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
      return "has leading or trailing white space";
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        return "contains a control character at index " + i;
      }
    }
    return null;
  }

  private static String text(String prefix, List<Integer> picks) {
    StringBuilder b = new StringBuilder(prefix);
    picks.forEach(k -> b.append(ALPHABET.charAt(k)));
    return b.toString();
  }

  private static Gen<List<Integer>> picks(int most) {
    return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, most);
  }

  @Test
  void identifierProblemFollowsTheRuleOnShortStringsOfEveryKindOfCharacter() {
    qt().withFixedSeed(20261201L).withExamples(20_000).forAll(picks(8))
        .checkAssert(p -> assertThat(Require.identifierProblem(text("", p)))
            .as("%s", p).isEqualTo(expected(text("", p))));
  }

  @Test
  void identifierProblemFollowsTheRuleAroundTheLongestLength() {
    qt().withFixedSeed(7L).withExamples(2_000).forAll(picks(8))
        .checkAssert(p -> {
          String v = text("x".repeat(Require.MAX_ID_LENGTH - 4), p);
          assertThat(Require.identifierProblem(v)).as("%s", p).isEqualTo(expected(v));
        });
  }

  @Test
  void printableAsciiIsValidAndEachOtherKindIsCaught() {
    assertThat(Require.identifierProblem("order-1234:x_Y.z~")).isNull();
    assertThat(Require.identifierProblem("caf\u00e9")).isNull();
    assertThat(Require.identifierProblem("a\u00a0b")).isNull();
    assertThat(Require.identifierProblem("a\u007f")).isEqualTo(
        "contains a control character at index 1");
    assertThat(Require.identifierProblem("a\u0085b")).isEqualTo(
        "contains a control character at index 1");
    assertThat(Require.identifierProblem("a\u3000")).isEqualTo(
        "has leading or trailing white space");
    assertThat(Require.identifierProblem("")).isEqualTo("is blank");
    assertThat(Require.identifierProblem("x".repeat(256))).isNull();
    assertThat(Require.identifierProblem("x".repeat(257))).isEqualTo(
        "is longer than 256 characters (257)");
  }
}
