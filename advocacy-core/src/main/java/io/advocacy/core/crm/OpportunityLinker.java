package io.advocacy.core.crm;

import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.referral.Referral;
import io.advocacy.core.referral.ReferralState;
import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Connects opportunities to the advocacy behind them: the referral that sourced each one and
 * the touchpoints that influenced it. The host says which account each customer belongs to.
 *
 * <pre>{@code
 * Map<CustomerId, AccountId> accounts = Map.of(CustomerId.of("c-7"), AccountId.of("001-acme"));
 * OpportunityLinker linker = OpportunityLinker.builder(c -> Optional.ofNullable(accounts.get(c)))
 *     .lookback(Duration.ofDays(60))
 *     .build();
 * LinkedOpportunity linked = linker.link(deal, touchpoints, referrals);
 * }</pre>
 *
 * <p><b>Sourced</b> (at most one link per opportunity). Only referrals that converted ({@link
 * ReferralState#CONVERTED} or {@link ReferralState#REWARDED}) source anything. The rules are
 * tried in this order and the first that matches wins:
 *
 * <ol>
 *   <li>{@link LinkRule#NAMED_REFERRAL}: the referral whose id the opportunity names;
 *   <li>{@link LinkRule#REFEREE_IS_CONTACT}: a referral whose referee (its referee customer, or
 *       its first-seen referee when that is a customer) is the opportunity's primary contact;
 *   <li>{@link LinkRule#REFEREE_IN_ACCOUNT}: a referral whose referee belongs to the
 *       opportunity's account.
 * </ol>
 *
 * <p>Rules 2 and 3 only take referrals first seen ({@link Referral#createdAt()}) at or before
 * the opportunity's creation: a referral that came later did not source the deal. When several
 * referrals match one rule, the one that converted first wins (ties: the smaller referral id
 * text). A named referral that is missing from the referrals given, or has not converted,
 * makes no link and the other rules are tried.
 *
 * <p><b>Influenced</b>. A touchpoint influences an opportunity when its subject is a customer
 * who is the opportunity's primary contact or belongs to its account, it passes the {@link
 * Builder#touchFilter(Predicate) touch filter} (default: every touch), and it happened within
 * the lookback before creation: from {@code createdAt - lookback} <em>inclusive</em> to {@code
 * createdAt} <em>exclusive</em>. Touches at or after the creation instant, and anonymous
 * touches, are never linked. Influencing links are ordered by instant, then input order.
 *
 * <p>The account function is the host's: an exception it throws reaches the caller and the
 * linker keeps no state. This class is immutable and thread-safe; its builder is not.
 */
public final class OpportunityLinker {
  /** The lookback used unless the builder sets another: 90 days. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);

  private final Function<CustomerId, Optional<AccountId>> accountOf;
  private final Duration lookback;
  private final Predicate<Touchpoint> touchFilter;

  private OpportunityLinker(Builder b) {
    this.accountOf = b.accountOf;
    this.lookback = b.lookback;
    this.touchFilter = b.touchFilter;
  }

  /**
   * Starts a linker.
   *
   * @param accountOf the account a customer belongs to, or empty when none
   * @return a builder
   */
  public static Builder builder(Function<CustomerId, Optional<AccountId>> accountOf) {
    return new Builder(Objects.requireNonNull(accountOf, "accountOf"));
  }

  /**
   * The lookback before an opportunity's creation in which touches influence it.
   *
   * @return the lookback
   */
  public Duration lookback() {
    return lookback;
  }

  /**
   * Links one opportunity.
   *
   * @param opportunity the opportunity
   * @param touchpoints candidate touchpoints, of any subjects
   * @param referrals candidate referrals, in any states
   * @return the opportunity with its links
   */
  public LinkedOpportunity link(
      Opportunity opportunity,
      Collection<Touchpoint> touchpoints,
      Collection<Referral> referrals) {
    Objects.requireNonNull(opportunity, "opportunity");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Objects.requireNonNull(referrals, "referrals");
    return link(opportunity, touchpoints, referrals, accountFunction());
  }

  /**
   * Links many opportunities, asking the account function at most once per customer.
   *
   * @param opportunities the opportunities
   * @param touchpoints candidate touchpoints, of any subjects
   * @param referrals candidate referrals, in any states
   * @return each opportunity with its links, in the given order
   */
  public List<LinkedOpportunity> linkAll(
      Collection<Opportunity> opportunities,
      Collection<Touchpoint> touchpoints,
      Collection<Referral> referrals) {
    Objects.requireNonNull(opportunities, "opportunities");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Objects.requireNonNull(referrals, "referrals");
    Map<CustomerId, Optional<AccountId>> memo = new HashMap<>();
    Function<CustomerId, Optional<AccountId>> plain = accountFunction();
    Function<CustomerId, Optional<AccountId>> cached = c -> {
      Optional<AccountId> known = memo.get(c);
      if (known == null) {
        known = plain.apply(c);
        memo.put(c, known);
      }
      return known;
    };
    List<LinkedOpportunity> out = new ArrayList<>(opportunities.size());
    for (Opportunity o : opportunities) {
      out.add(link(Objects.requireNonNull(o, "opportunity"), touchpoints, referrals, cached));
    }
    return List.copyOf(out);
  }

  private Function<CustomerId, Optional<AccountId>> accountFunction() {
    return c -> {
      Optional<AccountId> a = accountOf.apply(c);
      return a == null ? Optional.empty() : a;
    };
  }

  private LinkedOpportunity link(
      Opportunity o,
      Collection<Touchpoint> touchpoints,
      Collection<Referral> referrals,
      Function<CustomerId, Optional<AccountId>> account) {
    return new LinkedOpportunity(
        o, sourcing(o, referrals, account), influences(o, touchpoints, account));
  }

  private static boolean inAccount(
      Opportunity o, CustomerId c, Function<CustomerId, Optional<AccountId>> account) {
    return account.apply(c).filter(o.account()::equals).isPresent();
  }

  private static @Nullable CustomerId refereeCustomer(Referral r) {
    if (r.refereeCustomer() != null) {
      return r.refereeCustomer();
    }
    return r.referee() instanceof CustomerId c ? c : null;
  }

  private static Instant convertedAt(Referral r) {
    return r.enteredAt(ReferralState.CONVERTED)
        .or(() -> r.enteredAt(ReferralState.REWARDED))
        .orElse(r.createdAt());
  }

  private static final Comparator<Referral> FIRST_CONVERTED =
      Comparator.comparing(OpportunityLinker::convertedAt)
          .thenComparing(r -> r.id().toString());

  private static @Nullable OpportunityLink sourcing(
      Opportunity o,
      Collection<Referral> referrals,
      Function<CustomerId, Optional<AccountId>> account) {
    List<Referral> converted = new ArrayList<>();
    for (Referral r : referrals) {
      if (Objects.requireNonNull(r, "referral").state().hasConverted()) {
        converted.add(r);
      }
    }
    converted.sort(FIRST_CONVERTED);
    if (o.sourcingReferral() != null) {
      for (Referral r : converted) {
        if (r.id().equals(o.sourcingReferral())) {
          return sourced(o, r, LinkRule.NAMED_REFERRAL,
              "the opportunity names referral " + r.id() + ", which converted at "
                  + convertedAt(r));
        }
      }
    }
    CustomerId contact = o.contact();
    if (contact != null) {
      for (Referral r : converted) {
        if (contact.equals(refereeCustomer(r)) && !r.createdAt().isAfter(o.createdAt())) {
          return sourced(o, r, LinkRule.REFEREE_IS_CONTACT,
              "the referee of referral " + r.id() + " is the primary contact " + contact
                  + "; it converted at " + convertedAt(r));
        }
      }
    }
    for (Referral r : converted) {
      CustomerId referee = refereeCustomer(r);
      if (referee != null && !r.createdAt().isAfter(o.createdAt())
          && inAccount(o, referee, account)) {
        return sourced(o, r, LinkRule.REFEREE_IN_ACCOUNT,
            "the referee " + referee + " of referral " + r.id() + " belongs to account "
                + o.account() + "; it converted at " + convertedAt(r));
      }
    }
    return null;
  }

  private static OpportunityLink sourced(
      Opportunity o, Referral r, LinkRule rule, String why) {
    return new OpportunityLink(o.id(), rule, r.id(), null, r.referrer(), why);
  }

  private List<OpportunityLink> influences(
      Opportunity o,
      Collection<Touchpoint> touchpoints,
      Function<CustomerId, Optional<AccountId>> account) {
    Instant end = o.createdAt();
    Instant start = end.minus(lookback);
    List<Touchpoint> hits = new ArrayList<>();
    for (Touchpoint t : touchpoints) {
      Objects.requireNonNull(t, "touchpoint");
      if (!(t.subject() instanceof CustomerId c)
          || t.at().isBefore(start) || !t.at().isBefore(end) || !touchFilter.test(t)) {
        continue;
      }
      if (c.equals(o.contact()) || inAccount(o, c, account)) {
        hits.add(t);
      }
    }
    hits.sort(Comparator.comparing(Touchpoint::at));
    List<OpportunityLink> links = new ArrayList<>(hits.size());
    for (Touchpoint t : hits) {
      links.add(new OpportunityLink(o.id(), LinkRule.TOUCH_BEFORE_CREATION, null, t,
          t.advocate(),
          t.channel() + " touch of " + t.subject().value() + " at " + t.at() + " is within "
              + describe(lookback) + " before the opportunity was created at " + end));
    }
    return links;
  }

  private static String describe(Duration d) {
    return d.toSeconds() % 86_400 == 0 ? d.toDays() + " days" : d.toString();
  }

  /**
   * Configures an {@link OpportunityLinker}. Fails fast: a null argument throws {@link
   * NullPointerException}, a bad value {@link IllegalArgumentException} naming it, setting an
   * option twice {@link IllegalStateException}.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private final Function<CustomerId, Optional<AccountId>> accountOf;
    private Duration lookback = DEFAULT_LOOKBACK;
    private boolean lookbackSet;
    private Predicate<Touchpoint> touchFilter = t -> true;
    private boolean filterSet;

    private Builder(Function<CustomerId, Optional<AccountId>> accountOf) {
      this.accountOf = accountOf;
    }

    /**
     * Sets the lookback (default {@link #DEFAULT_LOOKBACK}).
     *
     * @param lookback a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     * @throws IllegalStateException if the lookback was set before
     */
    public Builder lookback(Duration lookback) {
      Objects.requireNonNull(lookback, "lookback");
      if (lookback.isZero() || lookback.isNegative()) {
        throw new IllegalArgumentException("lookback " + lookback + " must be positive");
      }
      if (lookbackSet) {
        throw new IllegalStateException("lookback is already set");
      }
      lookbackSet = true;
      this.lookback = lookback;
      return this;
    }

    /**
     * Keeps only some touches as influences, e.g. those with an advocacy motion (default:
     * every touch).
     *
     * @param filter true for touches that may influence
     * @return this builder
     * @throws IllegalStateException if the filter was set before
     */
    public Builder touchFilter(Predicate<Touchpoint> filter) {
      Objects.requireNonNull(filter, "filter");
      if (filterSet) {
        throw new IllegalStateException("touch filter is already set");
      }
      filterSet = true;
      this.touchFilter = filter;
      return this;
    }

    /**
     * Builds the linker.
     *
     * @return the linker
     */
    public OpportunityLinker build() {
      return new OpportunityLinker(this);
    }
  }
}
