package io.advocacy.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.internal.IdArena;
import io.advocacy.core.internal.SeenIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The id tables look ids up by hash and confirm by characters: ids whose {@link
 * String#hashCode()} (and so fingerprint) collide must still be told apart.
 */
class IdTablesTest {
  /** The i-th of 2^blocks strings with one and the same hashCode: "Aa" and "BB" hash alike. */
  static String colliding(int i, int blocks) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < blocks; k++) {
      b.append((i >>> k & 1) == 0 ? "Aa" : "BB");
    }
    return b.toString();
  }

  @Test
  void collidingIdsHaveTheSameHashAndFingerprint() {
    assertThat(colliding(0, 10).hashCode()).isEqualTo(colliding(1023, 10).hashCode());
    assertThat(SeenIds.fingerprint(colliding(0, 10)))
        .isEqualTo(SeenIds.fingerprint(colliding(5, 10)));
  }

  @Test
  void aFingerprintCollisionIsNotADuplicate() {
    SeenIds seen = new SeenIds(1000, 1);
    for (int i = 0; i < 1024; i++) {
      assertThat(seen.add(colliding(i, 10), 0)).as("first sight of %s", colliding(i, 10)).isTrue();
    }
    for (int i = 0; i < 1024; i++) {
      assertThat(seen.add(colliding(i, 10), 0)).isFalse();
    }
    assertThat(seen.size()).isEqualTo(1024);
  }

  @Test
  void collidingCustomerIdsGetTheirOwnRecords() {
    CustomerTable t = new CustomerTable(1);
    for (int i = 0; i < 512; i++) {
      assertThat(t.findOrAdd(colliding(i, 9))).isEqualTo(i);
    }
    for (int i = 0; i < 512; i++) {
      assertThat(t.find(colliding(i, 9))).isEqualTo(i);
      assertThat(t.id(i)).isEqualTo(colliding(i, 9));
    }
    assertThat(t.find(colliding(0, 8))).isEqualTo(-1);
    assertThat(t.size()).isEqualTo(512);
    assertThat(t.state().length).isGreaterThanOrEqualTo(512 * CustomerTable.STRIDE);
  }

  @Test
  void theArenaKeepsAnyCharactersExactly() {
    IdArena arena = new IdArena(1);
    String[] ids = {"", "c-1", "ümlaut-ÿ", "漢字-id", "emoji-\uD83D\uDE00", "x".repeat(300),
        "\u0100".repeat(70)};
    int[] at = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      at[i] = arena.append(ids[i]);
    }
    for (int i = 0; i < ids.length; i++) {
      assertThat(arena.read(at[i])).isEqualTo(ids[i]);
      assertThat(arena.hashCode(at[i])).isEqualTo(ids[i].hashCode()); // what a rehash uses
      assertThat(at[i] % 4).isZero();
      for (int j = 0; j < ids.length; j++) {
        assertThat(arena.matches(at[i], ids[j])).isEqualTo(i == j);
      }
    }
    // header 1 + 3 bytes; 300 Latin-1 characters take a 2-byte header
    assertThat(arena.read(at[1])).isEqualTo("c-1");
    assertThat(at[2] - at[1]).isEqualTo(4);
  }

  @Test
  void theTablesAgreeWithHashSetsAndHashMaps() {
    // Ids drawn from a small pool of colliding and ordinary strings, so repeats are common.
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 199)).ofSizeBetween(0, 400))
        .checkAssert(codes -> {
          SeenIds seen = new SeenIds(Long.MAX_VALUE / 4, 1);
          CustomerTable customers = new CustomerTable(1);
          Set<String> model = new HashSet<>();
          Map<String, Integer> indices = new HashMap<>();
          for (int c : codes) {
            String id = c < 128 ? colliding(c, 7) : "id-" + c + (c % 3 == 0 ? "\u4e00" : "");
            assertThat(seen.add(id, 0)).isEqualTo(model.add(id));
            int expected = indices.computeIfAbsent(id, k -> indices.size());
            assertThat(customers.findOrAdd(id)).isEqualTo(expected);
          }
          assertThat(seen.size()).isEqualTo(model.size());
          assertThat(customers.size()).isEqualTo(indices.size());
          indices.forEach((id, i) -> assertThat(customers.id(i)).isEqualTo(id));
        });
  }

  @Test
  void theSeenIdsStateRestoresExactlyTheSameIds() {
    SeenIds seen = new SeenIds(100, 1);
    List<String> early = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      early.add(colliding(i, 9));
      seen.add(early.get(i), 0);
    }
    seen.add("later-\u4e00\u4e8c", 150); // a second generation: the early ids become previous
    SeenIds restored = new SeenIds(100, 1);
    restored.restore(seen.state());
    assertThat(restored.size()).isEqualTo(301);
    for (String id : early) {
      assertThat(restored.add(id, 150)).isFalse();
    }
    assertThat(restored.add("later-\u4e00\u4e8c", 150)).isFalse();
    assertThat(restored.add(colliding(300, 9), 150)).isTrue();
    // Two horizons on, both generations are dropped.
    assertThat(restored.add(early.get(0), 1000)).isTrue();
  }
}
