package io.advocacy.examples.scenarios;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.adapter.AdapterRegistry;
import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.adapter.AdapterSummary;
import io.advocacy.core.adapter.IgnoreReason;
import io.advocacy.core.adapter.IgnoredRecord;
import io.advocacy.core.adapter.RecordRef;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.RejectionReason;
import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.adapter.SignalSink;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.scoring.score.ScoringModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Scenario: a signal adapter a host application writes for its own webhook format.
 *
 * <p>The host's survey tool posts one event per line as {@code key=value} pairs joined by
 * {@code &}:
 *
 * <pre>
 * id=wh-1&amp;customer=c-ada&amp;event=nps&amp;value=10&amp;at=2027-03-01T15:00:00Z
 * </pre>
 *
 * <p>Keys: {@code id} (the idempotency id), {@code customer}, {@code event} ({@code nps},
 * {@code csat}, {@code review}, {@code purchase}, {@code referral}; anything else, such as the
 * tool's {@code ping}, is ignored), {@code value} (required for nps, csat and review; 1
 * otherwise) and {@code at} (ISO-8601 instant). Unknown keys are ignored.
 *
 * <p>The adapter keeps the {@link SignalAdapter} contract: it never throws on bad data and
 * accounts for every record (every non-blank line) exactly once, as accepted, ignored, or
 * rejected with the record, the field and the reason. A line longer than {@value #MAX_LINE}
 * characters is rejected without being kept in memory, and a failing input stream ends in one
 * {@code IO_ERROR} rejection. Check your own adapter the same way by extending {@code
 * SignalAdapterContract} from advocacy-core's test-jar, as this class's test does.
 *
 * <p>{@link #main} registers the adapter in an {@link AdapterRegistry} and feeds a payload to
 * {@link AdvocacyEngine#ingest(String, String)}. Run it with {@code java -cp
 * advocacy-examples/target/advocacy.jar io.advocacy.examples.scenarios.CustomWebhookAdapter}.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class CustomWebhookAdapter implements SignalAdapter {
  /** The adapter's name: its registry key and the source of its signals. */
  public static final String NAME = "survey-webhook";
  /** The longest line read, in characters. */
  public static final int MAX_LINE = 4096;

  private static final Map<String, SignalType> EVENTS = Map.of(
      "nps", SignalType.NPS_ANSWERED, "csat", SignalType.CSAT_ANSWERED,
      "review", SignalType.REVIEW_POSTED, "purchase", SignalType.PURCHASE_COMPLETED,
      "referral", SignalType.REFERRAL_CONVERTED);
  private static final Set<String> VALUE_REQUIRED = Set.of("nps", "csat", "review");

  /** Creates the adapter. */
  public CustomWebhookAdapter() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AdapterSummary stream(InputStream input, SignalSink sink) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sink, "sink");
    Counter count = new Counter();
    Set<String> ids = new HashSet<>(); // duplicate ids within one input
    Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8);
    StringBuilder line = new StringBuilder();
    long lineNo = 1;
    long recordLine = 1;
    boolean tooLong = false;
    try {
      for (int c = reader.read(); ; c = reader.read()) {
        if (c == -1 || c == '\n') {
          if (tooLong || !line.toString().isBlank()) {
            RecordRef ref = new RecordRef(count.seen(), recordLine);
            if (tooLong) {
              count.rejected(sink, new Rejection(ref, "", RejectionReason.RECORD_TOO_LARGE,
                  "line " + recordLine + " is longer than " + MAX_LINE + " characters"));
            } else {
              record(line.toString().strip(), ref, ids, sink, count);
            }
          }
          if (c == -1) {
            break;
          }
          line.setLength(0);
          tooLong = false;
          recordLine = ++lineNo;
        } else if (line.length() < MAX_LINE) {
          line.append((char) c);
        } else {
          tooLong = true; // keep reading to the end of the line, but keep nothing
        }
      }
    } catch (IOException e) {
      // The input failed: one rejection for the record being read; the rest cannot be read.
      count.rejected(sink, new Rejection(new RecordRef(count.seen(), recordLine), "",
          RejectionReason.IO_ERROR,
          "reading failed at line " + recordLine + ": " + e.getMessage()));
    }
    return count.summary(NAME);
  }

  /** One record: every path ends in exactly one call to the sink. */
  private void record(String text, RecordRef ref, Set<String> ids, SignalSink sink,
      Counter count) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        count.rejected(sink, new Rejection(ref, "", RejectionReason.MALFORMED_RECORD,
            "\"" + clip(pair) + "\" is not key=value"));
        return;
      }
      if (fields.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()) != null) {
        count.rejected(sink, new Rejection(ref, pair.substring(0, eq).strip(),
            RejectionReason.MALFORMED_RECORD, "key given twice"));
        return;
      }
    }
    for (String required : List.of("id", "customer", "event", "at")) {
      if (fields.getOrDefault(required, "").isEmpty()) {
        count.rejected(sink, new Rejection(ref, required, RejectionReason.MISSING_FIELD,
            required + " is missing"));
        return;
      }
    }
    String event = fields.get("event");
    SignalType type = EVENTS.get(event);
    if (type == null) {
      count.ignored(sink, new IgnoredRecord(ref, IgnoreReason.UNMAPPED_EVENT,
          "event \"" + clip(event) + "\" has no mapping"));
      return;
    }
    SignalId id;
    CustomerId customer;
    Instant at;
    double value;
    try {
      id = SignalId.of(fields.get("id"));
    } catch (IllegalArgumentException e) {
      count.rejected(sink, new Rejection(ref, "id", RejectionReason.INVALID_IDENTIFIER,
          e.getMessage()));
      return;
    }
    try {
      customer = CustomerId.of(fields.get("customer"));
    } catch (IllegalArgumentException e) {
      count.rejected(sink, new Rejection(ref, "customer", RejectionReason.INVALID_IDENTIFIER,
          e.getMessage()));
      return;
    }
    try {
      at = Instant.parse(fields.get("at"));
    } catch (DateTimeException e) {
      count.rejected(sink, new Rejection(ref, "at", RejectionReason.INVALID_TIMESTAMP,
          "\"" + clip(fields.get("at")) + "\" is not an ISO-8601 instant"));
      return;
    }
    String valueText = fields.get("value");
    if (valueText == null && VALUE_REQUIRED.contains(event)) {
      count.rejected(sink, new Rejection(ref, "value", RejectionReason.MISSING_FIELD,
          event + " needs a value"));
      return;
    }
    try {
      value = valueText == null ? 1 : Double.parseDouble(valueText);
    } catch (NumberFormatException e) {
      count.rejected(sink, new Rejection(ref, "value", RejectionReason.INVALID_VALUE,
          "\"" + clip(valueText) + "\" is not a number"));
      return;
    }
    Signal signal;
    try {
      // the signal type's value rule checks the range (NPS 0–10 whole numbers, CSAT 1–5, ...)
      signal = Signal.builder(id, customer, type, at).value(value).source(NAME).build();
    } catch (IllegalArgumentException e) {
      count.rejected(sink, new Rejection(ref, "value", RejectionReason.OUT_OF_RANGE,
          e.getMessage()));
      return;
    }
    if (!ids.add(id.value())) {
      count.rejected(sink, new Rejection(ref, "id", RejectionReason.DUPLICATE_ID,
          "id " + id.value() + " was seen earlier in this input"));
      return;
    }
    count.accepted(sink, signal, ref);
  }

  private static String clip(@Nullable String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** Counts each record's outcome as it is reported. */
  private static final class Counter {
    private long accepted;
    private long ignored;
    private long rejected;

    long seen() {
      return accepted + ignored + rejected;
    }

    void accepted(SignalSink sink, Signal signal, RecordRef ref) {
      accepted++;
      sink.accepted(signal, ref);
    }

    void ignored(SignalSink sink, IgnoredRecord record) {
      ignored++;
      sink.ignored(record);
    }

    void rejected(SignalSink sink, Rejection rejection) {
      rejected++;
      sink.rejected(rejection);
    }

    AdapterSummary summary(String adapter) {
      return new AdapterSummary(adapter, seen(), accepted, ignored, rejected);
    }
  }

  // ---------------------------------------------------------------------------------------
  // The scenario: register the adapter and feed the engine a payload with some bad records.
  // ---------------------------------------------------------------------------------------

  /** The payload {@link #run} feeds the engine: three good records and five that are not. */
  public static final String PAYLOAD = """
      id=wh-1&customer=c-ada&event=nps&value=10&at=2027-03-01T15:00:00Z
      id=wh-2&customer=c-bo&event=csat&value=4&at=2027-03-01T15:05:00Z
      id=wh-3&event=ping&customer=c-bo&at=2027-03-01T15:06:00Z

      id=wh-4&customer=c-cy&event=nps&value=11&at=2027-03-01T15:07:00Z
      id=wh-5&customer=c-cy&event=review&value=5&at=yesterday
      id=wh-1&customer=c-ada&event=nps&value=10&at=2027-03-01T15:00:00Z
      this is not a record
      id=wh-6&customer=c-ada&event=purchase&at=2027-03-01T15:09:00Z
      """;

  /**
   * What the scenario ended with.
   *
   * @param summary the adapter's accounting, e.g. {@code survey-webhook: 8 seen, ...}
   * @param rejections each rejection as {@code record field reason}
   * @param ignored each ignored record as {@code record reason}
   * @param signals the signals the engine handled, derived ones included, as {@code customer
   *     type}
   * @param asks the asks the contact policy allowed, as {@code customer action}
   */
  public record Result(String summary, List<String> rejections, List<String> ignored,
      List<String> signals, List<String> asks) {
    /**
     * Copies the lists.
     *
     * @param summary the summary
     * @param rejections the rejections
     * @param ignored the ignored records
     * @param signals the signals
     * @param asks the asks
     */
    public Result {
      rejections = List.copyOf(rejections);
      ignored = List.copyOf(ignored);
      signals = List.copyOf(signals);
      asks = List.copyOf(asks);
    }
  }

  /**
   * Runs the scenario and prints its account.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the scenario.
   *
   * @param out where the account is printed
   * @return what it ended with
   */
  public static Result run(PrintStream out) {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-03-01T15:10:00Z"));
    InstantSource clock = now::get;
    // Adapters are registered explicitly, by name; ingest(name, payload) picks one.
    AdapterRegistry adapters = AdapterRegistry.builder().register(new CustomWebhookAdapter())
        .build();
    AdvocacyEngine engine = AdvocacyEngine.builder(clock, id -> CustomerProfile.builder(id)
            .industry(Industry.OTHER)
            .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2026-01-01T00:00:00Z")))
            .build())
        .scoringModel(ScoringModels.forIndustry(Industry.OTHER))
        .adapters(adapters)
        .playbook()
        .build();

    AdvocacyEngine.Outcome outcome = engine.ingest(NAME, PAYLOAD);
    AdapterResult adapted = Objects.requireNonNull(outcome.adapted());
    out.println(adapted.summary());
    adapted.rejections().forEach(r -> out.println("  rejected " + r));
    adapted.ignored().forEach(i -> out.println("  ignored  " + i.record() + " " + i.reason()
        + ": " + i.message()));
    out.println("the engine handled:");
    EngineLog.print(out, outcome);
    return new Result(adapted.summary().toString(),
        adapted.rejections().stream().map(r -> r.record().index() + " " + r.field() + " "
            + r.reason()).toList(),
        adapted.ignored().stream().map(i -> i.record().index() + " " + i.reason()).toList(),
        outcome.signals().stream().map(s -> s.subject().asText() + " " + s.type()).toList(),
        outcome.asks().stream().map(a -> a.action().customer().value() + " "
            + a.action().name() + " " + a.outcome()).toList());
  }
}
