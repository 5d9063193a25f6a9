package io.advocacy.core.capture;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.referral.HashedValue;
import io.advocacy.core.referral.ReferralService;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A captured referral lead: the friend's answers to the fields the form asked (nothing more),
 * the advocate who referred them with their context for the sales team, and when.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the lead's id (the host's form submission id)
 * @param referrer the advocate
 * @param programme the programme
 * @param referralCode the advocate's referral code, or null
 * @param capturedAt when the form was submitted
 * @param friend the friend's answers, trimmed, only fields the form asks
 * @param context the advocate's context
 * @param emailHash the friend's e-mail as a keyed hash (for matching the later sign-up), or
 *     null without a hasher
 */
public record ReferralLead(
    String id,
    CustomerId referrer,
    ProgrammeId programme,
    @Nullable String referralCode,
    Instant capturedAt,
    Map<LeadField, String> friend,
    AdvocateContext context,
    @Nullable HashedValue emailHash) {
  /**
   * Validates and copies the lead.
   *
   * @param id the lead's id
   * @param referrer the advocate
   * @param programme the programme
   * @param referralCode the referral code, or null
   * @param capturedAt when submitted
   * @param friend the friend's answers
   * @param context the advocate's context
   * @param emailHash the e-mail hash, or null
   */
  public ReferralLead {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(capturedAt, "capturedAt");
    Objects.requireNonNull(context, "context");
    EnumMap<LeadField, String> copy = new EnumMap<>(LeadField.class);
    copy.putAll(friend);
    friend = Collections.unmodifiableMap(copy);
  }

  /**
   * One of the friend's answers.
   *
   * @param field the field
   * @return the answer, or empty
   */
  public Optional<String> answer(LeadField field) {
    return Optional.ofNullable(friend.get(field));
  }

  /**
   * The {@link SignalType#REFERRAL_SHARED} signal that starts tracking this referral in the
   * {@link ReferralService}: subject the referrer, the code, the referee, and the friend's
   * e-mail (which the service hashes on arrival). Empty without a referral code.
   *
   * @param signalId the signal's id
   * @param referee how the friend is known to the host (an anonymous id until they sign up)
   * @return the signal, or empty
   */
  public Optional<Signal> sharedSignal(SignalId signalId, SubjectId referee) {
    if (referralCode == null) {
      return Optional.empty();
    }
    Signal.Builder b = Signal.builder(signalId, referrer, SignalType.REFERRAL_SHARED, capturedAt)
        .attribute(ReferralService.CODE_ATTRIBUTE, referralCode)
        .attribute(ReferralService.REFEREE_ATTRIBUTE, referee.asText())
        .attribute("programme", programme.value())
        .source("advocacy-capture");
    answer(LeadField.EMAIL).ifPresent(e -> b.attribute(ReferralService.EMAIL_ATTRIBUTE, e));
    return Optional.of(b.build());
  }
}
