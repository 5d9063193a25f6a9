package io.advocacy.core.internal;

import io.advocacy.core.adapter.AdapterSummary;
import io.advocacy.core.adapter.IgnoreReason;
import io.advocacy.core.adapter.IgnoredRecord;
import io.advocacy.core.adapter.JsonMappingAdapter;
import io.advocacy.core.adapter.RecordRef;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.adapter.SignalSink;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link JsonMappingAdapter} behind {@link JsonMappingAdapter.Builder#build()}. Documents
 * are read with a streaming parser; each record (one array element, or one object) is built
 * into a small tree while its size is checked, so neither a large array nor an oversize record
 * is held in memory.
 *
 * <p>Immutable; thread-safe. Each call to {@link #stream(InputStream, SignalSink)} has its own
 * parser, draft and duplicate window.
 */
public final class JsonMappingSignalAdapter implements JsonMappingAdapter {
  private static final int MAX_AMOUNT_PRECISION = 34;
  private static final int MAX_AMOUNT_SCALE = 30;

  private final JsonMappingConfig config;
  private final JsonMapper mapper;
  private final @Nullable List<String> recordsPath;
  private final JsonPointer id;
  private final @Nullable JsonPointer customer;
  private final @Nullable JsonPointer anonymous;
  private final @Nullable JsonPointer type;
  private final @Nullable JsonPointer filter;
  private final JsonPointer instant;
  private final @Nullable JsonPointer value;
  private final @Nullable JsonPointer amount;
  private final @Nullable JsonPointer currency;
  private final Map<String, JsonPointer> attributes;

  /**
   * An adapter.
   *
   * @param config the validated configuration
   */
  public JsonMappingSignalAdapter(JsonMappingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxStringLength(config.maxRecordBytes())
            .maxNameLength(Math.min(config.maxRecordBytes(), 50_000))
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(limits)
            .build();
    this.mapper = JsonMapper.builder(factory).build();
    this.recordsPath = config.recordsAt() == null ? null : segments(config.recordsAt());
    this.id = JsonPointer.compile(config.idAt());
    this.customer = compile(config.customerAt());
    this.anonymous = compile(config.anonymousAt());
    this.type = compile(config.typeAt());
    this.filter = compile(config.filterAt());
    this.instant = JsonPointer.compile(config.instantAt());
    this.value = compile(config.valueAt());
    this.amount = compile(config.amountAt());
    this.currency = compile(config.currencyAt());
    Map<String, JsonPointer> attrs = new java.util.LinkedHashMap<>();
    config.attributePointers().forEach((k, v) -> attrs.put(k, JsonPointer.compile(v)));
    this.attributes = java.util.Collections.unmodifiableMap(attrs);
  }

  private static @Nullable JsonPointer compile(@Nullable String pointer) {
    return pointer == null ? null : JsonPointer.compile(pointer);
  }

  /** Splits a pointer into unescaped reference tokens. */
  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public AdapterSummary stream(InputStream input, SignalSink sink) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sink, "sink");
    Run run = new Run(sink);
    try {
      if (config.framing() == Framing.NDJSON) {
        run.ndjson(input);
      } else {
        run.document(input);
      }
    } catch (SinkFailure failure) {
      throw failure.original;
    }
    return run.summary();
  }

  @Override
  public String toString() {
    return "JsonMappingAdapter[" + config.name() + ", " + config.framing() + "]";
  }

  /** Carries an exception thrown by the host's sink past the adapter's own handlers. */
  private static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RuntimeException original;

    SinkFailure(RuntimeException original) {
      super(original);
      this.original = original;
    }
  }

  /** A record read from the parser: its tree, or how large it was when it got too large. */
  private record ReadRecord(@Nullable JsonNode node, long tooLargeAt) {}

  private enum Seek {
    FOUND,
    NOT_FOUND
  }

  /** One run over one input. Not thread-safe. */
  private final class Run {
    private final SignalSink sink;
    private final DuplicateWindow window;
    private final SignalDraft draft;
    private long seen;
    private long accepted;
    private long ignored;
    private long rejected;

    Run(SignalSink sink) {
      this.sink = sink;
      this.window = new DuplicateWindow(config.duplicateWindow());
      this.draft = new SignalDraft(config.name(), new RecordRef(0, 0));
    }

    AdapterSummary summary() {
      return new AdapterSummary(config.name(), seen, accepted, ignored, rejected);
    }

    RecordRef ref(long line) {
      return new RecordRef(seen, line);
    }

    void accept(Signal signal, RecordRef ref) {
      seen++;
      accepted++;
      try {
        sink.accepted(signal, ref);
      } catch (RuntimeException e) {
        throw new SinkFailure(e);
      }
    }

    void ignore(RecordRef ref, IgnoreReason reason, String message) {
      seen++;
      ignored++;
      try {
        sink.ignored(new IgnoredRecord(ref, reason, message));
      } catch (RuntimeException e) {
        throw new SinkFailure(e);
      }
    }

    void reject(Rejection rejection) {
      seen++;
      rejected++;
      try {
        sink.rejected(rejection);
      } catch (RuntimeException e) {
        throw new SinkFailure(e);
      }
    }

    void reject(RecordRef ref, String field, RejectionReason reason, String message) {
      reject(new Rejection(ref, field, reason, message));
    }

    // ---------------------------------------------------------------- framing

    void document(InputStream input) {
      try (JsonParser p = mapper.createParser(input)) {
        if (p.nextToken() == null) {
          return;
        }
        readDocument(p, 0, true);
      } catch (JacksonIOException e) {
        reject(ref(0), "", RejectionReason.IO_ERROR, "reading the input failed: " + cause(e));
      } catch (StreamConstraintsException e) {
        reject(ref(0), "", RejectionReason.RECORD_TOO_LARGE, tooLarge(e));
      } catch (JacksonException e) {
        reject(ref(0), "", RejectionReason.MALFORMED_RECORD, malformed(e, true));
      }
    }

    void ndjson(InputStream input) {
      LineReader lines = new LineReader(input, config.maxRecordBytes());
      while (true) {
        try {
          if (!lines.next()) {
            return;
          }
        } catch (IOException e) {
          reject(
              ref(lines.lineNumber() + 1),
              "",
              RejectionReason.IO_ERROR,
              "reading the input failed after line " + lines.lineNumber() + ": " + e.getMessage()
                  + "; the rest of the input was not read");
          return;
        }
        if (lines.blank()) {
          continue;
        }
        long line = lines.lineNumber();
        if (lines.oversize()) {
          reject(
              ref(line),
              "",
              RejectionReason.RECORD_TOO_LARGE,
              "line is " + lines.oversizeBytes() + " bytes; the limit is "
                  + config.maxRecordBytes());
          continue;
        }
        try (JsonParser p = mapper.createParser(lines.buffer(), lines.start(), lines.length())) {
          if (p.nextToken() == null) {
            continue;
          }
          readDocument(p, line, false);
        } catch (StreamConstraintsException e) {
          reject(ref(line), "", RejectionReason.RECORD_TOO_LARGE, tooLarge(e));
        } catch (JacksonException e) {
          reject(ref(line), "", RejectionReason.MALFORMED_RECORD, malformed(e, false));
        }
      }
    }

    /**
     * Reads one document whose first token is current, then checks nothing follows it.
     *
     * @param arrays whether a top-level array is a list of records
     */
    private void readDocument(JsonParser p, long line, boolean arrays) {
      List<String> path = recordsPath;
      if (path != null) {
        envelope(p, path, line);
        trailing(p, line);
      } else if (arrays && p.currentToken() == JsonToken.START_ARRAY) {
        array(p, line);
        trailing(p, line);
      } else {
        ReadRecord read = readRecord(p);
        // Only a whole, well-formed document is a record: check the end before deciding.
        if (trailing(p, line)) {
          outcome(read, ref(line));
        }
      }
    }

    /** Rejects content after the document; true when there is none. */
    private boolean trailing(JsonParser p, long line) {
      if (p.nextToken() != null) {
        TokenStreamLocation at = p.currentTokenLocation();
        reject(
            ref(line),
            "",
            RejectionReason.MALFORMED_RECORD,
            "unexpected " + describe(Objects.requireNonNull(p.currentToken()))
                + " after the end of the JSON document at " + where(at, line)
                + "; the rest of the input was not read");
        return false;
      }
      return true;
    }

    private void envelope(JsonParser p, List<String> path, long line) {
      String pointer = Objects.requireNonNull(config.recordsAt());
      Seek seek = seek(p, path);
      if (seek == Seek.FOUND && p.currentToken() == JsonToken.START_ARRAY) {
        array(p, line);
        finishDocument(p);
        return;
      }
      JsonToken found = seek == Seek.FOUND ? p.currentToken() : null;
      finishDocument(p);
      if (found == null || found == JsonToken.VALUE_NULL) {
        reject(
            ref(line),
            pointer,
            RejectionReason.MISSING_FIELD,
            "the document has no records array at " + pointer);
      } else {
        reject(
            ref(line),
            pointer,
            RejectionReason.WRONG_TYPE,
            "the records at " + pointer + " are " + describe(found) + ", not an array");
      }
    }

    /** Walks to the value at the path; on FOUND its first token is current. */
    private Seek seek(JsonParser p, List<String> path) {
      for (String segment : path) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
          boolean found = false;
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (segment.equals(name)) {
              found = true;
              break;
            }
            p.skipChildren();
          }
          if (!found) {
            return Seek.NOT_FOUND;
          }
        } else if (t == JsonToken.START_ARRAY && isIndex(segment)) {
          long index = Long.parseLong(segment);
          boolean found = false;
          long i = 0;
          for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e == null) {
              return Seek.NOT_FOUND;
            }
            if (i++ == index) {
              found = true;
              break;
            }
            p.skipChildren();
          }
          if (!found) {
            return Seek.NOT_FOUND;
          }
        } else {
          return Seek.NOT_FOUND;
        }
      }
      return Seek.FOUND;
    }

    private boolean isIndex(String segment) {
      if (segment.isEmpty() || segment.length() > 18) {
        return false;
      }
      if (segment.length() > 1 && segment.charAt(0) == '0') {
        return false;
      }
      for (int i = 0; i < segment.length(); i++) {
        if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    /** Reads the rest of the current document so that malformed JSON after it is noticed. */
    private void finishDocument(JsonParser p) {
      while (!p.streamReadContext().inRoot()) {
        if (p.nextToken() == null) {
          return;
        }
      }
    }

    /** Streams the elements of the array whose START_ARRAY is current, one at a time. */
    private void array(JsonParser p, long line) {
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) {
          return;
        }
        RecordRef ref = ref(line);
        outcome(readRecord(p), ref);
      }
    }

    private void outcome(ReadRecord read, RecordRef ref) {
      JsonNode node = read.node();
      if (node == null) {
        reject(
            ref,
            "",
            RejectionReason.RECORD_TOO_LARGE,
            "record is larger than the limit of " + config.maxRecordBytes() + " bytes (over "
                + read.tooLargeAt() + " bytes read)");
        return;
      }
      try {
        map(node, ref);
      } catch (SinkFailure e) {
        throw e;
      } catch (RuntimeException e) {
        // Defensive: a data problem this mapping did not foresee is still an answer.
        reject(
            ref, "", RejectionReason.INVALID_VALUE, "record could not be mapped: " + e);
      }
    }

    /**
     * Builds the tree of the value whose first token is current, checking its size after every
     * token. Too large: the rest of the value is skipped and no tree is returned.
     */
    private ReadRecord readRecord(JsonParser p) {
      long start = offset(p.currentTokenLocation());
      long max = config.maxRecordBytes();
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      Deque<JsonNode> open = new ArrayDeque<>();
      @Nullable JsonNode root = null;
      @Nullable String name = null;
      JsonToken t = p.currentToken();
      while (true) {
        if (t == null) {
          // Unreachable with a conforming parser: it reports a truncated document itself.
          throw new IllegalStateException("unexpected end of input inside a record");
        }
        JsonNode made = null;
        boolean closes = false;
        switch (t) {
          case START_OBJECT -> made = nodes.objectNode();
          case START_ARRAY -> made = nodes.arrayNode();
          case END_OBJECT, END_ARRAY -> closes = true;
          case PROPERTY_NAME -> name = p.currentName();
          case VALUE_STRING -> made = nodes.stringNode(p.getString());
          case VALUE_NUMBER_INT -> made =
              p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                  ? nodes.numberNode(p.getBigIntegerValue())
                  : nodes.numberNode(p.getLongValue());
          case VALUE_NUMBER_FLOAT -> made = nodes.numberNode(p.getDecimalValue());
          case VALUE_TRUE -> made = nodes.booleanNode(true);
          case VALUE_FALSE -> made = nodes.booleanNode(false);
          case VALUE_NULL -> made = nodes.nullNode();
          default -> made = nodes.nullNode();
        }
        if (made != null) {
          JsonNode parent = open.peek();
          if (parent == null) {
            root = made;
          } else if (parent instanceof ObjectNode object) {
            object.set(Objects.requireNonNull(name), made);
          } else {
            ((ArrayNode) parent).add(made);
          }
          if (made.isContainer()) {
            open.push(made);
          }
        } else if (closes) {
          open.pop();
        }
        long size = offset(p.currentLocation()) - start;
        if (size > max) {
          skipOpen(p, open.size());
          return new ReadRecord(null, size);
        }
        if (open.isEmpty()) {
          return new ReadRecord(root, 0);
        }
        t = p.nextToken();
      }
    }

    private void skipOpen(JsonParser p, int depth) {
      int open = depth;
      while (open > 0) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return;
        }
        if (t.isStructStart()) {
          open++;
        } else if (t.isStructEnd()) {
          open--;
        }
      }
    }

    // ---------------------------------------------------------------- mapping

    private void map(JsonNode record, RecordRef ref) {
      if (!record.isObject()) {
        reject(
            ref,
            "",
            RejectionReason.WRONG_TYPE,
            "record is " + describe(record) + ", not a JSON object");
        return;
      }
      JsonPointer filterPointer = filter;
      if (filterPointer != null) {
        String kept = scalarText(record.at(filterPointer));
        if (kept == null || !config.filterAllowed().contains(kept)) {
          ignore(
              ref,
              IgnoreReason.FILTERED,
              config.filterAt() + " is " + (kept == null ? describe(record.at(filterPointer))
                  : Require.quote(kept)) + "; kept: " + new TreeSet<>(config.filterAllowed()));
          return;
        }
      }
      SignalType signalType = config.fixedType();
      JsonPointer typePointer = type;
      if (typePointer != null) {
        String field = Objects.requireNonNull(config.typeAt());
        JsonNode node = record.at(typePointer);
        if (absent(node)) {
          reject(ref, field, RejectionReason.MISSING_FIELD, "signal type field is missing");
          return;
        }
        String key = scalarText(node);
        if (key == null) {
          reject(ref, field, RejectionReason.WRONG_TYPE,
              "signal type field is " + describe(node) + "; expected a string");
          return;
        }
        signalType = config.typeMapping().get(key);
        if (signalType == null) {
          ignore(ref, IgnoreReason.UNMAPPED_EVENT,
              field + " value " + Require.quote(key) + " has no mapping");
          return;
        }
      }
      SignalDraft d = draft.reset(ref);
      d.type(Objects.requireNonNull(signalType));
      mapId(record, d);
      mapSubject(record, d);
      mapInstant(record, d);
      mapValue(record, d);
      mapAmount(record, d);
      mapAttributes(record, d);
      Signal signal = d.build();
      if (signal == null) {
        reject(Objects.requireNonNull(d.rejection()));
      } else if (!window.firstSighting(signal.id().value())) {
        reject(ref, config.idAt(), RejectionReason.DUPLICATE_ID,
            "id " + Require.quote(signal.id().value()) + " was already seen in this input");
      } else {
        accept(signal, ref);
      }
    }

    private void mapId(JsonNode record, SignalDraft d) {
      String field = config.idAt();
      String text = identifierText(record.at(id), field, "id", d);
      if (!d.ok()) {
        return;
      }
      if (text != null) {
        String problem = Require.identifierProblem(text);
        if (problem != null) {
          d.reject(field, RejectionReason.INVALID_IDENTIFIER, "id " + Require.quote(text) + " "
              + problem);
          return;
        }
        text = config.idPrefix() + text;
      }
      d.id(field, text);
    }

    private void mapSubject(JsonNode record, SignalDraft d) {
      String customerField = config.customerAt();
      String anonymousField = config.anonymousAt();
      JsonPointer c = customer;
      JsonPointer a = anonymous;
      String customerId =
          c == null ? null : identifierText(record.at(c), Objects.requireNonNull(customerField),
              "customer id", d);
      String anonymousId =
          a == null ? null : identifierText(record.at(a), Objects.requireNonNull(anonymousField),
              "anonymous id", d);
      if (!d.ok()) {
        return;
      }
      if (customerField != null) {
        d.subject(customerField, customerId, anonymousField == null ? "" : anonymousField,
            anonymousId);
      } else if (anonymousId == null || anonymousId.isEmpty()) {
        String field = Objects.requireNonNull(anonymousField);
        d.reject(field, RejectionReason.MISSING_FIELD, "no subject: " + field + " is missing");
      } else {
        d.subject("", null, Objects.requireNonNull(anonymousField), anonymousId);
      }
    }

    private void mapInstant(JsonNode record, SignalDraft d) {
      String field = config.instantAt();
      JsonNode node = record.at(instant);
      if (absent(node)) {
        d.occurredAt(field, (String) null, config.instantFormat());
      } else if (node.isNumber()) {
        d.occurredAt(field, asDouble(node), config.instantFormat());
      } else if (node.isString()) {
        d.occurredAt(field, node.stringValue(), config.instantFormat());
      } else {
        d.reject(field, RejectionReason.WRONG_TYPE,
            "timestamp is " + describe(node) + "; expected a string or number");
      }
    }

    private void mapValue(JsonNode record, SignalDraft d) {
      JsonPointer pointer = value;
      Double fixed = config.fixedValue();
      if (pointer != null) {
        String field = Objects.requireNonNull(config.valueAt());
        JsonNode node = record.at(pointer);
        if (absent(node)) {
          d.reject(field, RejectionReason.MISSING_FIELD, "value is missing");
        } else if (!node.isNumber()) {
          d.reject(field, RejectionReason.WRONG_TYPE, "value is " + describe(node)
              + "; expected a JSON number");
        } else {
          d.value(field, asDouble(node));
        }
      } else if (fixed != null) {
        d.value("", fixed);
      }
    }

    private void mapAmount(JsonNode record, SignalDraft d) {
      JsonPointer pointer = amount;
      if (pointer == null || !d.ok()) {
        return;
      }
      String field = Objects.requireNonNull(config.amountAt());
      JsonNode node = record.at(pointer);
      if (absent(node)) {
        return;
      }
      BigDecimal number;
      if (node.isNumber()) {
        number = node.decimalValue();
      } else if (node.isString()) {
        try {
          number = new BigDecimal(node.stringValue().trim());
        } catch (NumberFormatException e) {
          d.reject(field, RejectionReason.INVALID_VALUE,
              "amount " + Require.quote(node.stringValue()) + " is not a decimal number");
          return;
        }
      } else {
        d.reject(field, RejectionReason.WRONG_TYPE,
            "amount is " + describe(node) + "; expected a number or decimal text");
        return;
      }
      if (number.precision() > MAX_AMOUNT_PRECISION
          || Math.abs(number.scale()) > MAX_AMOUNT_SCALE) {
        d.reject(field, RejectionReason.INVALID_VALUE, "amount " + number + " is out of range");
        return;
      }
      String code;
      String currencyField;
      JsonPointer c = currency;
      if (c != null) {
        currencyField = Objects.requireNonNull(config.currencyAt());
        JsonNode cn = record.at(c);
        if (!absent(cn) && !cn.isString()) {
          d.reject(currencyField, RejectionReason.WRONG_TYPE,
              "currency is " + describe(cn) + "; expected an ISO 4217 code");
          return;
        }
        code = absent(cn) ? null : cn.stringValue();
      } else {
        currencyField = "";
        code = Objects.requireNonNull(config.fixedCurrency()).getCurrencyCode();
      }
      d.amount(field, number, currencyField, code);
    }

    private void mapAttributes(JsonNode record, SignalDraft d) {
      config.fixedAttributes().forEach((n, v) -> d.attribute(n, "", v));
      for (Map.Entry<String, JsonPointer> e : attributes.entrySet()) {
        String field = config.attributePointers().get(e.getKey());
        JsonNode node = record.at(e.getValue());
        if (absent(node)) {
          continue;
        }
        String text = scalarText(node);
        if (text == null) {
          d.reject(field, RejectionReason.WRONG_TYPE, "attribute " + e.getKey() + " is "
              + describe(node) + "; expected a string, number or boolean");
          return;
        }
        d.attribute(e.getKey(), Objects.requireNonNull(field), text);
      }
    }

    /** An id read as text: a string or an integral number; else a WRONG_TYPE rejection. */
    private @Nullable String identifierText(
        JsonNode node, String field, String what, SignalDraft d) {
      if (absent(node)) {
        return null;
      }
      if (node.isString()) {
        return node.stringValue();
      }
      if (node.isIntegralNumber()) {
        return node.bigIntegerValue().toString();
      }
      d.reject(field, RejectionReason.WRONG_TYPE,
          what + " is " + describe(node) + "; expected a string or whole number");
      return null;
    }
  }

  // ------------------------------------------------------------------ helpers

  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  /**
   * A number node as a double; values beyond the double range become infinite (and are then
   * rejected by the value rule or timestamp format) instead of throwing.
   */
  private static double asDouble(JsonNode node) {
    return node.numberValue().doubleValue();
  }

  /** A string, number or boolean as text; null for anything else. */
  private static @Nullable String scalarText(JsonNode node) {
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.decimalValue().toString();
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    return null;
  }

  private static String describe(JsonNode node) {
    if (node.isMissingNode()) {
      return "absent";
    }
    if (node.isString()) {
      return "a string (" + Require.quote(node.stringValue()) + ")";
    }
    String kind = node.getNodeType().name().toLowerCase(Locale.ROOT);
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray() || node.isObject()) {
      return "an " + kind;
    }
    return "a " + kind + " (" + scalarText(node) + ")";
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private static long offset(TokenStreamLocation at) {
    long bytes = at.getByteOffset();
    return bytes >= 0 ? bytes : Math.max(0, at.getCharOffset());
  }

  private static String where(TokenStreamLocation at, long line) {
    if (line > 0) {
      return "column " + at.getColumnNr();
    }
    return "line " + at.getLineNr() + ", column " + at.getColumnNr() + " (byte "
        + offset(at) + ")";
  }

  private static String malformed(JacksonException e, boolean document) {
    TokenStreamLocation at = e.getLocation();
    String detail = e.getOriginalMessage();
    if (detail == null) {
      detail = e.getClass().getSimpleName();
    }
    int nl = detail.indexOf('\n');
    if (nl >= 0) {
      detail = detail.substring(0, nl);
    }
    if (detail.length() > 200) {
      detail = detail.substring(0, 197) + "...";
    }
    String place = at == null ? "" : " at " + where(at, document ? 0 : 1);
    return "malformed JSON" + place + ": " + detail
        + (document ? "; parsing stopped there and the rest of the input was not read" : "");
  }

  private static String tooLarge(StreamConstraintsException e) {
    String detail = String.valueOf(e.getOriginalMessage());
    int nl = detail.indexOf('\n');
    return "the record exceeds the parser's limits (a string longer than maxRecordBytes, a very"
        + " long number or very deep nesting): " + (nl >= 0 ? detail.substring(0, nl) : detail)
        + "; parsing stopped there";
  }

  private static String cause(JacksonIOException e) {
    Throwable c = e.getCause();
    return (c == null ? String.valueOf(e.getOriginalMessage()) : String.valueOf(c.getMessage()))
        + "; the rest of the input was not read";
  }
}
