package io.advocacy.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.SignalId;
import io.advocacy.core.capture.FieldProblem.Code;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.referral.PiiHasher;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadCaptureTest {
  static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  static final CustomerId ADA = CustomerId.of("c-ada");
  static final ProgrammeId REFER = ProgrammeId.of("refer-a-friend");
  static final PiiHasher HASHER = PiiHasher.withKey(new byte[32]);
  final LeadCapture capture = new LeadCapture(HASHER);

  LeadCaptureResult submit(LeadFormSpec spec, Map<String, String> answers) {
    return capture.capture(spec, answers, "lead-1", ADA, REFER, "K7MQC2XA",
        new AdvocateContext("former colleague", "Needs SSO before Q3", Set.of("champion")), NOW);
  }

  @Test
  void b2bNeedsCompanyAndRoleAndKeepsTheAdvocatesContext() {
    LeadFormSpec b2b = LeadFormSpec.forIndustry(Industry.B2B_SAAS);
    LeadCaptureResult missing = submit(b2b, Map.of("name", "Grace", "email", "grace@navy.example",
        "consent_to_contact", "true"));
    assertThat(missing.problems()).extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(tuple("company", Code.MISSING), tuple("role", Code.MISSING));
    LeadCaptureResult ok = submit(b2b, Map.of("name", " Grace ", "email", "grace@navy.example",
        "consent_to_contact", "TRUE", "company", "Navy", "role", "CTO", "need", ""));
    ReferralLead lead = ok.lead();
    assertThat(lead.friend()).containsExactly(
        Map.entry(LeadField.NAME, "Grace"), Map.entry(LeadField.EMAIL, "grace@navy.example"),
        Map.entry(LeadField.COMPANY, "Navy"), Map.entry(LeadField.ROLE, "CTO"),
        Map.entry(LeadField.CONSENT_TO_CONTACT, "true"));
    assertThat(ok.ignored()).extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(tuple("need", Code.BLANK));
    assertThat(lead.context().relationship()).isEqualTo("former colleague");
    assertThat(lead.emailHash()).isEqualTo(HASHER.email("grace@navy.example"));
  }

  @Test
  void healthcareDoesNotStoreTheFriendsNeedAndRequiresConsent() {
    LeadFormSpec health = LeadFormSpec.forIndustry(Industry.HEALTHCARE);
    LeadCaptureResult r = submit(health, Map.of("name", "Ann", "email", "ann@example.com",
        "need", "knee surgery", "consent_to_contact", "false"));
    assertThat(r.captured()).isFalse();
    assertThat(r.problems()).extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(tuple("consent_to_contact", Code.CONSENT_REQUIRED));
    assertThat(r.ignored()).extracting(FieldProblem::field, FieldProblem::code, FieldProblem::message)
        .containsExactly(tuple("need", Code.NOT_ASKED,
            "this form does not ask 'need'; the answer is not stored"));
    LeadCaptureResult ok = submit(health, Map.of("name", "Ann", "email", "ann@example.com",
        "need", "knee surgery", "consent_to_contact", "true"));
    assertThat(ok.lead().answer(LeadField.NEED)).isEmpty();
  }

  @Test
  void fieldChecksNameTheFieldAndTheReason() {
    LeadFormSpec spec = LeadFormSpec.forIndustry(Industry.RETAIL)
        .with(new FieldRule(LeadField.NAME, true, 5));
    LeadCaptureResult r = submit(spec, Map.of("name", "Bartholomew", "email", "bart@@example",
        "phone", "12", "consent_to_contact", "yes", "shoe_size", "44"));
    assertThat(r.problems()).extracting(FieldProblem::field, FieldProblem::code, FieldProblem::message)
        .containsExactly(
            tuple("consent_to_contact", Code.INVALID_VALUE, "'consent_to_contact' must be true or false"),
            tuple("email", Code.INVALID_EMAIL, "'email' is not an e-mail address"),
            tuple("name", Code.TOO_LONG, "'name' has 11 characters; at most 5"),
            tuple("phone", Code.INVALID_PHONE, "'phone' is not a phone number (6 to 15 digits)"));
    assertThat(r.ignored()).extracting(FieldProblem::code).containsExactly(Code.UNKNOWN_FIELD);
    assertThat(submit(spec, Map.of("name", "Bart", "email", "b.art+x@mail.example.co.uk",
        "phone", "+44 (20) 7946-0958", "consent_to_contact", "true")).captured()).isTrue();
  }

  @Test
  void aProgrammeCanRequireOrOmitFields() {
    LeadFormSpec spec = LeadFormSpec.forIndustry(Industry.TELECOMMUNICATIONS)
        .require(LeadField.PHONE).omit(LeadField.NEED);
    assertThat(spec.rule(LeadField.PHONE).orElseThrow().required()).isTrue();
    assertThat(spec.rule(LeadField.NEED)).isEmpty();
    assertThat(submit(spec, Map.of("name", "Al", "email", "al@example.com",
        "consent_to_contact", "true")).problems()).extracting(FieldProblem::field)
        .containsExactly("phone");
  }

  @Test
  void theSharedSignalIsWhatTheReferralServiceReads() {
    ReferralLead lead = submit(LeadFormSpec.forIndustry(Industry.ECOMMERCE), Map.of("name", "Al",
        "email", "al@example.com", "consent_to_contact", "true")).lead();
    Signal s = lead.sharedSignal(SignalId.of("lead-1"), AnonymousId.of("v-1")).orElseThrow();
    assertThat(s.type()).isEqualTo(SignalType.REFERRAL_SHARED);
    assertThat(s.subject()).isEqualTo(ADA);
    assertThat(s.attributes()).containsEntry("referral_code", "K7MQC2XA")
        .containsEntry("referee", "anonymous:v-1").containsEntry("email", "al@example.com");
  }

  @Test
  void anySubmissionIsAnsweredAndEveryKeyAccountedFor() {
    String[] keys = {"name", "email", "company", "role", "need", "phone", "consent_to_contact", "x", ""};
    qt().withExamples(500)
        .forAll(lists().of(integers().between(0, keys.length - 1)).ofSizeBetween(0, 9),
            strings().allPossible().ofLengthBetween(0, 300))
        .checkAssert((picks, value) -> {
          Map<String, String> answers = new HashMap<>();
          for (int i = 0; i < picks.size(); i++) {
            answers.put(keys[picks.get(i)], i % 3 == 0 ? null : value.substring(0, Math.min(value.length(), i * 20)));
          }
          for (Industry industry : Industry.values()) {
            LeadCaptureResult r = submit(LeadFormSpec.forIndustry(industry), answers);
            Set<String> accounted = new HashSet<>(r.stored());
            r.problems().forEach(p -> accounted.add(p.field()));
            r.ignored().forEach(p -> accounted.add(p.field()));
            assertThat(accounted).containsAll(answers.keySet());
            if (r.captured()) {
              assertThat(r.lead().friend().keySet()).allMatch(f ->
                  LeadFormSpec.forIndustry(industry).rule(f).isPresent());
            }
          }
        });
  }
}
