package io.advocacy.core.adapter;

import io.advocacy.core.internal.CsvSignalAdapter;
import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.SignalType;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link SignalAdapter} for CSV files: one signal per data row, the first row being the
 * header, columns mapped to signal fields by their header names.
 *
 * <pre>{@code
 * SignalAdapter surveys = CsvAdapter.builder("nps_export")
 *     .idColumn("response_id")
 *     .customerColumn("customer")
 *     .type(SignalType.NPS_ANSWERED)
 *     .instantColumn("answered_at", TimestampFormat.iso())
 *     .valueColumn("score")
 *     .attribute("channel", "channel")
 *     .build();
 * AdapterSummary summary = surveys.stream(Files.newInputStream(path), sink);
 * }</pre>
 *
 * <h2>How rows are read</h2>
 *
 * <ul>
 *   <li>The input is UTF-8 text, fields separated by {@link Builder#separator(char)} (default
 *       {@code ,}), quoted with {@code "} and a quote inside a quoted field doubled
 *       ({@code ""}); lines end with {@code \n} or {@code \r\n}; a quoted field may span lines.
 *   <li>The first row is the header. Header names are trimmed and matched exactly (case
 *       matters); when a name occurs twice the first occurrence is used. If the header lacks a
 *       configured column, every data row is rejected ({@link RejectionReason#MISSING_FIELD},
 *       field = the first missing column), so nothing is lost silently.
 *   <li>Every later row that is not blank is a record; {@link RecordRef#index()} counts them
 *       from 0 and {@link RecordRef#line()} is the line the row starts on (the header is line
 *       1 when the file starts with it).
 *   <li>A row with fewer columns than the header is rejected as
 *       {@link RejectionReason#MALFORMED_RECORD}. A row with more columns is rejected too,
 *       unless every extra column is empty (trailing separators, as spreadsheets write them):
 *       those are harmless and dropped.
 *   <li>A row longer than {@link Builder#maxRecordBytes(int)} is rejected as
 *       {@link RejectionReason#RECORD_TOO_LARGE} without being kept in memory. The length is
 *       measured in characters of the decoded text, which equals bytes for ASCII.
 *   <li>A row the parser cannot recover from (an unterminated quote, a character after a
 *       closing quote, a single value longer than the limit, bytes that are not UTF-8) ends the
 *       run with one {@link RejectionReason#UNREADABLE_REMAINDER} rejection naming the line
 *       where that row started, the line where parsing stopped and how many lines were not
 *       read. An {@link java.io.IOException} from the input ends it with one
 *       {@link RejectionReason#IO_ERROR} rejection.
 *   <li>Empty cells are absent values. Identifier cells are not trimmed (white space around an
 *       id is rejected); numeric and timestamp cells are.
 *   <li>A type cell that the type map does not know is ignored as
 *       {@link IgnoreReason#UNMAPPED_EVENT}. A repeated id (after the prefix) within the
 *       {@linkplain Builder#duplicateWindow(int) duplicate window} is rejected as
 *       {@link RejectionReason#DUPLICATE_ID}; only accepted ids are remembered.
 * </ul>
 *
 * <p>The input is read row by row in memory bounded by the row limit and the duplicate window.
 *
 * <p>This class is thread-safe (it has no instances). The adapters it builds are immutable and
 * thread-safe.
 */
public final class CsvAdapter {
  /** The default {@link Builder#maxRecordBytes(int)}. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 65_536;
  /** The default {@link Builder#duplicateWindow(int)}. */
  public static final int DEFAULT_DUPLICATE_WINDOW = 100_000;

  private CsvAdapter() {}

  /**
   * Starts configuring a CSV adapter.
   *
   * @param name the adapter's name: a machine name such as {@code nps_export}, used as the
   *     registry key and the signals' source
   * @return a builder
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is not a machine name
   */
  public static Builder builder(String name) {
    return new Builder(Require.name("adapter name", name));
  }

  /**
   * Configures a CSV adapter. Each option may be set once; null arguments throw
   * {@link NullPointerException}, bad values {@link IllegalArgumentException} naming the value,
   * options set twice or in conflict {@link IllegalStateException}. {@link #build()} copies the
   * configuration, so later calls do not change adapters already built.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private final String name;
    private @Nullable Character separator;
    private @Nullable String idColumn;
    private @Nullable String customerColumn;
    private @Nullable String anonymousColumn;
    private @Nullable SignalType fixedType;
    private @Nullable String typeColumn;
    private @Nullable Map<String, SignalType> typeMap;
    private @Nullable String instantColumn;
    private @Nullable TimestampFormat instantFormat;
    private @Nullable String valueColumn;
    private @Nullable Double defaultValue;
    private @Nullable Double fixedValue;
    private @Nullable String amountColumn;
    private @Nullable String currencyColumn;
    private @Nullable Currency fixedCurrency;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private @Nullable String idPrefix;
    private @Nullable Integer maxRecordBytes;
    private @Nullable Integer duplicateWindow;

    private Builder(String name) {
      this.name = name;
    }

    private static void once(@Nullable Object current, String option) {
      if (current != null) {
        throw new IllegalStateException(option + " is already set");
      }
    }

    private static String column(String option, String column) {
      Objects.requireNonNull(column, option);
      String trimmed = column.trim();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException(option + " " + Require.quote(column) + " is blank");
      }
      return trimmed;
    }

    /**
     * Sets the field separator (default {@code ,}).
     *
     * @param separator e.g. {@code ;} or {@code \t}
     * @return this builder
     * @throws IllegalArgumentException if it is a quote, a line break or a letter or digit
     * @throws IllegalStateException if already set
     */
    public Builder separator(char separator) {
      if (separator == '"' || separator == '\n' || separator == '\r'
          || Character.isLetterOrDigit(separator)) {
        throw new IllegalArgumentException(
            "separator '" + separator + "' (U+" + String.format("%04X", (int) separator)
                + ") cannot separate fields");
      }
      once(this.separator, "separator");
      this.separator = separator;
      return this;
    }

    /**
     * Sets the column holding each row's idempotency id (required).
     *
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if already set
     */
    public Builder idColumn(String column) {
      String c = column("idColumn", column);
      once(idColumn, "idColumn");
      idColumn = c;
      return this;
    }

    /**
     * Sets the column holding the customer id. At least one of this and
     * {@link #anonymousColumn(String)} is required; when a row has both, the customer wins.
     *
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if already set
     */
    public Builder customerColumn(String column) {
      String c = column("customerColumn", column);
      once(customerColumn, "customerColumn");
      customerColumn = c;
      return this;
    }

    /**
     * Sets the column holding an anonymous visitor id, used when the customer cell is empty.
     *
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if already set
     */
    public Builder anonymousColumn(String column) {
      String c = column("anonymousColumn", column);
      once(anonymousColumn, "anonymousColumn");
      anonymousColumn = c;
      return this;
    }

    /**
     * Gives every row the same signal type. Conflicts with {@link #typeColumn(String, Map)}.
     *
     * @param type the type
     * @return this builder
     * @throws IllegalStateException if a type or type column is already set
     */
    public Builder type(SignalType type) {
      Objects.requireNonNull(type, "type");
      once(fixedType, "type");
      if (typeColumn != null) {
        throw new IllegalStateException("type conflicts with typeColumn " + Require.quote(typeColumn));
      }
      fixedType = type;
      return this;
    }

    /**
     * Reads each row's signal type from a column through a map; a cell value the map lacks
     * makes the row ignored ({@link IgnoreReason#UNMAPPED_EVENT}). Cells are trimmed, then
     * matched exactly. Conflicts with {@link #type(SignalType)}.
     *
     * @param column the header name
     * @param mapping cell value to signal type; not empty
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, the map is empty or has a blank key
     * @throws IllegalStateException if a type or type column is already set
     */
    public Builder typeColumn(String column, Map<String, SignalType> mapping) {
      String c = column("typeColumn", column);
      Objects.requireNonNull(mapping, "mapping");
      if (mapping.isEmpty()) {
        throw new IllegalArgumentException("typeColumn " + Require.quote(c) + " mapping is empty");
      }
      Map<String, SignalType> copy = new LinkedHashMap<>();
      mapping.forEach(
          (k, v) -> {
            Objects.requireNonNull(k, "mapping key");
            Objects.requireNonNull(v, () -> "mapping of " + k);
            if (k.isBlank() || !k.equals(k.trim())) {
              throw new IllegalArgumentException(
                  "type mapping key " + Require.quote(k) + " is blank or not trimmed");
            }
            copy.put(k, v);
          });
      once(typeColumn, "typeColumn");
      if (fixedType != null) {
        throw new IllegalStateException("typeColumn conflicts with type " + fixedType);
      }
      typeColumn = c;
      typeMap = Map.copyOf(copy);
      return this;
    }

    /**
     * Sets the column holding when each fact happened, and how to read it (required).
     *
     * @param column the header name
     * @param format the timestamp format
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if already set
     */
    public Builder instantColumn(String column, TimestampFormat format) {
      String c = column("instantColumn", column);
      Objects.requireNonNull(format, "format");
      once(instantColumn, "instantColumn");
      instantColumn = c;
      instantFormat = format;
      return this;
    }

    /**
     * Sets the column holding each signal's numeric value (decimal text such as {@code 9} or
     * {@code 4.5}). Conflicts with {@link #fixedValue(double)}. Without a value column or fixed
     * value, signals have value 1.
     *
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if already set, or a fixed value is set
     */
    public Builder valueColumn(String column) {
      String c = column("valueColumn", column);
      once(valueColumn, "valueColumn");
      if (fixedValue != null) {
        throw new IllegalStateException("valueColumn conflicts with fixedValue " + fixedValue);
      }
      valueColumn = c;
      return this;
    }

    /**
     * Sets the value used when the value cell is empty (without it, an empty cell is
     * {@link RejectionReason#MISSING_FIELD}). Requires {@link #valueColumn(String)}.
     *
     * @param value a finite number
     * @return this builder
     * @throws IllegalArgumentException if the value is not finite
     * @throws IllegalStateException if already set
     */
    public Builder defaultValue(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("defaultValue " + value + " is not finite");
      }
      once(defaultValue, "defaultValue");
      defaultValue = value;
      return this;
    }

    /**
     * Gives every signal the same value. Conflicts with {@link #valueColumn(String)}.
     *
     * @param value a finite number
     * @return this builder
     * @throws IllegalArgumentException if the value is not finite
     * @throws IllegalStateException if already set, or a value column is set
     */
    public Builder fixedValue(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("fixedValue " + value + " is not finite");
      }
      once(fixedValue, "fixedValue");
      if (valueColumn != null) {
        throw new IllegalStateException(
            "fixedValue conflicts with valueColumn " + Require.quote(valueColumn));
      }
      fixedValue = value;
      return this;
    }

    /**
     * Sets the column holding a money amount (decimal text); an empty cell means no amount.
     * Requires a currency: {@link #currencyColumn(String)} or {@link #currency(Currency)}.
     *
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if already set
     */
    public Builder amountColumn(String column) {
      String c = column("amountColumn", column);
      once(amountColumn, "amountColumn");
      amountColumn = c;
      return this;
    }

    /**
     * Sets the column holding the amount's ISO 4217 currency code. Conflicts with
     * {@link #currency(Currency)}.
     *
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if a currency or currency column is already set
     */
    public Builder currencyColumn(String column) {
      String c = column("currencyColumn", column);
      once(currencyColumn, "currencyColumn");
      if (fixedCurrency != null) {
        throw new IllegalStateException("currencyColumn conflicts with currency " + fixedCurrency);
      }
      currencyColumn = c;
      return this;
    }

    /**
     * Gives every amount the same currency. Conflicts with {@link #currencyColumn(String)}.
     *
     * @param currency the currency
     * @return this builder
     * @throws IllegalStateException if a currency or currency column is already set
     */
    public Builder currency(Currency currency) {
      Objects.requireNonNull(currency, "currency");
      once(fixedCurrency, "currency");
      if (currencyColumn != null) {
        throw new IllegalStateException(
            "currency conflicts with currencyColumn " + Require.quote(currencyColumn));
      }
      fixedCurrency = currency;
      return this;
    }

    /**
     * Copies a column into a signal attribute; an empty cell adds nothing.
     *
     * @param name the attribute's machine name
     * @param column the header name
     * @return this builder
     * @throws IllegalArgumentException if the name is not a machine name or the column is blank
     * @throws IllegalStateException if the attribute is already mapped, or more than
     *     {@value io.advocacy.core.signal.Signal#MAX_ATTRIBUTES} are
     */
    public Builder attribute(String name, String column) {
      Require.name("attribute name", name);
      String c = column("attribute column", column);
      if (attributes.containsKey(name)) {
        throw new IllegalStateException("attribute " + name + " is already mapped");
      }
      if (attributes.size() == io.advocacy.core.signal.Signal.MAX_ATTRIBUTES) {
        throw new IllegalStateException(
            "attribute " + name + " is one too many: at most "
                + io.advocacy.core.signal.Signal.MAX_ATTRIBUTES);
      }
      attributes.put(name, c);
      return this;
    }

    /**
     * Puts a prefix before every id read (e.g. {@code crm-}), to keep ids from different files
     * apart.
     *
     * @param prefix the prefix; may not contain white space or control characters
     * @return this builder
     * @throws IllegalArgumentException if the prefix is empty or contains white space or
     *     control characters
     * @throws IllegalStateException if already set
     */
    public Builder idPrefix(String prefix) {
      Objects.requireNonNull(prefix, "idPrefix");
      if (prefix.isEmpty()
          || prefix.length() > Require.MAX_ID_LENGTH - 1
          || prefix.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
        throw new IllegalArgumentException(
            "idPrefix " + Require.quote(prefix)
                + " must be 1 to 255 characters without white space or control characters");
      }
      once(idPrefix, "idPrefix");
      idPrefix = prefix;
      return this;
    }

    /**
     * Sets the longest row accepted (default {@value CsvAdapter#DEFAULT_MAX_RECORD_BYTES});
     * see the class description for how it is measured.
     *
     * @param max at least 16
     * @return this builder
     * @throws IllegalArgumentException if less than 16
     * @throws IllegalStateException if already set
     */
    public Builder maxRecordBytes(int max) {
      if (max < 16) {
        throw new IllegalArgumentException("maxRecordBytes " + max + " is less than 16");
      }
      once(maxRecordBytes, "maxRecordBytes");
      maxRecordBytes = max;
      return this;
    }

    /**
     * Sets how many accepted ids one run remembers to reject duplicates (default
     * {@value CsvAdapter#DEFAULT_DUPLICATE_WINDOW}).
     *
     * @param ids at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     * @throws IllegalStateException if already set
     */
    public Builder duplicateWindow(int ids) {
      if (ids < 1) {
        throw new IllegalArgumentException("duplicateWindow " + ids + " is less than 1");
      }
      once(duplicateWindow, "duplicateWindow");
      duplicateWindow = ids;
      return this;
    }

    /**
     * Builds the adapter from a copy of the configuration.
     *
     * @return an immutable, thread-safe adapter
     * @throws IllegalStateException naming what is missing or in conflict: no
     *     {@code idColumn}, no {@code customerColumn}/{@code anonymousColumn}, no
     *     {@code type}/{@code typeColumn}, no {@code instantColumn}; a {@code defaultValue}
     *     without {@code valueColumn}; an amount without currency or a currency without amount;
     *     a {@code fixedValue} the fixed type does not allow
     */
    public SignalAdapter build() {
      if (idColumn == null) {
        throw new IllegalStateException("idColumn is required");
      }
      if (customerColumn == null && anonymousColumn == null) {
        throw new IllegalStateException("customerColumn or anonymousColumn is required");
      }
      if (fixedType == null && typeColumn == null) {
        throw new IllegalStateException("type or typeColumn is required");
      }
      if (instantColumn == null || instantFormat == null) {
        throw new IllegalStateException("instantColumn is required");
      }
      if (defaultValue != null && valueColumn == null) {
        throw new IllegalStateException("defaultValue needs a valueColumn");
      }
      if (amountColumn != null && currencyColumn == null && fixedCurrency == null) {
        throw new IllegalStateException("amountColumn needs a currencyColumn or currency");
      }
      if (amountColumn == null && (currencyColumn != null || fixedCurrency != null)) {
        throw new IllegalStateException("currencyColumn or currency needs an amountColumn");
      }
      if (fixedValue != null && fixedType != null) {
        String problem = fixedType.valueRule().problem(fixedValue);
        if (problem != null) {
          throw new IllegalStateException(
              "fixedValue conflicts with type " + fixedType + ": " + problem);
        }
      }
      return new CsvSignalAdapter(
          new CsvSignalAdapter.Config(
              name,
              separator == null ? ',' : separator,
              idColumn,
              customerColumn,
              anonymousColumn,
              fixedType,
              typeColumn,
              typeMap == null ? Map.of() : typeMap,
              instantColumn,
              instantFormat,
              valueColumn,
              defaultValue,
              fixedValue,
              amountColumn,
              currencyColumn,
              fixedCurrency,
              Map.copyOf(attributes),
              idPrefix == null ? "" : idPrefix,
              maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes,
              duplicateWindow == null ? DEFAULT_DUPLICATE_WINDOW : duplicateWindow));
    }
  }
}
