package io.advocacy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every command of the README's command-line section (from the module directory, as the
 * README says) and checks it prints exactly what the README shows.
 */
class ReadmeCommandsTest {
  private static final String PROMPT = "$ java -jar target/advocacy.jar ";

  @Test
  void everyReadmeCommandPrintsWhatTheReadmeShows() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("## Command-line tool (`advocacy.jar`)");
    assertThat(start).as("README section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end);
    Matcher blocks = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(section);
    int commands = 0;
    while (blocks.find()) {
      List<String> lines = blocks.group(1).lines().toList();
      int i = 0;
      while (i < lines.size()) {
        if (!lines.get(i).startsWith(PROMPT)) {
          i++;
          continue;
        }
        StringBuilder command = new StringBuilder(lines.get(i).substring(PROMPT.length()));
        while (command.toString().endsWith("\\")) {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines.get(++i).strip());
        }
        i++;
        StringBuilder expected = new StringBuilder();
        while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
          expected.append(lines.get(i++)).append('\n');
        }
        CliRun r = CliRun.of(command.toString().strip().split("\\s+"));
        assertThat(r.out() + r.err()).as(command.toString()).isEqualTo(expected.toString());
        commands++;
      }
    }
    assertThat(commands).as("README commands").isGreaterThanOrEqualTo(8);
  }

  @Test
  void theReadmeShowsOneExamplePerSubcommand() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (String sub : List.of("nps", "attribute", "score", "journey validate",
        "journey diagram", "journey run")) {
      if (!readme.contains(PROMPT + sub + " ")) {
        missing.add(sub);
      }
    }
    assertThat(missing).isEmpty();
  }
}
