package io.advocacy.core.crm;

import io.advocacy.core.CustomerId;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.touchpoint.Touchpoint;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One connection between advocacy and an opportunity, with the rule that made it and a
 * sentence saying why.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param opportunity the opportunity
 * @param rule the rule that matched; its {@link LinkRule#kind()} is the link's kind
 * @param referral the sourcing referral (sourced links only), else null
 * @param touchpoint the influencing touchpoint (influenced links only), else null
 * @param advocate the advocate behind the link (the referrer, or the touch's advocate), or
 *     null when the touch names none
 * @param why a sentence for people: which referral or touch, which rule
 */
public record OpportunityLink(
    OpportunityId opportunity,
    LinkRule rule,
    @Nullable ReferralId referral,
    @Nullable Touchpoint touchpoint,
    @Nullable CustomerId advocate,
    String why) {

  /**
   * Validates the link.
   *
   * @param opportunity the opportunity
   * @param rule the rule that matched
   * @param referral the sourcing referral (sourced links only), else null
   * @param touchpoint the influencing touchpoint (influenced links only), else null
   * @param advocate the advocate behind the link, or null
   * @param why a sentence for people
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a sourced link has no referral or has a touchpoint, or
   *     an influenced link has no touchpoint or has a referral
   */
  public OpportunityLink {
    Objects.requireNonNull(opportunity, "opportunity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(why, "why");
    boolean sourced = rule.kind() == LinkKind.SOURCED;
    if (sourced && (referral == null || touchpoint != null)) {
      throw new IllegalArgumentException(
          "a sourced link (" + rule.label() + ") needs a referral and no touchpoint");
    }
    if (!sourced && (touchpoint == null || referral != null)) {
      throw new IllegalArgumentException(
          "an influenced link (" + rule.label() + ") needs a touchpoint and no referral");
    }
  }

  /**
   * The kind of link.
   *
   * @return the rule's kind
   */
  public LinkKind kind() {
    return rule.kind();
  }
}
