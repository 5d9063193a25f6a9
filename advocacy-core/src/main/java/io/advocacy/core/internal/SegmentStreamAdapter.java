package io.advocacy.core.internal;

import io.advocacy.core.adapter.AdapterSummary;
import io.advocacy.core.adapter.IgnoreReason;
import io.advocacy.core.adapter.IgnoredRecord;
import io.advocacy.core.adapter.RecordRef;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.adapter.SegmentAdapter;
import io.advocacy.core.adapter.SegmentAdapter.EventMapping;
import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.adapter.SignalSink;
import io.advocacy.core.adapter.TimestampFormat;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * The adapter {@link SegmentAdapter.Builder#build()} returns. Each record is walked once by a
 * streaming parser that captures only the fields of interest (see {@link PointerCapture}); no
 * tree is built.
 *
 * <p>Immutable and thread-safe: all per-run state lives in a {@link Run}.
 */
public final class SegmentStreamAdapter implements SignalAdapter {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
  private static final int MAX_MESSAGE = 160;

  // Slots of the top-level fields; added first, so they are 0..7.
  private static final int TYPE = 0;
  private static final int EVENT = 1;
  private static final int MESSAGE_ID = 2;
  private static final int USER_ID = 3;
  private static final int ANONYMOUS_ID = 4;
  private static final int PREVIOUS_ID = 5;
  private static final int TIMESTAMP = 6;
  private static final int ORIGINAL_TIMESTAMP = 7;
  private static final String[] TOP_LEVEL = {
    "/type", "/event", "/messageId", "/userId", "/anonymousId", "/previousId", "/timestamp",
    "/originalTimestamp"
  };

  private final String name;
  private final SegmentAdapter.Format format;
  private final int maxRecordBytes;
  private final int duplicateWindow;
  private final PointerCapture.Trie trie;
  private final Map<String, Compiled> mappings;

  /** A mapping with its pointers resolved to capture slots. */
  private static final class Compiled {
    final SignalType type;
    final int valueSlot;
    final String valuePointer;
    final double fixedValue;
    final int amountSlot;
    final String amountPointer;
    final int currencySlot;
    final String currencyPointer;
    final @Nullable String fixedCurrency;
    final String[] attributeNames;
    final String[] attributePointers;
    final int[] attributeSlots;

    Compiled(EventMapping m, PointerCapture.Trie trie) {
      type = m.type();
      valuePointer = m.valuePointer().orElse("");
      valueSlot = valuePointer.isEmpty() ? -1 : trie.add(valuePointer);
      fixedValue = m.fixedValue().orElse(1);
      amountPointer = m.amountPointer().orElse("");
      amountSlot = amountPointer.isEmpty() ? -1 : trie.add(amountPointer);
      currencyPointer = m.currencyPointer().orElse("");
      currencySlot = currencyPointer.isEmpty() ? -1 : trie.add(currencyPointer);
      fixedCurrency = m.fixedCurrency().map(c -> c.getCurrencyCode()).orElse(null);
      int n = m.attributes().size();
      attributeNames = new String[n];
      attributePointers = new String[n];
      attributeSlots = new int[n];
      int i = 0;
      for (Map.Entry<String, String> e : m.attributes().entrySet()) {
        attributeNames[i] = e.getKey();
        attributePointers[i] = e.getValue();
        attributeSlots[i] = trie.add(e.getValue());
        i++;
      }
    }
  }

  /**
   * An adapter; configuration is checked by {@link SegmentAdapter.Builder}.
   *
   * @param name the adapter's name
   * @param format the input format
   * @param maxRecordBytes the record size limit
   * @param duplicateWindow how many recent message ids to remember
   * @param mappings track event name to mapping (copied)
   */
  public SegmentStreamAdapter(
      String name,
      SegmentAdapter.Format format,
      int maxRecordBytes,
      int duplicateWindow,
      Map<String, EventMapping> mappings) {
    this.name = Require.name("adapter name", name);
    this.format = Objects.requireNonNull(format, "format");
    this.maxRecordBytes = maxRecordBytes;
    this.duplicateWindow = duplicateWindow;
    this.trie = new PointerCapture.Trie();
    for (String pointer : TOP_LEVEL) {
      trie.add(pointer);
    }
    Map<String, Compiled> compiled = new HashMap<>();
    mappings.forEach((event, m) -> compiled.put(event, new Compiled(m, trie)));
    this.mappings = compiled;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public AdapterSummary stream(InputStream input, SignalSink sink) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sink, "sink");
    Run run = new Run(sink);
    if (format == SegmentAdapter.Format.NDJSON) {
      run.ndjson(input);
    } else {
      run.json(input);
    }
    return new AdapterSummary(
        name, run.accepted + run.ignored + run.rejected, run.accepted, run.ignored, run.rejected);
  }

  @Override
  public String toString() {
    return "SegmentAdapter[" + name + ", " + format + ", " + mappings.size() + " mappings]";
  }

  private static String brief(@Nullable String message) {
    if (message == null) {
      return "unknown problem";
    }
    int nl = message.indexOf('\n');
    String first = nl >= 0 ? message.substring(0, nl) : message;
    return first.length() > MAX_MESSAGE ? first.substring(0, MAX_MESSAGE - 3) + "..." : first;
  }

  private static String scalar(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  private static String where(@Nullable TokenStreamLocation at) {
    return at == null ? "an unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** The state of one run over one input. Not thread-safe. */
  private final class Run {
    private final SignalSink sink;
    private final SignalDraft draft;
    private final DuplicateWindow seenIds;
    long accepted;
    long ignored;
    long rejected;
    private long line;

    Run(SignalSink sink) {
      this.sink = sink;
      this.draft = new SignalDraft(name, new RecordRef(0, 0));
      this.seenIds = new DuplicateWindow(duplicateWindow);
    }

    private long nextIndex() {
      return accepted + ignored + rejected;
    }

    private RecordRef nextRef() {
      return new RecordRef(nextIndex(), line);
    }

    private void reject(String field, RejectionReason reason, String message) {
      Rejection r = new Rejection(nextRef(), field, reason, message);
      rejected++;
      sink.rejected(r);
    }

    private void ignore(IgnoreReason reason, String message) {
      IgnoredRecord r = new IgnoredRecord(nextRef(), reason, message);
      ignored++;
      sink.ignored(r);
    }

    // ---- NDJSON ----

    void ndjson(InputStream input) {
      LineReader lines = new LineReader(input, maxRecordBytes);
      PointerCapture capture = new PointerCapture(trie);
      while (true) {
        try {
          if (!lines.next()) {
            return;
          }
        } catch (IOException e) {
          line = lines.lineNumber() + 1;
          reject(
              "",
              RejectionReason.IO_ERROR,
              "reading the input failed after line " + lines.lineNumber()
                  + "; the rest was not read: " + brief(e.getMessage()));
          return;
        }
        line = lines.lineNumber();
        if (lines.oversize()) {
          reject(
              "",
              RejectionReason.RECORD_TOO_LARGE,
              "record is " + lines.oversizeBytes() + " bytes; the limit is " + maxRecordBytes);
          continue;
        }
        if (lines.blank()) {
          continue;
        }
        capture.clear();
        String problem = parseLine(lines.buffer(), lines.start(), lines.length(), capture);
        if (problem != null) {
          reject("", RejectionReason.MALFORMED_RECORD, problem);
          continue;
        }
        interpret(capture);
      }
    }

    private @Nullable String parseLine(byte[] buf, int start, int length, PointerCapture capture) {
      try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), buf, start, length)) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
          return "record is not a JSON object";
        }
        capture.readRoot(p, t);
        if (p.nextToken() != null) {
          return "unexpected content after the JSON object at column "
              + p.currentTokenLocation().getColumnNr();
        }
        return null;
      } catch (JacksonException e) {
        return "malformed JSON at column "
            + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr())
            + ": " + brief(e.getOriginalMessage());
      }
    }

    // ---- one JSON document ----

    void json(InputStream input) {
      line = 0;
      PointerCapture rootCapture = new PointerCapture(trie);
      PointerCapture elementCapture = new PointerCapture(trie);
      JsonParser p = null;
      try {
        p = JSON.createParser(ObjectReadContext.empty(), input);
        JsonToken t = p.nextToken();
        if (t == null) {
          return;
        }
        if (t == JsonToken.START_ARRAY) {
          readEvents(p, elementCapture);
        } else if (t == JsonToken.START_OBJECT) {
          readRootObject(p, rootCapture, elementCapture);
        } else {
          reject(
              "",
              RejectionReason.MALFORMED_RECORD,
              "the document is a single " + scalar(t) + ", not a JSON object or array");
          return;
        }
        if (p.nextToken() != null) {
          reject(
              "",
              RejectionReason.UNREADABLE_REMAINDER,
              "unexpected content after the document at " + where(p.currentTokenLocation())
                  + "; the rest was not read");
        }
      } catch (JacksonIOException e) {
        reject(
            "",
            RejectionReason.IO_ERROR,
            "reading the input failed; the rest was not read: " + brief(e.getOriginalMessage()));
      } catch (JacksonException e) {
        reject(
            "",
            RejectionReason.UNREADABLE_REMAINDER,
            "JSON parsing stopped at " + where(e.getLocation()) + "; the rest was not read: "
                + brief(e.getOriginalMessage()));
      } finally {
        if (p != null) {
          try {
            p.close();
          } catch (JacksonException e) {
            // Closing a parser that does not own its input releases buffers only.
          }
        }
      }
    }

    private void readRootObject(
        JsonParser p, PointerCapture rootCapture, PointerCapture elementCapture) {
      long start = p.currentTokenLocation().getByteOffset();
      rootCapture.clear();
      boolean batch = false;
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String property = p.currentName();
        JsonToken value = p.nextToken();
        if (!batch && value == JsonToken.START_ARRAY && "batch".equals(property)) {
          batch = true;
          readEvents(p, elementCapture);
        } else {
          rootCapture.readRootProperty(p, property, value);
        }
      }
      if (!batch) {
        finishDocumentRecord(p, start, rootCapture);
      }
    }

    private void readEvents(JsonParser p, PointerCapture capture) {
      for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
        long start = p.currentTokenLocation().getByteOffset();
        if (t != JsonToken.START_OBJECT) {
          if (t.isStructStart()) {
            p.skipChildren();
          }
          reject("", RejectionReason.MALFORMED_RECORD, "event is not a JSON object");
          continue;
        }
        capture.clear();
        capture.readRoot(p, t);
        finishDocumentRecord(p, start, capture);
      }
    }

    private void finishDocumentRecord(JsonParser p, long start, PointerCapture capture) {
      long size = p.currentLocation().getByteOffset() - start;
      if (start >= 0 && size > maxRecordBytes) {
        reject(
            "",
            RejectionReason.RECORD_TOO_LARGE,
            "record is " + size + " bytes; the limit is " + maxRecordBytes);
      } else {
        interpret(capture);
      }
    }

    // ---- one event ----

    private void interpret(PointerCapture c) {
      draft.reset(nextRef());
      String type = requiredString(c, TYPE);
      if (type == null) {
        rejectDraft();
        return;
      }
      switch (type) {
        case "track" -> track(c);
        case "identify" -> identify(c);
        case "alias" -> alias(c);
        case "page", "screen", "group" ->
            ignore(IgnoreReason.UNSUPPORTED_CALL, type + " calls are not turned into signals");
        default ->
            reject(
                "/type",
                RejectionReason.INVALID_VALUE,
                "type " + Require.quote(type)
                    + " is not a Segment call (track, identify, alias, page, screen, group)");
      }
    }

    private void track(PointerCapture c) {
      String event = requiredString(c, EVENT);
      if (event == null) {
        rejectDraft();
        return;
      }
      Compiled m = mappings.get(event);
      if (m == null) {
        ignore(
            IgnoreReason.UNMAPPED_EVENT,
            "track event " + Require.quote(event) + " has no mapping");
        return;
      }
      draft.type(m.type);
      draft.id(TOP_LEVEL[MESSAGE_ID], requiredString(c, MESSAGE_ID));
      subject(c);
      occurredAt(c);
      if (m.valueSlot >= 0) {
        String number = requiredNumber(c, m.valueSlot, m.valuePointer);
        if (number != null) {
          draft.value(m.valuePointer, Double.parseDouble(number));
        }
      } else {
        draft.value("", m.fixedValue);
      }
      if (m.amountSlot >= 0) {
        String number = requiredNumber(c, m.amountSlot, m.amountPointer);
        String currency =
            m.currencySlot >= 0
                ? optionalString(c, m.currencySlot, m.currencyPointer)
                : m.fixedCurrency;
        if (number != null && draft.ok()) {
          try {
            draft.amount(m.amountPointer, new BigDecimal(number), m.currencyPointer, currency);
          } catch (IllegalArgumentException | ArithmeticException e) {
            draft.reject(
                m.amountPointer,
                RejectionReason.INVALID_VALUE,
                "amount " + Require.quote(number) + " is not usable: " + brief(e.getMessage()));
          }
        }
      }
      for (int i = 0; i < m.attributeSlots.length; i++) {
        int slot = m.attributeSlots[i];
        byte kind = c.kind(slot);
        if (kind == PointerCapture.OBJECT || kind == PointerCapture.ARRAY) {
          draft.reject(
              m.attributePointers[i],
              RejectionReason.WRONG_TYPE,
              "attribute " + m.attributeNames[i] + " is " + PointerCapture.describe(kind)
                  + "; expected a string, number or boolean");
        } else {
          draft.attribute(m.attributeNames[i], m.attributePointers[i], c.text(slot));
        }
      }
      finish();
    }

    private void identify(PointerCapture c) {
      String user = optionalString(c, USER_ID, TOP_LEVEL[USER_ID]);
      String anonymous = optionalString(c, ANONYMOUS_ID, TOP_LEVEL[ANONYMOUS_ID]);
      if (!draft.ok()) {
        rejectDraft();
        return;
      }
      if (user == null || user.isBlank() || anonymous == null || anonymous.isBlank()) {
        ignore(
            IgnoreReason.UNSUPPORTED_CALL,
            "identify without both userId and anonymousId links nothing");
        return;
      }
      link(c, user, TOP_LEVEL[ANONYMOUS_ID], anonymous);
    }

    private void alias(PointerCapture c) {
      String previous = requiredString(c, PREVIOUS_ID);
      String user = requiredString(c, USER_ID);
      link(c, user, TOP_LEVEL[PREVIOUS_ID], previous);
    }

    private void link(
        PointerCapture c,
        @Nullable String user,
        String anonymousField,
        @Nullable String anonymous) {
      draft.type(SignalType.IDENTITY_LINKED);
      draft.id(TOP_LEVEL[MESSAGE_ID], requiredString(c, MESSAGE_ID));
      draft.subject(TOP_LEVEL[USER_ID], user, "", null);
      occurredAt(c);
      if (anonymous != null && draft.ok()) {
        String problem = Require.identifierProblem(anonymous);
        if (problem != null) {
          draft.reject(
              anonymousField,
              RejectionReason.INVALID_IDENTIFIER,
              "anonymous id " + Require.quote(anonymous) + " " + problem);
        }
      }
      draft.attribute(Signal.ANONYMOUS_ID_ATTRIBUTE, anonymousField, anonymous);
      draft.value("", 1);
      finish();
    }

    private void subject(PointerCapture c) {
      String user = optionalString(c, USER_ID, TOP_LEVEL[USER_ID]);
      String anonymous = optionalString(c, ANONYMOUS_ID, TOP_LEVEL[ANONYMOUS_ID]);
      if (!draft.ok()) {
        return;
      }
      boolean userUsable = user != null && !user.isBlank();
      boolean anonymousUsable = anonymous != null && !anonymous.isBlank();
      if (userUsable) {
        draft.subject(TOP_LEVEL[USER_ID], user, TOP_LEVEL[ANONYMOUS_ID], null);
      } else if (anonymousUsable) {
        draft.subject(TOP_LEVEL[USER_ID], null, TOP_LEVEL[ANONYMOUS_ID], anonymous);
      } else {
        // Neither is usable: report a blank one as such, else both as missing.
        draft.subject(TOP_LEVEL[USER_ID], user, TOP_LEVEL[ANONYMOUS_ID], anonymous);
      }
    }

    private void occurredAt(PointerCapture c) {
      String field = TOP_LEVEL[TIMESTAMP];
      String text = optionalString(c, TIMESTAMP, field);
      if (text == null && draft.ok()) {
        text = optionalString(c, ORIGINAL_TIMESTAMP, TOP_LEVEL[ORIGINAL_TIMESTAMP]);
        if (text != null) {
          field = TOP_LEVEL[ORIGINAL_TIMESTAMP];
        }
      }
      if (!draft.ok()) {
        return;
      }
      if (text != null) {
        java.time.Instant fast = IsoInstant.parse(text);
        if (fast != null) {
          draft.occurredAt(fast);
          return;
        }
      }
      draft.occurredAt(field, text, TimestampFormat.iso());
    }

    private void finish() {
      Signal signal;
      try {
        signal = draft.build();
      } catch (IllegalArgumentException e) {
        draft.reject("", RejectionReason.INVALID_VALUE, brief(e.getMessage()));
        signal = null;
      }
      if (signal == null) {
        rejectDraft();
        return;
      }
      if (!seenIds.firstSighting(signal.id().value())) {
        reject(
            TOP_LEVEL[MESSAGE_ID],
            RejectionReason.DUPLICATE_ID,
            "messageId " + Require.quote(signal.id().value())
                + " was already accepted earlier in this input");
        return;
      }
      RecordRef ref = draft.ref();
      accepted++;
      sink.accepted(signal, ref);
    }

    private void rejectDraft() {
      Rejection r = Objects.requireNonNull(draft.rejection(), "rejection");
      rejected++;
      sink.rejected(r);
    }

    private @Nullable String requiredString(PointerCapture c, int slot) {
      String pointer = TOP_LEVEL[slot];
      byte kind = c.kind(slot);
      if (kind == PointerCapture.ABSENT || kind == PointerCapture.NULL) {
        draft.reject(pointer, RejectionReason.MISSING_FIELD, pointer.substring(1) + " is missing");
        return null;
      }
      return optionalString(c, slot, pointer);
    }

    private @Nullable String optionalString(PointerCapture c, int slot, String pointer) {
      byte kind = c.kind(slot);
      if (kind == PointerCapture.STRING) {
        return c.text(slot);
      }
      if (kind != PointerCapture.ABSENT && kind != PointerCapture.NULL) {
        draft.reject(
            pointer,
            RejectionReason.WRONG_TYPE,
            pointer + " is " + PointerCapture.describe(kind) + "; expected a string");
      }
      return null;
    }

    private @Nullable String requiredNumber(PointerCapture c, int slot, String pointer) {
      byte kind = c.kind(slot);
      if (kind == PointerCapture.NUMBER) {
        return c.text(slot);
      }
      if (kind == PointerCapture.ABSENT || kind == PointerCapture.NULL) {
        draft.reject(pointer, RejectionReason.MISSING_FIELD, pointer + " is missing");
      } else {
        String shown = kind == PointerCapture.STRING ? " " + Require.quote(String.valueOf(c.text(slot))) : "";
        draft.reject(
            pointer,
            RejectionReason.WRONG_TYPE,
            pointer + " is " + PointerCapture.describe(kind) + shown + "; expected a JSON number");
      }
      return null;
    }
  }
}
