package io.advocacy.core.crm;

import io.advocacy.core.Money;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Adds up linked opportunities for the Track KPIs. Amounts are summed per currency and never
 * across currencies (there is no conversion); each result maps ISO 4217 codes, in alphabetical
 * order, to the sum in that currency. An opportunity given twice (same id) counts once: the
 * first one given.
 *
 * <ul>
 *   <li>{@link #sourcedPipeline}: the amounts of every sourced opportunity, open, won or lost
 *       (the pipeline the referrals created);
 *   <li>{@link #sourcedRevenue}: the amounts of sourced opportunities that were won;
 *   <li>{@link #influencedPipeline}: the amounts of every opportunity with at least one
 *       influencing touch, each counted once however many touches it has.
 * </ul>
 *
 * <p>This class is thread-safe (stateless).
 */
public final class PipelineTotals {
  private PipelineTotals() {}

  /**
   * The referral-sourced pipeline per currency.
   *
   * @param linked linked opportunities
   * @return currency code to sum; empty when nothing was sourced
   */
  public static Map<String, Money> sourcedPipeline(Collection<LinkedOpportunity> linked) {
    return sum(linked, LinkedOpportunity::isSourced);
  }

  /**
   * The referral-sourced revenue (won deals only) per currency.
   *
   * @param linked linked opportunities
   * @return currency code to sum; empty when no sourced deal was won
   */
  public static Map<String, Money> sourcedRevenue(Collection<LinkedOpportunity> linked) {
    return sum(linked,
        l -> l.isSourced() && l.opportunity().status() == OpportunityStatus.WON);
  }

  /**
   * The advocacy-influenced pipeline per currency.
   *
   * @param linked linked opportunities
   * @return currency code to sum; empty when nothing was influenced
   */
  public static Map<String, Money> influencedPipeline(Collection<LinkedOpportunity> linked) {
    return sum(linked, LinkedOpportunity::isInfluenced);
  }

  private static Map<String, Money> sum(
      Collection<LinkedOpportunity> linked, Predicate<LinkedOpportunity> counted) {
    Objects.requireNonNull(linked, "linked");
    Set<OpportunityId> seen = new HashSet<>();
    Map<String, Money> totals = new TreeMap<>();
    for (LinkedOpportunity l : linked) {
      Objects.requireNonNull(l, "linked opportunity");
      if (!seen.add(l.opportunity().id()) || !counted.test(l)) {
        continue;
      }
      Money amount = l.opportunity().amount();
      totals.merge(amount.currencyCode(), amount, Money::plus);
    }
    return Collections.unmodifiableMap(totals);
  }
}
