package io.advocacy.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top command of {@code advocacy.jar}. Each subcommand is a class of this package.
 *
 * <p>Bad user input (a missing file, an unknown model or format, unusable input) ends in one
 * clear {@code error: …} line on standard error and exit code 2, never a stack trace. A command
 * that ran but found problems (rows rejected, each listed on standard error with its line,
 * field and reason; an invalid journey) exits with 1; success with 0.
 *
 * <p>Subcommands: {@code nps}, {@code attribute}, {@code score}, {@code journey validate |
 * diagram | run}; each has {@code --help} describing its input formats.
 */
@Command(
    name = "advocacy",
    mixinStandardHelpOptions = true,
    version = "advocacy 0.1.0-SNAPSHOT",
    description = "The Advocacy SDK's demo and tools over your own files.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      NpsCommand.class,
      AttributeCommand.class,
      ScoreCommand.class,
      JourneyCommand.class
    })
public final class AdvocacyCli {

  /** Exit code for bad user input. */
  public static final int EXIT_USAGE = 2;

  /** Not instantiated by callers; picocli creates it. */
  AdvocacyCli() {}

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the tool with the given streams, for tests and embedding.
   *
   * @param out standard output
   * @param err standard error
   * @param args the command line
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  /**
   * The configured command line: every subcommand, and errors as one line.
   *
   * @return a new command line
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new AdvocacyCli());
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine failed = ex.getCommandLine();
          String message = String.valueOf(ex.getMessage()).replaceFirst("^Error: ", "");
          failed.getErr().println("error: " + message + " (see '"
              + failed.getCommandSpec().qualifiedName() + " --help')");
          failed.getErr().flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, line, parseResult) -> {
          line.getErr().println("error: " + ex.getMessage());
          line.getErr().flush();
          return EXIT_USAGE;
        });
    return cli;
  }
}
