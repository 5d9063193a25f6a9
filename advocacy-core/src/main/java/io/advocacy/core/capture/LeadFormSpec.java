package io.advocacy.core.capture;

import io.advocacy.core.profile.Industry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields a referral lead form asks and how. Data minimisation: a field the form does not
 * ask is never stored, even if submitted.
 *
 * <p>{@link #forIndustry} defaults — name, e-mail and consent to be contacted are required
 * everywhere (a referred friend is contacted only with consent); phone is optional:
 *
 * <ul>
 *   <li>B2B SaaS: company and role required, need optional;
 *   <li>healthcare and digital health: no company, role or need — no health information is
 *       collected about the friend;
 *   <li>every other industry (telecommunications, e-commerce, retail, financial services,
 *       travel and hospitality, media and publishing): need optional, no company or role.
 * </ul>
 *
 * A programme adjusts a spec with {@link #ask}, {@link #require} and {@link #omit}.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param fields the rule of each asked field
 */
public record LeadFormSpec(Map<LeadField, FieldRule> fields) {
  /**
   * Validates and copies the spec.
   *
   * @param fields the rule of each asked field
   * @throws IllegalArgumentException if a rule is filed under another field
   */
  public LeadFormSpec {
    EnumMap<LeadField, FieldRule> copy = new EnumMap<>(LeadField.class);
    fields.forEach((f, r) -> {
      if (r.field() != f) {
        throw new IllegalArgumentException("rule for " + r.field() + " filed under " + f);
      }
      copy.put(f, r);
    });
    fields = Collections.unmodifiableMap(copy);
  }

  /**
   * The default form of an industry, as described above.
   *
   * @param industry the industry
   * @return the spec
   */
  public static LeadFormSpec forIndustry(Industry industry) {
    Objects.requireNonNull(industry, "industry");
    LeadFormSpec spec = new LeadFormSpec(Map.of())
        .ask(LeadField.NAME, true)
        .ask(LeadField.EMAIL, true)
        .ask(LeadField.CONSENT_TO_CONTACT, true)
        .ask(LeadField.PHONE, false);
    return switch (industry) {
      case B2B_SAAS -> spec.ask(LeadField.COMPANY, true).ask(LeadField.ROLE, true)
          .ask(LeadField.NEED, false);
      case HEALTHCARE, DIGITAL_HEALTH -> spec;
      default -> spec.ask(LeadField.NEED, false);
    };
  }

  /**
   * This spec asking a field, with the field's default length.
   *
   * @param field the field
   * @param required whether an answer is required
   * @return the new spec
   */
  public LeadFormSpec ask(LeadField field, boolean required) {
    return with(new FieldRule(field, required, field.defaultMaxLength()));
  }

  /**
   * This spec with a field's rule set.
   *
   * @param rule the rule
   * @return the new spec
   */
  public LeadFormSpec with(FieldRule rule) {
    Map<LeadField, FieldRule> m = new EnumMap<>(LeadField.class);
    m.putAll(fields);
    m.put(rule.field(), rule);
    return new LeadFormSpec(m);
  }

  /**
   * This spec requiring a field (asking it if it was not asked).
   *
   * @param field the field
   * @return the new spec
   */
  public LeadFormSpec require(LeadField field) {
    FieldRule r = fields.get(field);
    return with(new FieldRule(field, true, r == null ? field.defaultMaxLength() : r.maxLength()));
  }

  /**
   * This spec no longer asking a field.
   *
   * @param field the field
   * @return the new spec
   */
  public LeadFormSpec omit(LeadField field) {
    Map<LeadField, FieldRule> m = new EnumMap<>(LeadField.class);
    m.putAll(fields);
    m.remove(field);
    return new LeadFormSpec(m);
  }

  /**
   * How a field is asked.
   *
   * @param field the field
   * @return its rule, or empty when not asked
   */
  public Optional<FieldRule> rule(LeadField field) {
    return Optional.ofNullable(fields.get(field));
  }
}
