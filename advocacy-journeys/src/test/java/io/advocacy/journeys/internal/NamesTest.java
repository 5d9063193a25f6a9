package io.advocacy.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {
  /**
   * Names of one hash, so of one set of recent names: "Aa" and "BB" hash alike, so any mix of
   * them of one length does too.
   */
  private static final List<String> SAME_HASH = List.of("AaAa", "AaBB", "BBAa", "BBBB");
  /** Names whose hashes share their low eight bits, as "advocacy-cycle" and "on cycle_reward". */
  private static final List<String> SAME_SET = List.of("advocacy-cycle", "on cycle_reward");

  @Test
  void twoNamesOfOneSetKeepTheirNumbers() {
    assertThat(SAME_SET.get(0).hashCode() & 0xff).isEqualTo(SAME_SET.get(1).hashCode() & 0xff);
    Names names = new Names();
    int journey = names.number(SAME_SET.get(0));
    int label = names.number(SAME_SET.get(1));
    for (int k = 0; k < 10; k++) {
      assertThat(names.number(SAME_SET.get(0))).isEqualTo(journey);
      assertThat(names.number(SAME_SET.get(1))).isEqualTo(label);
    }
    assertThat(journey).isNotEqualTo(label);
    assertThat(names.name(journey)).isSameAs(SAME_SET.get(0));
    assertThat(names.name(label)).isSameAs(SAME_SET.get(1));
  }

  @Test
  void aNameHasOneNumberWhateverItsStringAndTheOrder() {
    // draws: an index into the pool, and whether to pass the pooled string or a copy of it
    List<String> pool = new java.util.ArrayList<>(SAME_HASH);
    pool.addAll(SAME_SET);
    for (int k = 0; k < 40; k++) {
      pool.add("state-" + k);
    }
    qt().withFixedSeed(77L).withExamples(200)
        .forAll(lists().of(integers().between(0, 2 * pool.size() - 1)).ofSizeBetween(1, 300))
        .checkAssert(draws -> {
          Names names = new Names();
          Map<String, Integer> model = new HashMap<>();
          for (int d : draws) {
            String pooled = pool.get(d % pool.size());
            String name = d < pool.size() ? pooled : new String(pooled.toCharArray());
            int n = names.number(name);
            Integer before = model.putIfAbsent(pooled, model.size());
            assertThat(n).as("number of %s", name).isEqualTo(before == null ? model.size() - 1
                : before);
            assertThat(names.name(n)).isEqualTo(name);
          }
        });
  }
}
