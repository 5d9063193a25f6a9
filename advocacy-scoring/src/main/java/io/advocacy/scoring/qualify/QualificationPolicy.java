package io.advocacy.scoring.qualify;

import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tier thresholds and, per motion, the rules a customer must pass to be invited. A programme
 * may use its own policy. {@link #defaults()}:
 *
 * <table>
 *   <caption>Default eligibility rules</caption>
 *   <tr><th>motion</th><th>rules</th></tr>
 *   <tr><td>review</td><td>a purchase, stay or visit within 30 days; no open complaint</td></tr>
 *   <tr><td>social share, community</td><td>at least PROMOTER; no open complaint</td></tr>
 *   <tr><td>referral</td><td>latest NPS ≥ 9 or latest CSAT ≥ 4; consent on e-mail, SMS or
 *       in-app; no open complaint</td></tr>
 *   <tr><td>testimonial, beta access</td><td>at least ADVOCATE; no open complaint</td></tr>
 *   <tr><td>reference call</td><td>at least ADVOCATE; customer for ≥ 180 days; account value
 *       ≥ 10,000 USD; no open complaint</td></tr>
 *   <tr><td>case study</td><td>at least ADVOCATE; a measured outcome on record; no open
 *       complaint</td></tr>
 *   <tr><td>advisory board, event speaking</td><td>CHAMPION; customer for ≥ 180 days; no
 *       open complaint</td></tr>
 * </table>
 *
 * <p>Every motion also requires the customer not to be marked do-not-contact.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param thresholds the tier thresholds
 * @param rules the rules per motion, every motion present (an empty list always passes)
 */
public record QualificationPolicy(
    TierThresholds thresholds, Map<Motion, List<EligibilityRule>> rules) {
  /**
   * Validates and copies the policy.
   *
   * @param thresholds the tier thresholds
   * @param rules the rules per motion
   * @throws IllegalArgumentException if a motion has no entry
   */
  public QualificationPolicy {
    Objects.requireNonNull(thresholds, "thresholds");
    EnumMap<Motion, List<EligibilityRule>> copy = new EnumMap<>(Motion.class);
    for (Motion m : Motion.values()) {
      List<EligibilityRule> list = rules.get(m);
      if (list == null) {
        throw new IllegalArgumentException("qualification policy has no rules for " + m);
      }
      copy.put(m, List.copyOf(list));
    }
    rules = Collections.unmodifiableMap(copy);
  }

  /**
   * The default policy described above.
   *
   * @return the policy
   */
  public static QualificationPolicy defaults() {
    Map<Motion, List<EligibilityRule>> r = new LinkedHashMap<>();
    EligibilityRule calm = Conditions.noOpenComplaint();
    EligibilityRule tenure = Conditions.customerForAtLeastDays(180);
    r.put(Motion.REVIEW, List.of(Conditions.recentExperience(Duration.ofDays(30)), calm));
    r.put(Motion.SOCIAL_SHARE, List.of(Conditions.tierAtLeast(AdvocateTier.PROMOTER), calm));
    r.put(Motion.COMMUNITY, List.of(Conditions.tierAtLeast(AdvocateTier.PROMOTER), calm));
    r.put(Motion.REFERRAL, List.of(Conditions.promoterOrSatisfied(9, 4),
        Conditions.consentOnAnyOf(ContactChannel.EMAIL, ContactChannel.SMS,
            ContactChannel.IN_APP), calm));
    r.put(Motion.TESTIMONIAL, List.of(Conditions.tierAtLeast(AdvocateTier.ADVOCATE), calm));
    r.put(Motion.BETA_ACCESS, List.of(Conditions.tierAtLeast(AdvocateTier.ADVOCATE), calm));
    r.put(Motion.REFERENCE_CALL, List.of(Conditions.tierAtLeast(AdvocateTier.ADVOCATE), tenure,
        Conditions.accountValueAtLeast(Money.of("10000", "USD")), calm));
    r.put(Motion.CASE_STUDY, List.of(Conditions.tierAtLeast(AdvocateTier.ADVOCATE),
        Conditions.outcomeOnRecord(), calm));
    r.put(Motion.ADVISORY_BOARD, List.of(Conditions.tierAtLeast(AdvocateTier.CHAMPION), tenure,
        calm));
    r.put(Motion.EVENT_SPEAKING, List.of(Conditions.tierAtLeast(AdvocateTier.CHAMPION), tenure,
        calm));
    return new QualificationPolicy(TierThresholds.DEFAULTS, r).withEveryMotion(
        Conditions.notDoNotContact());
  }

  /**
   * This policy with other thresholds.
   *
   * @param newThresholds the thresholds
   * @return the new policy
   */
  public QualificationPolicy withThresholds(TierThresholds newThresholds) {
    return new QualificationPolicy(newThresholds, rules);
  }

  /**
   * This policy with a motion's rules replaced.
   *
   * @param motion the motion
   * @param motionRules its rules
   * @return the new policy
   */
  public QualificationPolicy withRules(Motion motion, List<EligibilityRule> motionRules) {
    Map<Motion, List<EligibilityRule>> r = new EnumMap<>(rules);
    r.put(Objects.requireNonNull(motion, "motion"), motionRules);
    return new QualificationPolicy(thresholds, r);
  }

  /**
   * This policy with a rule added to every motion.
   *
   * @param rule the rule
   * @return the new policy
   */
  public QualificationPolicy withEveryMotion(EligibilityRule rule) {
    Objects.requireNonNull(rule, "rule");
    Map<Motion, List<EligibilityRule>> r = new EnumMap<>(Motion.class);
    rules.forEach((m, list) -> {
      List<EligibilityRule> more = new ArrayList<>(list);
      more.add(rule);
      r.put(m, more);
    });
    return new QualificationPolicy(thresholds, r);
  }

  /**
   * Qualifies a customer: the tier and every motion's eligibility with reasons.
   *
   * @param facts what is known about the customer
   * @return the qualification
   */
  public Qualification qualify(CustomerFacts facts) {
    Objects.requireNonNull(facts, "facts");
    AdvocateTier tier = thresholds.tierOf(facts.score());
    Map<Motion, MotionEligibility> motions = new EnumMap<>(Motion.class);
    for (Map.Entry<Motion, List<EligibilityRule>> e : rules.entrySet()) {
      List<Condition> answers = new ArrayList<>();
      for (EligibilityRule rule : e.getValue()) {
        answers.add(Objects.requireNonNull(rule.test(facts, tier), "rule answer"));
      }
      motions.put(e.getKey(), new MotionEligibility(e.getKey(),
          answers.stream().allMatch(Condition::passed), answers));
    }
    return new Qualification(facts.profile().id(), facts.score(), tier, facts.asOf(), motions);
  }
}
