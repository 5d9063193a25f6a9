package io.advocacy.core.contact;

import io.advocacy.core.Motion;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code maxAsks} asks of one customer in any period of length {@code window}, counting
 * every ask across all programmes, the asks of the candidate's own motion, or the asks of one
 * motion. "Any period" makes the cap a true rolling window: no {@code maxAsks + 1} counted asks
 * of the customer lie less than {@code window} apart, however late or out of order they were
 * decided. An ask exactly {@code window} after another no longer shares a period with it.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param maxAsks the most asks allowed in any period of the window, at least 1
 * @param window the length of the rolling window, positive
 * @param scope which asks the cap counts
 * @param motion the motion for {@link Scope#ONE_MOTION}; null otherwise
 */
public record FrequencyCap(int maxAsks, Duration window, Scope scope, @Nullable Motion motion) {
  /** Which asks a cap counts. */
  public enum Scope {
    /** Every ask of the customer, across all programmes and motions. */
    ALL_ASKS,
    /** The customer's asks for the same motion as the candidate, for every motion. */
    EACH_MOTION,
    /** The customer's asks for one named motion; other asks pass this cap. */
    ONE_MOTION
  }

  /**
   * Validates the cap.
   *
   * @param maxAsks the most asks allowed in any period of the window
   * @param window the length of the rolling window
   * @param scope which asks the cap counts
   * @param motion the motion for {@link Scope#ONE_MOTION}; null otherwise
   * @throws IllegalArgumentException if {@code maxAsks < 1} or the window is not positive
   * @throws IllegalStateException if a motion is given for another scope or missing for
   *     {@link Scope#ONE_MOTION}
   */
  public FrequencyCap {
    if (maxAsks < 1) {
      throw new IllegalArgumentException("frequency cap maxAsks " + maxAsks + " is below 1");
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("frequency cap window " + window + " is not positive");
    }
    Objects.requireNonNull(scope, "scope");
    if ((scope == Scope.ONE_MOTION) != (motion != null)) {
      throw new IllegalStateException("frequency cap scope " + scope + " with motion " + motion);
    }
  }

  /**
   * A cap over all asks of a customer, across all programmes.
   *
   * @param maxAsks the most asks in any period of the window
   * @param window the window
   * @return the cap
   */
  public static FrequencyCap perCustomer(int maxAsks, Duration window) {
    return new FrequencyCap(maxAsks, window, Scope.ALL_ASKS, null);
  }

  /**
   * A cap over a customer's asks for each motion separately.
   *
   * @param maxAsks the most asks of one motion in any period of the window
   * @param window the window
   * @return the cap
   */
  public static FrequencyCap perEachMotion(int maxAsks, Duration window) {
    return new FrequencyCap(maxAsks, window, Scope.EACH_MOTION, null);
  }

  /**
   * A cap over a customer's asks for one motion.
   *
   * @param motion the motion
   * @param maxAsks the most asks in any period of the window
   * @param window the window
   * @return the cap
   */
  public static FrequencyCap perMotion(Motion motion, int maxAsks, Duration window) {
    return new FrequencyCap(maxAsks, window, Scope.ONE_MOTION, Objects.requireNonNull(motion));
  }

  /**
   * Whether the cap applies to a candidate at all.
   *
   * @param candidate the reservation wanted
   * @return false only for a one-motion cap and a candidate of another motion
   */
  public boolean appliesTo(ContactReservation candidate) {
    return scope != Scope.ONE_MOTION || candidate.motion() == motion;
  }

  /**
   * Whether, for a candidate, the cap counts an existing reservation.
   *
   * @param candidate the reservation wanted
   * @param existing a reservation of the same customer
   * @return true if the two share this cap
   */
  public boolean counts(ContactReservation candidate, ContactReservation existing) {
    return switch (scope) {
      case ALL_ASKS -> true;
      case EACH_MOTION -> existing.motion() == candidate.motion();
      case ONE_MOTION -> existing.motion() == motion && candidate.motion() == motion;
    };
  }
}
