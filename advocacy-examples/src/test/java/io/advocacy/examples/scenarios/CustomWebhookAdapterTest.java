package io.advocacy.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.adapter.AdapterSummary;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.signal.SignalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CustomWebhookAdapterTest {
  final CustomWebhookAdapter adapter = new CustomWebhookAdapter();

  static final String AT = "at=2027-03-01T15:00:00Z";

  @Test
  void theScenarioAccountsForEveryRecordAndTheEngineActsOnTheGoodOnes() {
    CustomWebhookAdapter.Result r = Printed.of(CustomWebhookAdapter::run).result();
    assertThat(r.summary()).isEqualTo("survey-webhook: 8 seen, 3 accepted, 1 ignored, 4 rejected");
    assertThat(r.rejections()).containsExactly("3 value OUT_OF_RANGE", "4 at INVALID_TIMESTAMP",
        "5 id DUPLICATE_ID", "6  MALFORMED_RECORD");
    assertThat(r.ignored()).containsExactly("2 UNMAPPED_EVENT");
    assertThat(r.signals()).containsExactly(
        "customer:c-ada nps_answered", "customer:c-ada motion_eligibility_changed",
        "customer:c-bo csat_answered", "customer:c-bo motion_eligibility_changed",
        "customer:c-ada purchase_completed", "customer:c-ada motion_eligibility_changed");
    // both are invited to refer; Ada's review ask waits two days after her referral ask
    assertThat(r.asks()).containsExactly("c-ada ask_referral ALLOWED",
        "c-bo ask_referral ALLOWED", "c-ada ask_review DEFERRED");
  }

  @Test
  void aGoodRecordBecomesASignalFromTheAdapter() {
    AdapterResult r = adapter.read("id=wh-9&customer=c-ada&event=review&value=4&platform=g2&"
        + AT + "\r\n");
    assertThat(r.signals()).singleElement().satisfies(s -> {
      assertThat(s.id().value()).isEqualTo("wh-9");
      assertThat(s.subject().asText()).isEqualTo("customer:c-ada");
      assertThat(s.type()).isEqualTo(SignalType.REVIEW_POSTED);
      assertThat(s.value()).isEqualTo(4.0);
      assertThat(s.source()).isEqualTo("survey-webhook");
    });
    assertThat(r.summary().toString())
        .isEqualTo("survey-webhook: 1 seen, 1 accepted, 0 ignored, 0 rejected");
  }

  @Test
  void badRecordsAreRejectedWithTheirRecordFieldAndReason() {
    String input = String.join("\n",
        "id=a1&customer=c-1&event=nps&" + AT,                           // 0: no value
        "id=a2&customer=c-1&event=nps&value=nine&" + AT,                // 1: not a number
        "id=a3&customer=c-1&event=csat&value=0&" + AT,                  // 2: CSAT is 1..5
        "id=a4&event=nps&value=9&" + AT,                                // 3: no customer
        "id=a5&customer=c\u0001x&event=nps&value=9&" + AT,             // 4: control character
        "id=a6&id=a7&customer=c-1&event=nps&value=9&" + AT,             // 5: key twice
        "&&",                                                           // 6: empty pairs
        "id=a8&customer=c-1&event=nps&value=9&at=2027-13-01T00:00:00Z", // 7: bad instant
        "x".repeat(CustomWebhookAdapter.MAX_LINE + 1));                 // 8: too long
    AdapterResult r = adapter.read(input);
    assertThat(r.signals()).isEmpty();
    assertThat(r.rejections()).extracting(x -> x.record().index() + "/" + x.record().line()
            + " " + x.field() + " " + x.reason())
        .containsExactly("0/1 value MISSING_FIELD", "1/2 value INVALID_VALUE",
            "2/3 value OUT_OF_RANGE", "3/4 customer MISSING_FIELD",
            "4/5 customer INVALID_IDENTIFIER", "5/6 id MALFORMED_RECORD",
            "6/7  MALFORMED_RECORD", "7/8 at INVALID_TIMESTAMP", "8/9  RECORD_TOO_LARGE");
  }

  @Test
  void aFailingInputEndsInOneIoErrorAfterTheRecordsReadBeforeIt() {
    byte[] bytes = ("id=a&customer=c-1&event=nps&value=9&" + AT + "\nid=b&cust")
        .getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      int pos;

      @Override
      public int read() throws IOException {
        if (pos == bytes.length) {
          throw new IOException("connection reset");
        }
        return bytes[pos++];
      }
    };
    AdapterResult r = adapter.read(failing);
    assertThat(r.signals()).hasSize(1);
    assertThat(r.rejections()).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo(RejectionReason.IO_ERROR);
      assertThat(x.record().index()).isEqualTo(1);
      assertThat(x.record().line()).isEqualTo(2);
    });
  }

  static final List<String> PIECES = List.of("\n", "\r\n", "&", "=", " ", "id=x1", "id=x2",
      "customer=c-1", "customer=", "event=nps", "event=ping", "event=csat", "value=9",
      "value=11", "value=-1", "value=NaN", AT, "at=bad",
      "id=v&customer=c-2&event=nps&value=10&" + AT + "\n");

  /** Fragments of the format glued together, or any string at all. */
  static Gen<String> inputs() {
    Gen<String> glued = lists().of(integers().between(0, PIECES.size() - 1))
        .ofSizeBetween(0, 40).map(ix -> {
          StringBuilder b = new StringBuilder();
          ix.forEach(i -> b.append(PIECES.get(i)));
          return b.toString();
        });
    return glued.mix(strings().allPossible().ofLengthBetween(0, 200))
        .mix(strings().ascii().ofLengthBetween(0, 200));
  }

  @Test
  void anyInputGivesNoExceptionAndEveryRecordIsAccountedFor() {
    qt().withExamples(1_000).forAll(inputs()).checkAssert(input -> {
      List<Long> indices = new ArrayList<>();
      AdapterSummary summary = adapter.stream(
          new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
          new io.advocacy.core.adapter.SignalSink() {
            @Override
            public void accepted(io.advocacy.core.signal.Signal signal,
                io.advocacy.core.adapter.RecordRef record) {
              indices.add(record.index());
            }

            @Override
            public void ignored(io.advocacy.core.adapter.IgnoredRecord record) {
              indices.add(record.record().index());
            }

            @Override
            public void rejected(io.advocacy.core.adapter.Rejection rejection) {
              indices.add(rejection.record().index());
            }
          });
      // every non-blank line is one record, reported once, in order
      String decoded = new String(input.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      long records = Arrays.stream(decoded.split("\n", -1))
          .filter(l -> !l.isBlank() || l.length() > CustomWebhookAdapter.MAX_LINE).count();
      assertThat(summary.recordsSeen()).isEqualTo(records);
      assertThat(summary.accepted() + summary.ignored() + summary.rejected()).isEqualTo(records);
      List<Long> expected = new ArrayList<>();
      for (long i = 0; i < records; i++) {
        expected.add(i);
      }
      assertThat(indices).isEqualTo(expected);
    });
  }
}
