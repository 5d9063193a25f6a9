package io.advocacy.journeys;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SubjectId;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.ReviewContext;
import io.advocacy.core.reward.RewardPairing;
import io.advocacy.core.reward.RewardReason;
import io.advocacy.core.reward.RewardRequest;
import io.advocacy.core.reward.RewardValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an {@link ActionKind#ISSUE_REWARD} action is worth: turns the action into a reward
 * request (or, through {@link #offers}, several: the two sides of a referral), which the
 * reward service then checks against the compliance rules before anything is issued. A
 * request's idempotency key must be derived from the action's alone, so a retried action never
 * issues twice.
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface RewardCatalogue {
  /**
   * The reward for an action, or empty when this catalogue does not reward it.
   *
   * @param action the action
   * @param profile the payee's profile
   * @param region the payee's region (ISO 3166 alpha-2)
   * @return the request
   */
  Optional<RewardRequest> offer(ActionRequest action, CustomerProfile profile, String region);

  /**
   * Every reward for an action, in the order to request them: by default what {@link #offer}
   * gives. A catalogue that also pays someone other than the action's customer (the friend of a
   * double-sided referral) overrides this.
   *
   * @param action the action
   * @param profile the action's customer's profile
   * @param region that customer's region (ISO 3166 alpha-2)
   * @param profiles the profile of any other customer the action names
   * @return the requests, possibly none
   */
  default List<RewardRequest> offers(ActionRequest action, CustomerProfile profile, String region,
      Function<CustomerId, CustomerProfile> profiles) {
    return offer(action, profile, region).map(List::of).orElse(List.of());
  }

  /**
   * The playbook's rewards, by the action's parameters:
   *
   * <ul>
   *   <li>{@code kind=RECOGNITION}: a recognition of zero value, for the motion named by {@code
   *       for} (case study → CASE_STUDY, anything else → COMMUNITY);
   *   <li>a {@code platform} parameter: a review reward, a USD 10 gift card, not conditioned on
   *       the rating nor asked selectively (the review compliance rule then decides by platform);
   *   <li>{@code sides}: the referrer's side of a referral reward, a USD 25 gift card; with
   *       {@code sides=both} and a {@code referee} naming a customer ({@code customer:<id>}),
   *       {@link #offers} adds the friend's side, a USD 25 account credit for the referee, under
   *       the action's key plus {@code :friend}. The two carry a {@link RewardPairing} whose id
   *       is the action's key, and each is checked and issued on its own. A referee not named,
   *       or not (yet) a customer ({@code anonymous:<id>}), gets no side: name the customer on
   *       the conversion signal;
   *   <li>anything else: not rewarded.
   * </ul>
   *
   * @return the catalogue
   */
  static RewardCatalogue playbook() {
    return new RewardCatalogue() {
      @Override
      public Optional<RewardRequest> offer(ActionRequest action, CustomerProfile profile,
          String region) {
        return playbookOffer(action, profile, region);
      }

      @Override
      public List<RewardRequest> offers(ActionRequest action, CustomerProfile profile,
          String region, Function<CustomerId, CustomerProfile> profiles) {
        Optional<RewardRequest> own = offer(action, profile, region);
        if (own.isEmpty() || !"both".equals(action.params().get("sides"))) {
          return own.map(List::of).orElse(List.of());
        }
        CustomerId referee = referee(action.params().get("referee"));
        if (referee == null || referee.equals(action.customer())) {
          return List.of(own.get());
        }
        CustomerProfile friend = profiles.apply(referee);
        String friendRegion = friend.locale().getCountry().isEmpty() ? region
            : friend.locale().getCountry();
        List<RewardRequest> both = new ArrayList<>(2);
        both.add(own.get());
        both.add(RewardRequest.builder(action.idempotencyKey() + ":friend", friend, friendRegion)
            .requestedAt(action.at()).kind(IncentiveKind.ACCOUNT_CREDIT)
            .value(RewardValue.of(Money.of("25.00", "USD")))
            .reason(RewardReason.referral(false))
            .pairing(new RewardPairing(action.idempotencyKey(), RewardPairing.Role.FRIEND))
            .build());
        return List.copyOf(both);
      }
    };
  }

  private static @org.jspecify.annotations.Nullable CustomerId referee(
      @org.jspecify.annotations.Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return SubjectId.parse(text) instanceof CustomerId c ? c : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Optional<RewardRequest> playbookOffer(ActionRequest action,
      CustomerProfile profile, String region) {
    RewardRequest.Builder b = RewardRequest.builder(action.idempotencyKey(), profile, region)
        .requestedAt(action.at());
    if ("RECOGNITION".equals(action.params().get("kind"))) {
      Motion motion = "case_study".equals(action.params().get("for"))
          ? Motion.CASE_STUDY : Motion.COMMUNITY;
      return Optional.of(b.kind(IncentiveKind.RECOGNITION).value(RewardValue.zero("USD"))
          .reason(RewardReason.of(motion)).build());
    }
    String platform = action.params().get("platform");
    if (platform != null) {
      return Optional.of(b.kind(IncentiveKind.GIFT_CARD)
          .value(RewardValue.of(Money.of("10.00", "USD")))
          .reason(RewardReason.review(new ReviewContext(platform, false, false))).build());
    }
    if (action.params().containsKey("sides")) {
      if ("both".equals(action.params().get("sides"))) {
        b.pairing(new RewardPairing(action.idempotencyKey(), RewardPairing.Role.REFERRER));
      }
      return Optional.of(b.kind(IncentiveKind.GIFT_CARD)
          .value(RewardValue.of(Money.of("25.00", "USD")))
          .reason(RewardReason.referral(false)).build());
    }
    return Optional.empty();
  }
}
