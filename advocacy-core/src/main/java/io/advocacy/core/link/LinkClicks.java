package io.advocacy.core.link;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.internal.Require;
import io.advocacy.core.referral.ReferralService;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Turns clicks on advocacy links into signals. A share link is opened by many friends: every
 * click is its own event, identified by the host's request id (or a random id when the host
 * has none); only a retry of the same request id is a duplicate.
 *
 * <table>
 *   <caption>The signal of a click</caption>
 *   <tr><th>link</th><th>type</th><th>subject</th><th>attributes</th></tr>
 *   <tr><td>referral share</td><td>{@code referral_clicked}</td><td>the visitor (the host's
 *       anonymous id, else {@code click-<click id>})</td><td>{@code referral_code} (as {@link
 *       ReferralService} reads it), {@code referrer}, {@code programme}, {@code channel}</td></tr>
 *   <tr><td>review request</td><td>{@code review_link_opened}</td><td>the customer</td>
 *       <td>{@code programme}, {@code platform}</td></tr>
 *   <tr><td>reference / case-study invitation</td><td>{@value #INVITATION_OPENED}</td><td>the
 *       customer</td><td>{@code programme}, {@code motion}, {@code link_kind}</td></tr>
 * </table>
 *
 * The signal id is {@code click:<request id>} (a request id that is blank, longer than 120
 * characters or has control characters is replaced by {@code h-} and the first 128 bits of its
 * SHA-256, so its retries are still recognised); its source {@value #SOURCE}. Request ids are
 * remembered until {@link #forgetBefore} drops them (call it with now minus a day, say: retries
 * come within seconds); each costs one map entry.
 *
 * <p>Thread-safe.
 */
public final class LinkClicks {
  /** The host-defined signal type of an opened invitation. */
  public static final String INVITATION_OPENED = "invitation_opened";
  /** The source of click signals. */
  public static final String SOURCE = "advocacy-link";

  private final TokenSealer sealer;
  private final RandomGenerator random;
  private final ConcurrentMap<String, Instant> seen = new ConcurrentHashMap<>();

  /**
   * Click tracking with random ids from a {@link SecureRandom}.
   *
   * @param sealer opens the tokens
   */
  public LinkClicks(TokenSealer sealer) {
    this(sealer, new SecureRandom());
  }

  /**
   * Click tracking with an injected source of click ids.
   *
   * @param sealer opens the tokens
   * @param random the source of ids for clicks without a request id
   */
  public LinkClicks(TokenSealer sealer, RandomGenerator random) {
    this.sealer = Objects.requireNonNull(sealer, "sealer");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Records a click. Never throws for the token or the ids.
   *
   * @param token the token from the link, possibly garbage
   * @param requestId the host's id of this click (so a retry is recognised), or null
   * @param visitor the host's id of the visitor, or null
   * @param at when the click happened
   * @return what it came to
   */
  public ClickResult click(
      @Nullable String token, @Nullable String requestId, @Nullable AnonymousId visitor,
      Instant at) {
    Objects.requireNonNull(at, "at");
    TokenOpening opening = sealer.open(token, at);
    if (!opening.isValid()) {
      return new ClickResult(ClickResult.Status.INVALID, opening, null);
    }
    String clickId = requestId == null ? newId()
        : Require.identifierProblem(requestId) == null && requestId.length() <= 120 ? requestId
        : "h-" + digest(requestId); // a retry of an unusual id is still the same click
    if (seen.putIfAbsent(clickId, at) != null) {
      return new ClickResult(ClickResult.Status.DUPLICATE, opening, null);
    }
    TokenPayload p = Objects.requireNonNull(opening.payload());
    SignalId id = SignalId.of("click:" + clickId);
    Signal signal = switch (p.kind()) {
      case REFERRAL_SHARE -> {
        SubjectId who = visitor != null ? visitor : AnonymousId.of("click-" + clickId);
        Signal.Builder b = Signal.builder(id, who, SignalType.REFERRAL_CLICKED, at)
            .attribute("referrer", p.customer().value())
            .attribute("programme", p.programme().value());
        if (p.referralCode() != null) {
          b.attribute(ReferralService.CODE_ATTRIBUTE, p.referralCode());
        }
        if (p.detail() != null) {
          b.attribute("channel", p.detail());
        }
        yield b.source(SOURCE).build();
      }
      case REVIEW_REQUEST -> {
        Signal.Builder b = Signal.builder(id, p.customer(), SignalType.REVIEW_LINK_OPENED, at)
            .attribute("programme", p.programme().value());
        if (p.detail() != null) {
          b.attribute("platform", p.detail());
        }
        yield b.source(SOURCE).build();
      }
      case REFERENCE_INVITATION, CASE_STUDY_INVITATION ->
          Signal.builder(id, p.customer(), SignalType.of(INVITATION_OPENED), at)
              .attribute("programme", p.programme().value())
              .attribute("motion", p.motion().name())
              .attribute("link_kind", p.kind().name().toLowerCase(Locale.ROOT))
              .source(SOURCE)
              .build();
    };
    return new ClickResult(ClickResult.Status.RECORDED, opening, signal);
  }

  /**
   * Forgets request ids of clicks before an instant.
   *
   * @param cutoff clicks strictly before it are forgotten
   * @return how many were forgotten
   */
  public int forgetBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int before = seen.size();
    seen.values().removeIf(at -> at.isBefore(cutoff));
    return before - seen.size();
  }

  private static String digest(String requestId) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(requestId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  private String newId() {
    byte[] bytes = new byte[16];
    for (int i = 0; i < bytes.length; i += 8) {
      long r = random.nextLong();
      for (int j = 0; j < 8; j++) {
        bytes[i + j] = (byte) (r >>> (8 * j));
      }
    }
    return HexFormat.of().formatHex(bytes);
  }

}
