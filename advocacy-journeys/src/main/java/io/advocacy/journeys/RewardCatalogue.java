package io.advocacy.journeys;

import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.ReviewContext;
import io.advocacy.core.reward.RewardReason;
import io.advocacy.core.reward.RewardRequest;
import io.advocacy.core.reward.RewardValue;
import java.util.Optional;

/**
 * What an {@link ActionKind#ISSUE_REWARD} action is worth: turns the action into a reward
 * request, which the reward service then checks against the compliance rules before anything
 * is issued. The request's idempotency key must be the action's, so a retried action never
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
   * The playbook's rewards, by the action's parameters:
   *
   * <ul>
   *   <li>{@code kind=RECOGNITION}: a recognition of zero value, for the motion named by {@code
   *       for} (case study → CASE_STUDY, anything else → COMMUNITY);
   *   <li>a {@code platform} parameter: a review reward, a USD 10 gift card, not conditioned on
   *       the rating nor asked selectively (the review compliance rule then decides by platform);
   *   <li>{@code sides}: the referrer's side of a referral reward, a USD 25 gift card;
   *   <li>anything else: not rewarded.
   * </ul>
   *
   * @return the catalogue
   */
  static RewardCatalogue playbook() {
    return (action, profile, region) -> {
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
        return Optional.of(b.kind(IncentiveKind.GIFT_CARD)
            .value(RewardValue.of(Money.of("25.00", "USD")))
            .reason(RewardReason.referral(false)).build());
      }
      return Optional.empty();
    };
  }
}
