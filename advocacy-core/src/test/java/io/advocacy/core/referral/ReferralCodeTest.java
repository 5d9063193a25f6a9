package io.advocacy.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralCodeTest {

  @Test
  void alphabetHas31UnambiguousSymbols() {
    assertThat(ReferralCode.ALPHABET).hasSize(31).doesNotContain("0", "1", "I", "L", "O");
    assertThat(ReferralCode.ALPHABET.chars().distinct().count()).isEqualTo(31);
  }

  @Test
  void checkSymbolOfAKnownPayload() {
    // K=17, 7=5, M=18, Q=21: 1*17 + 2*5 + 3*18 + 4*21 = 165 = 5*31 + 10; symbol 10 is 'C'.
    assertThat(ReferralCode.checkSymbol("K7MQ")).isEqualTo('C');
    ReferralCode code = ReferralCode.fromPayload("k7mq");
    assertThat(code.value()).isEqualTo("K7MQC");
    assertThat(code.payload()).isEqualTo("K7MQ");
    assertThat(code).hasToString("K7MQC");
    // '2' has value 0, so an all-'2' payload has check '2'.
    assertThat(ReferralCode.fromPayload("2222").value()).isEqualTo("22222");
  }

  @Test
  void parseIsCaseInsensitiveAndIgnoresSurroundingSpace() {
    assertThat(ReferralCode.parse("k7mqc"))
        .isEqualTo(new CodeParseResult.Valid(new ReferralCode("K7MQC")));
    assertThat(ReferralCode.parse("  K7mQc\t").code()).contains(new ReferralCode("K7MQC"));
  }

  @Test
  void emptyTooShortAndTooLong() {
    assertThat(problem("")).isEqualTo(CodeProblem.EMPTY);
    assertThat(problem("   ")).isEqualTo(CodeProblem.EMPTY);
    assertThat(problem("K")).isEqualTo(CodeProblem.TOO_SHORT);
    String thirty = ReferralCode.fromPayload("2".repeat(29)).value();
    assertThat(ReferralCode.parse(thirty).code()).isPresent();
    assertThat(problem(thirty + "2")).isEqualTo(CodeProblem.TOO_LONG);
  }

  @ParameterizedTest
  @CsvSource({"K7OQC,O,3", "I7MQC,I,1", "K7MLC,L,4", "K0MQC,0,2", "K7M1C,1,4", "K7-MQC,-,3",
      "K7 MQC,' ',3", "k7mql,L,5"})
  void badSymbolsAreRejectedWithTheirPosition(String text, char symbol, int position) {
    CodeParseResult.Invalid invalid = (CodeParseResult.Invalid) ReferralCode.parse(text);
    assertThat(invalid.problem()).isEqualTo(CodeProblem.BAD_SYMBOL);
    assertThat(invalid.position()).isEqualTo(position);
    assertThat(invalid.message()).startsWith("'" + symbol + "' at position " + position);
  }

  @Test
  void wrongCheckSymbol() {
    assertThat(problem("K7MQD")).isEqualTo(CodeProblem.WRONG_CHECK);
    assertThat(problem("7KMQC")).isEqualTo(CodeProblem.WRONG_CHECK);
  }

  @Test
  void constructorAndFactoriesFailFast() {
    assertThatThrownBy(() -> new ReferralCode("k7mqc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReferralCode("K7MQD"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check symbol");
    assertThatThrownBy(() -> new ReferralCode(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ReferralCode.fromPayload(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferralCode.fromPayload("K0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 2");
    assertThatThrownBy(() -> ReferralCode.random(new Random(1), 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadLength");
    assertThatThrownBy(() -> ReferralCode.random(new Random(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomCodesHaveTheRequestedLengthAndParse() {
    SplittableRandom random = new SplittableRandom(7);
    for (int length = 1; length <= 29; length++) {
      ReferralCode code = ReferralCode.random(random, length);
      assertThat(code.value()).hasSize(length + 1);
      assertThat(ReferralCode.parse(code.value().toLowerCase()).code()).contains(code);
    }
  }

  /** Every single-symbol substitution of any code, check symbol included, is detected. */
  @Test
  void everySingleSubstitutionIsDetected() {
    qt().forAll(payloads()).checkAssert(payload -> {
      String code = ReferralCode.fromPayload(payload).value();
      for (int i = 0; i < code.length(); i++) {
        for (char s : ReferralCode.ALPHABET.toCharArray()) {
          if (s != code.charAt(i)) {
            String typo = code.substring(0, i) + s + code.substring(i + 1);
            assertThat(problem(typo)).as(typo).isEqualTo(CodeProblem.WRONG_CHECK);
          }
        }
      }
    });
  }

  /** Every transposition of adjacent distinct symbols, check symbol included, is detected. */
  @Test
  void everyAdjacentTranspositionIsDetected() {
    qt().forAll(payloads()).checkAssert(payload -> {
      String code = ReferralCode.fromPayload(payload).value();
      for (int i = 0; i + 1 < code.length(); i++) {
        char a = code.charAt(i);
        char b = code.charAt(i + 1);
        if (a != b) {
          String swapped = code.substring(0, i) + b + a + code.substring(i + 2);
          assertThat(problem(swapped)).as(swapped).isEqualTo(CodeProblem.WRONG_CHECK);
        }
      }
    });
  }

  private static org.quicktheories.core.Gen<String> payloads() {
    return lists().of(integers().between(0, 30)).ofSizeBetween(1, 29).map(ReferralCodeTest::symbols);
  }

  private static String symbols(List<Integer> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach(v -> sb.append(ReferralCode.ALPHABET.charAt(v)));
    return sb.toString();
  }

  private static CodeProblem problem(String text) {
    return ((CodeParseResult.Invalid) ReferralCode.parse(text)).problem();
  }
}
