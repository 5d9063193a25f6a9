package io.advocacy.core.capture;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.capture.FieldProblem.Code;
import io.advocacy.core.referral.PiiHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates a submitted referral form against a {@link LeadFormSpec} into a {@link
 * ReferralLead}, or says, field by field, why not. Never throws for the submission: any map of
 * strings (null values included) gets an answer in which every submitted key is stored,
 * rejected or ignored.
 *
 * <p>Rules: answers are trimmed; a blank answer is absent; text with control characters (other
 * than line breaks and tabs in the need) is INVALID_VALUE; e-mail is {@code local@domain} with
 * a dotted domain of letters, digits and hyphens, no spaces, at most 254 characters; a phone
 * number has 6 to 15 digits with optional {@code +}, spaces, dots, hyphens and parentheses;
 * consent is {@code true} or {@code false} (any case), and a required consent must be {@code
 * true}.
 *
 * <p>Stateless; thread-safe.
 */
public final class LeadCapture {
  private static final Pattern EMAIL = Pattern.compile(
      "[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]+");

  private final @Nullable PiiHasher hasher;

  /**
   * A capture that keeps the friend's e-mail hashed too, for matching the later sign-up.
   *
   * @param hasher the host's keyed hasher, or null to keep no hash
   */
  public LeadCapture(@Nullable PiiHasher hasher) {
    this.hasher = hasher;
  }

  /**
   * Validates a submission.
   *
   * @param spec the form
   * @param answers the submitted answers by field key
   * @param leadId the host's id of the submission
   * @param referrer the advocate
   * @param programme the programme
   * @param referralCode the advocate's referral code, or null
   * @param context the advocate's context for the sales team
   * @param at when it was submitted
   * @return the lead or the problems, with every field accounted for
   */
  public LeadCaptureResult capture(LeadFormSpec spec, Map<String, @Nullable String> answers,
      String leadId, CustomerId referrer, ProgrammeId programme, @Nullable String referralCode,
      AdvocateContext context, Instant at) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(answers, "answers");
    List<FieldProblem> problems = new ArrayList<>();
    List<FieldProblem> ignored = new ArrayList<>();
    Map<LeadField, String> kept = new EnumMap<>(LeadField.class);
    Set<String> stored = new HashSet<>();
    Map<String, @Nullable String> sorted = new TreeMap<>();
    answers.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    for (Map.Entry<String, @Nullable String> e : sorted.entrySet()) {
      String key = e.getKey();
      Optional<LeadField> field = LeadField.ofKey(key);
      if (field.isEmpty()) {
        ignored.add(new FieldProblem(key, Code.UNKNOWN_FIELD, "'" + key + "' is not a lead field"));
        continue;
      }
      Optional<FieldRule> rule = spec.rule(field.get());
      if (rule.isEmpty()) {
        ignored.add(new FieldProblem(key, Code.NOT_ASKED,
            "this form does not ask '" + key + "'; the answer is not stored"));
        continue;
      }
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (value.isEmpty()) {
        if (!rule.get().required()) {
          ignored.add(new FieldProblem(key, Code.BLANK, "'" + key + "' was left blank"));
        }
        continue; // a required blank is reported as missing below
      }
      FieldProblem p = check(rule.get(), key, value);
      if (p != null) {
        problems.add(p);
      } else {
        kept.put(field.get(), field.get() == LeadField.CONSENT_TO_CONTACT
            ? value.toLowerCase(Locale.ROOT) : value);
        stored.add(key);
      }
    }
    for (FieldRule r : spec.fields().values()) {
      String key = r.field().key();
      boolean answered = kept.containsKey(r.field())
          || problems.stream().anyMatch(p -> p.field().equals(key));
      if (r.required() && !answered) {
        problems.add(r.field() == LeadField.CONSENT_TO_CONTACT
            ? new FieldProblem(key, Code.CONSENT_REQUIRED,
                "the friend's consent to be contacted is required")
            : new FieldProblem(key, Code.MISSING, "'" + key + "' is required"));
      }
    }
    if (!problems.isEmpty()) {
      return new LeadCaptureResult(null, problems, ignored, stored);
    }
    String email = kept.get(LeadField.EMAIL);
    ReferralLead lead = new ReferralLead(leadId, referrer, programme, referralCode, at, kept,
        context, email != null && hasher != null ? hasher.email(email) : null);
    return new LeadCaptureResult(lead, List.of(), ignored, stored);
  }

  private static @Nullable FieldProblem check(FieldRule rule, String key, String value) {
    if (value.length() > rule.maxLength()) {
      return new FieldProblem(key, Code.TOO_LONG,
          "'" + key + "' has " + value.length() + " characters; at most " + rule.maxLength());
    }
    boolean multiline = rule.field() == LeadField.NEED;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return new FieldProblem(key, Code.INVALID_VALUE,
            "'" + key + "' contains a control character at " + i);
      }
    }
    switch (rule.field()) {
      case EMAIL:
        return EMAIL.matcher(value).matches() ? null
            : new FieldProblem(key, Code.INVALID_EMAIL, "'" + key + "' is not an e-mail address");
      case PHONE:
        long digits = value.chars().filter(Character::isDigit).count();
        return PHONE.matcher(value).matches() && digits >= 6 && digits <= 15 ? null
            : new FieldProblem(key, Code.INVALID_PHONE,
                "'" + key + "' is not a phone number (6 to 15 digits)");
      case CONSENT_TO_CONTACT:
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
          return new FieldProblem(key, Code.INVALID_VALUE, "'" + key + "' must be true or false");
        }
        return rule.required() && v.equals("false")
            ? new FieldProblem(key, Code.CONSENT_REQUIRED,
                "the friend's consent to be contacted is required")
            : null;
      default:
        return null;
    }
  }
}
