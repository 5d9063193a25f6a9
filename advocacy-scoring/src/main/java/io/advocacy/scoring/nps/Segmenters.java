package io.advocacy.scoring.nps;

import io.advocacy.core.CustomerId;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.signal.Signal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ready-made segmenters for {@link NpsAggregator}: functions from an answer to the name of its
 * segment. An answer without a segment (an anonymous subject, an unknown profile, a missing
 * attribute) falls in the segment {@value #UNKNOWN}.
 *
 * <p>Thread-safe if the profile look-up is.
 */
public final class Segmenters {
  /** The segment of answers whose segment cannot be told. */
  public static final String UNKNOWN = "unknown";

  private Segmenters() {}

  /**
   * Segments by the customer's industry, e.g. {@code "b2b_saas"}.
   *
   * @param profiles the host's profile look-up
   * @return the segmenter
   */
  public static Function<Signal, String> industry(
      Function<CustomerId, Optional<CustomerProfile>> profiles) {
    return byProfile(profiles, p -> p.industry().name().toLowerCase(Locale.ROOT));
  }

  /**
   * Segments by the customer's lifecycle stage, e.g. {@code "adoption"}.
   *
   * @param profiles the host's profile look-up
   * @return the segmenter
   */
  public static Function<Signal, String> lifecycleStage(
      Function<CustomerId, Optional<CustomerProfile>> profiles) {
    return byProfile(profiles, p -> p.stage().name().toLowerCase(Locale.ROOT));
  }

  /**
   * Segments by any property of the profile.
   *
   * @param profiles the host's profile look-up
   * @param property the property, e.g. {@code p -> p.locale().getCountry()}
   * @return the segmenter
   */
  public static Function<Signal, String> byProfile(
      Function<CustomerId, Optional<CustomerProfile>> profiles,
      Function<CustomerProfile, String> property) {
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(property, "property");
    return signal -> {
      if (!(signal.subject() instanceof CustomerId customer)) {
        return UNKNOWN;
      }
      return profiles.apply(customer).map(property).filter(s -> !s.isBlank()).orElse(UNKNOWN);
    };
  }

  /**
   * Segments by a signal attribute (a survey's channel or touchpoint, say).
   *
   * @param name the attribute name
   * @return the segmenter
   */
  public static Function<Signal, String> attribute(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("attribute name '" + name + "' is blank");
    }
    return signal -> signal.attribute(name).filter(s -> !s.isBlank()).orElse(UNKNOWN);
  }
}
