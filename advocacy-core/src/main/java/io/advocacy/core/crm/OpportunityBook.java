package io.advocacy.core.crm;

import io.advocacy.core.AccountId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.internal.Require;
import io.advocacy.core.referral.ReferralId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link Opportunity}s from the host's CRM signals ({@link
 * SignalType#OPPORTUNITY_CREATED}, {@link SignalType#OPPORTUNITY_WON}, {@link
 * SignalType#OPPORTUNITY_LOST}) and keeps them in an {@link OpportunityStore}.
 *
 * <pre>{@code
 * OpportunityBook book = OpportunityBook.inMemory();
 * ApplyResult r = book.apply(signal);       // CREATED, UPDATED, UNCHANGED, DUPLICATE or REJECTED
 * List<Booking> bookings = book.bookings();
 * }</pre>
 *
 * <p><b>Reading a signal.</b> Attributes are named in {@link CrmAttributes}: {@code
 * opportunity_id} (always required), {@code account_id} and an amount (required when the
 * signal makes the opportunity known), and optional {@code stage}, {@code contact_id} and
 * {@code referral_id}. A blank attribute counts as absent. Without {@code contact_id}, a
 * signal whose subject is a customer names that customer as the primary contact. The signal's
 * value is not used.
 *
 * <p><b>Order does not matter.</b> Each opportunity keeps the signals applied to it, and the
 * opportunity is recomputed from them in time order (instant, then signal id), so the same set
 * of signals gives the same opportunity whatever order they arrive in:
 *
 * <ul>
 *   <li>{@code createdAt} is the earliest instant among the signals (normally the created
 *       signal's; when a won or lost signal arrives first it creates the opportunity with its
 *       own instant, and a later-arriving, earlier created signal moves it back);
 *   <li>account, amount, stage, contact and referral come from the latest signal that carries
 *       each of them;
 *   <li>the latest won or lost signal decides the outcome and the closing instant; a created
 *       signal never reopens a closed deal.
 * </ul>
 *
 * <p><b>No double effects.</b> A signal whose id was applied to the opportunity before is a
 * {@link ApplyResult.Status#DUPLICATE} and changes nothing; ids are remembered as long as the
 * opportunity is stored. A new signal that leaves the opportunity as it was is {@link
 * ApplyResult.Status#UNCHANGED} (it is still recorded). Concurrent callers lose no updates:
 * each write is a compare-and-set on the record's version, retried on conflict.
 *
 * <p><b>Bad data never throws.</b> A signal of another type, without an opportunity id, with a
 * malformed attribute, with a negative amount, or one that would make an unknown opportunity
 * without an account or amount is {@link ApplyResult.Status#REJECTED} with a {@link
 * CrmRejectReason} and nothing is recorded, so the host can deliver it again once fixed (or
 * after the opportunity's created signal).
 *
 * <p>This class is thread-safe if its store is (the in-memory store is).
 */
public final class OpportunityBook {
  private static final Comparator<Signal> TIME_ORDER =
      Comparator.comparing(Signal::occurredAt).thenComparing(s -> s.id().value());

  private final OpportunityStore store;

  private OpportunityBook(OpportunityStore store) {
    this.store = store;
  }

  /**
   * A book over a store.
   *
   * @param store where records live; the book is its only writer
   * @return the book
   */
  public static OpportunityBook over(OpportunityStore store) {
    return new OpportunityBook(Objects.requireNonNull(store, "store"));
  }

  /**
   * A book over a new {@link OpportunityStore#inMemory()} store.
   *
   * @return the book
   */
  public static OpportunityBook inMemory() {
    return over(OpportunityStore.inMemory());
  }

  /**
   * Applies one CRM signal. Never throws on data.
   *
   * @param signal the signal
   * @return what happened
   */
  public ApplyResult apply(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    Object parsed = parse(signal);
    if (parsed instanceof ApplyResult rejected) {
      return rejected;
    }
    OpportunityId id = ((Parsed) parsed).id();
    while (true) {
      Optional<OpportunityRecord> existing = store.find(id);
      if (existing.isPresent() && existing.get().hasSignal(signal.id())) {
        return new ApplyResult(signal.id(), ApplyResult.Status.DUPLICATE,
            existing.get().opportunity(), null,
            "signal " + signal.id() + " was applied to opportunity " + id + " before");
      }
      List<Signal> signals = new ArrayList<>();
      existing.ifPresent(r -> signals.addAll(r.signals()));
      signals.add(signal);
      signals.sort(TIME_ORDER);
      Object folded = fold(id, signals, signal);
      if (folded instanceof ApplyResult rejected) {
        return rejected;
      }
      Opportunity next = (Opportunity) folded;
      if (existing.isEmpty()) {
        if (store.insert(new OpportunityRecord(next, signals, 0))) {
          return new ApplyResult(signal.id(), ApplyResult.Status.CREATED, next, null,
              "signal " + signal.id() + " (" + signal.type() + ") created opportunity " + id);
        }
        continue;
      }
      OpportunityRecord current = existing.get();
      if (store.replace(current, new OpportunityRecord(next, signals, current.version() + 1))) {
        boolean same = next.equals(current.opportunity());
        return new ApplyResult(signal.id(),
            same ? ApplyResult.Status.UNCHANGED : ApplyResult.Status.UPDATED, next, null,
            "signal " + signal.id() + " (" + signal.type() + ") "
                + (same ? "left opportunity " + id + " unchanged" : "updated opportunity " + id));
      }
    }
  }

  /**
   * Looks an opportunity up.
   *
   * @param id the opportunity id
   * @return the opportunity, or empty if no signal made it known
   */
  public Optional<Opportunity> find(OpportunityId id) {
    return store.find(Objects.requireNonNull(id, "id")).map(OpportunityRecord::opportunity);
  }

  /**
   * Every opportunity, ordered by id.
   *
   * @return a snapshot
   */
  public List<Opportunity> opportunities() {
    return store.all().stream()
        .map(OpportunityRecord::opportunity)
        .sorted(Comparator.comparing(o -> o.id().value()))
        .toList();
  }

  /**
   * The opportunities of an account, ordered by id.
   *
   * @param account the account
   * @return a snapshot
   */
  public List<Opportunity> opportunitiesOf(AccountId account) {
    return store.findByAccount(Objects.requireNonNull(account, "account")).stream()
        .map(OpportunityRecord::opportunity)
        .sorted(Comparator.comparing(o -> o.id().value()))
        .toList();
  }

  /**
   * The bookings of every won opportunity, ordered by booking instant, then opportunity id.
   *
   * @return a snapshot
   */
  public List<Booking> bookings() {
    return store.all().stream()
        .map(OpportunityRecord::opportunity)
        .flatMap(o -> o.booking().stream())
        .sorted(Comparator.comparing(Booking::bookedAt)
            .thenComparing(b -> b.opportunity().value()))
        .toList();
  }

  // ------------------------------------------------------------------ reading one signal

  private record Parsed(
      OpportunityId id,
      @Nullable AccountId account,
      @Nullable CustomerId contact,
      @Nullable String stage,
      @Nullable ReferralId referral) {}

  private static ApplyResult reject(Signal s, CrmRejectReason reason, String why) {
    return new ApplyResult(s.id(), ApplyResult.Status.REJECTED, null, reason,
        "signal " + s.id() + " (" + s.type() + "): " + why);
  }

  private static @Nullable String text(Signal s, String attribute) {
    String v = s.attributes().get(attribute);
    return v == null || v.isBlank() ? null : v;
  }

  /** Returns a {@link Parsed} or a rejecting {@link ApplyResult}. */
  private static Object parse(Signal s) {
    SignalType t = s.type();
    if (!t.equals(SignalType.OPPORTUNITY_CREATED) && !t.equals(SignalType.OPPORTUNITY_WON)
        && !t.equals(SignalType.OPPORTUNITY_LOST)) {
      return reject(s, CrmRejectReason.UNSUPPORTED_TYPE,
          "type " + t + " is not opportunity_created, opportunity_won or opportunity_lost");
    }
    String idText = text(s, CrmAttributes.OPPORTUNITY_ID);
    if (idText == null) {
      return reject(s, CrmRejectReason.MISSING_OPPORTUNITY_ID,
          "attribute " + CrmAttributes.OPPORTUNITY_ID + " is missing");
    }
    String problem = Require.identifierProblem(idText);
    if (problem != null) {
      return reject(s, CrmRejectReason.INVALID_OPPORTUNITY_ID,
          "attribute " + CrmAttributes.OPPORTUNITY_ID + " " + Require.quote(idText) + " "
              + problem);
    }
    String accountText = text(s, CrmAttributes.ACCOUNT_ID);
    if (accountText != null && (problem = Require.identifierProblem(accountText)) != null) {
      return reject(s, CrmRejectReason.INVALID_ACCOUNT_ID,
          "attribute " + CrmAttributes.ACCOUNT_ID + " " + Require.quote(accountText) + " "
              + problem);
    }
    String stage = text(s, CrmAttributes.STAGE);
    if (stage != null && (problem = Require.identifierProblem(stage)) != null) {
      return reject(s, CrmRejectReason.INVALID_STAGE,
          "attribute " + CrmAttributes.STAGE + " " + Require.quote(stage) + " " + problem);
    }
    String contactText = text(s, CrmAttributes.CONTACT_ID);
    if (contactText != null && (problem = Require.identifierProblem(contactText)) != null) {
      return reject(s, CrmRejectReason.INVALID_CONTACT_ID,
          "attribute " + CrmAttributes.CONTACT_ID + " " + Require.quote(contactText) + " "
              + problem);
    }
    CustomerId contact = contactText != null
        ? CustomerId.of(contactText)
        : s.subject() instanceof CustomerId c ? c : null;
    String referralText = text(s, CrmAttributes.REFERRAL_ID);
    ReferralId referral = null;
    if (referralText != null) {
      Optional<ReferralId> r = CrmAttributes.parseReferralId(referralText);
      if (r.isEmpty()) {
        return reject(s, CrmRejectReason.INVALID_REFERRAL_ID,
            "attribute " + CrmAttributes.REFERRAL_ID + " " + Require.quote(referralText)
                + " is not a referral id (<code>/customer:<id> or <code>/anonymous:<id>)");
      }
      referral = r.get();
    }
    Money amount = s.amount();
    if (amount != null && amount.isNegative()) {
      return reject(s, CrmRejectReason.NEGATIVE_AMOUNT, "amount " + amount + " is negative");
    }
    return new Parsed(OpportunityId.of(idText),
        accountText == null ? null : AccountId.of(accountText), contact, stage, referral);
  }

  /** Returns the {@link Opportunity} the signals make, or a rejection of {@code latest}. */
  private static Object fold(OpportunityId id, List<Signal> inTimeOrder, Signal latest) {
    AccountId account = null;
    Money amount = null;
    String stage = null;
    CustomerId contact = null;
    ReferralId referral = null;
    OpportunityStatus status = OpportunityStatus.OPEN;
    java.time.Instant closedAt = null;
    for (Signal s : inTimeOrder) {
      // Every stored signal parsed when it was applied; skip one a host store altered since.
      if (!(parse(s) instanceof Parsed p)) {
        continue;
      }
      account = p.account() != null ? p.account() : account;
      amount = s.amount() != null ? s.amount() : amount;
      stage = p.stage() != null ? p.stage() : stage;
      contact = p.contact() != null ? p.contact() : contact;
      referral = p.referral() != null ? p.referral() : referral;
      if (s.type().equals(SignalType.OPPORTUNITY_WON)) {
        status = OpportunityStatus.WON;
        closedAt = s.occurredAt();
      } else if (s.type().equals(SignalType.OPPORTUNITY_LOST)) {
        status = OpportunityStatus.LOST;
        closedAt = s.occurredAt();
      }
    }
    if (account == null) {
      return reject(latest, CrmRejectReason.MISSING_ACCOUNT_ID,
          "opportunity " + id + " is unknown and attribute " + CrmAttributes.ACCOUNT_ID
              + " is missing");
    }
    if (amount == null) {
      return reject(latest, CrmRejectReason.MISSING_AMOUNT,
          "opportunity " + id + " is unknown and the signal has no amount");
    }
    return new Opportunity(id, account, contact, amount, stage,
        inTimeOrder.get(0).occurredAt(), status, closedAt, referral);
  }
}
