package io.advocacy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenIdsTest {
  /** Ids of one hash: "Aa" and "BB" hash alike, so any mix of them of one length does too. */
  private static String colliding(int k) {
    StringBuilder b = new StringBuilder("s-");
    for (int bit = 0; bit < 12; bit++) {
      b.append((k >>> bit & 1) == 0 ? "Aa" : "BB");
    }
    return b.toString();
  }

  private static String id(Random r, int pool) {
    int k = r.nextInt(pool);
    return switch (k % 6) {
      case 0 -> colliding(k % 600); // hundreds of ids in one bucket and the ones after it
      case 1 -> "sig-\u4e00" + k; // two bytes per character in the arena
      case 2 -> "order-" + k; // fingerprints that differ in low bits, so nearby buckets
      default -> Long.toString(k * 2_654_435_761L, 36);
    };
  }

  /** Checks both the ids and a copy restored from their state against the model's ids. */
  private static SeenIds agreesAfterRestore(SeenIds seen, Set<String> model) {
    assertThat(seen.size()).isEqualTo(model.size());
    SeenIds restored = new SeenIds(Long.MAX_VALUE / 4, 1);
    restored.restore(seen.state());
    assertThat(restored.size()).isEqualTo(model.size());
    for (String id : model) {
      assertThat(restored.add(id, 0)).as("restored %s", id).isFalse();
      assertThat(seen.add(id, 0)).as("again %s", id).isFalse();
    }
    return restored;
  }

  @Test
  void tensOfThousandsOfIdsAgreeWithASet() {
    // growth, waiting ids put in their buckets 64 at a time, full buckets and their overflow
    qt().withFixedSeed(1234L).withExamples(12)
        .forAll(longs().all(), integers().between(1, 20_000), integers().between(1, 40_000))
        .checkAssert((seed, pool, draws) -> assertThat(
            agreesWithASet(seed, pool, draws, false).add("never-seen", 0)).isTrue());
  }

  @Test
  void forgettingAgreesWithASetAndLeavesEveryOtherIdFound() {
    // forgotten entries in full buckets must not cut off the ids that overflowed past them
    qt().withFixedSeed(99L).withExamples(12)
        .forAll(longs().all(), integers().between(1, 3_000), integers().between(1, 12_000))
        .checkAssert((seed, pool, draws) -> agreesWithASet(seed, pool, draws, true));
  }

  /**
   * Adds (and, when {@code forgetting}, forgets a third of the time) random ids from a pool,
   * checking each answer against a set's, then the whole against the set after a restore.
   *
   * @return the restored copy
   */
  private static SeenIds agreesWithASet(long seed, int pool, int draws, boolean forgetting) {
    Random r = new Random(seed);
    SeenIds seen = new SeenIds(Long.MAX_VALUE / 4, 1);
    Set<String> model = new HashSet<>();
    for (int k = 0; k < draws; k++) {
      String id = id(r, pool);
      // a copy, so that nothing is found by identity
      String copy = new String(id.toCharArray());
      if (forgetting && r.nextInt(3) == 0) {
        assertThat(seen.forget(copy)).as("forget %s", id).isEqualTo(model.remove(id));
      } else {
        assertThat(seen.add(copy, 0)).as("add %s", id).isEqualTo(model.add(id));
      }
    }
    return agreesAfterRestore(seen, model);
  }

  @Test
  void sequentialIdsGoToNearbyBucketsAndStayExact() {
    // A host's sequence numbers: fingerprints that differ in their low bits, so runs of nearby
    // buckets fill up and overflow into the next ones while the table grows from 16 ids.
    SeenIds seen = new SeenIds(Long.MAX_VALUE / 4, 16);
    int n = 300_000;
    for (int k = 0; k < n; k++) {
      assertThat(seen.add(Integer.toString(k), 0)).as("first %s", k).isTrue();
      if (k % 3 == 0) {
        assertThat(seen.add(Integer.toString(k / 2), 0)).as("again %s", k / 2).isFalse();
      }
    }
    assertThat(seen.size()).isEqualTo(n);
    for (int k = 0; k < n; k++) {
      assertThat(seen.add(new String(Integer.toString(k).toCharArray()), 0)).isFalse();
    }
    for (int k = n; k < n + 1_000; k++) {
      assertThat(seen.add(Integer.toString(k), 0)).as("new %s", k).isTrue();
    }
    // hash codes that differ only in low bits give fingerprints that differ only in those bits
    assertThat(SeenIds.fingerprint("1001") ^ SeenIds.fingerprint("1000"))
        .isEqualTo("1001".hashCode() ^ "1000".hashCode()).isEqualTo(0b11_1111);
    assertThat(SeenIds.fingerprint("order-1042") ^ SeenIds.fingerprint("order-1041"))
        .isEqualTo("order-1042".hashCode() ^ "order-1041".hashCode()).isEqualTo(0b111);
  }

  @Test
  void aMalformedStateIsRefusedAndChangesNothing() {
    SeenIds seen = new SeenIds(1_000, 4);
    seen.add("kept", 5);
    long[][] good = seen.state();
    // an empty current generation, and a previous one naming an id longer than its part
    long[][] bad = {{-5_000L}, new long[0], {40L}};
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> seen.restore(bad)).withMessageContaining("packed id length 40");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> seen.restore(new long[][] {{}, good[1], good[2]}))
        .withMessageContaining("the first of 0");
    assertThat(seen.size()).isEqualTo(1);
    assertThat(seen.add("kept", 5)).isFalse();
    // the generation still ends where it did: one horizon after the first event
    assertThat(seen.add("later", 1_004)).isTrue();
    assertThat(seen.size()).isEqualTo(2);
    assertThat(seen.add("next", 1_005)).isTrue();
    assertThat(seen.size()).isEqualTo(3);
  }

  @Test
  void idsOfTheNextGenerationAreCheckedAgainstThePrevious() {
    SeenIds seen = new SeenIds(1_000, 4);
    for (int k = 0; k < 5_000; k++) {
      assertThat(seen.add(colliding(k % 700) + k, 0)).isTrue();
    }
    // a second generation starts: every first-generation id is still a duplicate
    assertThat(seen.add("next", 1_000)).isTrue();
    for (int k = 0; k < 5_000; k++) {
      assertThat(seen.add(colliding(k % 700) + k, 1_500)).isFalse();
    }
    assertThat(seen.size()).isEqualTo(5_001);
    // a third: the first generation is dropped, the second kept
    assertThat(seen.add("third", 2_000)).isTrue();
    assertThat(seen.add("next", 2_000)).isFalse();
    assertThat(seen.add(colliding(0) + 0, 2_000)).isTrue();
  }
}
