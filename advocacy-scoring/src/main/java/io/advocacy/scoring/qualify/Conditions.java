package io.advocacy.scoring.qualify;

import io.advocacy.core.Money;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.scoring.AdvocateTier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made {@link EligibilityRule}s. Each answers with a machine-readable name and a reason
 * that names the values compared.
 *
 * <p>Stateless; thread-safe.
 */
public final class Conditions {
  private Conditions() {}

  /**
   * The customer's tier is at least a tier.
   *
   * @param minimum the lowest tier that passes
   * @return the rule, named {@code tier_at_least}
   */
  public static EligibilityRule tierAtLeast(AdvocateTier minimum) {
    Objects.requireNonNull(minimum, "minimum");
    return (facts, tier) -> new Condition("tier_at_least", tier.atLeast(minimum),
        "tier " + tier + " (needs at least " + minimum + ")");
  }

  /**
   * A purchase, stay, booking or visit within a period before the facts' instant.
   *
   * @param within the period, positive
   * @return the rule, named {@code recent_experience}
   */
  public static EligibilityRule recentExperience(Duration within) {
    requirePositive("within", within);
    return (facts, tier) -> {
      if (facts.lastExperience() == null) {
        return new Condition("recent_experience", false, "no purchase, stay or visit on record");
      }
      Duration ago = Duration.between(facts.lastExperience(), facts.asOf());
      boolean ok = !ago.isNegative() && ago.compareTo(within) <= 0;
      return new Condition("recent_experience", ok,
          "last purchase, stay or visit " + ago.toDays() + " days ago (needs within "
              + within.toDays() + ")");
    };
  }

  /**
   * No complaint or escalation is open.
   *
   * @return the rule, named {@code no_open_complaint}
   */
  public static EligibilityRule noOpenComplaint() {
    return (facts, tier) -> new Condition("no_open_complaint", !facts.openComplaint(),
        facts.openComplaint() ? "a complaint or escalation is open" : "no open complaint");
  }

  /**
   * A customer for at least a number of days: the profile's {@link
   * CustomerProfile#CUSTOMER_SINCE} date at least that many days before the facts' date (UTC).
   *
   * @param days the least tenure in days, not negative
   * @return the rule, named {@code tenure}
   */
  public static EligibilityRule customerForAtLeastDays(long days) {
    if (days < 0) {
      throw new IllegalArgumentException("tenure days " + days + " is negative");
    }
    return (facts, tier) -> {
      var since = facts.profile().datedAttribute(CustomerProfile.CUSTOMER_SINCE);
      if (since.isEmpty()) {
        return new Condition("tenure", false, "customer_since is unknown");
      }
      LocalDate today = LocalDate.ofInstant(facts.asOf(), ZoneOffset.UTC);
      long tenure = java.time.temporal.ChronoUnit.DAYS.between(since.get(), today);
      return new Condition("tenure", tenure >= days,
          "customer for " + tenure + " days (needs " + days + ")");
    };
  }

  /**
   * The profile's account value is at least an amount, in the same currency.
   *
   * @param minimum the least account value
   * @return the rule, named {@code account_value}
   */
  public static EligibilityRule accountValueAtLeast(Money minimum) {
    Objects.requireNonNull(minimum, "minimum");
    return (facts, tier) -> {
      Money value = facts.profile().accountValue();
      if (value == null) {
        return new Condition("account_value", false, "account value is unknown");
      }
      if (!value.currency().equals(minimum.currency())) {
        return new Condition("account_value", false,
            "account value " + value + " is not in " + minimum.currencyCode());
      }
      return new Condition("account_value", value.compareTo(minimum) >= 0,
          "account value " + value + " (needs " + minimum + ")");
    };
  }

  /**
   * A measured outcome is on record.
   *
   * @return the rule, named {@code outcome_on_record}
   */
  public static EligibilityRule outcomeOnRecord() {
    return (facts, tier) -> new Condition("outcome_on_record", facts.outcomeOnRecord(),
        facts.outcomeOnRecord() ? "a measured outcome is on record" : "no measured outcome");
  }

  /**
   * The latest NPS answer is at least {@code minNps} or the latest CSAT answer at least {@code
   * minCsat}.
   *
   * @param minNps the least NPS answer, 0–10
   * @param minCsat the least CSAT answer, 1–5
   * @return the rule, named {@code promoter_or_satisfied}
   */
  public static EligibilityRule promoterOrSatisfied(int minNps, int minCsat) {
    if (minNps < 0 || minNps > 10 || minCsat < 1 || minCsat > 5) {
      throw new IllegalArgumentException(
          "minimum NPS " + minNps + " or CSAT " + minCsat + " is out of range");
    }
    return (facts, tier) -> {
      Integer nps = facts.latestNps();
      Integer csat = facts.latestCsat();
      boolean ok = (nps != null && nps >= minNps) || (csat != null && csat >= minCsat);
      return new Condition("promoter_or_satisfied", ok,
          "latest NPS " + (nps == null ? "none" : nps) + " (needs " + minNps + "), latest CSAT "
              + (csat == null ? "none" : csat) + " (needs " + minCsat + ")");
    };
  }

  /**
   * Consent on at least one of some channels, valid at the facts' instant.
   *
   * @param channels the channels, at least one
   * @return the rule, named {@code consent}
   */
  public static EligibilityRule consentOnAnyOf(ContactChannel... channels) {
    List<ContactChannel> list = List.copyOf(Arrays.asList(channels));
    if (list.isEmpty()) {
      throw new IllegalArgumentException("consent rule needs at least one channel");
    }
    return (facts, tier) -> {
      for (ContactChannel c : list) {
        if (facts.profile().hasConsent(c, facts.asOf())) {
          return new Condition("consent", true, "consent on " + c);
        }
      }
      return new Condition("consent", false, "no consent on any of " + list);
    };
  }

  /**
   * The customer is not marked do-not-contact.
   *
   * @return the rule, named {@code contactable}
   */
  public static EligibilityRule notDoNotContact() {
    return (facts, tier) -> {
      boolean dnc = facts.profile().hasFlag(RegulatoryFlag.DO_NOT_CONTACT);
      return new Condition("contactable", !dnc, dnc ? "marked do-not-contact" : "contactable");
    };
  }

  private static void requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " is not positive");
    }
  }
}
