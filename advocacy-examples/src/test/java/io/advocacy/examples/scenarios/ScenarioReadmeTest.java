package io.advocacy.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's scenario section lists every scenario, and the output it shows is real. */
class ScenarioReadmeTest {
  static final List<String> SCENARIOS = List.of("B2bSaasLadder", "TelcoRecoveryAndReferral",
      "EcommerceReviewsAndLoyalty", "HealthcarePatientAmbassadors", "CustomWebhookAdapter");

  static String section() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### Scenario examples");
    assertThat(start).as("README section").isNotNegative();
    int end = readme.indexOf("\n## ", start);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void everyScenarioIsListed() throws Exception {
    String section = section();
    for (String s : SCENARIOS) {
      assertThat(section).contains("- `" + s + "`");
    }
  }

  @Test
  void theOutputShownIsWhatTheProgramPrints() throws Exception {
    Matcher m = Pattern.compile("\\$ java -cp advocacy-examples/target/advocacy.jar "
        + "io\\.advocacy\\.examples\\.scenarios\\.(\\w+)\\n(.*?)```", Pattern.DOTALL)
        .matcher(section());
    assertThat(m.find()).as("a command with its output").isTrue();
    Method run = Class.forName("io.advocacy.examples.scenarios." + m.group(1))
        .getMethod("run", PrintStream.class);
    Printed<Object> printed = Printed.of(out -> {
      try {
        return run.invoke(null, out);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(printed.text()).isEqualTo(m.group(2));
  }
}
