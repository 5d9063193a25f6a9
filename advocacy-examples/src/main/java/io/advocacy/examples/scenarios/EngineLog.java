package io.advocacy.examples.scenarios;

import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.ActionRequest;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.journeys.AskDecision;
import io.advocacy.journeys.AuditEntry;
import io.advocacy.journeys.Step;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Prints what one {@link AdvocacyEngine#ingest} or {@link AdvocacyEngine#tick} call did, one
 * short line per fact, so the scenarios read as a story. Not thread-safe.
 */
final class EngineLog {
  private EngineLog() {}

  /** Prints the signal given to the engine, then everything the engine did with it. */
  static void print(PrintStream out, Signal signal, AdvocacyEngine.Outcome outcome) {
    out.println(signal.occurredAt() + "  " + signal.subject().asText() + " " + signal.type()
        + " " + (long) signal.value());
    print(out, outcome);
  }

  /** Prints what the engine did: derived signals, transitions, asks, rewards, actions. */
  static void print(PrintStream out, AdvocacyEngine.Outcome outcome) {
    // with several customers in one call, say whose journey and ask each line is about
    boolean many = outcome.steps().stream().map(s -> s.instance().customer()).distinct()
        .count() > 1;
    for (Signal s : outcome.signals()) {
      String who = many ? " (" + s.subject().asText() + ")" : "";
      // derived signals: what qualification concluded (a new tier, a motion now eligible)
      if (s.type() == SignalType.ADVOCATE_TIER_CHANGED) {
        out.println("    tier" + who + " " + s.attribute("from_tier").orElse("?") + " -> "
            + s.attribute("to_tier").orElse("?"));
      } else if (s.type() == SignalType.MOTION_ELIGIBILITY_CHANGED) {
        out.println("    " + (s.value() == 1 ? "now eligible for " : "no longer eligible for ")
            + s.attribute("motion").orElse("?") + who);
      }
    }
    // Journeys one signal starts for a customer are listed by journey id: the engine starts
    // them in an order that can differ from one JVM run to the next.
    List<Step> steps = new ArrayList<>(outcome.steps());
    for (int from = 0; from < steps.size(); ) {
      int to = from;
      while (to < steps.size() && starts(steps.get(to))
          && steps.get(to).instance().customer().equals(steps.get(from).instance().customer())) {
        to++;
      }
      steps.subList(from, to).sort(Comparator.comparing(st -> st.instance().journey().value()));
      from = Math.max(to, from + 1);
    }
    for (Step step : steps) {
      for (AuditEntry e : step.audit()) {
        out.println("    journey " + step.instance().journey()
            + (many ? " (" + step.instance().customer().value() + ")" : "") + ": " + e.from()
            + " -> " + e.to()
            + " (" + e.trigger() + ")");
      }
    }
    for (AskDecision d : outcome.asks()) {
      out.println("    ask " + d.action().name()
          + (many ? " (" + d.action().customer().value() + ")" : "") + ": " + d.outcome()
          + (d.decision() == null ? " " + d.problem() : reasons(d)));
    }
    for (AdvocacyEngine.RewardOutcome r : outcome.rewards()) {
      out.println("    reward " + r.request().kind() + " " + r.request().value() + ": "
          + r.result().status() + (r.fallback() ? " (fallback)" : "")
          + (r.result().decision().reasons().isEmpty() ? "" : " " + r.result().decision()
              .reasons().stream().map(x -> x.code().name()).toList()));
    }
    for (ActionRequest a : outcome.handled()) {
      out.println("    action " + a.name() + (many ? " (" + a.customer().value() + ")" : "")
          + " [" + a.kind() + "] " + new TreeMap<>(a.params())); // sorted: same every run
    }
  }

  private static boolean starts(Step step) {
    return !step.audit().isEmpty() && step.audit().get(0).from().equals("(start)");
  }

  private static String reasons(AskDecision d) {
    var decision = java.util.Objects.requireNonNull(d.decision());
    List<String> codes = decision.reasons().stream().map(r -> r.code().name()).toList();
    return (decision.deferredUntil() != null ? " until " + decision.deferredUntil() : "")
        + (codes.isEmpty() ? "" : " " + codes);
  }
}
