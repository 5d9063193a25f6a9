package io.advocacy.core.referral;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SubjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The built-in {@link FraudRule}s. Every rule returned is immutable and thread-safe.
 *
 * <p>This class is thread-safe (static factories only).
 */
public final class FraudRules {
  private FraudRules() {}

  /**
   * The usual set: {@link #selfReferral()}, {@link #duplicateReferee()} and {@link
   * #velocity(int, Duration)} with 20 referrals per rolling day.
   *
   * @return the rules
   */
  public static List<FraudRule> defaults() {
    return List.of(selfReferral(), duplicateReferee(), velocity(20, Duration.ofDays(1)));
  }

  /**
   * Self-referral ({@value ReferralReasons#SELF_REFERRAL}): the referee is the referrer (same
   * customer id), or shares a hashed normalised e-mail, device fingerprint or payment
   * fingerprint with the referrer.
   *
   * @return the rule
   */
  public static FraudRule selfReferral() {
    return rule(ReferralReasons.SELF_REFERRAL, c -> {
      Referral r = c.candidate();
      return r.referee().equals(r.referrer())
          || r.referrer().equals(r.refereeCustomer())
          || r.refereeFacts().sharesAnyWith(c.code().referrerFacts());
    });
  }

  /**
   * Referee already a customer ({@value ReferralReasons#REFEREE_ALREADY_CUSTOMER}): the
   * referee's customer id is known and the host says they were a customer before the referral
   * started.
   *
   * @param directory the host's customer directory
   * @return the rule
   */
  public static FraudRule refereeAlreadyCustomer(CustomerDirectory directory) {
    Objects.requireNonNull(directory, "directory");
    return rule(ReferralReasons.REFEREE_ALREADY_CUSTOMER, c -> {
      Referral r = c.candidate();
      CustomerId customer = r.refereeCustomer();
      if (customer == null && r.referee() instanceof CustomerId known) {
        customer = known;
      }
      return customer != null && directory.wasCustomerBefore(customer, r.createdAt());
    });
  }

  /**
   * Duplicate referee ({@value ReferralReasons#DUPLICATE_REFEREE}): another referral of the
   * same referee (by first-seen subject or customer id) already converted.
   *
   * @return the rule
   */
  public static FraudRule duplicateReferee() {
    return rule(ReferralReasons.DUPLICATE_REFEREE, c -> {
      Referral r = c.candidate();
      List<SubjectId> subjects = new ArrayList<>(List.of(r.referee()));
      if (r.refereeCustomer() != null) {
        subjects.add(r.refereeCustomer());
      }
      return subjects.stream()
          .flatMap(s -> c.store().findByReferee(s).stream())
          .anyMatch(other -> !other.id().equals(r.id()) && other.state().hasConverted());
    });
  }

  /**
   * Velocity ({@value ReferralReasons#VELOCITY}): the referrer already has {@code max} other
   * referrals (rejected ones included) created within {@code window} up to and including the
   * instant this one was created. The count uses the
   * referrals' own event instants, so the answer does not change when the rule runs again
   * later.
   *
   * @param max referrals allowed in the window before this one, at least 1
   * @param window the rolling window, positive (one day is usual)
   * @return the rule
   * @throws IllegalArgumentException naming {@code max} or {@code window} if out of range
   */
  public static FraudRule velocity(int max, Duration window) {
    Objects.requireNonNull(window, "window");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    return rule(ReferralReasons.VELOCITY, c -> {
      Referral r = c.candidate();
      return c.store().countCreatedBy(r.referrer(), r.createdAt().minus(window), r.createdAt(), r.id())
          >= max;
    });
  }

  /**
   * A rule from a reason code and a predicate.
   *
   * @param reasonCode the reason recorded when the predicate is true
   * @param flags the predicate; must be thread-safe
   * @return the rule
   */
  public static FraudRule rule(String reasonCode, Predicate<FraudContext> flags) {
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(flags, "flags");
    return new FraudRule() {
      @Override
      public String reasonCode() {
        return reasonCode;
      }

      @Override
      public boolean flags(FraudContext context) {
        return flags.test(context);
      }

      @Override
      public String toString() {
        return "FraudRule[" + reasonCode + "]";
      }
    };
  }
}
