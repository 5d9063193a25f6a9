package io.advocacy.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.profile.ContactChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyRulesTest {
  private static final Instant T0 = Instant.parse("2027-01-04T12:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");

  private static ContactReservation r(String id, Motion motion, Duration offset) {
    return new ContactReservation(id, ADA, ContactChannel.EMAIL, motion, null, T0.plus(offset));
  }

  private static List<ContactReasonCode> codes(FrequencyRules rules, List<ContactReservation> held,
      ContactReservation candidate) {
    return rules.violations(held, candidate).stream().map(ContactReason::code).toList();
  }

  @Test
  void anAskExactlyAWindowLaterNoLongerSharesAPeriod() {
    FrequencyRules oneIn30 = new FrequencyRules(
        List.of(FrequencyCap.perCustomer(1, Duration.ofDays(30))), Duration.ZERO);
    List<ContactReservation> held = List.of(r("a-1", Motion.REVIEW, Duration.ZERO));
    assertThat(codes(oneIn30, held, r("a-2", Motion.REVIEW, Duration.ofDays(30)))).isEmpty();
    assertThat(codes(oneIn30, held, r("a-2", Motion.REVIEW, Duration.ofDays(30).minusSeconds(1))))
        .containsExactly(ContactReasonCode.CUSTOMER_CAP);
    assertThat(codes(oneIn30, held, r("a-2", Motion.REVIEW, Duration.ofDays(-30)))).isEmpty();
    // The candidate's own ask id is not counted against it.
    assertThat(codes(oneIn30, held, r("a-1", Motion.REVIEW, Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void aLateAskBetweenTwoHeldOnesCountsBothSides() {
    FrequencyRules twoIn10 = new FrequencyRules(
        List.of(FrequencyCap.perCustomer(2, Duration.ofDays(10))), Duration.ZERO);
    // Held at days 0 and 8; a third at day 4 makes three asks within 8 days.
    assertThat(codes(twoIn10,
        List.of(r("a-1", Motion.REVIEW, Duration.ZERO), r("a-2", Motion.REVIEW, Duration.ofDays(8))),
        r("a-3", Motion.REVIEW, Duration.ofDays(4)))).containsExactly(ContactReasonCode.CUSTOMER_CAP);
    // Held at days 0 and 12: day 6 shares a period with each, never with both.
    assertThat(codes(twoIn10,
        List.of(r("a-1", Motion.REVIEW, Duration.ZERO), r("a-2", Motion.REVIEW, Duration.ofDays(12))),
        r("a-3", Motion.REVIEW, Duration.ofDays(6)))).isEmpty();
  }

  @Test
  void scopesCountTheirOwnAsks() {
    FrequencyRules rules = new FrequencyRules(List.of(
        FrequencyCap.perEachMotion(1, Duration.ofDays(7)),
        FrequencyCap.perMotion(Motion.CASE_STUDY, 1, Duration.ofDays(90))), Duration.ofHours(1));
    List<ContactReservation> held = List.of(r("a-1", Motion.CASE_STUDY, Duration.ZERO));
    assertThat(codes(rules, held, r("a-2", Motion.REVIEW, Duration.ofDays(1)))).isEmpty();
    assertThat(codes(rules, held, r("a-2", Motion.CASE_STUDY, Duration.ofDays(8))))
        .containsExactly(ContactReasonCode.MOTION_CAP);
    assertThat(codes(rules, held, r("a-2", Motion.CASE_STUDY, Duration.ofDays(1))))
        .containsExactly(ContactReasonCode.MOTION_CAP, ContactReasonCode.MOTION_CAP);
    assertThat(rules.violations(held, r("a-2", Motion.REVIEW, Duration.ofMinutes(59))))
        .extracting(ContactReason::message).containsExactly(
            "ask a-1 at 2027-01-04T12:00:00Z is less than PT1H from 2027-01-04T12:59:00Z");
  }

  @Test
  void lookBackIsTheLongestWindowOrTheGap() {
    assertThat(ContactPolicy.DEFAULT_RULES.lookBack()).isEqualTo(Duration.ofDays(30));
    assertThat(FrequencyRules.NONE.lookBack()).isEqualTo(Duration.ZERO);
    assertThat(new FrequencyRules(List.of(FrequencyCap.perCustomer(1, Duration.ofDays(1))),
        Duration.ofDays(3)).lookBack()).isEqualTo(Duration.ofDays(3));
  }
}
