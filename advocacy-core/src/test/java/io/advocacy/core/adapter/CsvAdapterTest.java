package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CsvAdapterTest extends SignalAdapterContract {

  private static final String HEADER = "id,customer,event,at,score,amount,currency,comment\n";

  private static CsvAdapter.Builder configured() {
    return CsvAdapter.builder("csv_test")
        .idColumn("id")
        .customerColumn("customer")
        .typeColumn(
            "event",
            Map.of("nps", SignalType.NPS_ANSWERED, "purchase", SignalType.PURCHASE_COMPLETED))
        .instantColumn("at", TimestampFormat.iso())
        .valueColumn("score")
        .defaultValue(1)
        .amountColumn("amount")
        .currencyColumn("currency")
        .attribute("comment", "comment");
  }

  @Override
  protected SignalAdapter adapter() {
    return configured().build();
  }

  @Override
  protected List<String> validInputs() {
    return List.of(fixture("sample.csv"), HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\n");
  }

  private static String fixture(String name) {
    try (InputStream in =
        Objects.requireNonNull(CsvAdapterTest.class.getResourceAsStream("/csv/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertBalanced(AdapterResult result) {
    AdapterSummary s = result.summary();
    assertThat(s.accepted() + s.ignored() + s.rejected()).isEqualTo(s.recordsSeen());
  }

  private static Rejection onlyRejection(AdapterResult result) {
    assertBalanced(result);
    assertThat(result.rejections()).hasSize(1);
    return result.rejections().get(0);
  }

  private static void assertRejection(
      Rejection r, String field, RejectionReason reason, long line, String messagePart) {
    assertThat(r.field()).as("field of %s", r).isEqualTo(field);
    assertThat(r.reason()).as("reason of %s", r).isEqualTo(reason);
    assertThat(r.record().line()).as("line of %s", r).isEqualTo(line);
    assertThat(r.message()).as("message of %s", r).contains(messagePart);
  }

  @Test
  void readsARealisticFileFieldByField() {
    AdapterResult result = adapter().read(fixture("sample.csv"));

    assertThat(result.summary()).isEqualTo(new AdapterSummary("csv_test", 5, 4, 1, 0));
    assertThat(result.signals())
        .containsExactly(
            Signal.builder(SignalId.of("r-1"), CustomerId.of("c-1"), SignalType.NPS_ANSWERED,
                    Instant.parse("2026-03-01T10:15:30Z"))
                .value(9).attribute("comment", "Great, really \"great\" support")
                .source("csv_test").build(),
            Signal.builder(SignalId.of("r-2"), CustomerId.of("c-2"), SignalType.NPS_ANSWERED,
                    Instant.parse("2026-03-01T10:00:00Z"))
                .value(3).attribute("comment", "slow").source("csv_test").build(),
            Signal.builder(SignalId.of("o-1"), CustomerId.of("c-1"),
                    SignalType.PURCHASE_COMPLETED, Instant.parse("2026-03-02T08:00:00Z"))
                .amount(Money.of("129.00", "EUR")).source("csv_test").build(),
            Signal.builder(SignalId.of("o-2"), CustomerId.of("c-3"),
                    SignalType.PURCHASE_COMPLETED, Instant.parse("2026-03-03T09:30:00Z"))
                .amount(Money.of("15.50", "USD")).attribute("comment", "gift")
                .source("csv_test").build());
    assertThat(result.ignored())
        .containsExactly(
            new IgnoredRecord(new RecordRef(4, 7), IgnoreReason.UNMAPPED_EVENT,
                "type \"pageview\" in column \"event\" has no mapping"));
  }

  @Test
  void recordRefsCountDataRowsAndTheirStartLines() {
    RecordingSink sink = new RecordingSink();
    adapter().stream(stream(fixture("sample.csv")), sink);
    assertThat(sink.refs)
        .containsExactly(
            new RecordRef(0, 2), new RecordRef(1, 3), new RecordRef(2, 5),
            new RecordRef(3, 6), new RecordRef(4, 7));
  }

  @Test
  void aQuotedFieldSpanningLinesKeepsTheStartLine() {
    AdapterResult result =
        adapter().read(HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\"two\nlines\"\n"
            + "r-2,c-1,nps,2026-03-01T10:15:30Z,8,,,\n");
    assertThat(result.signals()).hasSize(2);
    assertThat(result.signals().get(0).attribute("comment")).contains("two\nlines");
    RecordingSink sink = new RecordingSink();
    adapter().stream(stream(HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\"two\nlines\"\n"
        + "r-2,c-1,nps,2026-03-01T10:15:30Z,8,,,\n"), sink);
    assertThat(sink.refs).containsExactly(new RecordRef(0, 2), new RecordRef(1, 4));
  }

  @Test
  void anUnterminatedQuoteRejectsTheRestInOneRejection() {
    AdapterResult result =
        adapter().read(HEADER
            + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,ok\n"
            + "r-2,c-2,nps,2026-03-01T10:15:30Z,8,,,\"never closed\n"
            + "r-3,c-3,nps,2026-03-01T10:15:30Z,7,,,\n"
            + "r-4,c-4,nps,2026-03-01T10:15:30Z,6,,,\n");
    assertThat(result.signals()).extracting(s -> s.id().value()).containsExactly("r-1");
    Rejection r = onlyRejection(result);
    assertRejection(r, "", RejectionReason.UNREADABLE_REMAINDER, 3,
        "the row starting at line 3 cannot be parsed");
    assertThat(r.message()).contains("parsing stopped at line 5").contains("3 lines (3-5) not read");
    assertThat(result.summary().recordsSeen()).isEqualTo(2);
  }

  @Test
  void anUnterminatedQuoteLongerThanTheRowLimitStopsWithinTheLimit() {
    String filler = "r-9,c-9,nps,2026-03-01T10:15:30Z,6,,,x\n".repeat(100);
    SignalAdapter small = configured().maxRecordBytes(200).build();
    AdapterResult result =
        small.read(HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\"open\n" + filler);
    Rejection r = onlyRejection(result);
    assertRejection(r, "", RejectionReason.UNREADABLE_REMAINDER, 2, "101 lines (2-102) not read");
  }

  @Test
  void missingRequiredField() {
    Rejection r = onlyRejection(adapter().read(HEADER + ",c-1,nps,2026-03-01T10:15:30Z,9,,,\n"));
    assertRejection(r, "id", RejectionReason.MISSING_FIELD, 2, "id is missing");
  }

  @Test
  void missingValueWithoutDefault() {
    SignalAdapter strict =
        CsvAdapter.builder("strict").idColumn("id").customerColumn("customer")
            .type(SignalType.NPS_ANSWERED).instantColumn("at", TimestampFormat.iso())
            .valueColumn("score").build();
    Rejection r = onlyRejection(strict.read("id,customer,at,score\nr-1,c-1,2026-03-01T10:15:30Z,\n"));
    assertRejection(r, "score", RejectionReason.MISSING_FIELD, 2, "value is missing");
  }

  @Test
  void wrongTypeOfValue() {
    Rejection r = onlyRejection(adapter().read(HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,abc,,,\n"));
    assertRejection(r, "score", RejectionReason.WRONG_TYPE, 2, "\"abc\" is not a decimal number");
  }

  @Test
  void wrongTypeOfAmount() {
    Rejection r =
        onlyRejection(adapter().read(HEADER + "o-1,c-1,purchase,2026-03-01T10:15:30Z,,12x,EUR,\n"));
    assertRejection(r, "amount", RejectionReason.WRONG_TYPE, 2, "\"12x\"");
  }

  @Test
  void npsOutOfRange() {
    AdapterResult result =
        adapter().read(HEADER
            + "r-1,c-1,nps,2026-03-01T10:15:30Z,11,,,\n"
            + "r-2,c-1,nps,2026-03-01T10:15:30Z,-1,,,\n"
            + "r-3,c-1,nps,2026-03-01T10:15:30Z,7.5,,,\n");
    assertBalanced(result);
    assertThat(result.rejections()).hasSize(3);
    assertRejection(result.rejections().get(0), "score", RejectionReason.OUT_OF_RANGE, 2,
        "11 is outside");
    assertRejection(result.rejections().get(1), "score", RejectionReason.OUT_OF_RANGE, 3,
        "-1 is outside");
    assertRejection(result.rejections().get(2), "score", RejectionReason.OUT_OF_RANGE, 4,
        "7.5 is not a whole number");
  }

  @Test
  void unparsableAndMissingTimestamps() {
    AdapterResult result =
        adapter().read(HEADER
            + "r-1,c-1,nps,yesterday,9,,,\n"
            + "r-2,c-1,nps,2026-03-01T10:15:30,9,,,\n"
            + "r-3,c-1,nps,,9,,,\n");
    assertBalanced(result);
    assertThat(result.rejections()).hasSize(3);
    assertRejection(result.rejections().get(0), "at", RejectionReason.INVALID_TIMESTAMP, 2,
        "\"yesterday\"");
    assertRejection(result.rejections().get(1), "at", RejectionReason.INVALID_TIMESTAMP, 3,
        "\"2026-03-01T10:15:30\"");
    assertRejection(result.rejections().get(2), "at", RejectionReason.MISSING_FIELD, 4,
        "timestamp is missing");
  }

  @Test
  void blankAndMissingSubject() {
    AdapterResult result =
        adapter().read(HEADER
            + "r-1,  ,nps,2026-03-01T10:15:30Z,9,,,\n"
            + "r-2,,nps,2026-03-01T10:15:30Z,9,,,\n");
    assertBalanced(result);
    assertRejection(result.rejections().get(0), "customer", RejectionReason.INVALID_IDENTIFIER, 2,
        "is blank");
    assertRejection(result.rejections().get(1), "customer", RejectionReason.MISSING_FIELD, 3,
        "no subject");
  }

  @Test
  void overSizeRow() {
    SignalAdapter small = configured().maxRecordBytes(100).build();
    String longComment = "x,".repeat(40) + "y";
    AdapterResult result =
        small.read(HEADER
            + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\"" + "long ".repeat(10) + "\"," + longComment
            + "\n"
            + "r-2,c-1,nps,2026-03-01T10:15:30Z,9,,,fine\n");
    assertThat(result.signals()).extracting(s -> s.id().value()).containsExactly("r-2");
    Rejection r = onlyRejection(result);
    assertRejection(r, "", RejectionReason.RECORD_TOO_LARGE, 2, "longer than 100");
  }

  @Test
  void duplicateIdAndPrefix() {
    SignalAdapter prefixed = configured().idPrefix("crm-").build();
    AdapterResult result =
        prefixed.read(HEADER
            + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\n"
            + "r-1,c-1,nps,2026-03-02T10:15:30Z,8,,,\n");
    assertThat(result.signals()).extracting(s -> s.id().value()).containsExactly("crm-r-1");
    Rejection r = onlyRejection(result);
    assertRejection(r, "id", RejectionReason.DUPLICATE_ID, 3, "\"crm-r-1\" was already seen");
  }

  @Test
  void headerLackingAConfiguredColumnRejectsEveryRow() {
    AdapterResult result =
        adapter().read("id,customer,event,at,score,amount,comment\n"
            + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,\n"
            + "\n"
            + "r-2,c-1,nps,2026-03-01T10:15:30Z,9,,\n");
    assertBalanced(result);
    assertThat(result.summary().recordsSeen()).isEqualTo(2);
    assertThat(result.rejections()).hasSize(2);
    assertRejection(result.rejections().get(0), "currency", RejectionReason.MISSING_FIELD, 2,
        "lacks column [currency]");
    assertRejection(result.rejections().get(1), "currency", RejectionReason.MISSING_FIELD, 4,
        "lacks column [currency]");
  }

  @Test
  void rowsWithTheWrongNumberOfColumns() {
    AdapterResult result =
        adapter().read(HEADER
            + "r-1,c-1,nps,2026-03-01T10:15:30Z,9\n"
            + "r-2,c-1,nps,2026-03-01T10:15:30Z,9,,,,extra\n"
            + "r-3,c-1,nps,2026-03-01T10:15:30Z,9,,,,,\n");
    assertBalanced(result);
    assertThat(result.rejections()).hasSize(2);
    assertRejection(result.rejections().get(0), "", RejectionReason.MALFORMED_RECORD, 2,
        "row has 5 columns; the header has 8");
    assertRejection(result.rejections().get(1), "", RejectionReason.MALFORMED_RECORD, 3,
        "row has 9 columns");
    assertThat(result.signals()).extracting(s -> s.id().value()).containsExactly("r-3");
  }

  @Test
  void otherSeparatorsAndFixedOptions() {
    SignalAdapter semicolons =
        CsvAdapter.builder("shop").separator(';').idColumn("order").anonymousColumn("visitor")
            .type(SignalType.PURCHASE_COMPLETED).instantColumn("at", TimestampFormat.epochSeconds())
            .fixedValue(1).amountColumn("total").currency(Currency.getInstance("EUR")).build();
    AdapterResult result = semicolons.read(" order ;visitor;at;total\no-1;v-1;1772000000;10,5\n"
        + "o-2;v-2;1772000000;10.50\no-3;;1772000000;1\n");
    assertBalanced(result);
    assertThat(result.signals()).hasSize(1);
    assertThat(result.signals().get(0).amount()).isEqualTo(Money.of("10.50", "EUR"));
    assertRejection(result.rejections().get(0), "total", RejectionReason.WRONG_TYPE, 2, "10,5");
    assertRejection(result.rejections().get(1), "visitor", RejectionReason.MISSING_FIELD, 4,
        "anonymous id is missing");
  }

  @Test
  void streamsAHundredThousandRowsWithACountingSink() {
    int rows = 100_000;
    byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
    InputStream generated =
        new InputStream() {
          private int row = -1;
          private byte[] current = head;
          private int pos;

          @Override
          public int read() {
            if (pos == current.length) {
              if (++row >= rows) {
                return -1;
              }
              current = ("r-" + row + ",c-" + (row % 997) + ",nps,2026-03-01T10:15:30Z,"
                  + (row % 11) + ",,,note\r\n").getBytes(StandardCharsets.US_ASCII);
              pos = 0;
            }
            return current[pos++];
          }
        };
    long[] counts = new long[3];
    AdapterSummary summary =
        adapter().stream(generated, new SignalSink() {
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
    assertThat(summary).isEqualTo(new AdapterSummary("csv_test", rows, rows, 0, 0));
    assertThat(counts).containsExactly(rows, 0, 0);
  }

  @Test
  void builderRejectsNulls() {
    assertThatThrownBy(() -> CsvAdapter.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CsvAdapter.builder("x").idColumn(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("idColumn");
    assertThatThrownBy(() -> CsvAdapter.builder("x").type(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CsvAdapter.builder("x").instantColumn("at", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void builderRejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> CsvAdapter.builder("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Bad Name\"");
    assertThatThrownBy(() -> CsvAdapter.builder("x").idColumn("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idColumn");
    assertThatThrownBy(() -> CsvAdapter.builder("x").separator('"'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'\"'");
    assertThatThrownBy(() -> CsvAdapter.builder("x").maxRecordBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecordBytes 0");
    assertThatThrownBy(() -> CsvAdapter.builder("x").duplicateWindow(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicateWindow -5");
    assertThatThrownBy(() -> CsvAdapter.builder("x").attribute("Not-A-Name", "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Not-A-Name\"");
    assertThatThrownBy(() -> CsvAdapter.builder("x").typeColumn("e", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping is empty");
    assertThatThrownBy(() -> CsvAdapter.builder("x").fixedValue(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> CsvAdapter.builder("x").idPrefix("a b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"a b\"");
  }

  @Test
  void builderRejectsRepeatedAndConflictingOptions() {
    assertThatThrownBy(() -> CsvAdapter.builder("x").idColumn("a").idColumn("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("idColumn");
    assertThatThrownBy(
            () -> CsvAdapter.builder("x").type(SignalType.NPS_ANSWERED)
                .typeColumn("e", Map.of("n", SignalType.NPS_ANSWERED)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("typeColumn");
    assertThatThrownBy(() -> CsvAdapter.builder("x").valueColumn("v").fixedValue(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixedValue");
    assertThatThrownBy(
            () -> CsvAdapter.builder("x").currencyColumn("c").currency(Currency.getInstance("EUR")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> CsvAdapter.builder("x").attribute("a", "c").attribute("a", "d"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("attribute a");
  }

  @Test
  void buildNamesWhatIsMissing() {
    assertThatThrownBy(() -> CsvAdapter.builder("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("idColumn");
    assertThatThrownBy(() -> CsvAdapter.builder("x").idColumn("id").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("customerColumn");
    assertThatThrownBy(() -> CsvAdapter.builder("x").idColumn("id").customerColumn("c").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("typeColumn");
    assertThatThrownBy(
            () -> CsvAdapter.builder("x").idColumn("id").customerColumn("c")
                .type(SignalType.NPS_ANSWERED).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("instantColumn");
    assertThatThrownBy(
            () -> CsvAdapter.builder("x").idColumn("id").customerColumn("c")
                .type(SignalType.NPS_ANSWERED).instantColumn("t", TimestampFormat.iso())
                .amountColumn("a").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("currency");
    assertThatThrownBy(
            () -> CsvAdapter.builder("x").idColumn("id").customerColumn("c")
                .type(SignalType.NPS_ANSWERED).instantColumn("t", TimestampFormat.iso())
                .fixedValue(11).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("11 is outside");
  }

  @Test
  void buildCopiesTheConfiguration() {
    CsvAdapter.Builder builder = configured();
    SignalAdapter before = builder.build();
    builder.idPrefix("later-");
    assertThat(before.read(HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\n").signals())
        .extracting(s -> s.id().value()).containsExactly("r-1");
  }

  @Test
  void bytesThatAreNotUtf8StopTheRunWithOneRejection() {
    byte[] head = (HEADER + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'r', '-', '2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    byte[] all = new byte[head.length + bad.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    AdapterResult result = adapter().read(new java.io.ByteArrayInputStream(all));
    assertBalanced(result);
    assertThat(result.signals()).hasSize(1);
    assertThat(result.rejections()).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.UNREADABLE_REMAINDER));
  }

  @Test
  void aCharacterAfterAClosingQuoteStopsTheRunNamingTheRow() {
    Rejection r = onlyRejection(adapter().read(HEADER
        + "r-1,c-1,nps,2026-03-01T10:15:30Z,9,,,\"a\"b\n"
        + "r-2,c-1,nps,2026-03-01T10:15:30Z,9,,,\n"));
    assertRejection(r, "", RejectionReason.UNREADABLE_REMAINDER, 2, "2 lines (2-3) not read");
  }

  private static InputStream stream(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
