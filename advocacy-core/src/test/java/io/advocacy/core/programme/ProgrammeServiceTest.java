package io.advocacy.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.programme.EnrolmentResult.Reason;
import io.advocacy.core.programme.EnrolmentResult.Status;
import io.advocacy.core.reward.IncentiveKind;
import io.advocacy.core.reward.RewardValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgrammeServiceTest {
  private static final Instant OPENS = Instant.parse("2027-01-01T00:00:00Z");
  private static final Instant CLOSES = Instant.parse("2027-07-01T00:00:00Z");
  private static final CustomerId ADA = CustomerId.of("c-ada");
  private static final Terms TERMS = new Terms("referral-terms", 2, URI.create("https://example.com/terms"));

  private static Programme.Builder referral() {
    return Programme.builder(ProgrammeId.of("p-refer"), Motion.REFERRAL, TERMS, OPENS)
        .name("Refer a friend")
        .offer("Give 20, get 20")
        .incentive(new Incentive(IncentiveKind.ACCOUNT_CREDIT, RewardValue.of(Money.of("20", "USD"))))
        .eligibility("promoters-90d")
        .closesAt(CLOSES);
  }

  private static Instant day(int d) {
    return OPENS.plus(Duration.ofDays(d));
  }

  @Test
  void enrolIsIdempotentAndTheWindowIsHalfOpen() {
    ProgrammeService service = new ProgrammeService(ParticipationStore.inMemory());
    Programme p = referral().build();
    assertThat(service.enrol(p, ADA, 2, EnrolmentSource.SELF, OPENS.minusSeconds(1)).reason())
        .isEqualTo(Reason.PROGRAMME_NOT_OPEN);
    EnrolmentResult first = service.enrol(p, ADA, 2, EnrolmentSource.SELF, OPENS);
    assertThat(first.status()).isEqualTo(Status.ENROLLED);
    assertThat(first.participation().history())
        .containsExactly(new Participation.Change(ParticipationState.ENROLLED, OPENS));
    EnrolmentResult again = service.enrol(p, ADA, 2, EnrolmentSource.SELF, day(1));
    assertThat(again.status()).isEqualTo(Status.UNCHANGED);
    assertThat(again.participation()).isEqualTo(first.participation());
    assertThat(service.enrol(p, CustomerId.of("c-late"), 2, EnrolmentSource.SELF, CLOSES).reason())
        .isEqualTo(Reason.PROGRAMME_NOT_OPEN);
  }

  @Test
  void eachRejectionSaysWhy() {
    ProgrammeService service = new ProgrammeService(ParticipationStore.inMemory());
    Programme invite = referral().enrolment(EnrolmentMode.INVITE_ONLY).maxParticipants(1)
        .reenrolAfterOptOut(false).build();
    EnrolmentResult terms = service.enrol(invite, ADA, 1, EnrolmentSource.INVITED, day(1));
    assertThat(terms.reason()).isEqualTo(Reason.TERMS_VERSION_MISMATCH);
    assertThat(terms.message()).isEqualTo("accepted terms referral-terms version 1, current is 2");
    assertThat(service.enrol(invite, ADA, 2, EnrolmentSource.SELF, day(1)).reason())
        .isEqualTo(Reason.INVITATION_REQUIRED);
    assertThat(service.enrol(invite, ADA, 2, EnrolmentSource.INVITED, day(1)).status())
        .isEqualTo(Status.ENROLLED);
    EnrolmentResult full = service.enrol(invite, CustomerId.of("c-bob"), 2, EnrolmentSource.INVITED, day(2));
    assertThat(full.reason()).isEqualTo(Reason.PROGRAMME_FULL);
    assertThat(full.message()).isEqualTo("programme p-refer has its 1 participants; c-bob was not enrolled");
    assertThat(service.optOut(invite.id(), ADA, day(0)).reason()).isEqualTo(Reason.OUT_OF_ORDER);
    assertThat(service.optOut(invite.id(), ADA, day(3)).status()).isEqualTo(Status.OPTED_OUT);
    assertThat(service.optOut(invite.id(), ADA, day(4)).status()).isEqualTo(Status.UNCHANGED);
    assertThat(service.enrol(invite, ADA, 2, EnrolmentSource.INVITED, day(5)).reason())
        .isEqualTo(Reason.OPTED_OUT_EARLIER);
    assertThat(service.optOut(invite.id(), CustomerId.of("c-nobody"), day(5)).reason())
        .isEqualTo(Reason.NOT_ENROLLED);
  }

  @Test
  void participationAsOfAnInstant() {
    ProgrammeService service = new ProgrammeService(ParticipationStore.inMemory());
    Programme p = referral().build();
    Programme reviews = Programme.builder(ProgrammeId.of("p-reviews"), Motion.REVIEW, TERMS, OPENS).build();
    service.enrol(p, ADA, 2, EnrolmentSource.SELF, day(1));
    service.enrol(p, CustomerId.of("c-bob"), 2, EnrolmentSource.SELF, day(2));
    service.optOut(p.id(), ADA, day(10));
    service.enrol(p, ADA, 2, EnrolmentSource.SELF, day(20)); // re-enrolment allowed by default
    service.enrol(reviews, ADA, 2, EnrolmentSource.SELF, day(3));
    assertThat(service.participantsAsOf(p.id(), day(1).minusSeconds(1))).isZero();
    assertThat(service.participantsAsOf(p.id(), day(5))).isEqualTo(2);
    assertThat(service.participantsAsOf(p.id(), day(10))).isEqualTo(1); // the opt-out instant counts
    assertThat(service.participantsAsOf(p.id(), day(20))).isEqualTo(2);
    assertThat(service.distinctParticipantsAsOf(List.of(p.id(), reviews.id()), day(15))).isEqualTo(2);
    assertThat(service.store().find(p.id(), ADA).orElseThrow().history())
        .extracting(Participation.Change::state).containsExactly(ParticipationState.ENROLLED,
            ParticipationState.OPTED_OUT, ParticipationState.ENROLLED);
  }

  @Test
  void sixteenThreadsForTheLastPlaceEnrolExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      Programme p = referral().maxParticipants(3).build();
      ProgrammeService service = new ProgrammeService(ParticipationStore.inMemory());
      service.enrol(p, CustomerId.of("c-a"), 2, EnrolmentSource.SELF, day(1));
      service.enrol(p, CustomerId.of("c-b"), 2, EnrolmentSource.SELF, day(1));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<EnrolmentResult>> answers = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        CustomerId who = CustomerId.of("c-t" + t);
        answers.add(pool.submit(() -> {
          start.await();
          return service.enrol(p, who, 2, EnrolmentSource.SELF, day(2));
        }));
      }
      start.countDown();
      int enrolled = 0;
      for (Future<EnrolmentResult> f : answers) {
        EnrolmentResult r = f.get(10, TimeUnit.SECONDS);
        if (r.status() == Status.ENROLLED) {
          enrolled++;
        } else {
          assertThat(r.reason()).isEqualTo(Reason.PROGRAMME_FULL);
        }
      }
      assertThat(enrolled).isEqualTo(1);
      assertThat(service.store().countEnrolled(p.id())).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Any sequence of enrolments and opt-outs of a few customers: the participant count is the
   * number of customers whose last effective request enrolled them, never above the limit.
   */
  @Test
  void countsFollowTheLastEffectiveRequestAndNeverPassTheLimit() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 11)).ofSizeBetween(0, 40))
        .checkAssert(ops -> {
          Programme p = referral().maxParticipants(3).build();
          ProgrammeService service = new ProgrammeService(ParticipationStore.inMemory());
          Map<Integer, Boolean> in = new HashMap<>();
          for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            CustomerId who = CustomerId.of("c-" + op % 6);
            EnrolmentResult r = op < 6
                ? service.enrol(p, who, 2, EnrolmentSource.SELF, day(i))
                : service.optOut(p.id(), who, day(i));
            if (r.status() == Status.ENROLLED) {
              in.put(op % 6, true);
            } else if (r.status() == Status.OPTED_OUT) {
              in.put(op % 6, false);
            }
            long expected = in.values().stream().filter(b -> b).count();
            assertThat(service.store().countEnrolled(p.id())).isEqualTo(expected).isLessThanOrEqualTo(3);
            assertThat(service.participantsAsOf(p.id(), day(i))).isEqualTo(expected);
          }
        });
  }

  @Test
  void programmesAndIncentivesFailFastOnNonsense() {
    assertThatThrownBy(() -> referral().closesAt(OPENS).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after it opens");
    assertThatThrownBy(() -> new Incentive(IncentiveKind.GIFT_CARD, null))
        .hasMessage("incentive GIFT_CARD needs a value");
    assertThatThrownBy(() -> new Incentive(IncentiveKind.POINTS, RewardValue.of(Money.of("5", "USD"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Incentive(IncentiveKind.RECOGNITION, null).value()).isNull();
    assertThatThrownBy(() -> new Terms("t", 0, null)).hasMessage("terms version 0 is below 1");
  }
}
