package io.advocacy.benchmarks;

import io.advocacy.core.CustomerId;
import io.advocacy.core.SignalId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A seeded scoring workload: signals of a population in random order over a year, each with a
 * unique id, so that de-duplication has to look every one up.
 */
public final class ScoringWorkload {
  private static final SignalType[] TYPES = {
    SignalType.PRODUCT_USAGE, SignalType.PRODUCT_USAGE, SignalType.PRODUCT_USAGE,
    SignalType.NPS_ANSWERED, SignalType.CSAT_ANSWERED, SignalType.PURCHASE_COMPLETED,
    SignalType.REVIEW_POSTED, SignalType.SOCIAL_MENTION, SignalType.COMPLAINT_OPENED,
    SignalType.OUTCOME_ACHIEVED
  };
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private ScoringWorkload() {}

  /**
   * Generates signals.
   *
   * @param customers the population
   * @param count how many signals
   * @param seed the seed
   * @return the signals, in random event-time order
   */
  public static Signal[] signals(int customers, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CustomerId[] ids = new CustomerId[customers];
    for (int i = 0; i < customers; i++) {
      ids[i] = CustomerId.of("c-" + i);
    }
    Signal[] out = new Signal[count];
    for (int i = 0; i < count; i++) {
      SignalType type = TYPES[random.nextInt(TYPES.length)];
      double value;
      if (type.equals(SignalType.NPS_ANSWERED)) {
        value = random.nextInt(11);
      } else if (type.equals(SignalType.CSAT_ANSWERED)) {
        value = 1 + random.nextInt(5);
      } else if (type.equals(SignalType.REVIEW_POSTED)) {
        value = 1 + random.nextInt(5);
      } else if (type.equals(SignalType.SOCIAL_MENTION)) {
        value = random.nextDouble() * 2 - 1;
      } else {
        value = random.nextInt(20);
      }
      out[i] = Signal.of(SignalId.of("e-" + i), ids[random.nextInt(customers)], type,
          START.plusSeconds(random.nextLong(365L * 86_400)), value);
    }
    return out;
  }
}
