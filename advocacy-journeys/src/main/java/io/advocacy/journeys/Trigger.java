package io.advocacy.journeys;

import io.advocacy.core.internal.Require;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What fires a transition: a signal, a timer, a calendar moment, or entering the state.
 *
 * <p>Implementations are value-based and immutable; thread-safe.
 */
public sealed interface Trigger {
  /**
   * A label for diagrams, e.g. {@code "after P3D"}.
   *
   * @return the label
   */
  String label();

  /**
   * Whether the trigger is time-driven (a timer, a calendar moment or immediately on entry).
   *
   * @return true for every trigger but {@link OnSignal}
   */
  default boolean isTimer() {
    return !(this instanceof OnSignal);
  }

  /**
   * A signal of a type.
   *
   * @param type the signal type
   */
  record OnSignal(SignalType type) implements Trigger {
    /**
     * Validates the trigger.
     *
     * @param type the signal type
     */
    public OnSignal {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String label() {
      return "on " + type.name();
    }
  }

  /**
   * A time after entering the state.
   *
   * @param delay the delay, positive
   */
  record After(Duration delay) implements Trigger {
    /**
     * Validates the trigger.
     *
     * @param delay the delay, positive
     * @throws IllegalArgumentException if the delay is not positive
     */
    public After {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("timer delay " + delay + " is not positive");
      }
    }

    @Override
    public String label() {
      return "after " + delay;
    }
  }

  /**
   * The next occurrence of a local time in the customer's zone after entering the state.
   *
   * @param time the local time
   */
  record AtLocalTime(LocalTime time) implements Trigger {
    /**
     * Validates the trigger.
     *
     * @param time the local time
     */
    public AtLocalTime {
      Objects.requireNonNull(time, "time");
    }

    @Override
    public String label() {
      return "at next " + time + " local";
    }
  }

  /**
   * The next anniversary of a dated profile attribute (customer since, last stay) at a local
   * time: the seeds' "advocacy windows".
   *
   * @param attribute the profile's dated attribute, e.g. {@code "customer_since"}
   * @param time the local time on that day
   */
  record Anniversary(String attribute, LocalTime time) implements Trigger {
    /**
     * Validates the trigger.
     *
     * @param attribute the dated attribute
     * @param time the local time
     */
    public Anniversary {
      Require.name("dated attribute", attribute);
      Objects.requireNonNull(time, "time");
    }

    @Override
    public String label() {
      return "anniversary of " + attribute + " at " + time + " local";
    }
  }

  /**
   * At once on entering the state.
   */
  record Immediately() implements Trigger {
    @Override
    public String label() {
      return "immediately";
    }
  }
}
