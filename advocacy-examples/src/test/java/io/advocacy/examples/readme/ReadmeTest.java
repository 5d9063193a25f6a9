package io.advocacy.examples.readme;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lives in the last module of the build (advocacy-examples) so that every README snippet sees every
 * module. Compiles the README's quick start with the JDK's compiler against the test class path, runs
 * it, and checks that it prints what the README says it prints.
 */
class ReadmeTest {
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
    for (String pkg : publicPackages()) {
      unit.append("import ").append(pkg).append(".*;\n");
    }
    unit.append("import java.time.*;\n")
        .append("import java.util.*;\n")
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

  /** Every package with Java sources in a library module, except the internal ones. */
  private static List<String> publicPackages() throws IOException {
    List<String> packages = new ArrayList<>();
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("advocacy-"))
          .sorted().toList()) {
        Path root = module.resolve("src/main/java");
        if (!Files.isDirectory(root)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(f -> f.toString().endsWith(".java")
                  && !f.getFileName().toString().equals("package-info.java"))
              .map(f -> root.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.'))
              .filter(p -> !p.contains("internal") && !p.contains("benchmarks"))
              .distinct()
              .forEach(p -> {
                if (!packages.contains(p)) {
                  packages.add(p);
                }
              });
        }
      }
    }
    return packages;
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static String runMain(Path dir) throws IOException, ReflectiveOperationException {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeTest.class.getClassLoader())) {
      Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

}
