package io.advocacy.core.referral;

/**
 * One fraud check with one reason code. The {@link ReferralService} runs its list of rules,
 * in order, whenever a referral is created or advances (sign-up, conversion, as the referee's
 * facts grow); the first rule that flags the referral rejects it with the rule's reason. A rule
 * that throws rejects the referral with {@link ReferralReasons#FRAUD_RULE_FAILED}.
 *
 * <p>Built-in rules: {@link FraudRules}. Implementations must be thread-safe.
 */
public interface FraudRule {
  /**
   * The reason recorded when this rule flags a referral.
   *
   * @return a machine name such as {@code self_referral}
   */
  String reasonCode();

  /**
   * Whether the referral looks fraudulent.
   *
   * @param context the referral as it would become, its code and the store to look things up
   * @return true to reject it
   */
  boolean flags(FraudContext context);
}
