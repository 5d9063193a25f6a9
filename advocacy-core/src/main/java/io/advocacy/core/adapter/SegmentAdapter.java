package io.advocacy.core.adapter;

import io.advocacy.core.internal.Require;
import io.advocacy.core.internal.SegmentStreamAdapter;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;

/**
 * Builds the {@link SignalAdapter} for events in the
 * <a href="https://segment.com/docs/connections/spec/">Segment spec</a>: {@code track},
 * {@code identify} and {@code alias} calls, as newline-delimited JSON (one event per line) or
 * as one JSON document (a single event object, a Segment batch {@code {"batch":[...]}}, or an
 * array of events).
 *
 * <pre>{@code
 * SignalAdapter segment = SegmentAdapter.builder()
 *     .map("Webinar Attended", SegmentAdapter.EventMapping.builder(
 *             SignalType.custom("webinar_attended", ValueRule.NON_NEGATIVE))
 *         .valueAt("/properties/minutes")
 *         .attribute("webinar", "/properties/title")
 *         .build())
 *     .build();
 * AdapterSummary summary = segment.stream(ndjsonInput, mySink);
 * }</pre>
 *
 * <h2>Default mappings of track events</h2>
 *
 * <table>
 *   <caption>Track events mapped unless {@link Builder#withoutDefaultMappings()} is used</caption>
 *   <tr><th>event</th><th>signal type</th><th>value</th><th>amount</th><th>attributes</th></tr>
 *   <tr><td>Review Submitted, Product Reviewed</td><td>{@code review_posted}</td>
 *       <td>{@code /properties/rating}</td><td>-</td>
 *       <td>platform from {@code /properties/platform} if present</td></tr>
 *   <tr><td>Referral Link Shared</td><td>{@code referral_shared}</td><td>1</td><td>-</td><td>-</td></tr>
 *   <tr><td>Referral Link Clicked</td><td>{@code referral_clicked}</td><td>1</td><td>-</td><td>-</td></tr>
 *   <tr><td>Survey Answered, NPS Survey Answered</td><td>{@code nps_answered}</td>
 *       <td>{@code /properties/score}</td><td>-</td><td>-</td></tr>
 *   <tr><td>Order Completed</td><td>{@code purchase_completed}</td><td>1</td>
 *       <td>{@code /properties/revenue} in {@code /properties/currency}</td><td>-</td></tr>
 *   <tr><td>Order Refunded</td><td>{@code refund_issued}</td><td>1</td>
 *       <td>{@code /properties/total} in {@code /properties/currency}</td><td>-</td></tr>
 * </table>
 *
 * <h2>How an event is read</h2>
 *
 * <ul>
 *   <li>{@code messageId} is the signal's idempotency id; without it the event is rejected
 *       ({@link RejectionReason#MISSING_FIELD}).
 *   <li>The subject is {@code userId} (a customer) or, when that is absent or blank,
 *       {@code anonymousId} (a visitor); with neither the event is rejected.
 *   <li>The instant is {@code timestamp}, or {@code originalTimestamp} when that is absent: ISO
 *       8601 with an offset or {@code Z}.
 *   <li>{@code track} events are mapped by their {@code event} name; an event without a mapping
 *       is ignored ({@link IgnoreReason#UNMAPPED_EVENT}) without further checks.
 *   <li>{@code identify} with both {@code userId} and {@code anonymousId}, and {@code alias}
 *       ({@code previousId} to {@code userId}), become an {@code identity_linked} signal about
 *       the customer with attribute {@value Signal#ANONYMOUS_ID_ATTRIBUTE}. Other
 *       {@code identify} calls, {@code page}, {@code screen} and {@code group} are ignored
 *       ({@link IgnoreReason#UNSUPPORTED_CALL}).
 *   <li>Typing is strict: a value or amount must be a JSON number (the string {@code "9"} is
 *       {@link RejectionReason#WRONG_TYPE}); ids, timestamps and currencies must be strings.
 *       A value outside its type's rule (NPS 11, -1 or 7.5) is
 *       {@link RejectionReason#OUT_OF_RANGE}. A mapped value or amount that is absent is
 *       {@link RejectionReason#MISSING_FIELD}; an absent attribute is simply left out.
 *   <li>A {@code messageId} already accepted earlier in the same input (within the duplicate
 *       window) is {@link RejectionReason#DUPLICATE_ID}.
 *   <li>An NDJSON line longer than {@link Builder#maxRecordBytes(int)} is
 *       {@link RejectionReason#RECORD_TOO_LARGE} without being parsed; a malformed line is
 *       {@link RejectionReason#MALFORMED_RECORD} and the lines after it are still read. In a JSON
 *       document, malformed JSON ends the document with one
 *       {@link RejectionReason#UNREADABLE_REMAINDER} saying where parsing stopped.
 *   <li>Each rejection's field is a JSON Pointer into the event ({@code /properties/score}), or
 *       empty for the whole record. NDJSON record references carry the 1-based line.
 * </ul>
 *
 * <p>This class is thread-safe (it only holds static factories); the adapters it builds are
 * immutable and thread-safe.
 */
public final class SegmentAdapter {
  /** The default adapter name. */
  public static final String DEFAULT_NAME = "segment";
  /** The default limit on one record's size, in bytes. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 65_536;
  /** The default number of recent message ids remembered to reject duplicates. */
  public static final int DEFAULT_DUPLICATE_WINDOW = 100_000;

  private SegmentAdapter() {}

  /**
   * Starts a Segment adapter with the defaults: name {@value #DEFAULT_NAME}, NDJSON input, the
   * default mappings above, records up to {@value #DEFAULT_MAX_RECORD_BYTES} bytes, a duplicate
   * window of {@value #DEFAULT_DUPLICATE_WINDOW} ids.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default mappings of track event names (see the table above).
   *
   * @return an unmodifiable map in a stable order
   */
  public static Map<String, EventMapping> defaultMappings() {
    Map<String, EventMapping> m = new LinkedHashMap<>();
    EventMapping review =
        EventMapping.builder(SignalType.REVIEW_POSTED)
            .valueAt("/properties/rating")
            .attribute("platform", "/properties/platform")
            .build();
    m.put("Review Submitted", review);
    m.put("Product Reviewed", review);
    m.put("Referral Link Shared", EventMapping.of(SignalType.REFERRAL_SHARED));
    m.put("Referral Link Clicked", EventMapping.of(SignalType.REFERRAL_CLICKED));
    EventMapping nps =
        EventMapping.builder(SignalType.NPS_ANSWERED).valueAt("/properties/score").build();
    m.put("Survey Answered", nps);
    m.put("NPS Survey Answered", nps);
    m.put(
        "Order Completed",
        EventMapping.builder(SignalType.PURCHASE_COMPLETED)
            .amountAt("/properties/revenue")
            .currencyAt("/properties/currency")
            .build());
    m.put(
        "Order Refunded",
        EventMapping.builder(SignalType.REFUND_ISSUED)
            .amountAt("/properties/total")
            .currencyAt("/properties/currency")
            .build());
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The shape of the input. */
  public enum Format {
    /** Newline-delimited JSON: one event object per line; blank lines are skipped. */
    NDJSON,
    /** One JSON document: a single event object, a batch {@code {"batch":[...]}} or an array. */
    JSON
  }

  static String checkPointer(String what, String pointer) {
    Objects.requireNonNull(pointer, what);
    if (pointer.isEmpty() || pointer.charAt(0) != '/') {
      throw new IllegalArgumentException(
          what + " " + Require.quote(pointer) + " must be a JSON Pointer starting with /");
    }
    try {
      JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " " + Require.quote(pointer) + " is not a valid JSON Pointer", e);
    }
    return pointer;
  }

  /**
   * How one track event becomes a signal: its type, where the value comes from (a JSON Pointer
   * into the event, or a fixed value, by default 1), an optional amount with its currency, and
   * attributes read from pointers.
   *
   * <pre>{@code
   * EventMapping csat = EventMapping.builder(SignalType.CSAT_ANSWERED)
   *     .valueAt("/properties/rating")
   *     .attribute("channel", "/context/channel")
   *     .build();
   * }</pre>
   *
   * <p>Immutable and thread-safe; the builder is not thread-safe.
   */
  public static final class EventMapping {
    private final SignalType type;
    private final @Nullable String valuePointer;
    private final double fixedValue;
    private final @Nullable String amountPointer;
    private final @Nullable String currencyPointer;
    private final @Nullable Currency fixedCurrency;
    private final Map<String, String> attributes;

    private EventMapping(EventMapping.Builder b) {
      this.type = b.type;
      this.valuePointer = b.valuePointer;
      this.fixedValue = b.fixedValue == null ? 1 : b.fixedValue;
      this.amountPointer = b.amountPointer;
      this.currencyPointer = b.currencyPointer;
      this.fixedCurrency = b.fixedCurrency;
      this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    /**
     * A mapping to a type with the fixed value 1 and nothing else.
     *
     * @param type the signal type
     * @return the mapping
     * @throws IllegalArgumentException if the type's rule does not allow 1
     */
    public static EventMapping of(SignalType type) {
      return builder(type).build();
    }

    /**
     * Starts a mapping to a type.
     *
     * @param type the signal type
     * @return a builder
     */
    public static Builder builder(SignalType type) {
      return new Builder(Objects.requireNonNull(type, "type"));
    }

    /**
     * The signal type.
     *
     * @return the type
     */
    public SignalType type() {
      return type;
    }

    /**
     * The pointer the value is read from.
     *
     * @return the pointer, or empty when the value is fixed
     */
    public Optional<String> valuePointer() {
      return Optional.ofNullable(valuePointer);
    }

    /**
     * The fixed value.
     *
     * @return the value, or empty when it is read from a pointer
     */
    public OptionalDouble fixedValue() {
      return valuePointer == null ? OptionalDouble.of(fixedValue) : OptionalDouble.empty();
    }

    /**
     * The pointer the amount is read from.
     *
     * @return the pointer, or empty when the signal has no amount
     */
    public Optional<String> amountPointer() {
      return Optional.ofNullable(amountPointer);
    }

    /**
     * The pointer the amount's currency is read from.
     *
     * @return the pointer, or empty when there is no amount or the currency is fixed
     */
    public Optional<String> currencyPointer() {
      return Optional.ofNullable(currencyPointer);
    }

    /**
     * The fixed currency of the amount.
     *
     * @return the currency, or empty when it is read from a pointer or there is no amount
     */
    public Optional<Currency> fixedCurrency() {
      return Optional.ofNullable(fixedCurrency);
    }

    /**
     * The attributes: attribute name to the pointer its value is read from.
     *
     * @return an unmodifiable map in the order the attributes were added
     */
    public Map<String, String> attributes() {
      return attributes;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof EventMapping m
          && type.equals(m.type)
          && Objects.equals(valuePointer, m.valuePointer)
          && Double.compare(fixedValue, m.fixedValue) == 0
          && Objects.equals(amountPointer, m.amountPointer)
          && Objects.equals(currencyPointer, m.currencyPointer)
          && Objects.equals(fixedCurrency, m.fixedCurrency)
          && attributes.equals(m.attributes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          type, valuePointer, fixedValue, amountPointer, currencyPointer, fixedCurrency, attributes);
    }

    /** Returns e.g. {@code nps_answered value=/properties/score}. */
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(type.name());
      s.append(" value=").append(valuePointer != null ? valuePointer : String.valueOf(fixedValue));
      if (amountPointer != null) {
        s.append(" amount=").append(amountPointer).append(" currency=")
            .append(currencyPointer != null ? currencyPointer : String.valueOf(fixedCurrency));
      }
      if (!attributes.isEmpty()) {
        s.append(" attributes=").append(attributes);
      }
      return s.toString();
    }

    /**
     * Builds an {@link EventMapping}. Fails fast: null is NPE, a bad value IAE naming it, an
     * option set twice or conflicting options ISE. Not thread-safe.
     */
    public static final class Builder {
      private final SignalType type;
      private @Nullable String valuePointer;
      private @Nullable Double fixedValue;
      private @Nullable String amountPointer;
      private @Nullable String currencyPointer;
      private @Nullable Currency fixedCurrency;
      private final Map<String, String> attributes = new LinkedHashMap<>();

      private Builder(SignalType type) {
        this.type = type;
      }

      /**
       * Reads the value from a JSON number at a pointer.
       *
       * @param pointer a JSON Pointer such as {@code /properties/score}
       * @return this builder
       * @throws IllegalStateException if a value source was already set
       */
      public Builder valueAt(String pointer) {
        checkPointer("value pointer", pointer);
        requireNoValue();
        valuePointer = pointer;
        return this;
      }

      /**
       * Uses a fixed value (default 1).
       *
       * @param value a finite value the type's rule allows
       * @return this builder
       * @throws IllegalArgumentException if the type's rule does not allow the value
       * @throws IllegalStateException if a value source was already set
       */
      public Builder fixedValue(double value) {
        String problem = type.valueRule().problem(value);
        if (problem != null) {
          throw new IllegalArgumentException("fixed value for " + type + " " + problem);
        }
        requireNoValue();
        fixedValue = value;
        return this;
      }

      private void requireNoValue() {
        if (valuePointer != null || fixedValue != null) {
          throw new IllegalStateException("the value of " + type + " was already set");
        }
      }

      /**
       * Reads an amount from a JSON number at a pointer.
       *
       * @param pointer a JSON Pointer such as {@code /properties/revenue}
       * @return this builder
       * @throws IllegalStateException if the amount was already set
       */
      public Builder amountAt(String pointer) {
        checkPointer("amount pointer", pointer);
        if (amountPointer != null) {
          throw new IllegalStateException("the amount of " + type + " was already set");
        }
        amountPointer = pointer;
        return this;
      }

      /**
       * Reads the amount's ISO 4217 currency code from a string at a pointer.
       *
       * @param pointer a JSON Pointer such as {@code /properties/currency}
       * @return this builder
       * @throws IllegalStateException if a currency was already set
       */
      public Builder currencyAt(String pointer) {
        checkPointer("currency pointer", pointer);
        requireNoCurrency();
        currencyPointer = pointer;
        return this;
      }

      /**
       * Uses a fixed currency for the amount.
       *
       * @param currency the currency
       * @return this builder
       * @throws IllegalStateException if a currency was already set
       */
      public Builder fixedCurrency(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        requireNoCurrency();
        fixedCurrency = currency;
        return this;
      }

      private void requireNoCurrency() {
        if (currencyPointer != null || fixedCurrency != null) {
          throw new IllegalStateException("the currency of " + type + " was already set");
        }
      }

      /**
       * Adds an attribute read as text from a pointer (a string as is, a number or boolean as
       * its JSON text); when the field is absent or null the attribute is left out.
       *
       * @param name the attribute's machine name
       * @param pointer a JSON Pointer such as {@code /properties/platform}
       * @return this builder
       * @throws IllegalArgumentException if the name is not a machine name
       * @throws IllegalStateException if the attribute was already added
       */
      public Builder attribute(String name, String pointer) {
        Require.name("attribute name", name);
        checkPointer("attribute pointer", pointer);
        if (attributes.containsKey(name)) {
          throw new IllegalStateException("attribute " + name + " was already added");
        }
        if (attributes.size() == Signal.MAX_ATTRIBUTES) {
          throw new IllegalArgumentException(
              "a mapping may have at most " + Signal.MAX_ATTRIBUTES + " attributes");
        }
        attributes.put(name, pointer);
        return this;
      }

      /**
       * Builds the mapping.
       *
       * @return the mapping
       * @throws IllegalStateException if a currency was set without an amount, or an amount
       *     without a currency
       * @throws IllegalArgumentException if the value is fixed at 1 by default and the type's
       *     rule does not allow it
       */
      public EventMapping build() {
        boolean hasCurrency = currencyPointer != null || fixedCurrency != null;
        if (hasCurrency && amountPointer == null) {
          throw new IllegalStateException("a currency is set for " + type + " but no amount");
        }
        if (amountPointer != null && !hasCurrency) {
          throw new IllegalStateException("an amount is set for " + type + " but no currency");
        }
        if (valuePointer == null && fixedValue == null) {
          String problem = type.valueRule().problem(1);
          if (problem != null) {
            throw new IllegalArgumentException(
                "the default value 1 for " + type + " " + problem + "; set valueAt or fixedValue");
          }
        }
        return new EventMapping(this);
      }
    }
  }

  /**
   * Builds a Segment {@link SignalAdapter}. Fails fast: null is NPE, a bad value IAE naming it,
   * an option set twice or conflicting options ISE; {@link #build()} copies the configuration,
   * so later calls change no adapter already built.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable Format format;
    private @Nullable Integer maxRecordBytes;
    private @Nullable Integer duplicateWindow;
    private boolean withoutDefaults;
    private final Map<String, EventMapping> mappings = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the adapter's name, also the source of its signals (default {@value #DEFAULT_NAME}).
     *
     * @param name a machine name
     * @return this builder
     * @throws IllegalArgumentException if the name is not a machine name
     * @throws IllegalStateException if the name was already set
     */
    public Builder name(String name) {
      Require.name("adapter name", name);
      if (this.name != null) {
        throw new IllegalStateException("name was already set to " + this.name);
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the input format (default {@link Format#NDJSON}).
     *
     * @param format the format
     * @return this builder
     * @throws IllegalStateException if the format was already set
     */
    public Builder format(Format format) {
      Objects.requireNonNull(format, "format");
      if (this.format != null) {
        throw new IllegalStateException("format was already set to " + this.format);
      }
      this.format = format;
      return this;
    }

    /**
     * Sets the largest record accepted, in bytes (default {@value #DEFAULT_MAX_RECORD_BYTES}).
     *
     * @param bytes at least 64
     * @return this builder
     * @throws IllegalArgumentException if fewer than 64
     * @throws IllegalStateException if already set
     */
    public Builder maxRecordBytes(int bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("maxRecordBytes must be at least 64: " + bytes);
      }
      if (maxRecordBytes != null) {
        throw new IllegalStateException("maxRecordBytes was already set to " + maxRecordBytes);
      }
      maxRecordBytes = bytes;
      return this;
    }

    /**
     * Sets how many recent message ids one run remembers to reject duplicates (default
     * {@value #DEFAULT_DUPLICATE_WINDOW}); each costs roughly 100 bytes while a run lasts.
     *
     * @param ids at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     * @throws IllegalStateException if already set
     */
    public Builder duplicateWindow(int ids) {
      if (ids < 1) {
        throw new IllegalArgumentException("duplicateWindow must be at least 1: " + ids);
      }
      if (duplicateWindow != null) {
        throw new IllegalStateException("duplicateWindow was already set to " + duplicateWindow);
      }
      duplicateWindow = ids;
      return this;
    }

    /**
     * Maps a track event name, adding to or overriding the default mappings.
     *
     * @param eventName the Segment {@code event} name, exactly (case-sensitive)
     * @param mapping how the event becomes a signal
     * @return this builder
     * @throws IllegalArgumentException if the event name is blank
     * @throws IllegalStateException if the event name was already mapped on this builder
     */
    public Builder map(String eventName, EventMapping mapping) {
      Objects.requireNonNull(eventName, "eventName");
      Objects.requireNonNull(mapping, "mapping");
      if (eventName.isBlank()) {
        throw new IllegalArgumentException("event name \"" + eventName + "\" is blank");
      }
      if (mappings.containsKey(eventName)) {
        throw new IllegalStateException("event \"" + eventName + "\" was already mapped");
      }
      mappings.put(eventName, mapping);
      return this;
    }

    /**
     * Starts from no mappings instead of the default ones.
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder withoutDefaultMappings() {
      if (withoutDefaults) {
        throw new IllegalStateException("withoutDefaultMappings was already called");
      }
      withoutDefaults = true;
      return this;
    }

    /**
     * Builds the adapter from a copy of this configuration.
     *
     * @return an immutable, thread-safe adapter
     */
    public SignalAdapter build() {
      Map<String, EventMapping> all = new LinkedHashMap<>();
      if (!withoutDefaults) {
        all.putAll(defaultMappings());
      }
      all.putAll(mappings);
      return new SegmentStreamAdapter(
          name != null ? name : DEFAULT_NAME,
          format != null ? format : Format.NDJSON,
          maxRecordBytes != null ? maxRecordBytes : DEFAULT_MAX_RECORD_BYTES,
          duplicateWindow != null ? duplicateWindow : DEFAULT_DUPLICATE_WINDOW,
          all);
    }
  }
}
