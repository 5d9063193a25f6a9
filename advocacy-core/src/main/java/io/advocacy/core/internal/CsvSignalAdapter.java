package io.advocacy.core.internal;

import io.advocacy.core.adapter.AdapterSummary;
import io.advocacy.core.adapter.IgnoreReason;
import io.advocacy.core.adapter.IgnoredRecord;
import io.advocacy.core.adapter.RecordRef;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.adapter.SignalSink;
import io.advocacy.core.adapter.TimestampFormat;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The CSV adapter built by {@link io.advocacy.core.adapter.CsvAdapter}; the rules it follows
 * are described there. Reads Jackson's CSV token stream (each row as an array of strings) and
 * maps each row through a {@link SignalDraft}.
 *
 * <p>Immutable and thread-safe: each {@link #stream} call has its own state.
 */
public final class CsvSignalAdapter implements SignalAdapter {

  /**
   * The copied configuration.
   *
   * @param name adapter name
   * @param separator field separator
   * @param idColumn id column
   * @param customerColumn customer id column, or null
   * @param anonymousColumn anonymous id column, or null
   * @param fixedType the type of every row, or null
   * @param typeColumn the type column, or null
   * @param typeMap cell value to type
   * @param instantColumn timestamp column
   * @param instantFormat timestamp format
   * @param valueColumn value column, or null
   * @param defaultValue value for an empty value cell, or null
   * @param fixedValue value of every row, or null
   * @param amountColumn amount column, or null
   * @param currencyColumn currency column, or null
   * @param fixedCurrency currency of every amount, or null
   * @param attributes attribute name to column
   * @param idPrefix prefix for ids, possibly empty
   * @param maxRecordBytes longest row
   * @param duplicateWindow ids remembered
   */
  public record Config(
      String name,
      char separator,
      String idColumn,
      @Nullable String customerColumn,
      @Nullable String anonymousColumn,
      @Nullable SignalType fixedType,
      @Nullable String typeColumn,
      Map<String, SignalType> typeMap,
      String instantColumn,
      TimestampFormat instantFormat,
      @Nullable String valueColumn,
      @Nullable Double defaultValue,
      @Nullable Double fixedValue,
      @Nullable String amountColumn,
      @Nullable String currencyColumn,
      @Nullable Currency fixedCurrency,
      Map<String, String> attributes,
      String idPrefix,
      int maxRecordBytes,
      int duplicateWindow) {
    /**
     * Copies the maps.
     * @param name adapter name
     * @param separator field separator
     * @param idColumn id column
     * @param customerColumn customer id column, or null
     * @param anonymousColumn anonymous id column, or null
     * @param fixedType the type of every row, or null
     * @param typeColumn the type column, or null
     * @param typeMap cell value to type
     * @param instantColumn timestamp column
     * @param instantFormat timestamp format
     * @param valueColumn value column, or null
     * @param defaultValue value for an empty value cell, or null
     * @param fixedValue value of every row, or null
     * @param amountColumn amount column, or null
     * @param currencyColumn currency column, or null
     * @param fixedCurrency currency of every amount, or null
     * @param attributes attribute name to column
     * @param idPrefix prefix for ids, possibly empty
     * @param maxRecordBytes longest row
     * @param duplicateWindow ids remembered
     */
    public Config {
      typeMap = Map.copyOf(typeMap);
      attributes = new TreeMap<>(attributes);
    }

    /** The configured columns in a fixed order, for the header check. */
    List<String> columns() {
      List<String> columns = new ArrayList<>();
      columns.add(idColumn);
      addIfSet(columns, customerColumn);
      addIfSet(columns, anonymousColumn);
      addIfSet(columns, typeColumn);
      columns.add(instantColumn);
      addIfSet(columns, valueColumn);
      addIfSet(columns, amountColumn);
      addIfSet(columns, currencyColumn);
      for (String column : attributes.values()) {
        addIfSet(columns, column);
      }
      return columns;
    }

    private static void addIfSet(List<String> columns, @Nullable String column) {
      if (column != null && !columns.contains(column)) {
        columns.add(column);
      }
    }
  }

  private final Config config;
  private final ObjectReader reader;

  /**
   * An adapter.
   *
   * @param config the configuration
   */
  public CsvSignalAdapter(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    // A single value may not exceed the row limit: this bounds what the parser buffers, e.g.
    // for an unterminated quote that would otherwise swallow the rest of the file.
    CsvFactory factory =
        CsvFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(config.maxRecordBytes()).build())
            .build();
    CsvMapper mapper = CsvMapper.builder(factory).enable(CsvReadFeature.WRAP_AS_ARRAY).build();
    this.reader = mapper.reader(CsvSchema.emptySchema().withColumnSeparator(config.separator()));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public AdapterSummary stream(InputStream input, SignalSink sink) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sink, "sink");
    return new Run(sink, new LineCountingInput(input)).read();
  }

  /** One pass over one input. Not thread-safe. */
  private final class Run {
    private final SignalSink sink;
    private final LineCountingInput input;
    private final SignalDraft draft;
    private final DuplicateWindow duplicates;
    private final List<String> row = new ArrayList<>();
    private final Map<String, Integer> header = new HashMap<>();
    private boolean headerRead;
    private @Nullable Rejection headerProblem;
    private int headerWidth;
    private long seen;
    private long accepted;
    private long ignored;
    private long rejected;
    /** Line where the row being read starts (or the next row will start). */
    private long rowLine = 1;

    Run(SignalSink sink, LineCountingInput input) {
      this.sink = sink;
      this.input = input;
      this.draft = new SignalDraft(config.name(), new RecordRef(0, 0));
      this.duplicates = new DuplicateWindow(config.duplicateWindow());
    }

    AdapterSummary read() {
      try (JsonParser parser = reader.createParser(input)) {
        readRows(parser);
      } catch (JacksonIOException e) {
        if (e.getCause() instanceof CharConversionException) {
          unreadable(e.getOriginalMessage(), -1);
        } else {
          reject(new Rejection(ref(), "", RejectionReason.IO_ERROR,
              "reading the input failed near line " + rowLine + ": " + e.getOriginalMessage()
                  + "; the rest was not read"));
        }
      } catch (JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        unreadable(e.getOriginalMessage(), at == null ? -1 : at.getLineNr());
      }
      return new AdapterSummary(config.name(), seen, accepted, ignored, rejected);
    }

    private RecordRef ref() {
      return new RecordRef(seen, Math.max(rowLine, 0));
    }

    private void readRows(JsonParser parser) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return;
      }
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        row.clear();
        long rowStart = -1;
        boolean oversize = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
          if (rowStart < 0) {
            TokenStreamLocation at = parser.currentTokenLocation();
            rowLine = at.getLineNr();
            rowStart = at.getCharOffset();
          }
          String value = parser.getString();
          if (!oversize
              && parser.currentLocation().getCharOffset() - rowStart > config.maxRecordBytes()) {
            oversize = true;
            row.clear();
          }
          if (!oversize) {
            row.add(value);
          }
        }
        if (token != JsonToken.END_ARRAY) {
          return;
        }
        long lineAfter = parser.currentLocation().getLineNr();
        if (oversize || !blank()) {
          handle(oversize);
        }
        rowLine = lineAfter;
      }
    }

    private boolean blank() {
      return row.isEmpty() || (row.size() == 1 && row.get(0).isBlank());
    }

    private void handle(boolean oversize) {
      if (!headerRead) {
        readHeader(oversize);
        return;
      }
      RecordRef ref = ref();
      if (headerProblem != null) {
        Rejection p = headerProblem;
        reject(new Rejection(ref, p.field(), p.reason(), p.message()));
      } else if (oversize) {
        reject(new Rejection(ref, "", RejectionReason.RECORD_TOO_LARGE,
            "row is longer than " + config.maxRecordBytes() + " characters"));
      } else if (row.size() < headerWidth) {
        reject(new Rejection(ref, "", RejectionReason.MALFORMED_RECORD,
            "row has " + row.size() + " columns; the header has " + headerWidth));
      } else if (row.size() > headerWidth && !extraColumnsEmpty()) {
        reject(new Rejection(ref, "", RejectionReason.MALFORMED_RECORD,
            "row has " + row.size() + " columns; the header has " + headerWidth));
      } else {
        map(ref);
      }
    }

    private boolean extraColumnsEmpty() {
      for (int i = headerWidth; i < row.size(); i++) {
        if (!row.get(i).isEmpty()) {
          return false;
        }
      }
      return true;
    }

    private void readHeader(boolean oversize) {
      headerRead = true;
      long line = rowLine;
      if (oversize) {
        headerProblem = new Rejection(new RecordRef(0, line), "", RejectionReason.RECORD_TOO_LARGE,
            "the header (line " + line + ") is longer than " + config.maxRecordBytes()
                + " characters, so no column can be found");
        return;
      }
      headerWidth = row.size();
      for (int i = 0; i < row.size(); i++) {
        header.putIfAbsent(row.get(i).trim(), i);
      }
      List<String> missing = new ArrayList<>();
      for (String column : config.columns()) {
        if (!header.containsKey(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        String shown = String.join(", ", row);
        headerProblem = new Rejection(new RecordRef(0, line), missing.get(0),
            RejectionReason.MISSING_FIELD,
            "the header (line " + line + ") lacks column" + (missing.size() > 1 ? "s " : " ")
                + missing + "; it has " + Require.quote(shown));
      }
    }

    private @Nullable String cell(@Nullable String column) {
      if (column == null) {
        return null;
      }
      String value = row.get(Objects.requireNonNull(header.get(column)));
      return value.isEmpty() ? null : value;
    }

    private void map(RecordRef ref) {
      SignalType type = config.fixedType();
      if (type == null) {
        String column = Objects.requireNonNull(config.typeColumn());
        String text = cell(column);
        if (text == null || text.isBlank()) {
          reject(new Rejection(ref, column, RejectionReason.MISSING_FIELD, "type is missing"));
          return;
        }
        type = config.typeMap().get(text.trim());
        if (type == null) {
          seen++;
          ignored++;
          sink.ignored(new IgnoredRecord(ref, IgnoreReason.UNMAPPED_EVENT,
              "type " + Require.quote(text.trim()) + " in column " + Require.quote(column)
                  + " has no mapping"));
          return;
        }
      }
      SignalDraft d = draft.reset(ref);
      String idText = cell(config.idColumn());
      if (idText == null || Require.identifierProblem(idText) != null) {
        d.id(config.idColumn(), idText);
      } else {
        d.id(config.idColumn(), config.idPrefix() + idText);
      }
      String customerColumn = config.customerColumn();
      String anonymousColumn = config.anonymousColumn();
      if (customerColumn == null) {
        String anonymous = cell(anonymousColumn);
        if (anonymous == null) {
          d.reject(Objects.requireNonNull(anonymousColumn), RejectionReason.MISSING_FIELD,
              "anonymous id is missing");
        } else {
          d.subject("", null, Objects.requireNonNull(anonymousColumn), anonymous);
        }
      } else {
        d.subject(customerColumn, cell(customerColumn),
            anonymousColumn == null ? "" : anonymousColumn, cell(anonymousColumn));
      }
      d.type(type);
      d.occurredAt(config.instantColumn(), cell(config.instantColumn()), config.instantFormat());
      readValue(d);
      readAmount(d);
      for (Map.Entry<String, String> attribute : config.attributes().entrySet()) {
        d.attribute(attribute.getKey(), attribute.getValue(), cell(attribute.getValue()));
      }
      Signal signal = d.build();
      if (signal == null) {
        reject(Objects.requireNonNull(d.rejection()));
      } else if (!duplicates.firstSighting(signal.id().value())) {
        reject(new Rejection(ref, config.idColumn(), RejectionReason.DUPLICATE_ID,
            "id " + Require.quote(signal.id().value()) + " was already seen in this input"));
      } else {
        seen++;
        accepted++;
        sink.accepted(signal, ref);
      }
    }

    private void readValue(SignalDraft d) {
      Double fixed = config.fixedValue();
      String column = config.valueColumn();
      if (fixed != null) {
        d.value("", fixed);
        return;
      }
      if (column == null || !d.ok()) {
        return;
      }
      String text = cell(column);
      if (text == null || text.isBlank()) {
        Double fallback = config.defaultValue();
        if (fallback == null) {
          d.reject(column, RejectionReason.MISSING_FIELD, "value is missing");
        } else {
          d.value(column, fallback);
        }
        return;
      }
      BigDecimal number = decimal(text);
      if (number == null) {
        d.reject(column, RejectionReason.WRONG_TYPE,
            "value " + Require.quote(text) + " is not a decimal number");
        return;
      }
      d.value(column, number.doubleValue());
    }

    private void readAmount(SignalDraft d) {
      String column = config.amountColumn();
      if (column == null || !d.ok()) {
        return;
      }
      String text = cell(column);
      if (text == null || text.isBlank()) {
        return;
      }
      BigDecimal number = decimal(text);
      if (number == null) {
        d.reject(column, RejectionReason.WRONG_TYPE,
            "amount " + Require.quote(text) + " is not a decimal number");
        return;
      }
      Currency fixed = config.fixedCurrency();
      String currencyColumn = config.currencyColumn();
      d.amount(
          column,
          number,
          currencyColumn == null ? "" : currencyColumn,
          fixed != null ? fixed.getCurrencyCode() : cell(currencyColumn));
    }

    private static @Nullable BigDecimal decimal(String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private void reject(Rejection rejection) {
      seen++;
      rejected++;
      sink.rejected(rejection);
    }

    private void unreadable(String problem, long stoppedAt) {
      long totalLines = input.drainAndCountLines();
      long from = Math.max(rowLine, 1);
      long stopped = stoppedAt < 1 ? totalLines : Math.min(stoppedAt, Math.max(totalLines, from));
      long notRead = Math.max(0, totalLines - from + 1);
      String lines = notRead == 0 ? "no lines" : notRead == 1 ? "1 line (" + from + ")"
          : notRead + " lines (" + from + "-" + totalLines + ")";
      reject(new Rejection(new RecordRef(seen, from), "", RejectionReason.UNREADABLE_REMAINDER,
          "the row starting at line " + from + " cannot be parsed (" + problem
              + "); parsing stopped at line " + stopped + "; " + lines + " not read"));
    }
  }

  /**
   * Counts the lines of the bytes that pass through, and does not close the input (the
   * adapter contract leaves that to the caller).
   */
  private static final class LineCountingInput extends FilterInputStream {
    private long newlines;
    private long bytes;
    private int last = -1;

    LineCountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = 0; i < n; i++) {
        count(buf[off + i]);
      }
      return n;
    }

    private void count(int b) {
      bytes++;
      last = b & 0xFF;
      if (last == '\n') {
        newlines++;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      int read = read(buf, 0, buf.length);
      return Math.max(read, 0);
    }

    @Override
    public void close() {
      // Not closed: the caller owns the input.
    }

    /** Reads what is left (counting it) and returns the number of lines in the whole input. */
    long drainAndCountLines() {
      byte[] buf = new byte[8192];
      try {
        while (read(buf, 0, buf.length) >= 0) {
          // counting only
        }
      } catch (IOException e) {
        // What could be read was counted; the count is a lower bound.
      }
      return newlines + (bytes > 0 && last != '\n' ? 1 : 0);
    }
  }
}
