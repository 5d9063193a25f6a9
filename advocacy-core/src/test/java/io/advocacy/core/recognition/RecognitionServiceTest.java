package io.advocacy.core.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecognitionServiceTest {
  static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");
  static final CustomerId BOB = CustomerId.of("c-bob");

  static Signal act(String id, CustomerId who, SignalType type, Duration after) {
    return Signal.of(SignalId.of(id), who, type, T0.plus(after), 1);
  }

  @Test
  void pointsLevelsAndTheFirstBadge() {
    RecognitionService r = new RecognitionService(RecognitionStore.inMemory());
    RecognitionOutcome review = r.apply(act("s-1", ADA, SignalType.REVIEW_POSTED, Duration.ZERO));
    assertThat(review.pointsEarned()).isEqualTo(50);
    assertThat(review.newBadges()).extracting(b -> b.badge().id()).containsExactly("first_review");
    assertThat(review.newLevel()).isNull(); // still Member
    // 50 + 300 (case study) + 100 (story) = 450: Insider, storyteller
    r.apply(act("s-2", ADA, SignalType.CASE_STUDY_COMPLETED, Duration.ofHours(1)));
    RecognitionOutcome story = r.apply(act("s-3", ADA, SignalType.STORY_COMPLETED, Duration.ofHours(2)));
    assertThat(story.newBadges()).isEmpty(); // storyteller came with the case study
    assertThat(r.standing(ADA).points()).isEqualTo(450);
    assertThat(r.standing(ADA).level().name()).isEqualTo("Insider");
    // + 50 (review) = 500: Advocate exactly at the threshold
    RecognitionOutcome fifth = r.apply(act("s-4", ADA, SignalType.REVIEW_POSTED, Duration.ofHours(3)));
    assertThat(fifth.newLevel().name()).isEqualTo("Advocate");
    assertThat(r.standing(ADA).badges()).extracting(b -> b.badge().id(), AwardedBadge::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("first_review", T0),
            org.assertj.core.groups.Tuple.tuple("storyteller", T0.plus(Duration.ofHours(1))));
  }

  @Test
  void duplicatesAndNonActsChangeNothing() {
    RecognitionService r = new RecognitionService(RecognitionStore.inMemory());
    r.apply(act("s-1", ADA, SignalType.REVIEW_POSTED, Duration.ZERO));
    RecognitionOutcome again = r.apply(act("s-1", ADA, SignalType.REVIEW_POSTED, Duration.ZERO));
    assertThat(again.status()).isEqualTo(RecognitionOutcome.Status.DUPLICATE);
    assertThat(r.apply(act("s-2", ADA, SignalType.NPS_ANSWERED, Duration.ZERO)).reason())
        .isEqualTo("not_an_act");
    assertThat(r.apply(Signal.of(SignalId.of("s-3"), AnonymousId.of("v"), SignalType.REVIEW_POSTED,
        T0, 5)).reason()).isEqualTo("anonymous_subject");
    assertThat(r.apply(Signal.socialMention(SignalId.of("s-4"), ADA, T0, -0.4)).reason())
        .isEqualTo("not_positive");
    assertThat(r.standing(ADA).points()).isEqualTo(50);
  }

  @Test
  void dailyCapsCountTheEarliestActsOfTheDay() {
    RecognitionService r = new RecognitionService(RecognitionStore.inMemory());
    // Six shares on one day, the earliest arriving last: only the five earliest earn 10 each.
    for (int i = 5; i >= 0; i--) {
      r.apply(act("share-" + i, ADA, SignalType.REFERRAL_SHARED, Duration.ofMinutes(i)));
    }
    r.apply(act("share-next-day", ADA, SignalType.REFERRAL_SHARED, Duration.ofDays(1)));
    assertThat(r.standing(ADA).points()).isEqualTo(60);
  }

  @Test
  void fiveReferralsAndTheLeaderboardWithTies() {
    RecognitionService r = new RecognitionService(RecognitionStore.inMemory());
    for (int i = 0; i < 5; i++) {
      r.apply(act("ref-" + i, ADA, SignalType.REFERRAL_CONVERTED, Duration.ofDays(i)));
    }
    assertThat(r.standing(ADA).badges()).extracting(b -> b.badge().id())
        .containsExactly("five_referrals");
    assertThat(r.standing(ADA).badges().get(0).at()).isEqualTo(T0.plus(Duration.ofDays(4)));
    // Bob and Cy both earn 200 in the period; Bob reached it first.
    r.apply(act("b-1", BOB, SignalType.REFERRAL_CONVERTED, Duration.ofDays(2)));
    r.apply(act("c-1", CustomerId.of("c-cy"), SignalType.REFERRAL_CONVERTED, Duration.ofDays(3)));
    List<LeaderboardEntry> board = r.leaderboard(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(4)), 10);
    assertThat(board).extracting(e -> e.customer().value(), LeaderboardEntry::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c-ada", 600L), // referrals on days 1, 2 and 3
            org.assertj.core.groups.Tuple.tuple("c-bob", 200L),
            org.assertj.core.groups.Tuple.tuple("c-cy", 200L))
        .hasSize(3);
  }

  @Test
  void topAdvocatesAreFlaggedWithReasons() {
    RecognitionService r = new RecognitionService(RecognitionStore.inMemory());
    for (int i = 0; i < 3; i++) {
      r.apply(act("refcall-" + i, ADA, SignalType.REFERENCE_COMPLETED, Duration.ofDays(i)));
    }
    for (int i = 0; i < 5; i++) {
      r.apply(act("cs-" + i, ADA, SignalType.CASE_STUDY_COMPLETED, Duration.ofDays(i)));
    }
    // 3 · 150 + 5 · 300 = 1950: Champion with reference_champion
    r.apply(act("b-1", BOB, SignalType.REVIEW_POSTED, Duration.ofDays(1)));
    List<AdvocateFlag> flags = r.topAdvocates(T0, T0.plus(Duration.ofDays(30)), "Champion",
        "reference_champion", 1, "Legend");
    assertThat(flags).extracting(AdvocateFlag::invitation, f -> f.customer().value(), AdvocateFlag::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Invitation.ADVISORY_BOARD, "c-ada",
                "level Champion with 1950 points and the reference_champion badge"),
            org.assertj.core.groups.Tuple.tuple(Invitation.BETA_ACCESS, "c-ada",
                "rank 1 with 1950 points from 2027-01-04T09:00:00Z to 2027-02-03T09:00:00Z"));
  }

  @Test
  void standingsDoNotDependOnArrivalOrderAndRepeatsAreNoOps() {
    SignalType[] types = {SignalType.REVIEW_POSTED, SignalType.REFERRAL_SHARED,
        SignalType.COMMUNITY_POSTED, SignalType.REFERRAL_CONVERTED, SignalType.REFERENCE_COMPLETED};
    qt().withExamples(150)
        .forAll(lists().of(integers().between(0, 100_000)).ofSizeBetween(0, 40), longs().all())
        .checkAssert((codes, seed) -> {
          List<Signal> signals = new ArrayList<>();
          for (int c : codes) {
            CustomerId who = CustomerId.of("c-" + c % 3);
            signals.add(act("s-" + c, who, types[c % types.length], Duration.ofHours(c % 60)));
          }
          List<Signal> shuffled = new ArrayList<>(signals);
          shuffled.addAll(signals);
          Collections.shuffle(shuffled, new Random(seed));
          RecognitionService a = new RecognitionService(RecognitionStore.inMemory());
          signals.forEach(a::apply);
          RecognitionService b = new RecognitionService(RecognitionStore.inMemory());
          shuffled.forEach(b::apply);
          for (int i = 0; i < 3; i++) {
            CustomerId who = CustomerId.of("c-" + i);
            assertThat(b.standing(who)).isEqualTo(a.standing(who));
          }
          assertThat(b.leaderboard(T0, T0.plus(Duration.ofDays(2)), 5))
              .isEqualTo(a.leaderboard(T0, T0.plus(Duration.ofDays(2)), 5));
        });
  }
}
