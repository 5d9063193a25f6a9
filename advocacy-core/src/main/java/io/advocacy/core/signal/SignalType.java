package io.advocacy.core.signal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.common.collect.ImmutableMap;
import io.advocacy.core.internal.Require;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The type of a {@link Signal}: one of the well-known types below, each with the
 * {@link ValueRule} its values must follow, or a host-defined type with a machine name.
 *
 * <p>Two types are equal when their names are equal. A host-defined type's rule is part of
 * the host's configuration and is not carried in JSON: {@link #of(String)} reads an unknown
 * name back as a host-defined type that allows any finite value. A host-defined type may not
 * reuse a well-known name.
 *
 * <pre>{@code
 * SignalType nps = SignalType.NPS_ANSWERED;                       // values 0..10, whole
 * SignalType webinar = SignalType.custom("webinar_attended", ValueRule.NON_NEGATIVE);
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 */
public final class SignalType {
  private static final Map<String, SignalType> WELL_KNOWN_BUILDER = new LinkedHashMap<>();

  /** A Net Promoter Score answer; value 0–10, whole numbers. */
  public static final SignalType NPS_ANSWERED = wellKnown("nps_answered", ValueRule.integers(0, 10), false, false);

  /** A customer-satisfaction answer; value 1–5, whole numbers. */
  public static final SignalType CSAT_ANSWERED = wellKnown("csat_answered", ValueRule.integers(1, 5), false, false);

  /** Product usage; value is the amount of use (sessions, events, seats…), at least 0. */
  public static final SignalType PRODUCT_USAGE = wellKnown("product_usage", ValueRule.NON_NEGATIVE, false, false);

  /** A business outcome the customer achieved; value is its size, at least 0. */
  public static final SignalType OUTCOME_ACHIEVED = wellKnown("outcome_achieved", ValueRule.NON_NEGATIVE, false, false);

  /** A support case resolved; value is the satisfaction rating 1–5, or 0 when none was given. */
  public static final SignalType SUPPORT_RESOLVED = wellKnown("support_resolved", ValueRule.integers(0, 5), false, false);

  /** A complaint opened; value is its severity (at least 0). */
  public static final SignalType COMPLAINT_OPENED = wellKnown("complaint_opened", ValueRule.NON_NEGATIVE, false, false);

  /** A complaint closed; value is its severity (at least 0). */
  public static final SignalType COMPLAINT_CLOSED = wellKnown("complaint_closed", ValueRule.NON_NEGATIVE, false, false);

  /** An escalation opened; value is its severity (at least 0). */
  public static final SignalType ESCALATION_OPENED = wellKnown("escalation_opened", ValueRule.NON_NEGATIVE, false, false);

  /** An escalation closed; value is its severity (at least 0). */
  public static final SignalType ESCALATION_CLOSED = wellKnown("escalation_closed", ValueRule.NON_NEGATIVE, false, false);

  /** A social-media mention; value is its sentiment from −1 (negative) to 1 (positive). */
  public static final SignalType SOCIAL_MENTION = wellKnown("social_mention", ValueRule.between(-1, 1), false, false);

  /** A review-request link opened. */
  public static final SignalType REVIEW_LINK_OPENED = wellKnown("review_link_opened", ValueRule.NON_NEGATIVE, false, false);

  /** A review posted; value is the rating 0–5 (platform in the attributes). */
  public static final SignalType REVIEW_POSTED = wellKnown("review_posted", ValueRule.between(0, 5), false, false);

  /** A referral link or code shared. */
  public static final SignalType REFERRAL_SHARED = wellKnown("referral_shared", ValueRule.NON_NEGATIVE, false, false);

  /** A referral link clicked (usually by an anonymous visitor). */
  public static final SignalType REFERRAL_CLICKED = wellKnown("referral_clicked", ValueRule.NON_NEGATIVE, false, false);

  /** A referred friend signed up. */
  public static final SignalType REFERRAL_SIGNED_UP = wellKnown("referral_signed_up", ValueRule.NON_NEGATIVE, false, false);

  /** A referred friend converted (bought or signed); the amount is the deal's value. */
  public static final SignalType REFERRAL_CONVERTED = wellKnown("referral_converted", ValueRule.NON_NEGATIVE, true, false);

  /** A reference call held. */
  public static final SignalType REFERENCE_COMPLETED = wellKnown("reference_completed", ValueRule.NON_NEGATIVE, false, false);

  /** A case study completed. */
  public static final SignalType CASE_STUDY_COMPLETED = wellKnown("case_study_completed", ValueRule.NON_NEGATIVE, false, false);

  /** A guided customer story (testimonial) completed. */
  public static final SignalType STORY_COMPLETED = wellKnown("story_completed", ValueRule.NON_NEGATIVE, false, false);

  /** The customer joined the community. */
  public static final SignalType COMMUNITY_JOINED = wellKnown("community_joined", ValueRule.NON_NEGATIVE, false, false);

  /** The customer posted in the community. */
  public static final SignalType COMMUNITY_POSTED = wellKnown("community_posted", ValueRule.NON_NEGATIVE, false, false);

  /** A purchase completed; the amount is what was paid. */
  public static final SignalType PURCHASE_COMPLETED = wellKnown("purchase_completed", ValueRule.NON_NEGATIVE, true, false);

  /** A subscription renewed; the amount is the renewed value. */
  public static final SignalType SUBSCRIPTION_RENEWED = wellKnown("subscription_renewed", ValueRule.NON_NEGATIVE, true, false);

  /** A subscription expanded; the amount is the added value. */
  public static final SignalType SUBSCRIPTION_EXPANDED = wellKnown("subscription_expanded", ValueRule.NON_NEGATIVE, true, false);

  /** A subscription contracted; the amount is the value lost. */
  public static final SignalType SUBSCRIPTION_CONTRACTED = wellKnown("subscription_contracted", ValueRule.NON_NEGATIVE, true, false);

  /** A subscription cancelled; the amount is the value lost. */
  public static final SignalType SUBSCRIPTION_CANCELLED = wellKnown("subscription_cancelled", ValueRule.NON_NEGATIVE, true, false);

  /** A refund issued; the amount is what was refunded. */
  public static final SignalType REFUND_ISSUED = wellKnown("refund_issued", ValueRule.NON_NEGATIVE, true, false);

  /** The host's loyalty-programme tier changed; value is the new tier's rank (tier name in the attributes). */
  public static final SignalType LOYALTY_TIER_CHANGED = wellKnown("loyalty_tier_changed", ValueRule.ANY, false, false);

  /** A stay completed (travel and hospitality). */
  public static final SignalType STAY_COMPLETED = wellKnown("stay_completed", ValueRule.NON_NEGATIVE, true, false);

  /** A booking completed. */
  public static final SignalType BOOKING_COMPLETED = wellKnown("booking_completed", ValueRule.NON_NEGATIVE, true, false);

  /** A visit completed (store, clinic). */
  public static final SignalType VISIT_COMPLETED = wellKnown("visit_completed", ValueRule.NON_NEGATIVE, false, false);

  /** An anonymous id was linked to this customer (Segment identify/alias). */
  public static final SignalType IDENTITY_LINKED = wellKnown("identity_linked", ValueRule.NON_NEGATIVE, false, false);

  /** A CRM opportunity created; the amount is its value. */
  public static final SignalType OPPORTUNITY_CREATED = wellKnown("opportunity_created", ValueRule.NON_NEGATIVE, true, false);

  /** A CRM opportunity won; the amount is its value. */
  public static final SignalType OPPORTUNITY_WON = wellKnown("opportunity_won", ValueRule.NON_NEGATIVE, true, false);

  /** A CRM opportunity lost; the amount is its value. */
  public static final SignalType OPPORTUNITY_LOST = wellKnown("opportunity_lost", ValueRule.NON_NEGATIVE, true, false);

  /** Derived: the customer's advocate tier changed; value is the new tier's rank. */
  public static final SignalType ADVOCATE_TIER_CHANGED = wellKnown("advocate_tier_changed", ValueRule.ANY, false, true);

  /** Derived: eligibility for a motion changed; value 1 eligible, 0 not (motion in the attributes). */
  public static final SignalType MOTION_ELIGIBILITY_CHANGED = wellKnown("motion_eligibility_changed", ValueRule.between(0, 1), false, true);

  private static final ImmutableMap<String, SignalType> WELL_KNOWN =
      ImmutableMap.copyOf(WELL_KNOWN_BUILDER);

  private final String name;
  private final ValueRule valueRule;
  private final boolean monetary;
  private final boolean derived;
  private final boolean wellKnown;

  private SignalType(
      String name, ValueRule valueRule, boolean monetary, boolean derived, boolean wellKnown) {
    this.name = name;
    this.valueRule = valueRule;
    this.monetary = monetary;
    this.derived = derived;
    this.wellKnown = wellKnown;
  }

  private static SignalType wellKnown(
      String name, ValueRule rule, boolean monetary, boolean derived) {
    SignalType type = new SignalType(name, rule, monetary, derived, true);
    WELL_KNOWN_BUILDER.put(name, type);
    return type;
  }

  /**
   * The type with a name: the well-known type if there is one, else a host-defined type that
   * allows any finite value.
   *
   * @param name a machine name matching {@code [a-z][a-z0-9_.-]{0,63}}
   * @return the type
   * @throws IllegalArgumentException if the name is not a machine name
   */
  @JsonCreator
  public static SignalType of(String name) {
    SignalType known = WELL_KNOWN.get(Objects.requireNonNull(name, "signal type"));
    return known != null ? known : custom(name, ValueRule.ANY);
  }

  /**
   * The well-known type with a name, if there is one.
   *
   * @param name a name
   * @return the well-known type, or empty
   */
  public static Optional<SignalType> wellKnown(String name) {
    return Optional.ofNullable(WELL_KNOWN.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * A host-defined type.
   *
   * @param name a machine name matching {@code [a-z][a-z0-9_.-]{0,63}}, not a well-known name
   * @param valueRule the values it allows
   * @return the type
   * @throws IllegalArgumentException if the name is malformed or well-known
   */
  public static SignalType custom(String name, ValueRule valueRule) {
    Require.name("signal type", name);
    Objects.requireNonNull(valueRule, "valueRule");
    if (WELL_KNOWN.containsKey(name)) {
      throw new IllegalArgumentException(
          "signal type \"" + name + "\" is well-known; use SignalType.of or its constant");
    }
    return new SignalType(name, valueRule, false, false, false);
  }

  /**
   * Every well-known type, in catalogue order.
   *
   * @return the catalogue
   */
  public static Collection<SignalType> wellKnownTypes() {
    return WELL_KNOWN.values();
  }

  /**
   * The machine name, e.g. {@code nps_answered}.
   *
   * @return the name
   */
  @JsonValue
  public String name() {
    return name;
  }

  /**
   * The values this type allows.
   *
   * @return the rule
   */
  public ValueRule valueRule() {
    return valueRule;
  }

  /**
   * Whether signals of this type usually carry a money amount (purchases, renewals,
   * opportunities…). The amount stays optional.
   *
   * @return true for monetary types
   */
  public boolean isMonetary() {
    return monetary;
  }

  /**
   * Whether the library derives signals of this type itself (tier and eligibility changes).
   *
   * @return true for derived types
   */
  public boolean isDerived() {
    return derived;
  }

  /**
   * Whether this is one of the well-known types.
   *
   * @return true if well-known, false if host-defined
   */
  public boolean isWellKnown() {
    return wellKnown;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SignalType other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
