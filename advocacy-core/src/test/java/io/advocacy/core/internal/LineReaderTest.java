package io.advocacy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  /** One line as read: its text, or its oversize byte count. */
  record Line(long number, String text, long oversizeBytes) {
    static Line of(long number, String text) {
      return new Line(number, text, 0);
    }

    static Line oversize(long number, long bytes) {
      return new Line(number, "", bytes);
    }
  }

  /** Hands out at most {@code chunk} bytes per read, to move line ends across fills. */
  static InputStream trickle(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  static List<Line> readAll(InputStream in, int max) {
    try {
      LineReader reader = new LineReader(in, max);
      List<Line> lines = new ArrayList<>();
      while (reader.next()) {
        if (reader.oversize()) {
          assertThat(reader.length()).isZero();
          lines.add(Line.oversize(reader.lineNumber(), reader.oversizeBytes()));
        } else {
          lines.add(
              Line.of(
                  reader.lineNumber(),
                  new String(
                      reader.buffer(), reader.start(), reader.length(), StandardCharsets.UTF_8)));
        }
      }
      assertThat(reader.next()).as("stays at the end").isFalse();
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Line> readAll(String text, int max) {
    return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void splitsOnLfAndCrLf() {
    assertThat(readAll("a\nbb\r\nccc\n", 100))
        .containsExactly(Line.of(1, "a"), Line.of(2, "bb"), Line.of(3, "ccc"));
  }

  @Test
  void lastLineWithoutNewline() {
    assertThat(readAll("a\nlast", 100)).containsExactly(Line.of(1, "a"), Line.of(2, "last"));
    assertThat(readAll("a\r\nlast\r", 100)).containsExactly(Line.of(1, "a"), Line.of(2, "last"));
    assertThat(readAll("", 100)).isEmpty();
  }

  @Test
  void blankLinesAreLines() throws IOException {
    assertThat(readAll("\n\r\n \t\nx\n\n", 100))
        .containsExactly(
            Line.of(1, ""), Line.of(2, ""), Line.of(3, " \t"), Line.of(4, "x"), Line.of(5, ""));
    LineReader reader = new LineReader(new ByteArrayInputStream(" \t\nx\n".getBytes(StandardCharsets.UTF_8)), 10);
    assertThat(reader.next()).isTrue();
    assertThat(reader.blank()).isTrue();
    assertThat(reader.next()).isTrue();
    assertThat(reader.blank()).isFalse();
  }

  @Test
  void lineExactlyAtTheLimitVersusOneByteOver() {
    String ten = "0123456789";
    assertThat(readAll(ten + "\n" + ten + "X\nnext\n", 10))
        .containsExactly(Line.of(1, ten), Line.oversize(2, 11), Line.of(3, "next"));
    assertThat(readAll(ten + "\r\n" + ten + "X\r\nnext", 10))
        .containsExactly(Line.of(1, ten), Line.oversize(2, 11), Line.of(3, "next"));
    // Multi-byte characters count in bytes: "é" is two.
    assertThat(readAll("ééééé\néééééx\nz", 10))
        .containsExactly(Line.of(1, "ééééé"), Line.oversize(2, 11), Line.of(3, "z"));
    for (int chunk = 1; chunk <= 13; chunk++) {
      byte[] bytes = (ten + "\r\n" + ten + "X\r\nnext").getBytes(StandardCharsets.UTF_8);
      assertThat(readAll(trickle(bytes, chunk), 10))
          .as("chunk %d", chunk)
          .containsExactly(Line.of(1, ten), Line.oversize(2, 11), Line.of(3, "next"));
    }
  }

  @Test
  void oversizeLastLineWithoutNewline() {
    assertThat(readAll("ok\n" + "y".repeat(50), 10))
        .containsExactly(Line.of(1, "ok"), Line.oversize(2, 50));
    // Regression: a last line exactly one byte over the limit was returned whole.
    assertThat(readAll("ok\n" + "y".repeat(11), 10))
        .containsExactly(Line.of(1, "ok"), Line.oversize(2, 11));
    assertThat(readAll("ok\n" + "y".repeat(11) + "\r", 10))
        .containsExactly(Line.of(1, "ok"), Line.oversize(2, 11));
    assertThat(readAll("ok\n" + "y".repeat(10), 10))
        .containsExactly(Line.of(1, "ok"), Line.of(2, "y".repeat(10)));
  }

  @Test
  void lineLongerThanTheBufferIsSkippedAndCounted() {
    String huge = "h".repeat(200_000);
    assertThat(readAll("first\n" + huge + "\nafter\n", 1000))
        .containsExactly(Line.of(1, "first"), Line.oversize(2, 200_000), Line.of(3, "after"));
    for (int chunk : new int[] {1, 7, 4096, 65_536, 1 << 20}) {
      byte[] bytes = ("first\r\n" + huge + "\r\nafter").getBytes(StandardCharsets.UTF_8);
      assertThat(readAll(trickle(bytes, chunk), 1000))
          .as("chunk %d", chunk)
          .containsExactly(Line.of(1, "first"), Line.oversize(2, 200_000), Line.of(3, "after"));
    }
  }

  @Test
  void longLinesWithinALargeLimitAreReturnedWhole() {
    String big = "b".repeat(100_000);
    assertThat(readAll(trickle((big + "\n" + big + "c\nx").getBytes(StandardCharsets.UTF_8), 8192), 100_000))
        .containsExactly(Line.of(1, big), Line.oversize(2, 100_001), Line.of(3, "x"));
  }

  @Test
  void rejectsANonPositiveLimit() {
    assertThatThrownBy(() -> new LineReader(InputStream.nullInputStream(), 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLineBytes must be at least 1: 0");
  }

  /**
   * For random text with random line lengths and terminators, read in random chunk sizes, the
   * reader returns the lines the text splits into, numbered consecutively, with oversize
   * lines reported by their byte count.
   */
  @Test
  void readsWhatTheTextSplitsInto() {
    qt().forAll(
            lists().of(strings().betweenCodePoints(0x20, 0x7ff).ofLengthBetween(0, 40)).ofSizeBetween(0, 30),
            lists().of(booleans().all()).ofSizeBetween(30, 30),
            integers().between(1, 64),
            integers().between(1, 50))
        .checkAssert(
            (lines, crlf, chunk, max) -> {
              StringBuilder text = new StringBuilder();
              for (int i = 0; i < lines.size(); i++) {
                text.append(lines.get(i)).append(crlf.get(i) ? "\r\n" : "\n");
              }
              // Sometimes leave the last line unterminated.
              String input = !lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty() && crlf.get(0)
                  ? text.substring(0, text.length() - (crlf.get(lines.size() - 1) ? 2 : 1))
                  : text.toString();
              List<String> expectedTexts = new ArrayList<>(List.of(input.split("\r?\n", -1)));
              if (input.isEmpty() || input.endsWith("\n")) {
                expectedTexts.remove(expectedTexts.size() - 1);
              }
              List<Line> expected = new ArrayList<>();
              for (int i = 0; i < expectedTexts.size(); i++) {
                String line = expectedTexts.get(i);
                int bytes = line.getBytes(StandardCharsets.UTF_8).length;
                expected.add(bytes > max ? Line.oversize(i + 1, bytes) : Line.of(i + 1, line));
              }
              assertThat(readAll(trickle(input.getBytes(StandardCharsets.UTF_8), chunk), max))
                  .isEqualTo(expected);
            });
  }
}
