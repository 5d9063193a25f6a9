package io.advocacy.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The contract every {@link SignalAdapter} must keep, as an abstract JUnit class. A host's own
 * adapter is checked by extending it (the class ships in advocacy-core's test-jar):
 *
 * <pre>{@code
 * class MyWebhookAdapterTest extends SignalAdapterContract {
 *   protected SignalAdapter adapter() { return new MyWebhookAdapter(); }
 *   protected List<String> validInputs() { return List.of(readFixture("hook.json")); }
 * }
 * }</pre>
 *
 * <p>It checks that arbitrary input never throws and that every record is accounted for, that
 * the sink hears of each record once and agrees with the summary, that a failing input stream
 * is a rejection rather than an exception, and that valid inputs give the same result twice.
 */
public abstract class SignalAdapterContract {

  /**
   * The adapter under test.
   *
   * @return a configured adapter
   */
  protected abstract SignalAdapter adapter();

  /**
   * Inputs the adapter accepts at least one signal from.
   *
   * @return example inputs
   */
  protected abstract List<String> validInputs();

  /**
   * Strings to feed the adapter; by default arbitrary code points and mutations of the valid
   * inputs.
   *
   * @return a generator
   */
  protected Gen<String> arbitraryInputs() {
    List<String> valid = validInputs();
    Gen<String> noise = strings().allPossible().ofLengthBetween(0, 300);
    Gen<String> ascii = strings().ascii().ofLengthBetween(0, 300);
    Gen<String> mutated =
        ascii.zip(
            org.quicktheories.generators.SourceDSL.integers().between(0, 10_000),
            (junk, at) -> {
              String base = valid.get(at % valid.size());
              int cut = at % (base.length() + 1);
              return base.substring(0, cut) + junk + base.substring(cut);
            });
    return noise.mix(ascii).mix(mutated);
  }

  /** Records the sink calls of one run. */
  protected static final class RecordingSink implements SignalSink {
    final List<Signal> signals = new ArrayList<>();
    final List<RecordRef> refs = new ArrayList<>();
    final List<IgnoredRecord> ignored = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accepted(Signal signal, RecordRef record) {
      signals.add(signal);
      refs.add(record);
    }

    @Override
    public void ignored(IgnoredRecord record) {
      ignored.add(record);
      refs.add(record.record());
    }

    @Override
    public void rejected(Rejection rejection) {
      rejections.add(rejection);
      refs.add(rejection.record());
    }
  }

  private static void assertAccounted(AdapterSummary summary, RecordingSink sink) {
    assertThat(summary.accepted()).isEqualTo(sink.signals.size());
    assertThat(summary.ignored()).isEqualTo(sink.ignored.size());
    assertThat(summary.rejected()).isEqualTo(sink.rejections.size());
    assertThat(summary.recordsSeen())
        .isEqualTo(summary.accepted() + summary.ignored() + summary.rejected());
    for (int i = 0; i < sink.refs.size(); i++) {
      assertThat(sink.refs.get(i).index()).as("record index of outcome %d", i).isEqualTo(i);
    }
  }

  private AdapterSummary run(String input, RecordingSink sink) {
    return adapter()
        .stream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), sink);
  }

  @Test
  void arbitraryInputNeverThrowsAndEveryRecordIsAccountedFor() {
    qt().withExamples(300)
        .forAll(arbitraryInputs())
        .checkAssert(
            input -> {
              RecordingSink sink = new RecordingSink();
              AdapterSummary summary = run(input, sink);
              assertAccounted(summary, sink);
              assertThat(summary.adapter()).isEqualTo(adapter().name());
            });
  }

  @Test
  void validInputsGiveSignalsAndTheSameResultTwice() {
    for (String input : validInputs()) {
      AdapterResult first = adapter().read(input);
      AdapterResult second = adapter().read(input);
      assertThat(first.signals()).as("signals from %s", input).isNotEmpty();
      assertThat(second).isEqualTo(first);
      assertThat(first.signals()).allSatisfy(s -> assertThat(s.source()).isEqualTo(adapter().name()));
    }
  }

  @Test
  void aFailingStreamIsARejectionNotAnException() {
    String valid = validInputs().get(0);
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    InputStream failing =
        new InputStream() {
          private int pos;

          @Override
          public int read() throws IOException {
            if (pos >= bytes.length / 2) {
              throw new IOException("disk on fire");
            }
            return bytes[pos++];
          }
        };
    RecordingSink sink = new RecordingSink();
    AdapterSummary summary = adapter().stream(failing, sink);
    assertAccounted(summary, sink);
    assertThat(sink.rejections)
        .anySatisfy(r -> assertThat(r.reason()).isEqualTo(RejectionReason.IO_ERROR));
  }

  @Test
  void emptyInputHasNoRecords() {
    RecordingSink sink = new RecordingSink();
    AdapterSummary summary = run("", sink);
    assertThat(summary.recordsSeen()).isZero();
  }
}
