package io.advocacy.benchmarks;

import io.advocacy.core.adapter.AdapterSummary;
import io.advocacy.core.adapter.IgnoredRecord;
import io.advocacy.core.adapter.RecordRef;
import io.advocacy.core.adapter.Rejection;
import io.advocacy.core.adapter.SegmentAdapter;
import io.advocacy.core.adapter.SignalAdapter;
import io.advocacy.core.adapter.SignalSink;
import io.advocacy.core.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Throughput of the Segment adapter on NDJSON, in events per second, against a bare Jackson
 * streaming parse of the same bytes (every line tokenised to its end, nothing mapped). One
 * operation is one event.
 *
 * <p>Run: {@code java -jar advocacy-benchmarks/target/benchmarks.jar SegmentAdapterBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SegmentAdapterBenchmark {
  /** Events in the generated input. */
  static final int EVENTS = 10_000;

  private static final String[] EVENT_NAMES = {
    "NPS Survey Answered", "Order Completed", "Product Reviewed", "Referral Link Shared",
    "Referral Link Clicked", "Product Viewed", "Survey Answered", "Order Refunded"
  };

  private byte[] input = new byte[0];
  private final JsonFactory json = new JsonFactory();
  private final SignalAdapter adapter = SegmentAdapter.builder().build();

  /** Generates the seeded input once. */
  @Setup(Level.Trial)
  public void generate() {
    input = generate(EVENTS, 20261122L);
    AdapterSummary check = adapter.stream(new ByteArrayInputStream(input), new CountingSink());
    if (check.recordsSeen() != EVENTS || check.rejected() != 0) {
      throw new IllegalStateException("generated input is not what the benchmark expects: " + check);
    }
  }

  static byte[] generate(int events, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(events * 400);
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < events; i++) {
      String event = EVENT_NAMES[random.nextInt(EVENT_NAMES.length)];
      t = t.plusMillis(random.nextInt(5_000));
      String properties =
          switch (event) {
            case "NPS Survey Answered", "Survey Answered" ->
                "{\"score\":" + random.nextInt(11) + ",\"survey_id\":\"svy-" + random.nextInt(50)
                    + "\",\"comment\":\"Really helpful onboarding\"}";
            case "Order Completed" ->
                "{\"order_id\":\"o-" + i + "\",\"revenue\":" + random.nextInt(500) + "."
                    + random.nextInt(10) + "0,\"currency\":\"USD\",\"products\":[{\"sku\":\"BK-"
                    + random.nextInt(90) + "\",\"quantity\":1}]}";
            case "Order Refunded" ->
                "{\"order_id\":\"o-" + i + "\",\"total\":" + random.nextInt(100)
                    + ",\"currency\":\"EUR\"}";
            case "Product Reviewed" ->
                "{\"product_id\":\"p-" + random.nextInt(300) + "\",\"rating\":" + random.nextInt(6)
                    + ",\"platform\":\"g2\",\"review_body\":\"Does what it says\"}";
            default ->
                "{\"code\":\"REF-" + random.nextInt(100_000) + "\",\"channel\":\"email\"}";
          };
      String subject =
          random.nextInt(4) == 0
              ? "\"anonymousId\":\"anon-" + random.nextInt(1_000_000) + "\""
              : "\"userId\":\"user-" + random.nextInt(100_000) + "\"";
      String line =
          "{\"type\":\"track\",\"event\":\"" + event + "\",\"messageId\":\"msg-" + seed + "-" + i
              + "\"," + subject + ",\"timestamp\":\"" + t + "\",\"properties\":" + properties
              + ",\"context\":{\"library\":{\"name\":\"analytics-java\",\"version\":\"3.5.1\"},"
              + "\"ip\":\"203.0.113." + random.nextInt(256) + "\",\"locale\":\"en-GB\"},"
              + "\"integrations\":{\"All\":true}}\n";
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /**
   * Baseline: every line tokenised to its end by a fresh Jackson streaming parser.
   *
   * @return tokens seen, so nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long jacksonTokenizeBaseline() {
    byte[] bytes = input;
    long tokens = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), bytes, start, i - start)) {
          for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            tokens++;
          }
        }
        start = i + 1;
      }
    }
    return tokens;
  }

  /**
   * The adapter streaming the same bytes into a counting sink.
   *
   * @return signals accepted
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long segmentAdapter() {
    CountingSink sink = new CountingSink();
    adapter.stream(new ByteArrayInputStream(input), sink);
    return sink.accepted;
  }

  /** Counts outcomes and keeps nothing. */
  static final class CountingSink implements SignalSink {
    long accepted;
    long ignored;
    long rejected;

    @Override
    public void accepted(Signal signal, RecordRef record) {
      accepted++;
    }

    @Override
    public void ignored(IgnoredRecord record) {
      ignored++;
    }

    @Override
    public void rejected(Rejection rejection) {
      rejected++;
    }
  }
}
