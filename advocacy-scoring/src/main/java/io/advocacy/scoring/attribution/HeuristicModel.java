package io.advocacy.scoring.attribution;

import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.StageMarker;
import io.advocacy.core.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A rule that splits one conversion over the touches of its path. Weights are not negative and
 * add up to 1 for every path.
 *
 * <ul>
 *   <li>first touch, last touch: all to one end;
 *   <li>last non-direct: all to the last touch whose channel is not {@link Channel#DIRECT} (the
 *       last touch when every touch is direct);
 *   <li>linear: equal shares;
 *   <li>time decay: {@code 2^(−Δt / half-life)} with Δt from the touch to the conversion
 *       (default half-life 7 days), normalised;
 *   <li>position-based: {@code first} to the first touch, {@code last} to the last, the rest
 *       spread over the middle (default 40 / 20 / 40); one touch gets 100 %, two get 50 / 50;
 *   <li>W-shaped: 30 % each to three anchors — the first touch, the first touch marked {@link
 *       StageMarker#LEAD_CREATED}, the first marked {@link StageMarker#OPPORTUNITY_CREATED} — and
 *       10 % spread over the other touches. <b>Missing marker rule</b>: a missing anchor's 30 %
 *       is spread evenly over the anchors present; when every touch is an anchor, the 10 % is
 *       spread over the anchors too. A touch that is two anchors gets both shares.
 * </ul>
 *
 * Time decay and W-shaped need instants and stage markers: they apply to journeys only, and
 * running them on aggregated paths is refused with a message saying so.
 *
 * <p>Immutable; thread-safe.
 */
public final class HeuristicModel {
  private enum Kind { FIRST, LAST, LAST_NON_DIRECT, LINEAR, TIME_DECAY, POSITION, W_SHAPED }

  private final Kind kind;
  private final Duration halfLife;
  private final double first;
  private final double last;

  private HeuristicModel(Kind kind, Duration halfLife, double first, double last) {
    this.kind = kind;
    this.halfLife = halfLife;
    this.first = first;
    this.last = last;
  }

  /**
   * First touch.
   *
   * @return the model
   */
  public static HeuristicModel firstTouch() {
    return new HeuristicModel(Kind.FIRST, Duration.ZERO, 0, 0);
  }

  /**
   * Last touch.
   *
   * @return the model
   */
  public static HeuristicModel lastTouch() {
    return new HeuristicModel(Kind.LAST, Duration.ZERO, 0, 0);
  }

  /**
   * Last non-direct touch.
   *
   * @return the model
   */
  public static HeuristicModel lastNonDirect() {
    return new HeuristicModel(Kind.LAST_NON_DIRECT, Duration.ZERO, 0, 0);
  }

  /**
   * Linear.
   *
   * @return the model
   */
  public static HeuristicModel linear() {
    return new HeuristicModel(Kind.LINEAR, Duration.ZERO, 0, 0);
  }

  /**
   * Time decay with a half-life of 7 days.
   *
   * @return the model
   */
  public static HeuristicModel timeDecay() {
    return timeDecay(Duration.ofDays(7));
  }

  /**
   * Time decay.
   *
   * @param halfLife the half-life, positive
   * @return the model
   */
  public static HeuristicModel timeDecay(Duration halfLife) {
    Objects.requireNonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("half-life " + halfLife + " is not positive");
    }
    return new HeuristicModel(Kind.TIME_DECAY, halfLife, 0, 0);
  }

  /**
   * Position-based 40 / 20 / 40.
   *
   * @return the model
   */
  public static HeuristicModel positionBased() {
    return positionBased(0.4, 0.4);
  }

  /**
   * Position-based.
   *
   * @param first the first touch's share
   * @param last the last touch's share; {@code first + last <= 1}
   * @return the model
   */
  public static HeuristicModel positionBased(double first, double last) {
    if (!(first >= 0 && last >= 0 && first + last <= 1)) {
      throw new IllegalArgumentException("position shares " + first + " / " + last + " are invalid");
    }
    return new HeuristicModel(Kind.POSITION, Duration.ZERO, first, last);
  }

  /**
   * W-shaped 30 / 30 / 30 / 10.
   *
   * @return the model
   */
  public static HeuristicModel wShaped() {
    return new HeuristicModel(Kind.W_SHAPED, Duration.ZERO, 0, 0);
  }

  /**
   * The model's name, e.g. {@code "time_decay"}.
   *
   * @return the name
   */
  public String name() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the model applies to aggregated paths (it needs neither instants nor markers).
   *
   * @return false for time decay and W-shaped
   */
  public boolean appliesToPaths() {
    return kind != Kind.TIME_DECAY && kind != Kind.W_SHAPED;
  }

  /**
   * The weights of a channel path's touches.
   *
   * @param channels the channels in order
   * @return one weight per touch, adding up to 1
   * @throws IllegalStateException for time decay and W-shaped, which need journeys
   */
  public double[] weights(List<String> channels) {
    if (!appliesToPaths()) {
      throw new IllegalStateException("the " + name() + " model needs touch instants and stage"
          + " markers; aggregated paths have neither — run it on journeys");
    }
    int n = channels.size();
    double[] w = new double[n];
    switch (kind) {
      case FIRST -> w[0] = 1;
      case LAST -> w[n - 1] = 1;
      case LAST_NON_DIRECT -> {
        int at = n - 1;
        for (int i = n - 1; i >= 0; i--) {
          if (!channels.get(i).equals(Channel.DIRECT.name())) {
            at = i;
            break;
          }
        }
        w[at] = 1;
      }
      case LINEAR -> java.util.Arrays.fill(w, 1.0 / n);
      case POSITION -> position(w);
      default -> throw new IllegalStateException(name());
    }
    return w;
  }

  /**
   * The weights of a journey's touches.
   *
   * @param path the journey
   * @return one weight per touch, adding up to 1
   */
  public double[] weights(ConversionPath path) {
    List<Touchpoint> t = path.touches();
    int n = t.size();
    double[] w = new double[n];
    switch (kind) {
      case TIME_DECAY -> {
        Instant conversion = path.conversionInstant();
        double h = halfLife.toMillis();
        double sum = 0;
        for (int i = 0; i < n; i++) {
          double dt = Math.max(0, Duration.between(t.get(i).at(), conversion).toMillis());
          w[i] = Math.pow(2, -dt / h);
          sum += w[i];
        }
        for (int i = 0; i < n; i++) {
          w[i] /= sum;
        }
      }
      case W_SHAPED -> wShaped(t, w);
      default -> {
        return weights(t.stream().map(x -> x.channel().name()).toList());
      }
    }
    return w;
  }

  private void position(double[] w) {
    int n = w.length;
    if (n == 1) {
      w[0] = 1;
    } else if (n == 2) {
      w[0] = 0.5;
      w[1] = 0.5;
    } else {
      w[0] = first;
      w[n - 1] = last;
      double middle = (1 - first - last) / (n - 2);
      for (int i = 1; i < n - 1; i++) {
        w[i] = middle;
      }
    }
  }

  private static void wShaped(List<Touchpoint> t, double[] w) {
    int n = t.size();
    int lead = -1;
    int opportunity = -1;
    for (int i = 0; i < n; i++) {
      if (lead < 0 && t.get(i).stage() == StageMarker.LEAD_CREATED) {
        lead = i;
      }
      if (opportunity < 0 && t.get(i).stage() == StageMarker.OPPORTUNITY_CREATED) {
        opportunity = i;
      }
    }
    int[] anchors = lead < 0 && opportunity < 0 ? new int[] {0}
        : lead < 0 ? new int[] {0, opportunity}
        : opportunity < 0 ? new int[] {0, lead}
        : new int[] {0, lead, opportunity};
    double perAnchor = 0.9 / anchors.length; // missing anchors' 30 % spread over those present
    boolean[] isAnchor = new boolean[n];
    for (int a : anchors) {
      w[a] += perAnchor;
      isAnchor[a] = true;
    }
    int others = 0;
    for (boolean b : isAnchor) {
      others += b ? 0 : 1;
    }
    if (others == 0) {
      for (int a : anchors) {
        w[a] += 0.1 / anchors.length;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!isAnchor[i]) {
          w[i] += 0.1 / others;
        }
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
