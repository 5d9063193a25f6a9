package io.advocacy.core.recognition;

import io.advocacy.core.internal.Require;
import java.util.List;

/**
 * A level of recognition reached at a number of points.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param name the level's name, e.g. {@code "Champion"}
 * @param minPoints the points at which it is reached
 */
public record RecognitionLevel(String name, long minPoints) {
  /**
   * Validates the level.
   *
   * @param name the name
   * @param minPoints the threshold, not negative
   * @throws IllegalArgumentException if the threshold is negative
   */
  public RecognitionLevel {
    Require.identifier("level name", name);
    if (minPoints < 0) {
      throw new IllegalArgumentException("level " + name + " minPoints " + minPoints + " is negative");
    }
  }

  /**
   * The default levels: Member 0, Insider 100, Advocate 500, Champion 1,500, Legend 5,000.
   *
   * @return the levels, ascending
   */
  public static List<RecognitionLevel> defaults() {
    return List.of(new RecognitionLevel("Member", 0), new RecognitionLevel("Insider", 100),
        new RecognitionLevel("Advocate", 500), new RecognitionLevel("Champion", 1500),
        new RecognitionLevel("Legend", 5000));
  }
}
