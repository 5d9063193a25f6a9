package io.advocacy.core.crm;

import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.internal.Require;
import io.advocacy.core.referral.ReferralId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CRM deal: which account it is with, its primary contact, its amount and stage, when it was
 * created, and whether it is open, won or lost (and when it closed). When the host marks the
 * deal as referral-sourced it names the referral.
 *
 * <p>An {@link OpportunityBook} builds opportunities from the host's CRM signals; hosts may also
 * build them directly, e.g. from a CRM export, to link them with an {@link OpportunityLinker}.
 *
 * <pre>{@code
 * Opportunity deal = new Opportunity(OpportunityId.of("006-1"), AccountId.of("001-acme"),
 *     CustomerId.of("c-7"), Money.of("12000", "USD"), "Closed Won",
 *     Instant.parse("2026-03-01T09:00:00Z"), OpportunityStatus.WON,
 *     Instant.parse("2026-04-15T17:00:00Z"), null);
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the CRM's opportunity id
 * @param account the account the deal is with
 * @param contact the primary contact, or null when the CRM names none
 * @param amount the deal's value, not negative
 * @param stage the CRM's stage name (e.g. {@code "Negotiation"}), or null when unknown
 * @param createdAt when the deal was created
 * @param status open, won or lost
 * @param closedAt when it was won or lost; null exactly when it is open; not before {@code
 *     createdAt}
 * @param sourcingReferral the referral the host says sourced the deal, or null
 */
public record Opportunity(
    OpportunityId id,
    AccountId account,
    @Nullable CustomerId contact,
    Money amount,
    @Nullable String stage,
    Instant createdAt,
    OpportunityStatus status,
    @Nullable Instant closedAt,
    @Nullable ReferralId sourcingReferral) {

  /**
   * Validates the opportunity.
   *
   * @param id the CRM's opportunity id
   * @param account the account the deal is with
   * @param contact the primary contact, or null when the CRM names none
   * @param amount the deal's value, not negative
   * @param stage the CRM's stage name, or null when unknown
   * @param createdAt when the deal was created
   * @param status open, won or lost
   * @param closedAt when it was won or lost; null exactly when it is open
   * @param sourcingReferral the referral the host says sourced the deal, or null
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the amount is negative, the stage is blank or
   *     malformed, a closed deal has no closing instant (or an open one has one), or it closed
   *     before it was created
   */
  public Opportunity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "opportunity " + id + ": amount " + amount + " is negative");
    }
    if (stage != null) {
      Require.identifier("stage", stage);
    }
    if (status.isClosed() && closedAt == null) {
      throw new IllegalArgumentException(
          "opportunity " + id + " is " + status + " but has no closing instant");
    }
    if (!status.isClosed() && closedAt != null) {
      throw new IllegalArgumentException(
          "opportunity " + id + " is OPEN but has a closing instant " + closedAt);
    }
    if (closedAt != null && closedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException(
          "opportunity " + id + " closed at " + closedAt + ", before it was created at "
              + createdAt);
    }
  }

  /**
   * An open opportunity.
   *
   * @param id the CRM's opportunity id
   * @param account the account the deal is with
   * @param amount the deal's value, not negative
   * @param createdAt when the deal was created
   * @return the opportunity, with no contact, stage or sourcing referral
   */
  public static Opportunity open(
      OpportunityId id, AccountId account, Money amount, Instant createdAt) {
    return new Opportunity(
        id, account, null, amount, null, createdAt, OpportunityStatus.OPEN, null, null);
  }

  /**
   * The primary contact, for callers that must think about its absence.
   *
   * @return the contact, or empty
   */
  public Optional<CustomerId> contactIfAny() {
    return Optional.ofNullable(contact);
  }

  /**
   * The stage, for callers that must think about its absence.
   *
   * @return the stage, or empty
   */
  public Optional<String> stageIfAny() {
    return Optional.ofNullable(stage);
  }

  /**
   * When the deal closed, for callers that must think about its absence.
   *
   * @return the closing instant, or empty while open
   */
  public Optional<Instant> closedAtIfAny() {
    return Optional.ofNullable(closedAt);
  }

  /**
   * The referral the host named as the deal's source.
   *
   * @return the referral id, or empty
   */
  public Optional<ReferralId> sourcingReferralIfAny() {
    return Optional.ofNullable(sourcingReferral);
  }

  /**
   * The booking of a won deal: its amount at its closing instant.
   *
   * @return the booking, or empty unless the deal is won
   */
  public Optional<Booking> booking() {
    return status == OpportunityStatus.WON && closedAt != null
        ? Optional.of(new Booking(id, amount, closedAt))
        : Optional.empty();
  }

  /**
   * This opportunity with another contact.
   *
   * @param newContact the contact, or null for none
   * @return the opportunity
   */
  public Opportunity withContact(@Nullable CustomerId newContact) {
    return new Opportunity(
        id, account, newContact, amount, stage, createdAt, status, closedAt, sourcingReferral);
  }

  /**
   * This opportunity with another stage.
   *
   * @param newStage the stage, or null for none
   * @return the opportunity
   */
  public Opportunity withStage(@Nullable String newStage) {
    return new Opportunity(
        id, account, contact, amount, newStage, createdAt, status, closedAt, sourcingReferral);
  }

  /**
   * This opportunity with a sourcing referral.
   *
   * @param referral the referral, or null for none
   * @return the opportunity
   */
  public Opportunity withSourcingReferral(@Nullable ReferralId referral) {
    return new Opportunity(
        id, account, contact, amount, stage, createdAt, status, closedAt, referral);
  }

  /**
   * This opportunity closed.
   *
   * @param outcome {@code WON} or {@code LOST}
   * @param at when it closed, not before {@link #createdAt()}
   * @return the opportunity
   * @throws IllegalArgumentException if the outcome is {@code OPEN} or the instant is before
   *     creation
   */
  public Opportunity closed(OpportunityStatus outcome, Instant at) {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    if (!outcome.isClosed()) {
      throw new IllegalArgumentException("closing outcome must be WON or LOST, not " + outcome);
    }
    return new Opportunity(id, account, contact, amount, stage, createdAt, outcome, at,
        sourcingReferral);
  }
}
