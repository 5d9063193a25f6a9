package io.advocacy.scoring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathRowsTest {
  @Test
  void everyLineIsARowOrAProblemNamingItsLineAndColumn() {
    String text = """
        path,total_conversions,total_null,total_conversion_value
        email > referral,3,1,300.5
        > referral,1,0,10
        email,x,1,10
        email,-2,1,10
        email > a > b,1,1,1
        social,1,1,lots

        email,1,1
        """;
    PathRows.Read read = PathRows.read(text, 2);
    assertThat(read.rows()).containsExactly(new PathRow(List.of("email", "referral"), 3, 1, 300.5));
    assertThat(read.problems()).extracting(RowProblem::row, RowProblem::field, RowProblem::message)
        .containsExactly(
            tuple(3, "path", "'> referral' has an empty channel"),
            tuple(4, "total_conversions", "'x' is not a whole number"),
            tuple(5, "total_conversions", "-2 is negative"),
            tuple(6, "path", "has 3 touches; at most 2"),
            tuple(7, "total_conversion_value", "'lots' is not a number"),
            tuple(9, "line", "has 3 columns; expected 4"));
  }

  @Test
  void anyTextIsReadWithoutAnException() {
    qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(0, 200))
        .checkAssert(s -> {
          PathRows.read("path,total_conversions,total_null,total_conversion_value\n" + s);
          PathRows.read(s);
        });
    assertThat(PathRows.read("nonsense").problems()).extracting(RowProblem::field)
        .containsExactly("header");
  }
}
