package io.advocacy.examples.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs a scenario into a buffer and keeps what it printed beside what it returned. */
record Printed<R>(R result, String text) {
  static <R> Printed<R> of(Function<PrintStream, R> scenario) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    R result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = scenario.apply(out);
    }
    return new Printed<>(result, bytes.toString(StandardCharsets.UTF_8));
  }
}
