package io.advocacy.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The chain's two ways of finding an edge — the dense array and the hash table it gives way to
 * when the array would grow too large — build the same chain.
 */
class MarkovChainTest {

  /** Random paths over {@code channels} channels; each is {conversions, nulls, codes...}. */
  private static List<long[]> paths(long seed, int channels, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    List<long[]> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long[] p = new long[2 + 1 + r.nextInt(6)];
      p[0] = r.nextInt(3);
      p[1] = r.nextInt(3);
      for (int k = 2; k < p.length; k++) {
        p[k] = r.nextInt(channels);
      }
      paths.add(p);
    }
    return paths;
  }

  private static MarkovChain chain(List<long[]> paths, int order, boolean merge, int denseLimit) {
    MarkovChain chain = new MarkovChain(order, merge, denseLimit);
    int[] codes = new int[8];
    for (long[] p : paths) {
      for (int k = 2; k < p.length; k++) {
        codes[k - 2] = chain.code("c" + p[k]);
      }
      if (p[0] + p[1] > 0) {
        chain.add(codes, p.length - 2, p[0], p[1]);
      }
    }
    chain.freeze();
    return chain;
  }

  @Test
  void denseArrayAndHashTableBuildTheSameChain() {
    qt().withExamples(60).forAll(integers().all(), integers().between(1, 3),
        integers().between(1, 40)).checkAssert((seed, order, channels) -> {
          List<long[]> paths = paths(seed, channels, 300);
          for (boolean merge : new boolean[] {false, true}) {
            MarkovChain dense = chain(paths, order, merge, Integer.MAX_VALUE);
            // from the first channel on the array would be too large: the hash table from the
            // start; with a limit of 4096 entries the switch happens while reading
            for (int limit : new int[] {0, 4096}) {
              MarkovChain hashed = chain(paths, order, merge, limit);
              assertThat(hashed.probabilities("s", "c", "n"))
                  .isEqualTo(dense.probabilities("s", "c", "n"));
              for (int removed = -1; removed < dense.channels().size(); removed++) {
                assertThat(hashed.conversionProbability(removed))
                    .isEqualTo(dense.conversionProbability(removed));
              }
            }
          }
        });
  }

  @Test
  void aChannelCodeBeyondTheDenseStrideWidensIt() {
    // 3 channels, then 70 more: the stride doubles from 1 to 128 while states already exist
    MarkovChain chain = new MarkovChain(2, false);
    int[] codes = {chain.code("a"), chain.code("b"), chain.code("c")};
    chain.add(codes, 3, 1, 0);
    for (int i = 0; i < 70; i++) {
      codes[0] = chain.code("x" + i);
      chain.add(codes, 3, 0, 1);
    }
    codes[0] = chain.code("a");
    chain.add(codes, 3, 1, 0);
    chain.freeze();
    // a > b > c converts twice, x_i > b > c never: from the start 2 of 72 journeys convert
    assertThat(chain.conversionProbability(-1)).isEqualTo(2.0 / 72, within(1e-15));
    assertThat(chain.probabilities("s", "conv", "null").get("b > c"))
        .containsEntry("conv", 2.0 / 72).containsEntry("null", 70.0 / 72);
  }
}
