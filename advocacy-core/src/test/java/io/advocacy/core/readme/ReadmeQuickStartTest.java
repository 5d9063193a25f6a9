package io.advocacy.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the README's quick start with the JDK's compiler against the test class path, runs
 * it, and checks that it prints what the README says it prints.
 */
class ReadmeQuickStartTest {
  private static final Pattern JAVA_BLOCK =
      Pattern.compile("<!-- quickstart[^>]*-->\\s*```java\\n(.*?)```\\s*prints\\s*```\\n(.*?)```",
          Pattern.DOTALL);

  @Test
  void quickStartCompilesRunsAndPrintsWhatTheReadmeSays(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher m = JAVA_BLOCK.matcher(readme);
    assertThat(m.find()).as("README has a quick-start java block followed by its output").isTrue();
    String source = m.group(1);
    String expectedOutput = m.group(2);

    Path file = dir.resolve("QuickStart.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = classPath();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        javac.run(null, null, diagnostics, "-d", dir.toString(), "-cp", classPath, "--release", "17",
            file.toString());
    assertThat(status).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    String printed = runMain(dir);
    assertThat(printed.lines().toList()).isEqualTo(expectedOutput.lines().toList());
  }

  /**
   * The README's other Java snippets are fragments; each is compiled inside a method, with the
   * library's packages imported, so a renamed method breaks the build instead of the reader.
   */
  @Test
  void everyReadmeSnippetCompiles(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    int n = 0;
    StringBuilder unit = new StringBuilder();
    unit.append("import io.advocacy.core.*;\n")
        .append("import io.advocacy.core.adapter.*;\n")
        .append("import io.advocacy.core.contact.*;\n")
        .append("import io.advocacy.core.identity.*;\n")
        .append("import io.advocacy.core.profile.*;\n")
        .append("import io.advocacy.core.signal.*;\n")
        .append("import io.advocacy.core.touchpoint.*;\n")
        .append("import java.time.*;\n")
        .append("class Snippets {\n");
    while (m.find()) {
      String code = m.group(1);
      if (code.startsWith("import")) {
        continue; // the quick start is a whole program, compiled and run above
      }
      unit.append("  void snippet").append(n++).append("(SignalAdapter myOwnWebhookAdapter) {\n")
          .append(code).append("  }\n");
    }
    unit.append("}\n");
    assertThat(n).as("README fragments").isGreaterThanOrEqualTo(3);
    Path file = dir.resolve("Snippets.java");
    Files.writeString(file, unit.toString(), StandardCharsets.UTF_8);
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, diagnostics, "-d", dir.toString(), "-cp", classPath(), "--release",
                "17", file.toString());
    assertThat(status).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static String runMain(Path dir) throws IOException, ReflectiveOperationException {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeQuickStartTest.class.getClassLoader())) {
      Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

}
