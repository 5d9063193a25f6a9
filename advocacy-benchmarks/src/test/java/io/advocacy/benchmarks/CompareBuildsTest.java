package io.advocacy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareBuildsTest {
  @TempDir Path dir;

  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertThat(CompareBuilds.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(CompareBuilds.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(CompareBuilds.median(new double[] {7})).isEqualTo(7);
  }

  @Test
  void aMissingJarOrOneWithoutTheRoundsIsNamed() throws Exception {
    Path none = dir.resolve("none.jar");
    assertThatThrownBy(() -> CompareBuilds.roundOf(none, "round"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no jar at " + none);
    Path empty = dir.resolve("empty.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(empty))) {
      out.putNextEntry(new java.util.zip.ZipEntry("README"));
    }
    assertThatThrownBy(() -> CompareBuilds.roundOf(empty, "round"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(empty + " has no io.advocacy.benchmarks.EngineRounds: it was built from a"
            + " revision older than this tool");
  }

  @Test
  void aRoundHandlesEverySignalAsATransitionAndTimesIt() {
    // 70 signals over 10 instances: each instance goes once round its 7-state cycle; a signal
    // that took no transition would fail the round
    assertThat(EngineRounds.round(10, 70)).isPositive();
  }

  @Test
  void aJarWhoseRoundsLackTheWorkloadIsNamed() throws Exception {
    // this module's own classes: EngineRounds is there, a method of that name is not
    Path classes = Path.of(EngineRounds.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    assertThatThrownBy(() -> CompareBuilds.roundOf(classes, "noSuchRound"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(classes + "'s EngineRounds has no noSuchRound: it was built from a revision"
            + " older than this tool");
  }

  @Test
  void aBatchRoundHandsEverySignalOverInBatchesAndTimesIt() {
    // 250 signals over 30 instances in batches of 100, the last of 50: a signal that did not
    // move its instance, or was left out of the last batch, would fail the round
    assertThat(EngineRounds.batchRound(30, 250)).isPositive();
    assertThat(EngineRounds.batchRound(3, 1)).isPositive();
    assertThatThrownBy(() -> EngineRounds.batchRound(0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size 0 and signals 5 must both be at least 1");
  }

  @Test
  void aTickRoundFiresEveryTimerAndTimesIt() {
    // 25 timers in calls of at most 10: three calls, the last of 5; a timer that did not fire
    // would fail the round
    assertThat(EngineRounds.tickRound(25, 10)).isPositive();
    assertThatThrownBy(() -> EngineRounds.tickRound(5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timers 5 and limit 0 must both be at least 1");
  }

  @Test
  void countsBelowOneAreRefused() {
    assertThatThrownBy(() -> EngineRounds.round(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size 0 and signals 10 must both be at least 1");
  }
}
