package io.advocacy.core.link;

import io.advocacy.core.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A review platform's write-a-review address, as data: a template whose {@code {name}}
 * placeholders are filled, percent-encoded, from the host's values (a Google place id, a
 * Trustpilot domain, an app id). The defaults follow each platform's public write-a-review
 * address; a host can define others with {@link #of}.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the platform's id, e.g. {@code "google"}
 * @param template the address with {@code {name}} placeholders
 */
public record ReviewPlatform(String id, String template) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /** Google Business Profile; value {@code place_id}. */
  public static final ReviewPlatform GOOGLE =
      of("google", "https://search.google.com/local/writereview?placeid={place_id}");
  /** Trustpilot; value {@code domain}. */
  public static final ReviewPlatform TRUSTPILOT =
      of("trustpilot", "https://www.trustpilot.com/evaluate/{domain}");
  /** G2; value {@code product} (the product's slug). */
  public static final ReviewPlatform G2 =
      of("g2", "https://www.g2.com/products/{product}/take_survey");
  /** Capterra; value {@code product_id}. */
  public static final ReviewPlatform CAPTERRA =
      of("capterra", "https://reviews.capterra.com/products/new/{product_id}");
  /** Yelp; value {@code business_id}. */
  public static final ReviewPlatform YELP =
      of("yelp", "https://www.yelp.com/writeareview/biz/{business_id}");
  /** Tripadvisor; value {@code location_id}. */
  public static final ReviewPlatform TRIPADVISOR =
      of("tripadvisor", "https://www.tripadvisor.com/UserReviewEdit-{location_id}");
  /** Apple's App Store; value {@code app_id} (digits). */
  public static final ReviewPlatform APP_STORE =
      of("app_store", "https://apps.apple.com/app/id{app_id}?action=write-review");
  /** Google Play; value {@code package}. */
  public static final ReviewPlatform GOOGLE_PLAY =
      of("google_play", "https://play.google.com/store/apps/details?id={package}&showAllReviews=true");

  /**
   * Validates the platform.
   *
   * @param id the platform's id
   * @param template the address with placeholders
   * @throws IllegalArgumentException if the id is not a machine name or the template is not an
   *     https address
   */
  public ReviewPlatform {
    Require.name("review platform id", id);
    Objects.requireNonNull(template, "template");
    if (!template.startsWith("https://")) {
      throw new IllegalArgumentException(
          "review platform " + id + " template '" + template + "' is not an https address");
    }
  }

  /**
   * A platform.
   *
   * @param id the platform's id
   * @param template the address with {@code {name}} placeholders
   * @return the platform
   */
  public static ReviewPlatform of(String id, String template) {
    return new ReviewPlatform(id, template);
  }

  /**
   * The every default platform.
   *
   * @return the defaults
   */
  public static List<ReviewPlatform> defaults() {
    return List.of(GOOGLE, TRUSTPILOT, G2, CAPTERRA, YELP, TRIPADVISOR, APP_STORE, GOOGLE_PLAY);
  }

  /**
   * The placeholders the template needs, in order.
   *
   * @return the names
   */
  public List<String> parameters() {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return List.copyOf(names);
  }

  /**
   * The write-a-review address for some values.
   *
   * @param values a value for every placeholder
   * @return the address
   * @throws IllegalArgumentException naming the first missing or blank value
   */
  public String url(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "review platform " + id + " needs a value for '" + m.group(1) + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(UrlText.encode(value)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
