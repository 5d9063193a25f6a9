package io.advocacy.core.link;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Motion;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.profile.ContactChannel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds personalised advocacy links: every link is the host's landing address with UTM
 * parameters and a sealed token, so a click is tracked before the reader goes on.
 *
 * <ul>
 *   <li>{@code utm_source}: the configured source (default {@code advocacy});
 *   <li>{@code utm_medium}: the channel the link travels by ({@code email}, {@code whatsapp},
 *       …);
 *   <li>{@code utm_campaign}: the programme id;
 *   <li>{@code utm_content}: the link kind ({@code review_request}, {@code referral_share},
 *       {@code reference_invitation}, {@code case_study_invitation});
 *   <li>the token parameter (default {@code adv}).
 * </ul>
 *
 * <p>Immutable; thread-safe. Reads no clock: the caller passes the instant of sealing.
 */
public final class AdvocacyLinks {
  private final TokenSealer sealer;
  private final String landing;
  private final String tokenParameter;
  private final String utmSource;
  private final Duration ttl;

  private AdvocacyLinks(Builder b) {
    this.sealer = b.sealer;
    this.landing = b.landing.toString();
    this.tokenParameter = b.tokenParameter;
    this.utmSource = b.utmSource;
    this.ttl = b.ttl;
  }

  /**
   * A builder.
   *
   * @param sealer seals the tokens
   * @param landing the host's landing address that records clicks (https)
   * @return a new builder with token parameter {@code adv}, source {@code advocacy} and tokens
   *     valid for 30 days
   */
  public static Builder builder(TokenSealer sealer, URI landing) {
    return new Builder(sealer, landing);
  }

  /**
   * A review request: the tracked link, and the platform's write-a-review address as the
   * destination after the click.
   *
   * @param platform the review platform
   * @param values the platform's placeholder values (place id, product, …)
   * @param customer the customer asked
   * @param programme the programme
   * @param channel the channel the ask goes out on
   * @param now the instant of sealing
   * @return the link
   * @throws IllegalArgumentException if a platform value is missing
   */
  public AdvocacyLink reviewRequest(ReviewPlatform platform, Map<String, String> values,
      CustomerId customer, ProgrammeId programme, ContactChannel channel, Instant now) {
    String destination = platform.url(values);
    TokenPayload payload = new TokenPayload(LinkKind.REVIEW_REQUEST, customer, programme,
        Motion.REVIEW, now, now.plus(ttl), platform.id(), null);
    String token = sealer.seal(payload);
    String tracked = tracked(payload, medium(channel), token);
    return new AdvocacyLink(tracked, tracked, destination, token, payload);
  }

  /**
   * A referral share through a channel, with the advocate's message.
   *
   * @param channel where it is shared
   * @param customer the advocate sharing
   * @param programme the referral programme
   * @param referralCode the advocate's referral code, or null
   * @param subject the e-mail subject (used by {@link ShareChannel#EMAIL} only)
   * @param message the message before the link
   * @param now the instant of sealing
   * @return the link: {@code url} opens the channel's composer
   */
  public AdvocacyLink referralShare(ShareChannel channel, CustomerId customer,
      ProgrammeId programme, @Nullable String referralCode, String subject, String message,
      Instant now) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    TokenPayload payload = new TokenPayload(LinkKind.REFERRAL_SHARE, customer, programme,
        Motion.REFERRAL, now, now.plus(ttl), channel.medium(), referralCode);
    String token = sealer.seal(payload);
    String tracked = tracked(payload, channel.medium(), token);
    String withLink = message.isEmpty() ? tracked : message + " " + tracked;
    String url = switch (channel) {
      case EMAIL -> "mailto:?subject=" + UrlText.encode(subject) + "&body="
          + UrlText.encode(withLink);
      case SMS -> "sms:?body=" + UrlText.encode(withLink);
      case WHATSAPP -> "https://wa.me/?text=" + UrlText.encode(withLink);
      case LINKEDIN -> "https://www.linkedin.com/sharing/share-offsite/?url="
          + UrlText.encode(tracked);
      case X -> "https://x.com/intent/post?text=" + UrlText.encode(message) + "&url="
          + UrlText.encode(tracked);
      case COPY_LINK -> tracked;
    };
    return new AdvocacyLink(url, tracked, null, token, payload);
  }

  /**
   * An invitation to a reference call or a case study.
   *
   * @param kind {@link LinkKind#REFERENCE_INVITATION} or {@link LinkKind#CASE_STUDY_INVITATION}
   * @param customer the advocate invited
   * @param programme the programme
   * @param channel the channel the invitation goes out on
   * @param now the instant of sealing
   * @return the link
   * @throws IllegalArgumentException for another kind
   */
  public AdvocacyLink invitation(LinkKind kind, CustomerId customer, ProgrammeId programme,
      ContactChannel channel, Instant now) {
    Motion motion = switch (kind) {
      case REFERENCE_INVITATION -> Motion.REFERENCE_CALL;
      case CASE_STUDY_INVITATION -> Motion.CASE_STUDY;
      default -> throw new IllegalArgumentException("link kind " + kind + " is not an invitation");
    };
    TokenPayload payload = new TokenPayload(kind, customer, programme, motion, now, now.plus(ttl),
        null, null);
    String token = sealer.seal(payload);
    String tracked = tracked(payload, medium(channel), token);
    return new AdvocacyLink(tracked, tracked, null, token, payload);
  }

  private static String medium(ContactChannel channel) {
    return Objects.requireNonNull(channel, "channel").name().toLowerCase(Locale.ROOT);
  }

  private String tracked(TokenPayload payload, String medium, String token) {
    return landing + (landing.contains("?") ? "&" : "?")
        + "utm_source=" + UrlText.encode(utmSource)
        + "&utm_medium=" + UrlText.encode(medium)
        + "&utm_campaign=" + UrlText.encode(payload.programme().value())
        + "&utm_content=" + payload.kind().name().toLowerCase(Locale.ROOT)
        + "&" + tokenParameter + "=" + token;
  }

  /** Builds {@link AdvocacyLinks}. Not thread-safe. */
  public static final class Builder {
    private final TokenSealer sealer;
    private final URI landing;
    private String tokenParameter = "adv";
    private String utmSource = "advocacy";
    private Duration ttl = Duration.ofDays(30);

    private Builder(TokenSealer sealer, URI landing) {
      this.sealer = Objects.requireNonNull(sealer, "sealer");
      this.landing = Objects.requireNonNull(landing, "landing");
      if (!"https".equals(landing.getScheme()) || landing.getHost() == null
          || landing.getFragment() != null) {
        throw new IllegalArgumentException(
            "landing address " + landing + " must be an https address without a fragment");
      }
    }

    /**
     * The query parameter that carries the token.
     *
     * @param name a machine name
     * @return this builder
     */
    public Builder tokenParameter(String name) {
      this.tokenParameter = Require.name("token parameter", name);
      return this;
    }

    /**
     * The {@code utm_source} value.
     *
     * @param source the source
     * @return this builder
     */
    public Builder utmSource(String source) {
      this.utmSource = Require.identifier("utm source", source);
      return this;
    }

    /**
     * How long tokens stay valid.
     *
     * @param ttl a positive duration of at least a second
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.getSeconds() < 1) {
        throw new IllegalArgumentException("token lifetime " + ttl + " is under a second");
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Builds the link builder.
     *
     * @return the links
     */
    public AdvocacyLinks build() {
      return new AdvocacyLinks(this);
    }
  }
}
