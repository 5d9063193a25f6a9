package io.advocacy.core.adapter;

import io.advocacy.core.internal.JsonMappingConfig;
import io.advocacy.core.internal.JsonMappingSignalAdapter;
import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A generic {@link SignalAdapter} for JSON webhooks and exports, configured with JSON
 * Pointers (RFC 6901) that say where each part of a signal lives in a record.
 *
 * <pre>{@code
 * SignalAdapter surveys = JsonMappingAdapter.builder("surveys")
 *     .framing(JsonMappingAdapter.Framing.NDJSON)
 *     .idAt("/response_id").idPrefix("surveys:")
 *     .customerAt("/user/id").anonymousAt("/visitor")
 *     .fixedType(SignalType.NPS_ANSWERED)
 *     .valueAt("/score")
 *     .instantAt("/answered_at", TimestampFormat.iso())
 *     .attributeAt("comment", "/comment")
 *     .build();
 * AdapterResult result = surveys.read(body);
 * }</pre>
 *
 * <p><b>Framing.</b> {@link Framing#DOCUMENT}: the input is one JSON document; an object is one
 * record, an array is a list of records read one element at a time (a large array is never
 * held in memory). {@link Framing#NDJSON}: one JSON document per line; blank lines are not
 * records. With {@link Builder#recordsAt(String)} each document is an envelope and the records
 * are the elements of the array at that pointer.
 *
 * <p><b>Outcomes.</b> Every record is accepted, ignored or rejected exactly once, in input
 * order. A rejection's field is the record-relative JSON Pointer at fault, or empty for the
 * whole record; for an envelope without its records array it is the {@code recordsAt}
 * pointer, relative to the document. Ignored: a filter value not allowed
 * ({@link IgnoreReason#FILTERED}, checked first) and a type value with no mapping
 * ({@link IgnoreReason#UNMAPPED_EVENT}); these are decided before the other fields are
 * checked. Rejected, in this order of precedence: malformed JSON, a record larger than
 * {@link Builder#maxRecordBytes(int)}, a record that is not an object, then id, subject,
 * timestamp, value, amount and attributes, the type's value rule, and finally a duplicate id
 * within one input (only ids of otherwise acceptable records are remembered). Malformed JSON
 * in {@code DOCUMENT} framing ends the run with one {@link RejectionReason#MALFORMED_RECORD}
 * that says where parsing stopped; records streamed before it stay accepted. A failing input
 * stream gives one {@link RejectionReason#IO_ERROR} rejection and ends the run.
 *
 * <p><b>Field types.</b> Id, customer and anonymous id: a string or an integral number.
 * Type and filter values: a string, number or boolean, compared as text. Value: a JSON number
 * (text is {@link RejectionReason#WRONG_TYPE}). Amount: a number or decimal text. Timestamp: per
 * its {@link TimestampFormat}; the epoch formats take numbers and numeric text. Attributes: a
 * string, number or boolean rendered as text (an object or array is {@code WRONG_TYPE}); an
 * absent or null attribute adds nothing. The subject is the customer id when present and
 * non-empty, else the anonymous id.
 *
 * <p>Built adapters are immutable and thread-safe: one may stream several inputs at once on
 * different threads. The duplicate window is per input.
 */
public interface JsonMappingAdapter extends SignalAdapter {

  /** Most records a duplicate window remembers by default. */
  int DEFAULT_DUPLICATE_WINDOW = 100_000;

  /** The largest record accepted by default, in bytes. */
  int DEFAULT_MAX_RECORD_BYTES = 65_536;

  /**
   * Starts an adapter configuration.
   *
   * @param name the adapter's machine name ({@code [a-z][a-z0-9_.-]{0,63}}), also the
   *     signals' {@link Signal#source()}
   * @return a builder
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException if the name is not a machine name
   */
  static Builder builder(String name) {
    return new Builder(Require.name("adapter name", name));
  }

  /**
   * How the input is split into documents.
   *
   * <p>Immutable; thread-safe.
   */
  enum Framing {
    /** One JSON document: an object is one record, an array is a list of records. */
    DOCUMENT,
    /** One JSON document per line; blank lines are not records. */
    NDJSON
  }

  /**
   * A setting of the {@link Builder}, for {@link Builder#clear(Setting)} when a host adjusts a
   * preset (for example to take the customer from another field).
   *
   * <p>Immutable; thread-safe.
   */
  enum Setting {
    /** {@link Builder#framing(Framing)}. */
    FRAMING,
    /** {@link Builder#recordsAt(String)}. */
    RECORDS_AT,
    /** {@link Builder#idAt(String)}. */
    ID,
    /** {@link Builder#idPrefix(String)}. */
    ID_PREFIX,
    /** {@link Builder#customerAt(String)}. */
    CUSTOMER,
    /** {@link Builder#anonymousAt(String)}. */
    ANONYMOUS,
    /** {@link Builder#fixedType(SignalType)} and {@link Builder#typeAt(String, Map)}. */
    TYPE,
    /** {@link Builder#filter(String, Collection)}. */
    FILTER,
    /** {@link Builder#instantAt(String, TimestampFormat)}. */
    INSTANT,
    /** {@link Builder#valueAt(String)} and {@link Builder#fixedValue(double)}. */
    VALUE,
    /** {@link Builder#amountAt(String)}. */
    AMOUNT,
    /** {@link Builder#currencyAt(String)} and {@link Builder#fixedCurrency(String)}. */
    CURRENCY,
    /** Every attribute: {@link Builder#attributeAt(String, String)} and fixed ones. */
    ATTRIBUTES,
    /** {@link Builder#maxRecordBytes(int)}. */
    MAX_RECORD_BYTES,
    /** {@link Builder#duplicateWindow(int)}. */
    DUPLICATE_WINDOW
  }

  /**
   * Configures a {@link JsonMappingAdapter}. Fails fast: a null argument throws
   * {@link NullPointerException}; a malformed pointer or bad value throws
   * {@link IllegalArgumentException} naming it; setting an option twice or two conflicting
   * options throws {@link IllegalStateException} (use {@link #clear(Setting)} to replace an
   * option on purpose). {@link #build()} checks that the required options are set (id,
   * customer and/or anonymous id, type, instant) and copies the configuration, so later calls
   * change nothing already built.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  final class Builder {
    private final String name;
    private final Set<Setting> set = EnumSet.noneOf(Setting.class);
    private Framing framing = Framing.DOCUMENT;
    private @Nullable String recordsAt;
    private @Nullable String idAt;
    private String idPrefix = "";
    private @Nullable String customerAt;
    private @Nullable String anonymousAt;
    private @Nullable SignalType fixedType;
    private @Nullable String typeAt;
    private Map<String, SignalType> typeMapping = Map.of();
    private @Nullable String filterAt;
    private Set<String> filterAllowed = Set.of();
    private @Nullable String instantAt;
    private @Nullable TimestampFormat instantFormat;
    private @Nullable String valueAt;
    private @Nullable Double fixedValue;
    private @Nullable String amountAt;
    private @Nullable String currencyAt;
    private @Nullable Currency fixedCurrency;
    private final Map<String, String> attributePointers = new LinkedHashMap<>();
    private final Map<String, String> fixedAttributes = new LinkedHashMap<>();
    private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
    private int duplicateWindow = DEFAULT_DUPLICATE_WINDOW;

    private Builder(String name) {
      this.name = name;
    }

    private void once(Setting setting, String what) {
      if (!set.add(setting)) {
        throw new IllegalStateException(
            "adapter " + name + ": " + what + " is already set; clear(Setting." + setting
                + ") first to replace it");
      }
    }

    /**
     * Forgets an option so it can be set again, e.g. to change a preset's customer pointer.
     * Clearing an option that is not set does nothing.
     *
     * @param setting the option
     * @return this builder
     */
    public Builder clear(Setting setting) {
      Objects.requireNonNull(setting, "setting");
      set.remove(setting);
      switch (setting) {
        case FRAMING -> framing = Framing.DOCUMENT;
        case RECORDS_AT -> recordsAt = null;
        case ID -> idAt = null;
        case ID_PREFIX -> idPrefix = "";
        case CUSTOMER -> customerAt = null;
        case ANONYMOUS -> anonymousAt = null;
        case TYPE -> {
          fixedType = null;
          typeAt = null;
          typeMapping = Map.of();
        }
        case FILTER -> {
          filterAt = null;
          filterAllowed = Set.of();
        }
        case INSTANT -> {
          instantAt = null;
          instantFormat = null;
        }
        case VALUE -> {
          valueAt = null;
          fixedValue = null;
        }
        case AMOUNT -> amountAt = null;
        case CURRENCY -> {
          currencyAt = null;
          fixedCurrency = null;
        }
        case ATTRIBUTES -> {
          attributePointers.clear();
          fixedAttributes.clear();
        }
        case MAX_RECORD_BYTES -> maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        case DUPLICATE_WINDOW -> duplicateWindow = DEFAULT_DUPLICATE_WINDOW;
      }
      return this;
    }

    /**
     * Sets how the input is split into documents (default {@link Framing#DOCUMENT}).
     *
     * @param framing the framing
     * @return this builder
     */
    public Builder framing(Framing framing) {
      Objects.requireNonNull(framing, "framing");
      once(Setting.FRAMING, "framing");
      this.framing = framing;
      return this;
    }

    /**
     * Says that each document is an envelope whose records are the elements of the array at
     * this pointer (e.g. {@code /events}). A document without that array is rejected with
     * {@link RejectionReason#MISSING_FIELD}, or {@link RejectionReason#WRONG_TYPE} when the
     * value there is not an array.
     *
     * @param pointer a non-empty JSON Pointer relative to the document
     * @return this builder
     */
    public Builder recordsAt(String pointer) {
      String p = pointer("records pointer", pointer);
      once(Setting.RECORDS_AT, "records pointer");
      recordsAt = p;
      return this;
    }

    /**
     * Sets where the idempotency id is (required).
     *
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder idAt(String pointer) {
      String p = pointer("id pointer", pointer);
      once(Setting.ID, "id pointer");
      idAt = p;
      return this;
    }

    /**
     * Sets a prefix put before every id (e.g. {@code "delighted:"}), so ids from different
     * vendors cannot collide.
     *
     * @param prefix a non-blank prefix without leading or trailing white space
     * @return this builder
     */
    public Builder idPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      String problem = Require.identifierProblem(prefix);
      if (problem != null) {
        throw new IllegalArgumentException("id prefix " + Require.quote(prefix) + " " + problem);
      }
      once(Setting.ID_PREFIX, "id prefix");
      idPrefix = prefix;
      return this;
    }

    /**
     * Sets where the host's customer id is. At least one of this and
     * {@link #anonymousAt(String)} is required; when both are set the customer id wins when
     * present and non-empty.
     *
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder customerAt(String pointer) {
      String p = pointer("customer pointer", pointer);
      once(Setting.CUSTOMER, "customer pointer");
      customerAt = p;
      return this;
    }

    /**
     * Sets where an anonymous (or vendor-side) id is, used as the subject when there is no
     * customer id.
     *
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder anonymousAt(String pointer) {
      String p = pointer("anonymous pointer", pointer);
      once(Setting.ANONYMOUS, "anonymous pointer");
      anonymousAt = p;
      return this;
    }

    /**
     * Gives every signal the same type. Conflicts with {@link #typeAt(String, Map)}.
     *
     * @param type the type
     * @return this builder
     */
    public Builder fixedType(SignalType type) {
      Objects.requireNonNull(type, "type");
      once(Setting.TYPE, "signal type");
      fixedType = type;
      return this;
    }

    /**
     * Reads the type from a field: its value (as text) is looked up in the mapping; a value
     * with no mapping makes the record ignored ({@link IgnoreReason#UNMAPPED_EVENT}).
     * Conflicts with {@link #fixedType(SignalType)}.
     *
     * @param pointer a JSON Pointer relative to the record
     * @param mapping field value to type; not empty
     * @return this builder
     */
    public Builder typeAt(String pointer, Map<String, SignalType> mapping) {
      String p = pointer("type pointer", pointer);
      Objects.requireNonNull(mapping, "mapping");
      mapping.forEach(
          (k, v) -> {
            Objects.requireNonNull(k, "type mapping key");
            Objects.requireNonNull(v, () -> "type mapping for \"" + k + "\"");
          });
      if (mapping.isEmpty()) {
        throw new IllegalArgumentException("type mapping for " + p + " is empty");
      }
      once(Setting.TYPE, "signal type");
      typeAt = p;
      typeMapping = Map.copyOf(mapping);
      return this;
    }

    /**
     * Keeps only records whose field (as text) is one of the allowed values; the others are
     * ignored ({@link IgnoreReason#FILTERED}), including records without the field.
     *
     * @param pointer a JSON Pointer relative to the record
     * @param allowed the values kept; not empty
     * @return this builder
     */
    public Builder filter(String pointer, Collection<String> allowed) {
      String p = pointer("filter pointer", pointer);
      Objects.requireNonNull(allowed, "allowed");
      Set<String> copy = new LinkedHashSet<>();
      for (String value : allowed) {
        copy.add(Objects.requireNonNull(value, "allowed value"));
      }
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("filter on " + p + " allows no value");
      }
      once(Setting.FILTER, "filter");
      filterAt = p;
      filterAllowed = Set.copyOf(copy);
      return this;
    }

    /**
     * Sets where the instant is and how to read it (required).
     *
     * @param pointer a JSON Pointer relative to the record
     * @param format how the field is written
     * @return this builder
     */
    public Builder instantAt(String pointer, TimestampFormat format) {
      String p = pointer("instant pointer", pointer);
      Objects.requireNonNull(format, "format");
      once(Setting.INSTANT, "instant");
      instantAt = p;
      instantFormat = format;
      return this;
    }

    /**
     * Reads the value from a field, which must be a JSON number. Conflicts with
     * {@link #fixedValue(double)}. Without either the value is 1.
     *
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder valueAt(String pointer) {
      String p = pointer("value pointer", pointer);
      once(Setting.VALUE, "value");
      valueAt = p;
      return this;
    }

    /**
     * Gives every signal the same value. Conflicts with {@link #valueAt(String)}.
     *
     * @param value a finite number, checked against a fixed type's rule by {@link #build()}
     * @return this builder
     */
    public Builder fixedValue(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("fixed value " + value + " is not a finite number");
      }
      once(Setting.VALUE, "value");
      fixedValue = value;
      return this;
    }

    /**
     * Reads a money amount from a field: a JSON number or decimal text. An absent or null
     * amount gives a signal without one. Needs a currency ({@link #currencyAt(String)} or
     * {@link #fixedCurrency(String)}).
     *
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder amountAt(String pointer) {
      String p = pointer("amount pointer", pointer);
      once(Setting.AMOUNT, "amount pointer");
      amountAt = p;
      return this;
    }

    /**
     * Reads the amount's ISO 4217 currency code from a field. Conflicts with
     * {@link #fixedCurrency(String)}.
     *
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder currencyAt(String pointer) {
      String p = pointer("currency pointer", pointer);
      once(Setting.CURRENCY, "currency");
      currencyAt = p;
      return this;
    }

    /**
     * Gives every amount the same currency. Conflicts with {@link #currencyAt(String)}.
     *
     * @param code an ISO 4217 code such as {@code EUR}
     * @return this builder
     */
    public Builder fixedCurrency(String code) {
      Objects.requireNonNull(code, "code");
      Currency currency;
      try {
        currency = Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "currency " + Require.quote(code) + " is not an ISO 4217 code", e);
      }
      once(Setting.CURRENCY, "currency");
      fixedCurrency = currency;
      return this;
    }

    /**
     * Adds an attribute read from a field (a string, number or boolean, rendered as text).
     *
     * @param attribute the attribute's machine name
     * @param pointer a JSON Pointer relative to the record
     * @return this builder
     */
    public Builder attributeAt(String attribute, String pointer) {
      String n = attributeName(attribute);
      String p = pointer("attribute " + n + " pointer", pointer);
      attributePointers.put(n, p);
      return this;
    }

    /**
     * Adds an attribute with the same value on every signal (e.g. {@code platform} =
     * {@code trustpilot}).
     *
     * @param attribute the attribute's machine name
     * @param value the value, at most {@value Signal#MAX_ATTRIBUTE_LENGTH} characters
     * @return this builder
     */
    public Builder fixedAttribute(String attribute, String value) {
      String n = attributeName(attribute);
      Objects.requireNonNull(value, "value");
      String problem = Signal.attributeValueProblem(value);
      if (problem != null) {
        throw new IllegalArgumentException("fixed attribute " + n + " " + problem);
      }
      fixedAttributes.put(n, value);
      return this;
    }

    private String attributeName(String attribute) {
      String n = Require.name("attribute name", attribute);
      if (attributePointers.containsKey(n) || fixedAttributes.containsKey(n)) {
        throw new IllegalStateException("attribute " + n + " is already set");
      }
      if (attributePointers.size() + fixedAttributes.size() >= Signal.MAX_ATTRIBUTES) {
        throw new IllegalStateException(
            "attribute " + n + " would exceed " + Signal.MAX_ATTRIBUTES + " attributes");
      }
      return n;
    }

    /**
     * Sets the largest record accepted, in bytes (default {@value #DEFAULT_MAX_RECORD_BYTES});
     * larger records are rejected with {@link RejectionReason#RECORD_TOO_LARGE} without being
     * held in memory. In NDJSON framing the limit applies to each line.
     *
     * @param bytes at least 2
     * @return this builder
     */
    public Builder maxRecordBytes(int bytes) {
      if (bytes < 2 || bytes > Integer.MAX_VALUE - 64) {
        throw new IllegalArgumentException(
            "maxRecordBytes " + bytes + " must be from 2 to " + (Integer.MAX_VALUE - 64));
      }
      once(Setting.MAX_RECORD_BYTES, "maxRecordBytes");
      maxRecordBytes = bytes;
      return this;
    }

    /**
     * Sets how many recent ids one run remembers to reject duplicates (default {@value
     * #DEFAULT_DUPLICATE_WINDOW}).
     *
     * @param ids at least 1
     * @return this builder
     */
    public Builder duplicateWindow(int ids) {
      if (ids < 1) {
        throw new IllegalArgumentException("duplicate window " + ids + " must be at least 1");
      }
      once(Setting.DUPLICATE_WINDOW, "duplicate window");
      duplicateWindow = ids;
      return this;
    }

    /**
     * Builds the adapter from a copy of this configuration.
     *
     * @return the adapter
     * @throws IllegalStateException naming what is missing (id, subject, type, instant,
     *     currency for an amount) or in conflict (a fixed value the fixed type does not allow,
     *     a currency without an amount)
     */
    public JsonMappingAdapter build() {
      String base = "adapter " + name + ": ";
      if (idAt == null) {
        throw new IllegalStateException(base + "id pointer is not set (idAt)");
      }
      if (customerAt == null && anonymousAt == null) {
        throw new IllegalStateException(
            base + "subject is not set (customerAt and/or anonymousAt)");
      }
      if (fixedType == null && typeAt == null) {
        throw new IllegalStateException(base + "signal type is not set (fixedType or typeAt)");
      }
      if (instantAt == null || instantFormat == null) {
        throw new IllegalStateException(base + "instant is not set (instantAt)");
      }
      if (amountAt != null && currencyAt == null && fixedCurrency == null) {
        throw new IllegalStateException(
            base + "amount " + amountAt + " has no currency (currencyAt or fixedCurrency)");
      }
      if (amountAt == null && (currencyAt != null || fixedCurrency != null)) {
        throw new IllegalStateException(base + "a currency is set but no amount (amountAt)");
      }
      if (fixedType != null && fixedValue != null) {
        String problem = fixedType.valueRule().problem(fixedValue);
        if (problem != null) {
          throw new IllegalStateException(
              base + "fixed value does not suit type " + fixedType + ": " + problem);
        }
      }
      JsonMappingConfig config =
          new JsonMappingConfig(
              name,
              framing,
              recordsAt,
              idAt,
              idPrefix,
              customerAt,
              anonymousAt,
              fixedType,
              typeAt,
              typeMapping,
              filterAt,
              filterAllowed,
              instantAt,
              instantFormat,
              valueAt,
              fixedValue,
              amountAt,
              currencyAt,
              fixedCurrency,
              attributePointers,
              fixedAttributes,
              maxRecordBytes,
              duplicateWindow);
      return new JsonMappingSignalAdapter(config);
    }

    /**
     * Checks a JSON Pointer: it starts with {@code /} (the empty pointer, the whole record, is
     * not a field) and every {@code ~} is followed by {@code 0} or {@code 1}.
     */
    private static String pointer(String what, String pointer) {
      Objects.requireNonNull(pointer, what);
      if (pointer.isEmpty() || pointer.charAt(0) != '/') {
        throw new IllegalArgumentException(
            what + " " + Require.quote(pointer) + " is not a JSON Pointer to a field: it must"
                + " start with \"/\" (RFC 6901)");
      }
      for (int i = 0; i < pointer.length(); i++) {
        if (pointer.charAt(i) == '~'
            && (i + 1 >= pointer.length()
                || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1'))) {
          throw new IllegalArgumentException(
              what + " " + Require.quote(pointer) + " is not a JSON Pointer: \"~\" at index " + i
                  + " must be followed by 0 or 1 (RFC 6901)");
        }
      }
      return pointer;
    }
  }
}
