package io.advocacy.core.internal;

import io.advocacy.core.adapter.JsonMappingAdapter.Framing;
import io.advocacy.core.adapter.TimestampFormat;
import io.advocacy.core.signal.SignalType;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The validated configuration of a {@link JsonMappingSignalAdapter}, as copied by
 * {@link io.advocacy.core.adapter.JsonMappingAdapter.Builder#build()}. Pointers are kept as
 * their RFC 6901 text.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name the adapter's name and the signals' source
 * @param framing how the input is split into documents
 * @param recordsAt the pointer to the records array in each document, or null
 * @param idAt the id pointer
 * @param idPrefix put before every id, possibly empty
 * @param customerAt the customer id pointer, or null
 * @param anonymousAt the anonymous id pointer, or null
 * @param fixedType the type of every signal, or null when read from {@code typeAt}
 * @param typeAt the type pointer, or null
 * @param typeMapping type field value to type
 * @param filterAt the filter pointer, or null
 * @param filterAllowed the values the filter keeps
 * @param instantAt the instant pointer
 * @param instantFormat how the instant is written
 * @param valueAt the value pointer, or null
 * @param fixedValue the value of every signal, or null
 * @param amountAt the amount pointer, or null
 * @param currencyAt the currency pointer, or null
 * @param fixedCurrency the currency of every amount, or null
 * @param attributePointers attribute name to pointer, in configuration order
 * @param fixedAttributes attribute name to fixed value
 * @param maxRecordBytes the largest record, in bytes
 * @param duplicateWindow how many recent ids a run remembers
 */
public record JsonMappingConfig(
    String name,
    Framing framing,
    @Nullable String recordsAt,
    String idAt,
    String idPrefix,
    @Nullable String customerAt,
    @Nullable String anonymousAt,
    @Nullable SignalType fixedType,
    @Nullable String typeAt,
    Map<String, SignalType> typeMapping,
    @Nullable String filterAt,
    Set<String> filterAllowed,
    String instantAt,
    TimestampFormat instantFormat,
    @Nullable String valueAt,
    @Nullable Double fixedValue,
    @Nullable String amountAt,
    @Nullable String currencyAt,
    @Nullable Currency fixedCurrency,
    Map<String, String> attributePointers,
    Map<String, String> fixedAttributes,
    int maxRecordBytes,
    int duplicateWindow) {

  /**
   * Copies the collections.
   * @param name the adapter's name and the signals' source
   * @param framing how the input is split into documents
   * @param recordsAt the pointer to the records array in each document, or null
   * @param idAt the id pointer
   * @param idPrefix put before every id, possibly empty
   * @param customerAt the customer id pointer, or null
   * @param anonymousAt the anonymous id pointer, or null
   * @param fixedType the type of every signal, or null when read from {@code typeAt}
   * @param typeAt the type pointer, or null
   * @param typeMapping type field value to type
   * @param filterAt the filter pointer, or null
   * @param filterAllowed the values the filter keeps
   * @param instantAt the instant pointer
   * @param instantFormat how the instant is written
   * @param valueAt the value pointer, or null
   * @param fixedValue the value of every signal, or null
   * @param amountAt the amount pointer, or null
   * @param currencyAt the currency pointer, or null
   * @param fixedCurrency the currency of every amount, or null
   * @param attributePointers attribute name to pointer, in configuration order
   * @param fixedAttributes attribute name to fixed value
   * @param maxRecordBytes the largest record, in bytes
   * @param duplicateWindow how many recent ids a run remembers
   */
  public JsonMappingConfig {
    typeMapping = Map.copyOf(typeMapping);
    filterAllowed = Set.copyOf(filterAllowed);
    attributePointers = Collections.unmodifiableMap(new LinkedHashMap<>(attributePointers));
    fixedAttributes = Map.copyOf(fixedAttributes);
  }
}
