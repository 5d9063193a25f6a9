package io.advocacy.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.CustomerId;
import io.advocacy.core.contact.SuppressionEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressionFactsTest {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");

  private static SuppressionEvent event(int code) {
    Kind kind = Kind.values()[code % Kind.values().length];
    String caseId = kind == Kind.DETRACTOR_ANSWER || (code / 7) % 3 == 0 ? null : "case-" + (code / 7) % 3;
    if (kind == Kind.DO_NOT_CONTACT_SET || kind == Kind.DO_NOT_CONTACT_CLEARED) {
      caseId = null;
    }
    return new SuppressionEvent(kind, ADA, caseId, T0.plus(Duration.ofDays((code / 21) % 20)));
  }

  @Test
  void theAnswerDependsOnlyOnTheSetOfEventsNotTheirOrder() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 30), longs().all())
        .checkAssert((codes, seed) -> {
          List<SuppressionEvent> events = new ArrayList<>();
          codes.forEach(c -> events.add(event(c)));
          List<SuppressionEvent> shuffled = new ArrayList<>(events);
          Collections.shuffle(shuffled, new Random(seed));
          SuppressionFacts inOrder = SuppressionFacts.none(ADA);
          for (SuppressionEvent e : events) {
            inOrder = inOrder.with(e);
          }
          SuppressionFacts reordered = SuppressionFacts.none(ADA);
          for (SuppressionEvent e : shuffled) {
            reordered = reordered.with(e).with(e); // and repeats change nothing
          }
          assertThat(reordered).isEqualTo(inOrder);
          for (int day = 0; day < 22; day++) {
            Instant at = T0.plus(Duration.ofDays(day)).plusSeconds(day % 2);
            assertThat(reordered.reasonsAt(at, Duration.ofDays(3)))
                .isEqualTo(inOrder.reasonsAt(at, Duration.ofDays(3)));
          }
        });
  }

  @Test
  void doNotContactSetAndClearedAtOneInstantStaysSet() {
    SuppressionFacts facts = SuppressionFacts.none(ADA)
        .with(new SuppressionEvent(Kind.DO_NOT_CONTACT_CLEARED, ADA, null, T0))
        .with(new SuppressionEvent(Kind.DO_NOT_CONTACT_SET, ADA, null, T0));
    assertThat(facts.reasonsAt(T0, Duration.ZERO)).extracting(ContactReason::message)
        .containsExactly("do-not-contact since 2027-01-04T12:00:00Z");
    assertThat(facts.reasonsAt(T0.minusSeconds(1), Duration.ZERO)).isEmpty();
  }

  @Test
  void aReopenedCaseIsOpenAgain() {
    SuppressionFacts facts = SuppressionFacts.none(ADA)
        .with(new SuppressionEvent(Kind.COMPLAINT_OPENED, ADA, "case-1", T0))
        .with(new SuppressionEvent(Kind.COMPLAINT_CLOSED, ADA, "case-1", T0.plusSeconds(10)))
        .with(new SuppressionEvent(Kind.COMPLAINT_OPENED, ADA, "case-1", T0.plusSeconds(20)));
    assertThat(facts.reasonsAt(T0.plusSeconds(15), Duration.ZERO)).isEmpty();
    assertThat(facts.reasonsAt(T0.plusSeconds(20), Duration.ZERO)).extracting(ContactReason::message)
        .containsExactly("complaint case-1 open since 2027-01-04T12:00:20Z");
  }

  @Test
  void eventsOfAnotherCustomerAreAProgrammerError() {
    assertThatThrownBy(() -> new SuppressionFacts(ADA, List.of(
        new SuppressionEvent(Kind.DETRACTOR_ANSWER, CustomerId.of("c-bob"), null, T0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-bob");
  }
}
