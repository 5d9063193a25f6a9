package io.advocacy.examples.scenarios;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.SignalId;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.IssueResult;
import io.advocacy.core.reward.RewardReason;
import io.advocacy.core.reward.RewardRequest;
import io.advocacy.core.reward.RewardValue;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.AdvocacyEngine;
import io.advocacy.scoring.score.ScoringModels;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario: a healthcare provider's patient-ambassador programme under anti-inducement rules.
 *
 * <p>Two patients answer NPS 10 and are invited to refer; a friend of each books a first
 * appointment. The playbook's referral reward is a USD 25 gift card. Pat is a government
 * health-programme beneficiary ({@link RegulatoryFlag#GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY}):
 * the default compliance rules forbid cash and cash equivalents to her, so the engine records
 * the gift card as blocked and issues a non-monetary recognition instead. Kim is not a
 * beneficiary, and her gift card is issued.
 *
 * <p>Then the clinic thanks Pat with ambassador merchandise. Non-cash items are held to nominal
 * value (default USD 15 per item and USD 75 per calendar year, after the US HHS-OIG policy
 * statement of December 2016): a USD 20 tote bag is refused, USD 14 mugs are issued until the
 * year's total would pass USD 75.
 *
 * <p>Run it with {@code java -cp advocacy-examples/target/advocacy.jar
 * io.advocacy.examples.scenarios.HealthcarePatientAmbassadors}.
 *
 * <p>Not thread-safe: a program to read and run.
 */
public final class HealthcarePatientAmbassadors {
  /** 15:00 UTC: outside quiet hours for patients on UTC. */
  static final Instant T0 = Instant.parse("2027-03-01T15:00:00Z");

  private HealthcarePatientAmbassadors() {}

  /**
   * What the scenario ended with.
   *
   * @param referralRewards the rewards of the two conversions, as {@code customer kind value
   *     status [reasons]} with {@code (fallback)} on the recognition issued instead
   * @param merchandise the merchandise requests for Pat, as {@code value status [reasons]}
   * @param ledgerEntries what the ledger holds at the end, as {@code customer type kind value}
   */
  public record Result(List<String> referralRewards, List<String> merchandise,
      List<String> ledgerEntries) {
    /**
     * Copies the lists.
     *
     * @param referralRewards the referral rewards
     * @param merchandise the merchandise requests
     * @param ledgerEntries the ledger's entries
     */
    public Result {
      referralRewards = List.copyOf(referralRewards);
      merchandise = List.copyOf(merchandise);
      ledgerEntries = List.copyOf(ledgerEntries);
    }
  }

  /**
   * Runs the scenario and prints its account.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the scenario.
   *
   * @param out where the account is printed
   * @return what it ended with
   */
  public static Result run(PrintStream out) {
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    InstantSource clock = now::get;

    // The regulatory flag is part of the profile your system of record supplies.
    CustomerId pat = CustomerId.of("c-pat");
    CustomerId kim = CustomerId.of("c-kim");
    Map<CustomerId, CustomerProfile> patients = Map.of(
        pat, patient(pat).flag(RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY).build(),
        kim, patient(kim).build());

    // The engine's default reward service checks CompliancePolicy.defaults() before issuing
    // anything, and falls back to recognition when a reward is denied (see
    // AdvocacyEngine.Builder#noRecognitionFallback to turn that off).
    AdvocacyEngine engine = AdvocacyEngine.builder(clock,
            id -> patients.getOrDefault(id, CustomerProfile.builder(id).build()))
        .scoringModel(ScoringModels.forIndustry(Industry.HEALTHCARE))
        .playbook()
        .build();

    out.println("== Promoters are invited to refer");
    for (CustomerId p : List.of(pat, kim)) {
      Signal nps = Signal.nps(SignalId.of("nps-" + p.value()), p, T0, 10);
      EngineLog.print(out, nps, engine.ingest(nps));
    }

    out.println();
    out.println("== A friend of each books a first appointment");
    now.set(T0.plus(Duration.ofDays(9)));
    List<String> referralRewards = new ArrayList<>();
    for (CustomerId p : List.of(pat, kim)) {
      Signal converted = Signal.of(SignalId.of("conv-" + p.value()), p,
          SignalType.REFERRAL_CONVERTED, now.get(), 1);
      AdvocacyEngine.Outcome o = engine.ingest(converted);
      EngineLog.print(out, converted, o);
      // Outcome.rewards() lists the reward asked for and, when it was denied, the fallback.
      for (AdvocacyEngine.RewardOutcome r : o.rewards()) {
        referralRewards.add(p.value() + " " + r.request().kind() + " " + r.request().value()
            + " " + describe(r.result()) + (r.fallback() ? " (fallback)" : ""));
      }
    }

    // Ambassador merchandise, requested from the reward service directly. SWAG is valued at its
    // retail value and is not a cash equivalent, so the nominal-value limits decide it.
    out.println();
    out.println("== Ambassador merchandise for Pat (nominal value: 15 USD per item, 75 a year)");
    now.set(T0.plus(Duration.ofDays(30)));
    List<String> merchandise = new ArrayList<>();
    List<String> items = List.of("20.00", "14.00", "14.00", "14.00", "14.00", "14.00", "14.00");
    for (int i = 0; i < items.size(); i++) {
      RewardRequest swag = RewardRequest.builder("swag-pat-" + i, patients.get(pat), "US")
          .kind(IncentiveKind.SWAG).value(RewardValue.of(Money.of(items.get(i), "USD")))
          .reason(RewardReason.of(Motion.COMMUNITY))
          .requestedAt(now.get().plus(Duration.ofDays(i)))
          .build();
      IssueResult result = engine.rewards().request(swag);
      String line = swag.value() + " " + describe(result);
      merchandise.add(line);
      out.println("    " + swag.idempotencyKey() + " " + line);
    }

    // The ledger holds what was issued, and nothing that was blocked.
    List<String> ledger = engine.rewards().ledger().entries().stream()
        .map(e -> e.payee().value() + " " + e.type() + " "
            + engine.rewards().ledger().find(e.rewardId()).orElseThrow().request().kind() + " "
            + e.value())
        .toList();
    out.println();
    out.println("ledger: " + ledger);
    return new Result(referralRewards, merchandise, ledger);
  }

  private static CustomerProfile.Builder patient(CustomerId id) {
    return CustomerProfile.builder(id).industry(Industry.HEALTHCARE)
        .consent(ContactChannel.EMAIL, Consent.grantedAt(Instant.parse("2026-01-01T00:00:00Z")));
  }

  private static String describe(IssueResult result) {
    List<String> reasons = result.decision().reasons().stream()
        .filter(r -> r.denies()).map(r -> r.code().name()).toList();
    return result.status() + (reasons.isEmpty() ? "" : " " + reasons);
  }
}
