package io.advocacy.core.reward;

/**
 * What a reward is. Each kind knows whether it is monetary (valued in a currency and given as
 * money or a money substitute) and whether it is a cash equivalent, which healthcare rules
 * forbid for government health-programme beneficiaries.
 *
 * <p>Value units: {@link #POINTS} is valued in points; {@link #RECOGNITION} has zero value;
 * every other kind is valued in a currency (for {@link #SWAG} its retail value).
 *
 * <p>Immutable; thread-safe.
 */
public enum IncentiveKind {
  /** Loyalty or advocacy points; not monetary, not a cash equivalent. */
  POINTS(false),
  /**
   * Credit on the customer's account; monetary. A cash equivalent only when the credit can be
   * used like cash (withdrawn, transferred, spent outside the host's own services), which the
   * request states with {@link RewardRequest#creditUsableAsCash()}.
   */
  ACCOUNT_CREDIT(true),
  /** A discount on the host's own products; monetary, not a cash equivalent. */
  DISCOUNT(true),
  /** A gift card; monetary and always a cash equivalent. */
  GIFT_CARD(true),
  /** Cash (bank transfer, cheque, payment app); monetary and a cash equivalent. */
  CASH(true),
  /** A donation made to a charity in the customer's name; monetary, not a cash equivalent. */
  CHARITY_DONATION(true),
  /** A physical item (merchandise), valued at its retail value; not monetary. */
  SWAG(false),
  /** Non-monetary recognition (a badge, a mention, a thank-you); always zero value. */
  RECOGNITION(false);

  private final boolean monetary;

  IncentiveKind(boolean monetary) {
    this.monetary = monetary;
  }

  /**
   * Whether the reward is money or a money substitute.
   *
   * @return true for account credit, discount, gift card, cash and charity donation
   */
  public boolean isMonetary() {
    return monetary;
  }

  /**
   * Whether the reward is cash or a cash equivalent.
   *
   * @param creditUsableAsCash whether account credit can be used like cash; only {@link
   *     #ACCOUNT_CREDIT} looks at it
   * @return true for cash and gift cards, and for account credit usable as cash
   */
  public boolean isCashEquivalent(boolean creditUsableAsCash) {
    return switch (this) {
      case CASH, GIFT_CARD -> true;
      case ACCOUNT_CREDIT -> creditUsableAsCash;
      default -> false;
    };
  }
}
