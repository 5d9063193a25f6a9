package io.advocacy.core.signal;

import io.advocacy.core.internal.SubjectIdSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableSortedMap;
import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.SubjectId;
import io.advocacy.core.internal.Require;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable fact observed about a subject at an instant: an NPS answer, a purchase, a
 * referral click. Everything that happens to a customer enters the library as a signal;
 * derived facts (a tier change) are signals too.
 *
 * <p>The {@link #id()} is the idempotency id: the same signal delivered twice takes effect
 * once. The {@link #value()} must satisfy the type's {@link ValueRule}; monetary types may
 * also carry an {@link #amount()}. Attributes are a small map of machine names to short
 * strings (at most {@value #MAX_ATTRIBUTES} entries besides {@value #ANONYMOUS_ID_ATTRIBUTE},
 * values at most {@value #MAX_ATTRIBUTE_LENGTH} characters).
 *
 * <pre>{@code
 * Signal answer = Signal.nps(SignalId.of("svy-981"), CustomerId.of("c-42"),
 *     Instant.parse("2026-03-01T10:15:30Z"), 9);
 * Signal order = Signal.builder(SignalId.of("ord-7"), CustomerId.of("c-42"),
 *         SignalType.PURCHASE_COMPLETED, Instant.parse("2026-03-02T08:00:00Z"))
 *     .value(1).amount(Money.of("129.00", "EUR")).attribute("sku", "BK-1").source("shop")
 *     .build();
 * }</pre>
 *
 * <p>Value-based and immutable; thread-safe. The builder is not thread-safe.
 *
 * @param id the idempotency id
 * @param subject the customer or anonymous visitor the fact is about
 * @param type the kind of fact
 * @param occurredAt when it happened (not when it was received)
 * @param value the numeric value, within the type's rule
 * @param amount a money amount, for monetary facts
 * @param attributes small named details (platform, sku, tier name, …)
 * @param source where the signal came from (an adapter's name, or the host's label)
 */
public record Signal(
    SignalId id,
    @JsonSerialize(using = SubjectIdSerializer.class) SubjectId subject,
    SignalType type,
    Instant occurredAt,
    double value,
    @Nullable Money amount,
    Map<String, String> attributes,
    String source) {

  /** Most attributes a signal may carry. */
  public static final int MAX_ATTRIBUTES = 32;
  /** Longest attribute value, in characters. */
  public static final int MAX_ATTRIBUTE_LENGTH = 1024;
  /** The source of signals built without one. */
  public static final String DEFAULT_SOURCE = "host";
  /** The attribute that keeps the anonymous id of a signal attributed to a customer later. */
  public static final String ANONYMOUS_ID_ATTRIBUTE = "anonymous_id";

  /**
   * Validates the signal.
   *
   * @param id the idempotency id
   * @param subject the customer or anonymous visitor the fact is about
   * @param type the kind of fact
   * @param occurredAt when it happened (not when it was received)
   * @param value the numeric value, within the type's rule
   * @param amount a money amount, for monetary facts
   * @param attributes small named details (platform, sku, tier name, …)
   * @param source where the signal came from (an adapter's name, or the host's label)
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the value breaks the type's rule, or an attribute or
   *     the source is malformed
   */
  public Signal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(attributes, "attributes");
    Require.identifier("source", source);
    String problem = type.valueRule().problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(type + " value " + problem);
    }
    // anonymous_id is added by attributedTo and does not count against the limit, so a
    // visitor's signal with the most attributes can still be attributed to a customer.
    int counted = attributes.size() - (attributes.containsKey(ANONYMOUS_ID_ATTRIBUTE) ? 1 : 0);
    if (counted > MAX_ATTRIBUTES) {
      throw new IllegalArgumentException(
          "signal " + id + " has " + counted + " attributes; at most "
              + MAX_ATTRIBUTES + " are allowed");
    }
    if (attributes.isEmpty()) {
      attributes = ImmutableSortedMap.of(); // one shared empty map, no iteration
    } else {
      attributes.forEach(Signal::checkAttribute);
      attributes = ImmutableSortedMap.copyOf(attributes);
    }
  }

  private static void checkAttribute(String name, String value) {
    Require.name("attribute name", name);
    Objects.requireNonNull(value, () -> "attribute " + name);
    String problem = attributeValueProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException("attribute " + name + " " + problem);
    }
  }

  /**
   * Says what is wrong with an attribute value, or null when nothing is.
   *
   * @param value the candidate
   * @return a phrase, or null
   */
  public static @Nullable String attributeValueProblem(String value) {
    return value.length() > MAX_ATTRIBUTE_LENGTH
        ? "is longer than " + MAX_ATTRIBUTE_LENGTH + " characters (" + value.length() + ")"
        : null;
  }

  /**
   * Starts a signal; the value defaults to 1, the source to {@value #DEFAULT_SOURCE}.
   *
   * @param id the idempotency id
   * @param subject who it is about
   * @param type the kind of fact
   * @param occurredAt when it happened
   * @return a builder
   */
  public static Builder builder(
      SignalId id, SubjectId subject, SignalType type, Instant occurredAt) {
    return new Builder(id, subject, type, occurredAt);
  }

  /**
   * A signal with a value and nothing else.
   *
   * @param id the idempotency id
   * @param subject who it is about
   * @param type the kind of fact
   * @param occurredAt when it happened
   * @param value the value, within the type's rule
   * @return the signal
   * @throws IllegalArgumentException if the value breaks the type's rule
   */
  public static Signal of(
      SignalId id, SubjectId subject, SignalType type, Instant occurredAt, double value) {
    return builder(id, subject, type, occurredAt).value(value).build();
  }

  /**
   * An NPS answer.
   *
   * @param id the idempotency id
   * @param subject who answered
   * @param occurredAt when
   * @param score 0 to 10
   * @return the signal
   * @throws IllegalArgumentException naming the score if it is outside 0..10
   */
  public static Signal nps(SignalId id, SubjectId subject, Instant occurredAt, int score) {
    return of(id, subject, SignalType.NPS_ANSWERED, occurredAt, score);
  }

  /**
   * A CSAT answer.
   *
   * @param id the idempotency id
   * @param subject who answered
   * @param occurredAt when
   * @param rating 1 to 5
   * @return the signal
   * @throws IllegalArgumentException naming the rating if it is outside 1..5
   */
  public static Signal csat(SignalId id, SubjectId subject, Instant occurredAt, int rating) {
    return of(id, subject, SignalType.CSAT_ANSWERED, occurredAt, rating);
  }

  /**
   * A social mention.
   *
   * @param id the idempotency id
   * @param subject who posted it
   * @param occurredAt when
   * @param sentiment from -1 to 1
   * @return the signal
   * @throws IllegalArgumentException naming the sentiment if it is outside -1..1
   */
  public static Signal socialMention(
      SignalId id, SubjectId subject, Instant occurredAt, double sentiment) {
    return of(id, subject, SignalType.SOCIAL_MENTION, occurredAt, sentiment);
  }

  /**
   * A review posted.
   *
   * @param id the idempotency id
   * @param subject who posted it
   * @param occurredAt when
   * @param rating 0 to 5
   * @param platform the review platform's machine name, kept as attribute {@code platform}
   * @return the signal
   * @throws IllegalArgumentException naming the rating if it is outside 0..5
   */
  public static Signal reviewPosted(
      SignalId id, SubjectId subject, Instant occurredAt, double rating, String platform) {
    return builder(id, subject, SignalType.REVIEW_POSTED, occurredAt)
        .value(rating)
        .attribute("platform", platform)
        .build();
  }

  /**
   * A monetary fact (purchase, renewal, refund, opportunity…) with value 1 and an amount.
   *
   * @param id the idempotency id
   * @param subject who it is about
   * @param type a type whose rule allows 1
   * @param occurredAt when
   * @param amount the amount
   * @return the signal
   */
  public static Signal monetary(
      SignalId id, SubjectId subject, SignalType type, Instant occurredAt, Money amount) {
    return builder(id, subject, type, occurredAt)
        .amount(Objects.requireNonNull(amount, "amount"))
        .build();
  }

  /**
   * The amount, for callers that must think about its absence.
   *
   * @return the amount, or empty
   */
  public Optional<Money> amountIfAny() {
    return Optional.ofNullable(amount);
  }

  /**
   * An attribute.
   *
   * @param name the attribute's name
   * @return its value, or empty
   */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * This signal attributed to a customer: the same id, type, instant and value, with the
   * customer as subject. An anonymous subject is kept in attribute
   * {@value #ANONYMOUS_ID_ATTRIBUTE}. Attributing a signal to the customer it is already
   * about returns it unchanged.
   *
   * @param customer the customer the subject turned out to be
   * @return the attributed signal
   */
  public Signal attributedTo(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    if (subject.equals(customer)) {
      return this;
    }
    Map<String, String> attrs = new TreeMap<>(attributes);
    if (subject instanceof AnonymousId anonymous) {
      attrs.put(ANONYMOUS_ID_ATTRIBUTE, anonymous.value());
    }
    return new Signal(id, customer, type, occurredAt, value, amount, attrs, source);
  }

  /** Builds a {@link Signal}. Not thread-safe; {@link #build()} copies the attributes. */
  public static final class Builder {
    private final SignalId id;
    private final SubjectId subject;
    private final SignalType type;
    private final Instant occurredAt;
    private double value = 1;
    private @Nullable Money amount;
    private final Map<String, String> attributes = new TreeMap<>();
    private String source = DEFAULT_SOURCE;

    private Builder(SignalId id, SubjectId subject, SignalType type, Instant occurredAt) {
      this.id = Objects.requireNonNull(id, "id");
      this.subject = Objects.requireNonNull(subject, "subject");
      this.type = Objects.requireNonNull(type, "type");
      this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * Sets the value (default 1).
     *
     * @param value the value, checked against the type's rule by {@link #build()}
     * @return this builder
     */
    public Builder value(double value) {
      this.value = value;
      return this;
    }

    /**
     * Sets the amount.
     *
     * @param amount the amount, or null for none
     * @return this builder
     */
    public Builder amount(@Nullable Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Adds an attribute.
     *
     * @param name a machine name
     * @param value the value
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      attributes.put(
          Require.name("attribute name", name), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the source.
     *
     * @param source where the signal came from
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Require.identifier("source", source);
      return this;
    }

    /**
     * Builds the signal.
     *
     * @return the signal
     * @throws IllegalArgumentException if the value breaks the type's rule
     */
    public Signal build() {
      return new Signal(id, subject, type, occurredAt, value, amount, attributes, source);
    }
  }
}
