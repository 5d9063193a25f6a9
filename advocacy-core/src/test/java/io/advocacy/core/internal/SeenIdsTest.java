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
    return switch (k % 5) {
      case 0 -> colliding(k % 600); // hundreds of ids in one bucket and the ones after it
      case 1 -> "sig-\u4e00" + k; // two bytes per character in the arena
      default -> Long.toString(k * 2_654_435_761L, 36);
    };
  }

  @Test
  void tensOfThousandsOfIdsAgreeWithASet() {
    // growth, waiting ids put in their buckets 64 at a time, full buckets and their overflow
    qt().withFixedSeed(1234L).withExamples(12)
        .forAll(longs().all(), integers().between(1, 20_000), integers().between(1, 40_000))
        .checkAssert((seed, pool, draws) -> {
          Random r = new Random(seed);
          SeenIds seen = new SeenIds(Long.MAX_VALUE / 4, 1);
          Set<String> model = new HashSet<>();
          for (int k = 0; k < draws; k++) {
            String id = id(r, pool);
            // a copy, so that nothing is found by identity
            assertThat(seen.add(new String(id.toCharArray()), 0)).as("add %s", id)
                .isEqualTo(model.add(id));
          }
          assertThat(seen.size()).isEqualTo(model.size());
          SeenIds restored = new SeenIds(Long.MAX_VALUE / 4, 1);
          restored.restore(seen.state());
          assertThat(restored.size()).isEqualTo(model.size());
          for (String id : model) {
            assertThat(restored.add(id, 0)).as("restored %s", id).isFalse();
            assertThat(seen.add(id, 0)).as("again %s", id).isFalse();
          }
          assertThat(restored.add("never-seen", 0)).isTrue();
        });
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
