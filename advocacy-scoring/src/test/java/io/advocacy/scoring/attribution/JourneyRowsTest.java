package io.advocacy.scoring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.touchpoint.StageMarker;
import org.junit.jupiter.api.Test;

class JourneyRowsTest {
  static final String HEADER = "path_id,at,channel,stage,advocate,journey,converted,value\n";

  @Test
  void touchesFormJourneysAndEveryBadLineSaysWhy() {
    String text = HEADER + """
        p1,2027-01-02T00:00:00Z,referral,lead_created,c-ada,refer,true,1000
        p1,2027-01-01T00:00:00Z,email,,,,true,1000
        p2,2027-01-01T00:00:00Z,email,qualified,,,false,0
        p3,yesterday,email,,,,false,0
        p1,2027-01-03T00:00:00Z,direct,,,,false,0
        p4,2027-01-01T00:00:00Z,email,,,,maybe,0
        p5,2027-01-01T00:00:00Z,a,,,,false,0
        p5,2027-01-02T00:00:00Z,b,,,,false,0
        p5,2027-01-03T00:00:00Z,c,,,,false,0
        """;
    JourneyRows.Read read = JourneyRows.read(text, 2);
    assertThat(read.journeys()).hasSize(1);
    ConversionPath p1 = read.journeys().get(0);
    assertThat(p1.converted()).isTrue();
    assertThat(p1.value()).isEqualTo(1000.0);
    assertThat(p1.touches()).extracting(t -> t.channel().name()).containsExactly("email", "referral");
    assertThat(p1.touches().get(1).stage()).isEqualTo(StageMarker.LEAD_CREATED);
    assertThat(read.problems()).extracting(RowProblem::row, RowProblem::field)
        .containsExactly(tuple(4, "stage"), tuple(5, "at"), tuple(6, "converted"),
            tuple(7, "converted"), tuple(10, "path_id"));
    JourneyRows.Read control = JourneyRows.read(HEADER
        + "p\u0001,2027-01-01T00:00:00Z,email,,c-\u0002,,false,0\n", 5);
    assertThat(control.problems()).extracting(RowProblem::field).containsExactly("line");
    assertThat(read.problems().get(0).message())
        .isEqualTo("unknown stage marker 'qualified'; known: lead_created, opportunity_created, closed_won");
  }

  @Test
  void anyTextIsAnsweredWithoutAnException() {
    qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(0, 200))
        .checkAssert(s -> {
          JourneyRows.read(HEADER + s, 5);
          JourneyRows.read(s, 5);
        });
  }
}
