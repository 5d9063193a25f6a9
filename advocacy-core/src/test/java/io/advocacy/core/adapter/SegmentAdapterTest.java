package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.adapter.SegmentAdapter.EventMapping;
import io.advocacy.core.adapter.SegmentAdapter.Format;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.signal.ValueRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Segment adapter: the adapter contract for NDJSON and JSON, and exact expected answers. */
class SegmentAdapterTest extends SignalAdapterContract {

  static final String NPS =
      "{\"type\":\"track\",\"event\":\"NPS Survey Answered\",\"messageId\":\"m-1\","
          + "\"userId\":\"u-1\",\"timestamp\":\"2026-03-01T10:15:30Z\",\"properties\":{\"score\":9}}";
  static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

  private static final SignalAdapter NDJSON = SegmentAdapter.builder().build();
  private static final SignalAdapter JSON = SegmentAdapter.builder().format(Format.JSON).build();

  @Override
  protected SignalAdapter adapter() {
    return NDJSON;
  }

  @Override
  protected List<String> validInputs() {
    return List.of(resource("sample.ndjson"), NPS + "\n");
  }

  /** The same contract for one JSON document. */
  @Nested
  class JsonDocument extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return JSON;
    }

    @Override
    protected List<String> validInputs() {
      return List.of(resource("batch.json"), NPS, "[" + NPS + "]");
    }
  }

  static String resource(String name) {
    try (InputStream in = SegmentAdapterTest.class.getResourceAsStream("/segment/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AdapterResult read(SignalAdapter adapter, String input) {
    AdapterResult result = adapter.read(input);
    AdapterSummary s = result.summary();
    assertThat(s.accepted() + s.ignored() + s.rejected()).isEqualTo(s.recordsSeen());
    assertThat(result.signals()).hasSize((int) s.accepted());
    assertThat(result.ignored()).hasSize((int) s.ignored());
    assertThat(result.rejections()).hasSize((int) s.rejected());
    return result;
  }

  static Signal.Builder signal(String id, SubjectId subject, SignalType type, String at) {
    return Signal.builder(SignalId.of(id), subject, type, Instant.parse(at)).source("segment");
  }

  /** One NDJSON line that must be rejected, alone in its input. */
  static Rejection rejectedAlone(String line) {
    AdapterResult result = read(NDJSON, line + "\n");
    assertThat(result.summary().recordsSeen()).isEqualTo(1);
    assertThat(result.rejections()).as("rejections of %s", line).hasSize(1);
    Rejection r = result.rejections().get(0);
    assertThat(r.record()).isEqualTo(new RecordRef(0, 1));
    return r;
  }

  @Test
  void realisticNdjsonSampleGivesExactSignals() {
    AdapterResult result = read(NDJSON, resource("sample.ndjson"));

    assertThat(result.summary()).isEqualTo(new AdapterSummary("segment", 9, 6, 3, 0));
    assertThat(result.signals())
        .containsExactly(
            signal("m-1", CustomerId.of("u-1"), SignalType.NPS_ANSWERED, "2026-03-01T10:15:30.120Z")
                .value(9)
                .build(),
            signal("m-2", CustomerId.of("u-1"), SignalType.IDENTITY_LINKED, "2026-03-01T10:16:00Z")
                .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, "a-77")
                .build(),
            signal("m-3", CustomerId.of("u-2"), SignalType.IDENTITY_LINKED, "2026-03-01T10:17:00Z")
                .attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, "a-99")
                .build(),
            signal("m-5", AnonymousId.of("a-5"), SignalType.PURCHASE_COMPLETED, "2026-03-01T10:19:00Z")
                .amount(Money.of("129.50", "EUR"))
                .build(),
            signal("m-6", CustomerId.of("u-3"), SignalType.REVIEW_POSTED, "2026-03-01T10:20:00Z")
                .value(4.5)
                .attribute("platform", "g2")
                .build(),
            signal("m-8", AnonymousId.of("a-8"), SignalType.REFERRAL_CLICKED, "2026-03-01T10:22:00Z")
                .build());
    assertThat(result.ignored())
        .containsExactly(
            new IgnoredRecord(
                new RecordRef(3, 4), IgnoreReason.UNSUPPORTED_CALL, "page calls are not turned into signals"),
            new IgnoredRecord(
                new RecordRef(6, 8),
                IgnoreReason.UNMAPPED_EVENT,
                "track event \"Page Scrolled\" has no mapping"),
            new IgnoredRecord(
                new RecordRef(8, 10),
                IgnoreReason.UNSUPPORTED_CALL,
                "identify without both userId and anonymousId links nothing"));
  }

  @Test
  void recordRefsCountRecordsAndCarryLines() {
    RecordingSink sink = new RecordingSink();
    NDJSON.stream(
        new java.io.ByteArrayInputStream(resource("sample.ndjson").getBytes(StandardCharsets.UTF_8)),
        sink);
    assertThat(sink.refs)
        .extracting(RecordRef::line)
        .containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
    assertThat(sink.refs).extracting(RecordRef::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void segmentBatchDocument() {
    AdapterResult result = read(JSON, resource("batch.json"));

    assertThat(result.summary()).isEqualTo(new AdapterSummary("segment", 4, 2, 1, 1));
    assertThat(result.signals())
        .containsExactly(
            signal("b-1", CustomerId.of("u-1"), SignalType.NPS_ANSWERED, "2026-03-02T09:00:00Z")
                .value(10)
                .build(),
            signal("b-2", CustomerId.of("u-1"), SignalType.REFUND_ISSUED, "2026-03-02T09:05:00Z")
                .amount(Money.of("20.00", "USD"))
                .build());
    assertThat(result.ignored())
        .containsExactly(
            new IgnoredRecord(
                new RecordRef(2, 0), IgnoreReason.UNSUPPORTED_CALL, "screen calls are not turned into signals"));
    Rejection duplicate = result.rejections().get(0);
    assertThat(duplicate.record()).isEqualTo(new RecordRef(3, 0));
    assertThat(duplicate.reason()).isEqualTo(RejectionReason.DUPLICATE_ID);
    assertThat(duplicate.field()).isEqualTo("/messageId");
  }

  @Test
  void jsonArrayAndSingleEventDocuments() {
    AdapterResult array = read(JSON, "[" + NPS + ", 42, " + NPS.replace("m-1", "m-2") + "]");
    assertThat(array.summary()).isEqualTo(new AdapterSummary("segment", 3, 2, 0, 1));
    assertThat(array.rejections().get(0).reason()).isEqualTo(RejectionReason.MALFORMED_RECORD);
    assertThat(array.rejections().get(0).record()).isEqualTo(new RecordRef(1, 0));

    AdapterResult scalar = read(JSON, "\"just text\"");
    assertThat(scalar.rejections()).extracting(Rejection::message)
        .containsExactly("the document is a single string, not a JSON object or array");

    AdapterResult single = read(JSON, NPS);
    assertThat(single.signals())
        .containsExactly(signal("m-1", CustomerId.of("u-1"), SignalType.NPS_ANSWERED, "2026-03-01T10:15:30Z")
            .value(9)
            .build());
  }

  @Test
  void malformedJsonDocumentStopsWithOneRejectionSayingWhere() {
    String input = "{\"batch\":[\n" + NPS + ",\n{\"type\":\"track\", \"event\": }\n]}";
    AdapterResult result = read(JSON, input);

    assertThat(result.summary()).isEqualTo(new AdapterSummary("segment", 2, 1, 0, 1));
    assertThat(result.signals()).extracting(s -> s.id().value()).containsExactly("m-1");
    Rejection r = result.rejections().get(0);
    assertThat(r.reason()).isEqualTo(RejectionReason.UNREADABLE_REMAINDER);
    assertThat(r.field()).isEmpty();
    assertThat(r.record()).isEqualTo(new RecordRef(1, 0));
    assertThat(r.message()).startsWith("JSON parsing stopped at line 3, column ");
  }

  @Test
  void malformedLineInTheMiddleOfNdjsonIsOneRejectionAndLaterLinesCount() {
    String input = NPS + "\n{\"type\":\"track\",\n" + NPS.replace("m-1", "m-2") + "\n";
    AdapterResult result = read(NDJSON, input);

    assertThat(result.summary()).isEqualTo(new AdapterSummary("segment", 3, 2, 0, 1));
    Rejection r = result.rejections().get(0);
    assertThat(r.record()).isEqualTo(new RecordRef(1, 2));
    assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_RECORD);
    assertThat(r.field()).isEmpty();
    assertThat(result.signals()).extracting(s -> s.id().value()).containsExactly("m-1", "m-2");
  }

  @Test
  void aLineThatIsNotAnObjectOrHasTrailingContentIsMalformed() {
    assertThat(rejectedAlone("[1,2]").reason()).isEqualTo(RejectionReason.MALFORMED_RECORD);
    assertThat(rejectedAlone(NPS + " {}").reason()).isEqualTo(RejectionReason.MALFORMED_RECORD);
  }

  @Test
  void missingMessageId() {
    Rejection r = rejectedAlone(NPS.replace("\"messageId\":\"m-1\",", ""));
    assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(r.field()).isEqualTo("/messageId");
  }

  @Test
  void numericStringIsWrongType() {
    Rejection r = rejectedAlone(NPS.replace("\"score\":9", "\"score\":\"9\""));
    assertThat(r.reason()).isEqualTo(RejectionReason.WRONG_TYPE);
    assertThat(r.field()).isEqualTo("/properties/score");
    assertThat(r.message()).contains("\"9\"");
  }

  @Test
  void numericMessageIdIsWrongType() {
    Rejection r = rejectedAlone(NPS.replace("\"messageId\":\"m-1\"", "\"messageId\":17"));
    assertThat(r.reason()).isEqualTo(RejectionReason.WRONG_TYPE);
    assertThat(r.field()).isEqualTo("/messageId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"11", "-1", "7.5"})
  void npsOutsideItsRuleIsOutOfRange(String score) {
    Rejection r = rejectedAlone(NPS.replace("\"score\":9", "\"score\":" + score));
    assertThat(r.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE);
    assertThat(r.field()).isEqualTo("/properties/score");
  }

  @Test
  void missingMappedValue() {
    Rejection r = rejectedAlone(NPS.replace(",\"properties\":{\"score\":9}", ""));
    assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(r.field()).isEqualTo("/properties/score");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-03-01T10:15:30", "2026-02-30T10:15:30Z", "2026-03-01 10:15:30Z"})
  void unparsableTimestamp(String timestamp) {
    Rejection r = rejectedAlone(NPS.replace("2026-03-01T10:15:30Z", timestamp));
    assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_TIMESTAMP);
    assertThat(r.field()).isEqualTo("/timestamp");
  }

  @Test
  void missingTimestamp() {
    Rejection r = rejectedAlone(NPS.replace("\"timestamp\":\"2026-03-01T10:15:30Z\",", ""));
    assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(r.field()).isEqualTo("/timestamp");
  }

  @Test
  void originalTimestampIsTheFallbackAndOffsetsAreHonoured() {
    AdapterResult result =
        read(NDJSON, NPS.replace("\"timestamp\":\"2026-03-01T10:15:30Z\"",
            "\"originalTimestamp\":\"2026-03-01T12:15:30.5+02:00\""));
    assertThat(result.signals()).extracting(Signal::occurredAt)
        .containsExactly(Instant.parse("2026-03-01T10:15:30.5Z"));
  }

  @Test
  void blankSubject() {
    Rejection blank = rejectedAlone(NPS.replace("\"userId\":\"u-1\"", "\"userId\":\"  \""));
    assertThat(blank.reason()).isEqualTo(RejectionReason.INVALID_IDENTIFIER);
    assertThat(blank.field()).isEqualTo("/userId");

    Rejection none = rejectedAlone(NPS.replace("\"userId\":\"u-1\",", ""));
    assertThat(none.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(none.field()).isEqualTo("/userId");

    AdapterResult fallback =
        read(NDJSON, NPS.replace("\"userId\":\"u-1\"", "\"userId\":\"\",\"anonymousId\":\"a-1\""));
    assertThat(fallback.signals()).extracting(Signal::subject).containsExactly(AnonymousId.of("a-1"));
  }

  @Test
  void overSizeRecordIsRejectedAndTheNextLineStillCounts() {
    SignalAdapter small = SegmentAdapter.builder().maxRecordBytes(200).build();
    String big = NPS.replace("\"score\":9", "\"score\":9,\"pad\":\"" + "x".repeat(300) + "\"");
    AdapterResult result = read(small, big + "\n" + NPS + "\n");

    assertThat(result.summary()).isEqualTo(new AdapterSummary("segment", 2, 1, 0, 1));
    Rejection r = result.rejections().get(0);
    assertThat(r.reason()).isEqualTo(RejectionReason.RECORD_TOO_LARGE);
    assertThat(r.field()).isEmpty();
    assertThat(r.record()).isEqualTo(new RecordRef(0, 1));
    assertThat(result.signals()).hasSize(1);

    AdapterResult json =
        read(SegmentAdapter.builder().format(Format.JSON).maxRecordBytes(200).build(),
            "[" + big + "," + NPS + "]");
    assertThat(json.rejections()).extracting(Rejection::reason)
        .containsExactly(RejectionReason.RECORD_TOO_LARGE);
    assertThat(json.signals()).hasSize(1);
  }

  @Test
  void duplicateMessageIdInOneInput() {
    AdapterResult result = read(NDJSON, NPS + "\n" + NPS + "\n");
    assertThat(result.summary()).isEqualTo(new AdapterSummary("segment", 2, 1, 0, 1));
    Rejection r = result.rejections().get(0);
    assertThat(r.reason()).isEqualTo(RejectionReason.DUPLICATE_ID);
    assertThat(r.field()).isEqualTo("/messageId");
    assertThat(r.record()).isEqualTo(new RecordRef(1, 2));
  }

  @Test
  void orderWithoutCurrencyOrWithTooManyDecimals() {
    String order =
        "{\"type\":\"track\",\"event\":\"Order Completed\",\"messageId\":\"o\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-03-01T10:15:30Z\",\"properties\":{\"revenue\":10.5}}";
    Rejection noCurrency = rejectedAlone(order);
    assertThat(noCurrency.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(noCurrency.field()).isEqualTo("/properties/currency");

    Rejection decimals =
        rejectedAlone(order.replace("10.5}", "10.505,\"currency\":\"USD\"}"));
    assertThat(decimals.reason()).isEqualTo(RejectionReason.INVALID_VALUE);
    assertThat(decimals.field()).isEqualTo("/properties/revenue");
  }

  @Test
  void customMappingsAddAndOverride() {
    SignalType webinar = SignalType.custom("webinar_attended", ValueRule.NON_NEGATIVE);
    SignalAdapter adapter =
        SegmentAdapter.builder()
            .name("web")
            .withoutDefaultMappings()
            .map(
                "Webinar Attended",
                EventMapping.builder(webinar)
                    .valueAt("/properties/minutes")
                    .amountAt("/properties/fee")
                    .fixedCurrency(Currency.getInstance("GBP"))
                    .attribute("title", "/properties/title")
                    .attribute("first", "/properties/speakers/0")
                    .build())
            .build();
    String line =
        "{\"type\":\"track\",\"event\":\"Webinar Attended\",\"messageId\":\"w\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-03-01T10:15:30Z\",\"properties\":{\"minutes\":42,\"fee\":5,"
            + "\"title\":\"Advocacy 101\",\"speakers\":[\"Ada\",\"Bo\"]}}";
    AdapterResult result = read(adapter, line + "\n" + NPS + "\n");

    assertThat(result.signals())
        .containsExactly(
            Signal.builder(SignalId.of("w"), CustomerId.of("u"), webinar, T)
                .value(42)
                .amount(Money.of("5.00", "GBP"))
                .attribute("title", "Advocacy 101")
                .attribute("first", "Ada")
                .source("web")
                .build());
    assertThat(result.ignored()).extracting(IgnoredRecord::reason)
        .containsExactly(IgnoreReason.UNMAPPED_EVENT);
  }

  @Test
  void builderFailsFast() {
    assertThatThrownBy(() -> SegmentAdapter.builder().format(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SegmentAdapter.builder().maxRecordBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRecordBytes");
    assertThatThrownBy(() -> SegmentAdapter.builder().duplicateWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicateWindow");
    assertThatThrownBy(() -> SegmentAdapter.builder().name("Not A Name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not A Name");
    assertThatThrownBy(() -> SegmentAdapter.builder().format(Format.JSON).format(Format.NDJSON))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> SegmentAdapter.builder()
                .map("X", EventMapping.of(SignalType.REFERRAL_SHARED))
                .map("X", EventMapping.of(SignalType.REFERRAL_SHARED)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EventMapping.builder(SignalType.NPS_ANSWERED).valueAt("properties/score"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("properties/score");
    assertThatThrownBy(() -> EventMapping.builder(SignalType.NPS_ANSWERED).fixedValue(11))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> EventMapping.builder(SignalType.NPS_ANSWERED).valueAt("/a").fixedValue(3))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> EventMapping.builder(SignalType.PURCHASE_COMPLETED).amountAt("/a").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EventMapping.builder(SignalType.SOCIAL_MENTION).valueAt("/a")
            .attribute("Bad Name", "/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void buildCopiesTheConfiguration() {
    SegmentAdapter.Builder builder = SegmentAdapter.builder().withoutDefaultMappings();
    SignalAdapter before = builder.build();
    builder.map("NPS Survey Answered", EventMapping.builder(SignalType.NPS_ANSWERED)
        .valueAt("/properties/score").build());
    assertThat(read(before, NPS).ignored()).hasSize(1);
    assertThat(read(builder.build(), NPS).signals()).hasSize(1);
  }

  @Test
  void streamsTwoHundredThousandLinesInConstantMemory() {
    int lines = 200_000;
    byte[] template = (NPS.replace("m-1", "m-%07d") + "\n").getBytes(StandardCharsets.UTF_8);
    InputStream generated =
        new InputStream() {
          private int line;
          private byte[] current = new byte[0];
          private int pos;

          @Override
          public int read() {
            if (pos == current.length) {
              if (line == lines) {
                return -1;
              }
              String text = line % 10 == 9
                  ? "{\"type\":\"page\",\"messageId\":\"p\"}\n"
                  : String.format(new String(template, StandardCharsets.UTF_8), line);
              current = text.getBytes(StandardCharsets.UTF_8);
              pos = 0;
              line++;
            }
            return current[pos++] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
              int c = read();
              if (c < 0) {
                return n == 0 ? -1 : n;
              }
              b[off + n++] = (byte) c;
            }
            return n;
          }
        };
    long[] counts = new long[3];
    AdapterSummary summary =
        NDJSON.stream(
            generated,
            new SignalSink() {
              @Override
              public void accepted(Signal signal, RecordRef record) {
                counts[0]++;
              }

              @Override
              public void ignored(IgnoredRecord ignored) {
                counts[1]++;
              }

              @Override
              public void rejected(Rejection rejection) {
                counts[2]++;
              }
            });
    assertThat(summary).isEqualTo(new AdapterSummary("segment", 200_000, 180_000, 20_000, 0));
    assertThat(counts).containsExactly(180_000, 20_000, 0);
  }
}
