package io.advocacy.examples.cli;

import io.advocacy.core.adapter.AdapterResult;
import io.advocacy.core.adapter.IgnoredRecord;
import io.advocacy.core.adapter.JsonMappingAdapter;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.adapter.TimestampFormat;
import io.advocacy.core.signal.SignalType;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the CLI's signal files: NDJSON, one signal per line, through the core {@link
 * JsonMappingAdapter} (no format of its own):
 *
 * <pre>{@code
 * {"id": "s1", "customer": "c-1", "type": "nps_answered", "at": "2026-01-05T10:00:00Z", "value": 10}
 * {"id": "s2", "customer": "c-1", "type": "purchase_completed", "at": "2026-01-06T09:00:00Z",
 *  "value": 1, "amount": "120.00", "currency": "EUR"}
 * }</pre>
 *
 * {@code id}, {@code type} (a well-known signal type name), {@code at} (ISO-8601) and {@code
 * value} are required; the subject is {@code customer}, or {@code anonymous} for a visitor;
 * {@code amount} with {@code currency} is optional. Rejected and ignored records are reported
 * on standard error with their line, field (a JSON pointer) and reason.
 */
final class SignalFiles {
  /** Help describing the format, shared by the subcommands that read signals. */
  static final String HELP_1 = "Signals: NDJSON, one object per line, e.g.";
  /** Help line 2: an example. */
  static final String HELP_2 = "  {\"id\":\"s1\",\"customer\":\"c-1\",\"type\":\"nps_answered\","
      + "%n   \"at\":\"2026-01-05T10:00:00Z\",\"value\":10}";
  /** Help line 3. */
  static final String HELP_3 = "id, type (a well-known signal type such as nps_answered, "
      + "review_posted, referral_converted), at (ISO-8601) and value are required; customer, "
      + "or anonymous for a visitor; optional amount (decimal) with currency (ISO 4217). Bad "
      + "records are listed on stderr with their line, field and reason.";

  private static final SignalAdapter ADAPTER = adapter();

  private SignalFiles() {}

  private static SignalAdapter adapter() {
    Map<String, SignalType> types = new LinkedHashMap<>();
    for (SignalType t : SignalType.wellKnownTypes()) {
      types.put(t.name(), t);
    }
    return JsonMappingAdapter.builder("cli")
        .framing(JsonMappingAdapter.Framing.NDJSON)
        .idAt("/id")
        .customerAt("/customer")
        .anonymousAt("/anonymous")
        .typeAt("/type", types)
        .instantAt("/at", TimestampFormat.iso())
        .valueAt("/value")
        .amountAt("/amount")
        .currencyAt("/currency")
        .build();
  }

  /**
   * Reads a signal file and reports every rejected or ignored record on {@code err}.
   *
   * @throws UsageException if the file cannot be read or holds no signal at all
   */
  static AdapterResult read(Path file, PrintWriter err) {
    String text = CliSupport.read(file);
    AdapterResult result =
        ADAPTER.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    for (Rejection r : result.rejections()) {
      CliSupport.problem(err, r.record().line(), r.field(),
          r.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.message());
    }
    for (IgnoredRecord r : result.ignored()) {
      CliSupport.problem(err, r.record().line(), "", "ignored: " + r.message());
    }
    if (!result.rejections().isEmpty() || !result.ignored().isEmpty()) {
      err.println(file + ": " + result.signals().size() + " signals read, "
          + result.rejections().size() + " rejected, " + result.ignored().size() + " ignored");
    }
    if (result.signals().isEmpty()) {
      throw new UsageException("no usable signal in " + file);
    }
    return result;
  }

  /** The exit code after reading: 1 when any record was rejected or ignored. */
  static int exitCode(AdapterResult result) {
    return result.rejections().isEmpty() && result.ignored().isEmpty()
        ? CliSupport.EXIT_OK : CliSupport.EXIT_PROBLEMS;
  }
}
