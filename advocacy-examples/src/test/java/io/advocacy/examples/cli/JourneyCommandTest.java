package io.advocacy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyCommandTest {
  @TempDir Path dir;

  private static final String REVIEW = CliRun.sample("review-request.json");
  private static final String SIGNALS = CliRun.sample("review-signals.ndjson");

  @Test
  void validJourney() {
    CliRun r = CliRun.of("journey", "validate", REVIEW);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("valid: journey review-request v1, 5 states, 5 transitions\n");
  }

  @Test
  void invalidJourneyListsEveryProblemWithItsPointer() {
    CliRun r = CliRun.of("journey", "validate", CliRun.sample("broken-journey.json"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("invalid: 5 problems\n"
        + "/transitions/1: unknown_state: state thanked is not declared\n"
        + "/transitions/2: timer_on_terminal: terminal state reviewed has a timer: after PT24H\n"
        + "/transitions/1: ambiguous: two unguarded transitions from invited on review_posted\n"
        + "/states/2: unreachable: state forgotten cannot be reached from invited\n"
        + "/states/2: dead_end: non-terminal state forgotten has no way out\n");
  }

  @Test
  void documentProblemsKeepTheirPointers() {
    Path f = CliRun.write(dir, "j.json", "{\"id\":\"j\",\"version\":0,\"start\":\"a\","
        + "\"states\":[{\"name\":\"Bad Name\"}],\"colour\":\"red\"}");
    CliRun r = CliRun.of("journey", "validate", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("invalid: 3 problems\n")
        .contains("/colour", "/version: needs a whole number of at least 1",
            "/states/0/name: 'Bad Name' is not a machine name");
    CliRun notJson = CliRun.of("journey", "validate",
        CliRun.write(dir, "n.json", "{nope").toString());
    assertThat(notJson.exit()).isEqualTo(1);
    assertThat(notJson.out()).startsWith("invalid: 1 problem\n(document): not JSON: ");
  }

  @Test
  void mermaidDiagram() {
    CliRun r = CliRun.of("journey", "diagram", REVIEW);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("stateDiagram-v2\n"
        + "  [*] --> invited\n"
        + "  invited : entry / ask_review\n"
        + "  reminded : entry / remind_review\n"
        + "  invited --> reviewed : on review_posted / thank_reviewer{points=50}\n"
        + "  invited --> reminded : after PT72H\n"
        + "  invited --> exited : on complaint_opened\n"
        + "  reminded --> reviewed : on review_posted / thank_reviewer{points=50}\n"
        + "  reminded --> lapsed : after PT168H\n"
        + "  reminded --> exited : on complaint_opened\n"
        + "  reviewed --> [*]\n"
        + "  lapsed --> [*]\n"
        + "  exited --> [*]\n");
  }

  @Test
  void dotDiagramAndBadFormat() {
    CliRun r = CliRun.of("journey", "diagram", REVIEW, "--format", "dot");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("digraph \"review-request v1\" {\n")
        .contains("  \"invited\" -> \"reminded\" [label=\"after PT72H\"];\n").endsWith("}\n");
    CliRun bad = CliRun.of("journey", "diagram", REVIEW, "--format", "svg");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("error: unknown format 'svg'; use one of mermaid, dot\n");
    CliRun invalid = CliRun.of("journey", "diagram", CliRun.sample("broken-journey.json"));
    assertThat(invalid.exit()).isEqualTo(2);
    assertThat(invalid.err()).isEqualTo("error: " + CliRun.sample("broken-journey.json")
        + " is not a valid journey (5 problems; first: /transitions/1: unknown_state: state "
        + "thanked is not declared); see 'journey validate'\n");
  }

  // c-ada reviews within a day; c-bo's three-day timer fires at 03-04T12:00 (before c-bo's
  // review on 03-06), so c-bo is reminded first; c-cy complains and leaves by the global exit.
  @Test
  void runShowsStatesActionsAndIdempotencyKeysWithTimersInTimeOrder() {
    CliRun r = CliRun.of("journey", "run", REVIEW, "--signals", SIGNALS, "--action",
        "ask_review=ask", "--action", "thank_reviewer=issue_reward");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "journey review-request v1, entered on purchase_completed\n"
            + "2026-03-01T10:00:00Z  c-ada  (start) -> invited  (on purchase_completed)\n"
            + "    action ask_review [ask]  key review-request:c-ada:r1:entry:0\n"
            + "2026-03-01T12:00:00Z  c-bo  (start) -> invited  (on purchase_completed)\n"
            + "    action ask_review [ask]  key review-request:c-bo:r1:entry:0\n"
            + "2026-03-02T18:00:00Z  c-ada  invited -> reviewed  (on review_posted)\n"
            + "    action thank_reviewer [issue_reward] {points=50}  key "
            + "review-request:c-ada:r2:t0:0\n"
            + "2026-03-03T09:00:00Z  c-cy  (start) -> invited  (on purchase_completed)\n"
            + "    action ask_review [ask]  key review-request:c-cy:r1:entry:0\n"
            + "2026-03-04T09:00:00Z  c-cy  invited -> exited  (on complaint_opened)\n"
            + "2026-03-04T12:00:00Z  c-bo  invited -> reminded  (after PT72H)\n"
            + "    action remind_review [custom]  key review-request:c-bo:r2:entry:0\n"
            + "2026-03-06T20:00:00Z  c-bo  reminded -> reviewed  (on review_posted)\n"
            + "    action thank_reviewer [issue_reward] {points=50}  key "
            + "review-request:c-bo:r3:t2:0\n"
            + "\n"
            + "customer states:\n"
            + "  c-ada  reviewed (ended), goals reviewed\n"
            + "  c-bo  reviewed (ended), goals reviewed\n"
            + "  c-cy  exited (ended)\n");
  }

  @Test
  void untilFiresTheTimersLeftAfterTheLastSignal() {
    Path signals = CliRun.write(dir, "s.ndjson", "{\"id\":\"p\",\"customer\":\"c-1\","
        + "\"type\":\"purchase_completed\",\"at\":\"2026-03-01T00:00:00Z\",\"value\":1}\n");
    CliRun without = CliRun.of("journey", "run", REVIEW, "--signals", signals.toString());
    assertThat(without.out()).endsWith(
        "  c-1  invited, next timer 2026-03-04T00:00:00Z\n");
    CliRun with = CliRun.of("journey", "run", REVIEW, "--signals", signals.toString(),
        "--until", "2026-04-01T00:00:00Z");
    assertThat(with.out()).contains(
        "2026-03-04T00:00:00Z  c-1  invited -> reminded  (after PT72H)\n"
            + "    action remind_review [custom]  key review-request:c-1:r2:entry:0\n"
            + "2026-03-11T00:00:00Z  c-1  reminded -> lapsed  (after PT168H)\n")
        .endsWith("  c-1  lapsed (ended)\n");
  }

  @Test
  void guardsAnswerAsToldAndSaySoWhenAssumed() {
    Path journey = CliRun.write(dir, "g.json", "{\"id\":\"g\",\"version\":1,\"start\":\"a\","
        + "\"states\":[{\"name\":\"a\"},{\"name\":\"b\",\"terminal\":true},"
        + "{\"name\":\"c\",\"terminal\":true}],\"transitions\":["
        + "{\"from\":\"a\",\"to\":\"b\",\"trigger\":{\"signal\":\"review_posted\"},"
        + "\"guard\":{\"name\":\"is_vip\"}},"
        + "{\"from\":\"a\",\"to\":\"c\",\"trigger\":{\"signal\":\"review_posted\"}}]}");
    Path signals = CliRun.write(dir, "s.ndjson", "{\"id\":\"r\",\"customer\":\"c-1\","
        + "\"type\":\"review_posted\",\"at\":\"2026-03-01T00:00:00Z\",\"value\":5}\n");
    CliRun assumed = CliRun.of("journey", "run", journey.toString(), "--signals",
        signals.toString());
    assertThat(assumed.out()).startsWith("journey g v1, started by each customer's first "
        + "signal\nguards assumed true (not given with --guard): is_vip\n")
        .contains("c-1  a -> b  (on review_posted)").endsWith("  c-1  b (ended)\n");
    CliRun no = CliRun.of("journey", "run", journey.toString(), "--signals",
        signals.toString(), "--guard", "is_vip=false");
    assertThat(no.out()).doesNotContain("assumed").contains("c-1  a -> c  (on review_posted)");
    CliRun bad = CliRun.of("journey", "run", journey.toString(), "--signals",
        signals.toString(), "--guard", "is_vip=maybe");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo("error: --guard is_vip=maybe: the value must be true or false\n");
  }

  @Test
  void badInput() {
    CliRun missing = CliRun.of("journey", "validate", "nowhere.json");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: file not found: nowhere.json\n");
    CliRun noSignals = CliRun.of("journey", "run", REVIEW);
    assertThat(noSignals.exit()).isEqualTo(2);
    assertThat(noSignals.err()).startsWith("error: Missing required option: "
        + "'--signals=SIGNALS.ndjson'").hasLineCount(1);
    CliRun kind = CliRun.of("journey", "run", REVIEW, "--signals", SIGNALS, "--action",
        "ask_review=email");
    assertThat(kind.err()).isEqualTo("error: --action ask_review=email: unknown kind; use "
        + "ask, issue_reward, create_crm_task, notify_owner, set_variable or custom\n");
    CliRun none = CliRun.of("journey");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).isEqualTo("error: journey needs a subcommand: validate, diagram or "
        + "run (see 'advocacy journey --help')\n");
    Path badSignals = CliRun.write(dir, "b.ndjson", SIGNAL_OK + "{\"id\":\"x\"}\n");
    CliRun rejected = CliRun.of("journey", "run", REVIEW, "--signals", badSignals.toString());
    assertThat(rejected.exit()).isEqualTo(1);
    assertThat(rejected.err()).startsWith("line 2, ");
  }

  private static final String SIGNAL_OK = "{\"id\":\"p\",\"customer\":\"c-1\","
      + "\"type\":\"purchase_completed\",\"at\":\"2026-03-01T00:00:00Z\",\"value\":1}\n";
}
