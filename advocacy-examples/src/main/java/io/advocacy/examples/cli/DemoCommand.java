package io.advocacy.examples.cli;

import io.advocacy.examples.demo.Demo;
import io.advocacy.examples.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code advocacy demo}: a seeded year of a sample population through the whole playbook. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a seeded sample population, runs a year of its signals through the "
          + "AdvocacyEngine with the ready-made playbook, prints a summary and writes the HTML "
          + "report."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--customers", defaultValue = "10000",
      description = "Population size (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", defaultValue = "advocacy-report.html",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  @Override
  public Integer call() {
    if (customers < 1) {
      throw new UsageException("--customers " + customers + " is below 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet) {
      err.printf("Simulating a year of %,d customers (seed %d)...%n", customers, seed);
      err.flush();
    }
    Demo.Result result = Demo.run(new Demo.Options(customers, seed), quiet ? null : err);
    out.print(result.summary());
    HtmlReport.write(result.report(), report);
    out.println();
    out.println("Report written to " + report);
    out.flush();
    return 0;
  }
}
