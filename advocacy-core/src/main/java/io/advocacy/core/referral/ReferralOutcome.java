package io.advocacy.core.referral;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What applying a signal or an operation did.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param kind applied, duplicate, rejected or ignored
 * @param reason a machine-readable reason (see {@link ReferralReasons}); null only for {@link
 *     Kind#APPLIED}
 * @param referral the referral as it stands afterwards, when there is one
 */
public record ReferralOutcome(Kind kind, @Nullable String reason, @Nullable Referral referral) {

  /** The kinds of outcome. Immutable; thread-safe. */
  public enum Kind {
    /** The referral changed (or was created). */
    APPLIED,
    /** Already done: the same event id, or the same conversion or reward again. Nothing changed. */
    DUPLICATE,
    /** Refused with a reason; a rejected referral is kept in state REJECTED or EXPIRED. */
    REJECTED,
    /** Not something the referral service acts on; nothing changed. */
    IGNORED
  }

  /**
   * Checks the components.
   *
   * @param kind the kind
   * @param reason the reason; required unless {@code kind} is APPLIED
   * @param referral the referral afterwards, or null
   */
  public ReferralOutcome {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.APPLIED && reason == null) {
      throw new IllegalArgumentException("a " + kind + " outcome needs a reason");
    }
  }

  static ReferralOutcome applied(Referral r) {
    return new ReferralOutcome(Kind.APPLIED, null, r);
  }

  static ReferralOutcome of(Kind kind, String reason, @Nullable Referral r) {
    return new ReferralOutcome(kind, reason, r);
  }

  /**
   * The reason, for callers that must think about its absence.
   *
   * @return the reason, or empty for APPLIED
   */
  public Optional<String> reasonIfAny() {
    return Optional.ofNullable(reason);
  }

  /**
   * The referral afterwards.
   *
   * @return the referral, or empty
   */
  public Optional<Referral> referralIfAny() {
    return Optional.ofNullable(referral);
  }
}
