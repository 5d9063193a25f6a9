package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.adapter.JsonMappingAdapter.Framing;
import io.advocacy.core.adapter.JsonMappingAdapter.Setting;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonMappingAdapterTest {

  static final String AT = "2026-03-01T10:15:30Z";

  /** An NPS survey mapping used by most tests. */
  static JsonMappingAdapter.Builder survey() {
    return JsonMappingAdapter.builder("survey")
        .idAt("/id")
        .customerAt("/user")
        .anonymousAt("/visitor")
        .fixedType(SignalType.NPS_ANSWERED)
        .valueAt("/score")
        .instantAt("/at", TimestampFormat.iso())
        .attributeAt("comment", "/comment");
  }

  static String rec(String id, String score) {
    return "{\"id\":\"" + id + "\",\"user\":\"u-1\",\"score\":" + score + ",\"at\":\"" + AT + "\"}";
  }

  private static AdapterResult accounted(
      AdapterResult r, int accepted, int ignored, int rejected) {
    AdapterSummary s = r.summary();
    assertThat(s.accepted()).as("accepted").isEqualTo(accepted);
    assertThat(s.ignored()).as("ignored").isEqualTo(ignored);
    assertThat(s.rejected()).as("rejected").isEqualTo(rejected);
    assertThat(s.recordsSeen()).isEqualTo(s.accepted() + s.ignored() + s.rejected());
    return r;
  }

  private static Rejection rejected(SignalAdapter adapter, String input) {
    AdapterResult r = accounted(adapter.read(input), 0, 0, 1);
    return r.rejections().get(0);
  }

  private static void assertRejection(
      Rejection r, long index, long line, String field, RejectionReason reason) {
    assertThat(r.record()).isEqualTo(new RecordRef(index, line));
    assertThat(r.field()).as("field of %s", r).isEqualTo(field);
    assertThat(r.reason()).as("reason of %s", r).isEqualTo(reason);
  }

  // ------------------------------------------------------------------ mapping

  @Test
  void oneObjectIsOneRecordWithEveryField() {
    String body =
        "{\"id\":\"r-1\",\"user\":\"c-42\",\"score\":10,\"at\":\"2026-03-01T11:15:30+01:00\","
            + "\"comment\":\"great\"}";
    AdapterResult r = accounted(survey().build().read(body), 1, 0, 0);
    Signal s = r.signals().get(0);
    assertThat(s.id()).isEqualTo(SignalId.of("r-1"));
    assertThat(s.subject()).isEqualTo(CustomerId.of("c-42"));
    assertThat(s.type()).isEqualTo(SignalType.NPS_ANSWERED);
    assertThat(s.occurredAt()).isEqualTo(Instant.parse(AT));
    assertThat(s.value()).isEqualTo(10.0);
    assertThat(s.attributes()).isEqualTo(Map.of("comment", "great"));
    assertThat(s.source()).isEqualTo("survey");
  }

  @Test
  void anArrayIsAListOfRecordsInOrder() {
    AdapterResult r =
        accounted(survey().build().read("[" + rec("a", "1") + "," + rec("b", "2") + "]"), 2, 0, 0);
    assertThat(r.signals()).extracting(s -> s.id().value()).containsExactly("a", "b");
  }

  @Test
  void anonymousIdIsTheSubjectWhenTheCustomerIdIsAbsentOrEmpty() {
    String body =
        "[{\"id\":\"a\",\"visitor\":\"v-1\",\"score\":3,\"at\":\"" + AT + "\"},"
            + "{\"id\":\"b\",\"user\":\"\",\"visitor\":\"v-2\",\"score\":3,\"at\":\"" + AT + "\"}]";
    AdapterResult r = accounted(survey().build().read(body), 2, 0, 0);
    assertThat(r.signals()).extracting(Signal::subject)
        .containsExactly(AnonymousId.of("v-1"), AnonymousId.of("v-2"));
  }

  @Test
  void idPrefixKeepsVendorsApartAndNumericIdsAreText() {
    SignalAdapter adapter = survey().idPrefix("acme:").build();
    String body = "{\"id\":12345,\"user\":678,\"score\":3,\"at\":\"" + AT + "\"}";
    Signal s = accounted(adapter.read(body), 1, 0, 0).signals().get(0);
    assertThat(s.id()).isEqualTo(SignalId.of("acme:12345"));
    assertThat(s.subject()).isEqualTo(CustomerId.of("678"));
  }

  @Test
  void typeFromAFieldWithAMappingAndUnmappedValuesIgnored() {
    SignalAdapter adapter =
        JsonMappingAdapter.builder("events")
            .idAt("/id")
            .customerAt("/user")
            .typeAt("/kind", Map.of("scored", SignalType.NPS_ANSWERED, "rated", SignalType.CSAT_ANSWERED))
            .valueAt("/v")
            .instantAt("/at", TimestampFormat.epochMillis())
            .build();
    String body =
        "[{\"id\":\"1\",\"user\":\"u\",\"kind\":\"rated\",\"v\":5,\"at\":1772360130000},"
            + "{\"id\":\"2\",\"user\":\"u\",\"kind\":\"clicked\",\"v\":5,\"at\":1772360130000}]";
    AdapterResult r = accounted(adapter.read(body), 1, 1, 0);
    assertThat(r.signals().get(0).type()).isEqualTo(SignalType.CSAT_ANSWERED);
    assertThat(r.signals().get(0).occurredAt()).isEqualTo(Instant.parse(AT));
    IgnoredRecord ignored = r.ignored().get(0);
    assertThat(ignored.record()).isEqualTo(new RecordRef(1, 0));
    assertThat(ignored.reason()).isEqualTo(IgnoreReason.UNMAPPED_EVENT);
    assertThat(ignored.message()).contains("/kind", "\"clicked\"");
  }

  @Test
  void filteredRecordsAreIgnoredIncludingThoseWithoutTheField() {
    SignalAdapter adapter = survey().filter("/channel", List.of("email")).build();
    String body =
        "[" + rec("a", "9").replace("{", "{\"channel\":\"email\",")
            + "," + rec("b", "9").replace("{", "{\"channel\":\"sms\",")
            + "," + rec("c", "9") + "]";
    AdapterResult r = accounted(adapter.read(body), 1, 2, 0);
    assertThat(r.ignored()).extracting(IgnoredRecord::reason)
        .containsOnly(IgnoreReason.FILTERED);
    assertThat(r.ignored()).extracting(i -> i.record().index()).containsExactly(1L, 2L);
  }

  @Test
  void timestampFormats() {
    String seconds = "{\"id\":\"a\",\"user\":\"u\",\"score\":1,\"at\":\"1772360130\"}";
    assertThat(survey().clear(Setting.INSTANT).instantAt("/at", TimestampFormat.epochSeconds())
            .build().read(seconds).signals().get(0).occurredAt())
        .isEqualTo(Instant.parse(AT));
    String local = "{\"id\":\"a\",\"user\":\"u\",\"score\":1,\"at\":\"01/03/2026 10:15\"}";
    SignalAdapter london =
        survey().clear(Setting.INSTANT)
            .instantAt("/at", TimestampFormat.pattern("dd/MM/yyyy HH:mm", ZoneId.of("Europe/London")))
            .build();
    assertThat(london.read(local).signals().get(0).occurredAt())
        .isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
  }

  @Test
  void amountFromNumberOrDecimalTextWithCurrency() {
    SignalAdapter adapter =
        JsonMappingAdapter.builder("shop")
            .idAt("/id")
            .customerAt("/c")
            .fixedType(SignalType.PURCHASE_COMPLETED)
            .instantAt("/at", TimestampFormat.iso())
            .amountAt("/total")
            .currencyAt("/cur")
            .build();
    String body =
        "[{\"id\":\"1\",\"c\":\"u\",\"at\":\"" + AT + "\",\"total\":129.5,\"cur\":\"EUR\"},"
            + "{\"id\":\"2\",\"c\":\"u\",\"at\":\"" + AT + "\",\"total\":\"19.99\",\"cur\":\"USD\"},"
            + "{\"id\":\"3\",\"c\":\"u\",\"at\":\"" + AT + "\",\"total\":\"lots\",\"cur\":\"USD\"},"
            + "{\"id\":\"4\",\"c\":\"u\",\"at\":\"" + AT + "\",\"total\":5}]";
    AdapterResult r = accounted(adapter.read(body), 2, 0, 2);
    assertThat(r.signals().get(0).amount()).isEqualTo(Money.of("129.50", "EUR"));
    assertThat(r.signals().get(1).amount()).isEqualTo(Money.of("19.99", "USD"));
    assertRejection(r.rejections().get(0), 2, 0, "/total", RejectionReason.INVALID_VALUE);
    assertRejection(r.rejections().get(1), 3, 0, "/cur", RejectionReason.MISSING_FIELD);
  }

  @Test
  void fixedValueFixedAttributeAndAttributeRendering() {
    SignalAdapter adapter =
        JsonMappingAdapter.builder("links")
            .idAt("/id")
            .customerAt("/c")
            .fixedType(SignalType.REVIEW_LINK_OPENED)
            .fixedValue(2)
            .instantAt("/at", TimestampFormat.iso())
            .fixedAttribute("platform", "g2")
            .attributeAt("count", "/n")
            .attributeAt("verified", "/ok")
            .build();
    String body = "{\"id\":\"1\",\"c\":\"u\",\"at\":\"" + AT + "\",\"n\":3,\"ok\":true}";
    Signal s = accounted(adapter.read(body), 1, 0, 0).signals().get(0);
    assertThat(s.value()).isEqualTo(2.0);
    assertThat(s.attributes())
        .isEqualTo(Map.of("platform", "g2", "count", "3", "verified", "true"));
  }

  @Test
  void escapedPointersAndArrayIndexes() {
    SignalAdapter adapter =
        JsonMappingAdapter.builder("odd")
            .recordsAt("/batches/1/a~1b")
            .idAt("/i~0d")
            .customerAt("/who/0")
            .fixedType(SignalType.NPS_ANSWERED)
            .valueAt("/s")
            .instantAt("/at", TimestampFormat.iso())
            .build();
    String body =
        "{\"batches\":[{\"a/b\":[]},{\"x\":{\"y\":[1,2]},\"a/b\":[{\"i~d\":\"k\",\"who\":[\"u\"],"
            + "\"s\":7,\"at\":\"" + AT + "\"}]}],\"tail\":{\"z\":[true]}}";
    Signal s = accounted(adapter.read(body), 1, 0, 0).signals().get(0);
    assertThat(s.id()).isEqualTo(SignalId.of("k"));
    assertThat(s.subject()).isEqualTo(CustomerId.of("u"));
  }

  // ------------------------------------------------------------------ NDJSON

  @Test
  void ndjsonHasOneRecordPerLineWithLineNumbersAndSkipsBlankLines() {
    SignalAdapter adapter = survey().framing(Framing.NDJSON).build();
    String body = rec("a", "1") + "\n\n  \r\n" + rec("b", "11") + "\r\n" + rec("c", "3");
    AdapterResult r = accounted(adapter.read(body), 2, 0, 1);
    assertRejection(r.rejections().get(0), 1, 4, "/score", RejectionReason.OUT_OF_RANGE);
    assertThat(r.signals()).extracting(s -> s.id().value()).containsExactly("a", "c");
  }

  @Test
  void malformedJsonMidNdjsonRejectsThatLineOnly() {
    SignalAdapter adapter = survey().framing(Framing.NDJSON).build();
    String body = rec("a", "1") + "\n{\"id\": \"b\", \n" + rec("c", "3") + "\n";
    AdapterResult r = accounted(adapter.read(body), 2, 0, 1);
    Rejection rejection = r.rejections().get(0);
    assertRejection(rejection, 1, 2, "", RejectionReason.MALFORMED_RECORD);
    assertThat(rejection.message()).startsWith("malformed JSON");
  }

  @Test
  void ndjsonWithEnvelopesStreamsEachLinesRecords() {
    SignalAdapter adapter = survey().framing(Framing.NDJSON).recordsAt("/items").build();
    String body =
        "{\"items\":[" + rec("a", "1") + "," + rec("b", "2") + "]}\n{\"other\":1}\n";
    AdapterResult r = accounted(adapter.read(body), 2, 0, 1);
    assertRejection(r.rejections().get(0), 2, 2, "/items", RejectionReason.MISSING_FIELD);
    assertThat(r.signals()).extracting(s -> s.id().value()).containsExactly("a", "b");
  }

  @Test
  void ndjsonLineOverTheLimitIsTooLargeAndTheNextLineStillCounts() {
    SignalAdapter adapter = survey().framing(Framing.NDJSON).maxRecordBytes(200).build();
    String big = rec("a", "1").replace("{", "{\"pad\":\"" + "x".repeat(500) + "\",");
    AdapterResult r = accounted(adapter.read(big + "\n" + rec("b", "2")), 1, 0, 1);
    assertRejection(r.rejections().get(0), 0, 1, "", RejectionReason.RECORD_TOO_LARGE);
    assertThat(r.rejections().get(0).message()).contains("200");
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void malformedDocumentIsOneRejectionThatSaysWhereParsingStopped() {
    Rejection r = rejected(survey().build(), "{\"id\": \"a\", \"user\": }");
    assertRejection(r, 0, 0, "", RejectionReason.MALFORMED_RECORD);
    assertThat(r.message()).contains("line 1, column").contains("rest of the input was not read");
  }

  @Test
  void malformedArrayKeepsTheRecordsStreamedBeforeTheError() {
    String body = "[" + rec("a", "1") + ",\n" + rec("b", "2") + ",\n{\"id\": tru";
    AdapterResult r = accounted(survey().build().read(body), 2, 0, 1);
    assertRejection(r.rejections().get(0), 2, 0, "", RejectionReason.MALFORMED_RECORD);
    assertThat(r.rejections().get(0).message()).contains("line 3");
  }

  @Test
  void contentAfterTheDocumentIsMalformed() {
    Rejection r = rejected(survey().build(), rec("a", "1") + " " + rec("b", "2"));
    assertRejection(r, 0, 0, "", RejectionReason.MALFORMED_RECORD);
    assertThat(r.message()).contains("after the end of the JSON document");
  }

  @Test
  void missingRequiredFields() {
    SignalAdapter adapter = survey().build();
    assertRejection(
        rejected(adapter, "{\"user\":\"u\",\"score\":1,\"at\":\"" + AT + "\"}"),
        0, 0, "/id", RejectionReason.MISSING_FIELD);
    assertRejection(
        rejected(adapter, "{\"id\":\"a\",\"score\":1,\"at\":\"" + AT + "\"}"),
        0, 0, "/user", RejectionReason.MISSING_FIELD);
    assertRejection(
        rejected(adapter, "{\"id\":\"a\",\"user\":\"u\",\"at\":\"" + AT + "\"}"),
        0, 0, "/score", RejectionReason.MISSING_FIELD);
    assertRejection(
        rejected(adapter, "{\"id\":\"a\",\"user\":\"u\",\"score\":1,\"at\":null}"),
        0, 0, "/at", RejectionReason.MISSING_FIELD);
  }

  @Test
  void wrongTypes() {
    SignalAdapter adapter = survey().build();
    Rejection textScore = rejected(adapter, rec("a", "\"9\""));
    assertRejection(textScore, 0, 0, "/score", RejectionReason.WRONG_TYPE);
    assertThat(textScore.message()).contains("\"9\"", "JSON number");
    assertRejection(
        rejected(adapter, rec("a", "9").replace("}", ",\"comment\":{\"t\":1}}")),
        0, 0, "/comment", RejectionReason.WRONG_TYPE);
    assertRejection(
        rejected(adapter, rec("a", "9").replace("\"a\"", "[1]")),
        0, 0, "/id", RejectionReason.WRONG_TYPE);
    assertRejection(rejected(adapter, "[42]"), 0, 0, "", RejectionReason.WRONG_TYPE);
  }

  @Test
  void scoresOutsideTheTypesRuleAreOutOfRange() {
    for (String score : List.of("11", "-1", "7.5")) {
      Rejection r = rejected(survey().build(), rec("a", score));
      assertRejection(r, 0, 0, "/score", RejectionReason.OUT_OF_RANGE);
      assertThat(r.message()).contains(score);
    }
  }

  @Test
  void unparsableTimestamps() {
    SignalAdapter adapter = survey().build();
    for (String at : List.of("yesterday", "2026-03-01T10:15:30")) {
      Rejection r = rejected(adapter, rec("a", "1").replace(AT, at));
      assertRejection(r, 0, 0, "/at", RejectionReason.INVALID_TIMESTAMP);
      assertThat(r.message()).contains(at);
    }
    assertRejection(
        rejected(adapter, rec("a", "1").replace("\"" + AT + "\"", "1772360130")),
        0, 0, "/at", RejectionReason.WRONG_TYPE);
  }

  @Test
  void blankSubjectIsAnInvalidIdentifier() {
    Rejection r = rejected(survey().build(), rec("a", "1").replace("\"u-1\"", "\"   \""));
    assertRejection(r, 0, 0, "/user", RejectionReason.INVALID_IDENTIFIER);
    assertThat(r.message()).contains("blank");
  }

  @Test
  void blankIdIsRejectedEvenWithAPrefix() {
    Rejection r = rejected(survey().idPrefix("p:").build(), rec(" ", "1"));
    assertRejection(r, 0, 0, "/id", RejectionReason.INVALID_IDENTIFIER);
  }

  @Test
  void recordOverTheLimitInAnArrayIsSkippedAndTheNextIsRead() {
    String big = rec("a", "1").replace("{", "{\"pad\":[" + "1,".repeat(400) + "2],");
    SignalAdapter adapter = survey().maxRecordBytes(300).build();
    AdapterResult r = accounted(adapter.read("[" + big + "," + rec("b", "2") + "]"), 1, 0, 1);
    assertRejection(r.rejections().get(0), 0, 0, "", RejectionReason.RECORD_TOO_LARGE);
    assertThat(r.rejections().get(0).message()).contains("300");
    assertThat(r.signals().get(0).id()).isEqualTo(SignalId.of("b"));
  }

  @Test
  void duplicateIdWithinOneInputIsRejected() {
    String body = "[" + rec("a", "1") + "," + rec("b", "2") + "," + rec("a", "3") + "]";
    AdapterResult r = accounted(survey().build().read(body), 2, 0, 1);
    assertRejection(r.rejections().get(0), 2, 0, "/id", RejectionReason.DUPLICATE_ID);
    assertThat(r.rejections().get(0).message()).contains("\"a\"");
    // Separate inputs are separate windows.
    accounted(survey().build().read(rec("a", "1")), 1, 0, 0);
  }

  @Test
  void envelopeWhoseRecordsAreNotAnArrayIsWrongType() {
    SignalAdapter adapter = survey().recordsAt("/events").build();
    assertRejection(
        rejected(adapter, "{\"events\":{\"a\":1}}"), 0, 0, "/events", RejectionReason.WRONG_TYPE);
    assertRejection(
        rejected(adapter, "{\"events\":null}"), 0, 0, "/events", RejectionReason.MISSING_FIELD);
    accounted(adapter.read("{\"events\":[]}"), 0, 0, 0);
  }

  @Test
  void extremeNumbersAndNestingAreAnswersNotExceptions() {
    SignalAdapter adapter =
        survey().clear(Setting.INSTANT).instantAt("/at", TimestampFormat.epochSeconds()).build();
    String huge = "{\"id\":\"a\",\"user\":\"u\",\"score\":1e999999999,\"at\":1}";
    assertRejection(rejected(adapter, huge), 0, 0, "/score", RejectionReason.OUT_OF_RANGE);
    String farFuture = "{\"id\":\"a\",\"user\":\"u\",\"score\":1,\"at\":1e300}";
    assertRejection(rejected(adapter, farFuture), 0, 0, "/at", RejectionReason.INVALID_TIMESTAMP);
    String bigId = "{\"id\":123456789012345678901234567890,\"user\":\"u\",\"score\":1,\"at\":1}";
    assertThat(adapter.read(bigId).signals().get(0).id())
        .isEqualTo(SignalId.of("123456789012345678901234567890"));
    String deep = "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]";
    AdapterResult r = adapter.read(deep);
    assertThat(r.summary().recordsSeen()).isEqualTo(r.summary().rejected()).isPositive();
  }

  @Test
  void aFailingStreamIsOneIoErrorAfterTheRecordsAlreadyRead() {
    byte[] first = ("[" + rec("a", "1") + ",").getBytes(StandardCharsets.UTF_8);
    InputStream failing =
        new InputStream() {
          private int pos;

          @Override
          public int read() throws IOException {
            if (pos >= first.length) {
              throw new IOException("connection reset");
            }
            return first[pos++];
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= first.length) {
              throw new IOException("connection reset");
            }
            int n = Math.min(len, first.length - pos);
            System.arraycopy(first, pos, b, off, n);
            pos += n;
            return n;
          }
        };
    AdapterResult r = accounted(survey().build().read(failing), 1, 0, 1);
    assertRejection(r.rejections().get(0), 1, 0, "", RejectionReason.IO_ERROR);
    assertThat(r.rejections().get(0).message()).contains("connection reset");
  }

  @Test
  void largeArraysAreStreamedElementByElement() {
    int records = 50_000;
    AtomicLong served = new AtomicLong();
    InputStream generated =
        new InputStream() {
          private int next;
          private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
          private int pos;

          @Override
          public int read() {
            if (pos == chunk.length) {
              if (next > records) {
                return -1;
              }
              String text =
                  next == records ? "]" : (next == 0 ? "" : ",") + rec("r" + next, "" + next % 11);
              next++;
              chunk = text.getBytes(StandardCharsets.UTF_8);
              pos = 0;
            }
            served.incrementAndGet();
            return chunk[pos++];
          }
        };
    long[] servedAtFirst = {-1};
    AtomicLong accepted = new AtomicLong();
    AdapterSummary summary =
        survey().build()
            .stream(
                generated,
                new SignalSink() {
                  @Override
                  public void accepted(Signal signal, RecordRef record) {
                    if (servedAtFirst[0] < 0) {
                      servedAtFirst[0] = served.get();
                    }
                    accepted.incrementAndGet();
                  }

                  @Override
                  public void ignored(IgnoredRecord ignored) {}

                  @Override
                  public void rejected(Rejection rejection) {}
                });
    assertThat(summary.accepted()).isEqualTo(records);
    assertThat(summary.recordsSeen()).isEqualTo(records);
    // The first signal arrives after reading a parser buffer or so, not the whole input.
    assertThat(servedAtFirst[0]).isLessThan(served.get() / 10);
  }

  @Test
  void oneAdapterStreamsSeveralInputsAtOnce() throws Exception {
    SignalAdapter adapter = survey().build();
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 2_000; i++) {
      body.append(i == 0 ? "" : ",").append(rec("r" + i, "" + i % 11));
    }
    String input = body.append("," + rec("r7", "1") + "]").toString();
    AdapterResult expected = adapter.read(input);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<AdapterResult>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        runs.add(pool.submit(() -> adapter.read(input)));
      }
      for (java.util.concurrent.Future<AdapterResult> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    accounted(expected, 2_000, 0, 1);
  }

  @Test
  void aLongStringIsTooLargeNotMalformed() {
    String body = "[" + rec("a", "1").replace("}", ",\"comment\":\"" + "x".repeat(500) + "\"}")
        + "]";
    Rejection r = rejected(survey().maxRecordBytes(300).build(), body);
    assertRejection(r, 0, 0, "", RejectionReason.RECORD_TOO_LARGE);
  }

  @Test
  void aSinkExceptionPropagates() {
    SignalSink failing =
        new SignalSink() {
          @Override
          public void accepted(Signal signal, RecordRef record) {
            throw new IllegalStateException("sink down");
          }

          @Override
          public void ignored(IgnoredRecord ignored) {}

          @Override
          public void rejected(Rejection rejection) {}
        };
    SignalAdapter adapter = survey().build();
    assertThatThrownBy(
            () ->
                adapter.stream(
                    new ByteArrayInputStream(rec("a", "1").getBytes(StandardCharsets.UTF_8)),
                    failing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sink down");
  }

  @Test
  void theInputIsNotClosed() {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(rec("a", "1").getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    accounted(survey().build().read(in), 1, 0, 0);
    assertThat(closed[0]).isFalse();
  }

  // ------------------------------------------------------------------ builder

  @Test
  void builderRejectsNullsWithNpe() {
    assertThatThrownBy(() -> JsonMappingAdapter.builder(null))
        .isInstanceOf(NullPointerException.class);
    JsonMappingAdapter.Builder b = JsonMappingAdapter.builder("x");
    assertThatThrownBy(() -> b.idAt(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("id pointer");
    assertThatThrownBy(() -> b.fixedType(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.framing(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.instantAt("/at", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builderRejectsBadValuesWithIaeNamingThem() {
    assertThatThrownBy(() -> JsonMappingAdapter.builder("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad Name");
    JsonMappingAdapter.Builder b = JsonMappingAdapter.builder("x");
    assertThatThrownBy(() -> b.idAt("id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"id\"");
    assertThatThrownBy(() -> b.idAt(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id pointer");
    assertThatThrownBy(() -> b.customerAt("/a~2b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/a~2b");
    assertThatThrownBy(() -> b.maxRecordBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> b.duplicateWindow(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    assertThatThrownBy(() -> b.fixedCurrency("XXXY"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XXXY");
    assertThatThrownBy(() -> b.attributeAt("Bad", "/a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad");
    assertThatThrownBy(() -> b.idPrefix(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\" \"");
    assertThatThrownBy(() -> b.typeAt("/k", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/k");
    assertThatThrownBy(() -> b.filter("/k", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/k");
    assertThatThrownBy(() -> b.fixedValue(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
  }

  @Test
  void builderRejectsRepeatedAndConflictingOptionsWithIse() {
    assertThatThrownBy(() -> survey().idAt("/other"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("id pointer");
    assertThatThrownBy(() -> survey().typeAt("/kind", Map.of("a", SignalType.NPS_ANSWERED)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("signal type");
    assertThatThrownBy(() -> survey().fixedValue(3))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("value");
    assertThatThrownBy(() -> survey().attributeAt("comment", "/c"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("comment");
    assertThatThrownBy(() -> survey().clear(Setting.VALUE).fixedValue(11).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("11");
    assertThatThrownBy(() -> survey().amountAt("/t").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> survey().fixedCurrency("EUR").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("amount");
    assertThatThrownBy(() -> survey().fixedCurrency("EUR").currencyAt("/c"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("currency");
  }

  @Test
  void buildNamesTheMissingConfiguration() {
    assertThatThrownBy(() -> survey().clear(Setting.ID).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("id pointer");
    assertThatThrownBy(() -> survey().clear(Setting.CUSTOMER).clear(Setting.ANONYMOUS).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("subject");
    assertThatThrownBy(() -> survey().clear(Setting.TYPE).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("signal type");
    assertThatThrownBy(() -> survey().clear(Setting.INSTANT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("instant");
  }

  @Test
  void buildCopiesTheConfiguration() {
    JsonMappingAdapter.Builder b = survey();
    SignalAdapter built = b.build();
    b.clear(Setting.CUSTOMER).customerAt("/other").clear(Setting.ATTRIBUTES);
    Signal s =
        built.read(rec("a", "1").replace("}", ",\"comment\":\"c\"}")).signals().get(0);
    assertThat(s.subject()).isEqualTo(CustomerId.of("u-1"));
    assertThat(s.attributes()).containsEntry("comment", "c");
  }

  // ------------------------------------------------------------------ contract

  @Nested
  class DocumentContract extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return survey().build();
    }

    @Override
    protected List<String> validInputs() {
      return List.of(rec("a", "9"), "[" + rec("a", "1") + "," + rec("b", "2") + "]");
    }
  }

  @Nested
  class NdjsonContract extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return survey().framing(Framing.NDJSON).maxRecordBytes(120).build();
    }

    @Override
    protected List<String> validInputs() {
      return List.of(rec("a", "9") + "\n" + rec("b", "3") + "\n\n" + rec("c", "10"));
    }
  }

  @Nested
  class EnvelopeContract extends SignalAdapterContract {
    @Override
    protected SignalAdapter adapter() {
      return survey().recordsAt("/data/items").maxRecordBytes(100).duplicateWindow(2).build();
    }

    @Override
    protected List<String> validInputs() {
      return List.of(
          "{\"meta\":{\"n\":[1,{\"x\":2}]},\"data\":{\"items\":[" + rec("a", "1") + ","
              + rec("b", "2") + "]}}");
    }
  }
}
