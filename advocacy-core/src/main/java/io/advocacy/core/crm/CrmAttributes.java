package io.advocacy.core.crm;

import io.advocacy.core.SubjectId;
import io.advocacy.core.referral.ReferralCode;
import io.advocacy.core.referral.ReferralId;
import java.util.Objects;
import java.util.Optional;

/**
 * The signal attributes an {@link OpportunityBook} reads from {@link
 * io.advocacy.core.signal.SignalType#OPPORTUNITY_CREATED}, {@code OPPORTUNITY_WON} and {@code
 * OPPORTUNITY_LOST} signals, and the text form of a referral id in {@link #REFERRAL_ID}.
 *
 * <pre>{@code
 * Signal won = Signal.builder(SignalId.of("evt-9"), CustomerId.of("c-7"),
 *         SignalType.OPPORTUNITY_WON, Instant.parse("2026-04-15T17:00:00Z"))
 *     .amount(Money.of("12000", "USD"))
 *     .attribute(CrmAttributes.OPPORTUNITY_ID, "006-1")
 *     .attribute(CrmAttributes.ACCOUNT_ID, "001-acme")
 *     .attribute(CrmAttributes.STAGE, "Closed Won")
 *     .build();
 * }</pre>
 *
 * <p>This class is thread-safe (stateless).
 */
public final class CrmAttributes {
  /** The CRM's opportunity id; required on every opportunity signal. */
  public static final String OPPORTUNITY_ID = "opportunity_id";

  /** The CRM's account id; required on the first signal that makes an opportunity known. */
  public static final String ACCOUNT_ID = "account_id";

  /** The CRM's stage name, e.g. {@code Negotiation}; optional. */
  public static final String STAGE = "stage";

  /**
   * The primary contact's customer id; optional. Without it, a signal whose subject is a
   * customer names that customer as the contact.
   */
  public static final String CONTACT_ID = "contact_id";

  /**
   * The referral the host marks as the deal's source, in the text form of {@link
   * #referralIdText(ReferralId)}; optional.
   */
  public static final String REFERRAL_ID = "referral_id";

  private CrmAttributes() {}

  /**
   * The text form of a referral id: its code, {@code /}, and the referee's subject text, e.g.
   * {@code K7MQC/anonymous:a-17}. Equal to {@link ReferralId#toString()}.
   *
   * @param id the referral id
   * @return the text
   */
  public static String referralIdText(ReferralId id) {
    Objects.requireNonNull(id, "id");
    return id.code().value() + "/" + id.referee().asText();
  }

  /**
   * Reads the text form written by {@link #referralIdText(ReferralId)}. Never throws on bad
   * text.
   *
   * @param text the text
   * @return the referral id, or empty when the text is not one
   */
  public static Optional<ReferralId> parseReferralId(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    Optional<ReferralCode> code = ReferralCode.parse(text.substring(0, slash)).code();
    if (code.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ReferralId(code.get(), SubjectId.parse(text.substring(slash + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
