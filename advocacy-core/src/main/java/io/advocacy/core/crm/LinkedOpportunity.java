package io.advocacy.core.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity with its links: at most one sourcing link and any number of influencing
 * links, as an {@link OpportunityLinker} found them. {@link PipelineTotals} adds these up.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param opportunity the opportunity
 * @param sourced the sourcing link, or null when no referral sourced it
 * @param influences the influencing links, oldest touch first
 */
public record LinkedOpportunity(
    Opportunity opportunity, @Nullable OpportunityLink sourced, List<OpportunityLink> influences) {

  /**
   * Validates and copies the links.
   *
   * @param opportunity the opportunity
   * @param sourced the sourcing link, or null
   * @param influences the influencing links
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a link is of the wrong kind or for another opportunity
   */
  public LinkedOpportunity {
    Objects.requireNonNull(opportunity, "opportunity");
    influences = List.copyOf(influences);
    if (sourced != null) {
      check(opportunity, sourced, LinkKind.SOURCED);
    }
    for (OpportunityLink l : influences) {
      check(opportunity, l, LinkKind.INFLUENCED);
    }
  }

  private static void check(Opportunity o, OpportunityLink l, LinkKind kind) {
    if (l.kind() != kind) {
      throw new IllegalArgumentException("expected a " + kind + " link, got " + l.rule().label());
    }
    if (!l.opportunity().equals(o.id())) {
      throw new IllegalArgumentException(
          "link for opportunity " + l.opportunity() + " given with opportunity " + o.id());
    }
  }

  /**
   * The sourcing link, for callers that must think about its absence.
   *
   * @return the link, or empty
   */
  public Optional<OpportunityLink> sourcedIfAny() {
    return Optional.ofNullable(sourced);
  }

  /**
   * Whether a referral sourced the opportunity.
   *
   * @return true when there is a sourcing link
   */
  public boolean isSourced() {
    return sourced != null;
  }

  /**
   * Whether at least one touch influenced the opportunity.
   *
   * @return true when there is an influencing link
   */
  public boolean isInfluenced() {
    return !influences.isEmpty();
  }

  /**
   * Every link: the sourcing one first, then the influencing ones.
   *
   * @return the links
   */
  public List<OpportunityLink> links() {
    List<OpportunityLink> all = new ArrayList<>(influences.size() + 1);
    if (sourced != null) {
      all.add(sourced);
    }
    all.addAll(influences);
    return List.copyOf(all);
  }
}
