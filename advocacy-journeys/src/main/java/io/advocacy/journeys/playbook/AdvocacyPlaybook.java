package io.advocacy.journeys.playbook;

import io.advocacy.core.JourneyId;
import io.advocacy.core.Motion;
import io.advocacy.core.contact.ContactPolicy;
import io.advocacy.core.referral.ReferralService;
import io.advocacy.core.contact.FrequencyCap;
import io.advocacy.core.contact.FrequencyRules;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.reward.ReviewPlatformPolicy;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.GuardContext;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyRegistry;
import io.advocacy.journeys.JourneySignals;
import io.advocacy.journeys.Named;
import io.advocacy.journeys.ReentryPolicy;
import io.advocacy.scoring.AdvocateTier;
import io.advocacy.scoring.qualify.QualificationTracker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The advocacy ladder of the playbook (Listen → Qualify → Invite → Activate → Reward → Track →
 * Expand) as ready journey definitions. Every definition is built against {@link #registry()},
 * whose guards read the triggering signal and the customer view, and whose actions a host
 * handles (the {@code AdvocacyEngine} handles the rewards itself). Copy a definition's code or
 * its JSON ({@code JourneyJson.write}) to make it your own.
 *
 * <p>Run the playbook with {@link #contactPolicy()} (or your own policy with {@link
 * #CONTACT_RULES}), whose per-motion cap leaves room for a reminder. Every ask names its motion
 * and channel, so the contact policy decides it before it reaches
 * the outbox: outside quiet hours, within the frequency caps, never to a customer without
 * consent or with an open complaint, nor, except for a review, to one who answered as a
 * detractor recently (the contact policy never gates review asks on sentiment). Every journey
 * that asks branches on {@link JourneySignals#ASK_DENIED} and exits on a complaint; detractor
 * recovery and the recognition journeys ask for nothing.
 *
 * <table>
 *   <caption>The journeys</caption>
 *   <tr><th>journey</th><th>starts on</th><th>what it does</th></tr>
 *   <tr><td>{@code review-after-purchase} (also {@code -stay}, {@code -visit})</td>
 *       <td>the experience, if the customer is eligible for a review (a recent experience, no
 *       open complaint: never their sentiment, since platforms forbid selective asking)</td>
 *       <td>asks for a review on the platform, one reminder after 3 days, lapses 7 days later;
 *       a posted review is thanked with a disclosed incentive only where the platform allows
 *       one, never conditioned on the rating; re-entry after 30 days</td></tr>
 *   <tr><td>{@code referral-invitation}</td>
 *       <td>becoming eligible for referrals (a promoter or a satisfied customer with
 *       consent)</td>
 *       <td>invites, follows up after 5 days, waits for a share; a conversion issues the
 *       double-sided reward; re-entry after 90 days</td></tr>
 *   <tr><td>{@code advocate-invitations}</td><td>reaching the advocate or champion tier</td>
 *       <td>a testimonial; once the story is in, a reference call (if eligible: tenure and
 *       account value), then a case study (if a measured outcome is on record); each ask lapses
 *       after 14 days; re-entry after 180 days</td></tr>
 *   <tr><td>{@code detractor-recovery}</td><td>an NPS answer of 0–6</td>
 *       <td>alerts the owner and opens a CRM task (asks are suppressed by the contact policy's
 *       detractor period meanwhile), re-surveys after 30 days, and ends recovered on a 7 or
 *       above, or unresolved (owner alerted again); re-entry after 30 days</td></tr>
 *   <tr><td>{@code expansion}</td><td>reaching the champion tier, whose score rests on repeated
 *       advocacy</td>
 *       <td>invites to the advisory board, then (if eligible) to speak at an event; re-entry
 *       after 365 days</td></tr>
 *   <tr><td>{@code tier-recognition}</td><td>moving up to advocate or champion (a promoter is
 *       too common, and scores near a threshold cross it back and forth)</td>
 *       <td>a non-monetary recognition reward; every time</td></tr>
 *   <tr><td>{@code customer-anniversary}</td><td>moving up to advocate or champion</td>
 *       <td>waits for the anniversary of {@code customer_since} at 10:00 local time and sends a
 *       thank-you note (a profile without that date ends the instance after 367 days)</td></tr>
 * </table>
 *
 * <p>Immutable; thread-safe.
 */
public final class AdvocacyPlaybook {
  /** Journey id of the review request after a purchase. */
  public static final JourneyId REVIEW_AFTER_PURCHASE = JourneyId.of("review-after-purchase");
  /** Journey id of the review request after a stay. */
  public static final JourneyId REVIEW_AFTER_STAY = JourneyId.of("review-after-stay");
  /** Journey id of the review request after a visit. */
  public static final JourneyId REVIEW_AFTER_VISIT = JourneyId.of("review-after-visit");
  /** Journey id of the referral invitation. */
  public static final JourneyId REFERRAL_INVITATION = JourneyId.of("referral-invitation");
  /** Journey id of the testimonial, reference and case-study invitations. */
  public static final JourneyId ADVOCATE_INVITATIONS = JourneyId.of("advocate-invitations");
  /** Journey id of detractor recovery. */
  public static final JourneyId DETRACTOR_RECOVERY = JourneyId.of("detractor-recovery");
  /** Journey id of the expansion to higher-impact motions. */
  public static final JourneyId EXPANSION = JourneyId.of("expansion");
  /** Journey id of the recognition of a tier reached. */
  public static final JourneyId TIER_RECOGNITION = JourneyId.of("tier-recognition");
  /** Journey id of the customer anniversary. */
  public static final JourneyId CUSTOMER_ANNIVERSARY = JourneyId.of("customer-anniversary");

  /** Action: ask for a review ({@code motion}, {@code channel}, {@code platform}). */
  public static final String ASK_REVIEW = "ask_review";
  /** Action: remind of the review ask. */
  public static final String REMIND_REVIEW = "remind_review";
  /** Action: reward a posted review where the platform allows incentives. */
  public static final String REWARD_REVIEW = "reward_review";
  /** Action: thank a reviewer without any incentive. */
  public static final String THANK_REVIEWER = "thank_reviewer";
  /** Action: invite to refer. */
  public static final String ASK_REFERRAL = "ask_referral";
  /** Action: follow up the referral invitation. */
  public static final String REMIND_REFERRAL = "remind_referral";
  /**
   * Action: the double-sided referral reward ({@code sides=both}; {@code referee} the referee the
   * share or the conversion named, when one did).
   */
  public static final String REWARD_REFERRAL = "reward_referral";
  /**
   * A {@link ActionKind#SET_VARIABLE} action of the referral journey: keeps the {@code referee}
   * a share or a conversion names (its {@code referee} attribute, as {@code customer:<id>} or
   * {@code anonymous:<id>}) as the instance's {@code referee} variable.
   */
  public static final String REMEMBER_REFEREE = "remember_referee";
  /** Action: ask for a testimonial. */
  public static final String ASK_TESTIMONIAL = "ask_testimonial";
  /** Action: ask for a reference call. */
  public static final String ASK_REFERENCE = "ask_reference";
  /** Action: ask for a case study. */
  public static final String ASK_CASE_STUDY = "ask_case_study";
  /** Action: invite to the advisory board. */
  public static final String ASK_ADVISORY_BOARD = "ask_advisory_board";
  /** Action: invite to speak at an event. */
  public static final String ASK_SPEAKING = "ask_speaking";
  /** Action: tell the account owner. */
  public static final String ALERT_OWNER = "alert_owner";
  /** Action: open a task in the CRM. */
  public static final String CREATE_CRM_TASK = "create_crm_task";
  /** Action: send the NPS survey again (service communication, not an advocacy ask). */
  public static final String RESURVEY = "resurvey";
  /** Action: a non-monetary recognition reward ({@code kind=RECOGNITION}). */
  public static final String RECOGNISE = "recognise";
  /** Action: a thank-you note on the customer anniversary. */
  public static final String ANNIVERSARY_NOTE = "anniversary_note";

  /**
   * Contact rules that fit the playbook: at most 4 asks per customer in any 30 days, at most 2
   * asks per motion in any 14 days (an ask and its one reminder), and 2 days between any two
   * asks. Under the contact policy's stricter default (1 per motion in 14 days) a reminder is
   * deferred past its journey's lapse and never sent.
   */
  public static final FrequencyRules CONTACT_RULES = new FrequencyRules(
      List.of(FrequencyCap.perCustomer(4, Duration.ofDays(30)),
          FrequencyCap.perEachMotion(2, Duration.ofDays(14))),
      Duration.ofDays(2));

  private AdvocacyPlaybook() {}

  /**
   * A contact policy with {@link #CONTACT_RULES} and every other default (in-memory stores,
   * quiet hours 21:00–09:00 local, a 90-day detractor period for every motion but reviews).
   *
   * @return a new policy
   */
  public static ContactPolicy contactPolicy() {
    return ContactPolicy.builder().rules(CONTACT_RULES).build();
  }

  /**
   * The guards and actions every playbook journey uses. Guards: {@code eligible_review},
   * {@code eligible_reference}, {@code eligible_case_study}, {@code eligible_speaking} (the
   * customer view's eligible motions); {@code became_eligible_referral} (a motion-eligibility
   * signal for REFERRAL with value 1); {@code became_advocate}, {@code became_champion}, {@code
   * tier_up} (a tier-change signal's {@code to_tier} and {@code from_tier}: up, to advocate or
   * champion); {@code
   * detractor_answer} (NPS 0–6) and {@code recovered_answer} (NPS 7–10).
   *
   * @return the registry
   */
  public static JourneyRegistry registry() {
    return registryBuilder().build();
  }

  /**
   * The playbook's registry as a builder, to add a host's own guards and actions.
   *
   * @return a new builder holding the playbook's guards and actions
   */
  public static JourneyRegistry.Builder registryBuilder() {
    return JourneyRegistry.builder()
        .action(ASK_REVIEW, ActionKind.ASK).action(REMIND_REVIEW, ActionKind.ASK)
        .action(REWARD_REVIEW, ActionKind.ISSUE_REWARD).action(THANK_REVIEWER, ActionKind.CUSTOM)
        .action(ASK_REFERRAL, ActionKind.ASK).action(REMIND_REFERRAL, ActionKind.ASK)
        .action(REWARD_REFERRAL, ActionKind.ISSUE_REWARD)
        .action(REMEMBER_REFEREE, ActionKind.SET_VARIABLE)
        .action(ASK_TESTIMONIAL, ActionKind.ASK).action(ASK_REFERENCE, ActionKind.ASK)
        .action(ASK_CASE_STUDY, ActionKind.ASK).action(ASK_ADVISORY_BOARD, ActionKind.ASK)
        .action(ASK_SPEAKING, ActionKind.ASK)
        .action(ALERT_OWNER, ActionKind.NOTIFY_OWNER)
        .action(CREATE_CRM_TASK, ActionKind.CREATE_CRM_TASK)
        .action(RESURVEY, ActionKind.CUSTOM)
        .action(RECOGNISE, ActionKind.ISSUE_REWARD)
        .action(ANNIVERSARY_NOTE, ActionKind.CUSTOM)
        .guard("eligible_review", c -> eligible(c, Motion.REVIEW))
        .guard("eligible_reference", c -> eligible(c, Motion.REFERENCE_CALL))
        .guard("eligible_case_study", c -> eligible(c, Motion.CASE_STUDY))
        .guard("eligible_speaking", c -> eligible(c, Motion.EVENT_SPEAKING))
        .guard("became_eligible_referral", c -> c.signal() != null
            && c.signal().value() == 1
            && Motion.REFERRAL.name().equals(c.signal().attribute(
                QualificationTracker.MOTION_ATTRIBUTE).orElse("")))
        .guard("became_advocate", c -> toTier(c).map(t -> t.compareTo(AdvocateTier.ADVOCATE) >= 0)
            .orElse(false))
        .guard("became_champion", c -> toTier(c).map(t -> t == AdvocateTier.CHAMPION)
            .orElse(false))
        .guard("tier_up", c -> toTier(c).flatMap(to -> tier(c.signal(),
                QualificationTracker.FROM_ATTRIBUTE).map(from -> to.compareTo(from) > 0
                && to.compareTo(AdvocateTier.ADVOCATE) >= 0)).orElse(false))
        .guard("detractor_answer", c -> c.signal() != null && c.signal().value() <= 6)
        .guard("recovered_answer", c -> c.signal() != null && c.signal().value() >= 7);
  }

  /**
   * Every playbook journey, with the review requests on Google's policy.
   *
   * @return the definitions
   */
  public static List<JourneyDefinition> all() {
    ReviewPlatformPolicy google = ReviewPlatformPolicy.defaults().get("google");
    return List.of(
        reviewRequest(REVIEW_AFTER_PURCHASE, SignalType.PURCHASE_COMPLETED, "google", google),
        reviewRequest(REVIEW_AFTER_STAY, SignalType.STAY_COMPLETED, "google", google),
        reviewRequest(REVIEW_AFTER_VISIT, SignalType.VISIT_COMPLETED, "google", google),
        referralInvitation(), advocateInvitations(), detractorRecovery(), expansion(),
        tierRecognition(), customerAnniversary());
  }

  /**
   * A review request after an experience (a purchase, stay or visit), on one platform.
   *
   * @param id the journey's id
   * @param experience the signal type that starts it
   * @param platform the review platform's machine name (a {@code platform} parameter of every
   *     ask and reward)
   * @param policy what the platform allows
   * @return the definition
   * @throws IllegalArgumentException if the platform forbids asking for reviews at all; the
   *     journey asks every eligible customer whatever the platform says of selective asking,
   *     which is right on every platform
   */
  public static JourneyDefinition reviewRequest(JourneyId id, SignalType experience,
      String platform, ReviewPlatformPolicy policy) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(experience, "experience");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(policy, "policy");
    if (!policy.asksAllowed()) {
      throw new IllegalArgumentException("platform " + platform
          + " forbids asking for reviews: " + policy.source());
    }
    Named ask = ask(ASK_REVIEW, Motion.REVIEW, "platform", platform);
    Named remind = ask(REMIND_REVIEW, Motion.REVIEW, "platform", platform);
    Named thanks = policy.incentivesAllowed()
        ? Named.of(REWARD_REVIEW, "platform", platform, "disclosure", "incentivised-review",
            "conditioned_on_rating", "false")
        : Named.of(THANK_REVIEWER, "platform", platform);
    return JourneyDefinition.builder(id, 1)
        .startsOn(experience).entryGuard("eligible_review")
        .state("asked").onEntry(ask)
        .state("reminded").onEntry(remind)
        .terminal("reviewed").terminal("lapsed").terminal("not_asked").terminal("exited")
        .from("asked").after(Duration.ofDays(3)).to("reminded")
        .from("asked").on(JourneySignals.ASK_DENIED).to("not_asked")
        .from("reminded").after(Duration.ofDays(7)).to("lapsed")
        .from("reminded").on(JourneySignals.ASK_DENIED).to("lapsed")
        .anyState().on(SignalType.REVIEW_POSTED).to("reviewed").doing(thanks)
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
        .goal("reviewed", SignalType.REVIEW_POSTED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(30)))
        .build(registry());
  }

  /**
   * The referral invitation for customers who became eligible to refer.
   *
   * @return the definition
   */
  public static JourneyDefinition referralInvitation() {
    return JourneyDefinition.builder(REFERRAL_INVITATION, 1)
        .startsOn(SignalType.MOTION_ELIGIBILITY_CHANGED).entryGuard("became_eligible_referral")
        .state("invited").onEntry(ask(ASK_REFERRAL, Motion.REFERRAL))
        .state("followed_up").onEntry(ask(REMIND_REFERRAL, Motion.REFERRAL))
        .state("shared")
        .terminal("converted").terminal("lapsed").terminal("not_asked").terminal("exited")
        .from("invited").after(Duration.ofDays(5)).to("followed_up")
        .from("invited").on(JourneySignals.ASK_DENIED).to("not_asked")
        .from("followed_up").after(Duration.ofDays(30)).to("lapsed")
        .from("followed_up").on(JourneySignals.ASK_DENIED).to("lapsed")
        .from("shared").after(Duration.ofDays(60)).to("lapsed")
        .anyState().on(SignalType.REFERRAL_SHARED).to("shared").doing(rememberReferee())
        .anyState().on(SignalType.REFERRAL_CONVERTED).to("converted")
        .doing(rememberReferee(),
            Named.of(REWARD_REFERRAL, "sides", "both", "referee", "${variable:referee}"))
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
        .goal("converted", SignalType.REFERRAL_CONVERTED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(90)))
        .build(registry());
  }

  /**
   * Testimonial, reference and case-study invitations for advocates and champions.
   *
   * @return the definition
   */
  public static JourneyDefinition advocateInvitations() {
    return JourneyDefinition.builder(ADVOCATE_INVITATIONS, 1)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("became_advocate")
        .state("testimonial_asked").onEntry(ask(ASK_TESTIMONIAL, Motion.TESTIMONIAL))
        .state("reference_asked").onEntry(ask(ASK_REFERENCE, Motion.REFERENCE_CALL),
            Named.of(CREATE_CRM_TASK, "task", "reference_call"))
        .state("case_study_asked").onEntry(ask(ASK_CASE_STUDY, Motion.CASE_STUDY))
        .terminal("completed").terminal("lapsed").terminal("not_asked").terminal("exited")
        .from("testimonial_asked").on(SignalType.STORY_COMPLETED).to("reference_asked")
        .when("eligible_reference")
        .from("testimonial_asked").on(SignalType.STORY_COMPLETED).to("completed")
        .from("reference_asked").on(SignalType.REFERENCE_COMPLETED).to("case_study_asked")
        .when("eligible_case_study")
        .from("reference_asked").on(SignalType.REFERENCE_COMPLETED).to("completed")
        .from("case_study_asked").on(SignalType.CASE_STUDY_COMPLETED).to("completed")
        .doing(Named.of(RECOGNISE, "kind", "RECOGNITION", "for", "case_study"))
        .from("testimonial_asked").after(Duration.ofDays(14)).to("lapsed")
        .from("reference_asked").after(Duration.ofDays(14)).to("lapsed")
        .from("case_study_asked").after(Duration.ofDays(14)).to("lapsed")
        .from("testimonial_asked").on(JourneySignals.ASK_DENIED).to("not_asked")
        .from("reference_asked").on(JourneySignals.ASK_DENIED).to("not_asked")
        .from("case_study_asked").on(JourneySignals.ASK_DENIED).to("not_asked")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
        .goal("story", SignalType.STORY_COMPLETED)
        .goal("reference", SignalType.REFERENCE_COMPLETED)
        .goal("case_study", SignalType.CASE_STUDY_COMPLETED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(180)))
        .build(registry());
  }

  /**
   * Detractor recovery: the owner is alerted, asks are suppressed by the contact policy, and
   * the customer is surveyed again after 30 days.
   *
   * @return the definition
   */
  public static JourneyDefinition detractorRecovery() {
    return JourneyDefinition.builder(DETRACTOR_RECOVERY, 1)
        .startsOn(SignalType.NPS_ANSWERED).entryGuard("detractor_answer")
        .state("recovering").onEntry(Named.of(ALERT_OWNER, "reason", "detractor"),
            Named.of(CREATE_CRM_TASK, "task", "detractor_follow_up"))
        .state("resurveyed").onEntry(Named.of(RESURVEY, "survey", "nps"))
        .terminal("recovered").terminal("unresolved")
        .from("recovering").after(Duration.ofDays(30)).to("resurveyed")
        .from("resurveyed").on(SignalType.NPS_ANSWERED).to("recovered").when("recovered_answer")
        .from("resurveyed").on(SignalType.NPS_ANSWERED).to("unresolved")
        .doing(Named.of(ALERT_OWNER, "reason", "still_detractor"))
        .from("resurveyed").after(Duration.ofDays(30)).to("unresolved")
        .goal("recovered", SignalType.NPS_ANSWERED)
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(30)))
        .build(registry());
  }

  /**
   * Expansion to higher-impact motions for champions.
   *
   * @return the definition
   */
  public static JourneyDefinition expansion() {
    return JourneyDefinition.builder(EXPANSION, 1)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("became_champion")
        .state("advisory_invited").onEntry(ask(ASK_ADVISORY_BOARD, Motion.ADVISORY_BOARD))
        .state("speaking_invited").onEntry(ask(ASK_SPEAKING, Motion.EVENT_SPEAKING))
        .terminal("completed").terminal("not_asked").terminal("exited")
        .from("advisory_invited").after(Duration.ofDays(21)).to("speaking_invited")
        .when("eligible_speaking")
        .from("advisory_invited").after(Duration.ofDays(21)).to("completed")
        .from("speaking_invited").after(Duration.ofDays(21)).to("completed")
        .from("advisory_invited").on(JourneySignals.ASK_DENIED).to("not_asked")
        .from("speaking_invited").on(JourneySignals.ASK_DENIED).to("completed")
        .anyState().on(SignalType.COMPLAINT_OPENED).to("exited")
        .reentry(ReentryPolicy.afterCooldown(Duration.ofDays(365)))
        .build(registry());
  }

  /**
   * A non-monetary recognition each time a customer moves up a tier.
   *
   * @return the definition
   */
  public static JourneyDefinition tierRecognition() {
    return JourneyDefinition.builder(TIER_RECOGNITION, 1)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("tier_up")
        .state("recognising").onEntry(Named.of(RECOGNISE, "kind", "RECOGNITION",
            "for", "tier_reached"))
        .terminal("recognised")
        .from("recognising").immediately().to("recognised")
        .reentry(ReentryPolicy.ALWAYS)
        .build(registry());
  }

  /**
   * A thank-you note on the anniversary of becoming a customer, for customers moving up a tier.
   *
   * @return the definition
   */
  public static JourneyDefinition customerAnniversary() {
    return JourneyDefinition.builder(CUSTOMER_ANNIVERSARY, 1)
        .startsOn(SignalType.ADVOCATE_TIER_CHANGED).entryGuard("tier_up")
        .state("waiting")
        .terminal("celebrated").onEntry(Named.of(ANNIVERSARY_NOTE, "occasion", "customer_since"))
        .terminal("no_date")
        .from("waiting").onAnniversary(CustomerProfile.CUSTOMER_SINCE, LocalTime.of(10, 0))
        .to("celebrated")
        .from("waiting").after(Duration.ofDays(367)).to("no_date")
        .reentry(ReentryPolicy.ALWAYS)
        .build(registry());
  }

  private static Named rememberReferee() {
    return Named.of(REMEMBER_REFEREE, "referee", "${attribute:" + ReferralService.REFEREE_ATTRIBUTE
        + "}");
  }

  private static Named ask(String action, Motion motion, String... more) {
    String[] params = new String[4 + more.length];
    params[0] = "motion";
    params[1] = motion.name();
    params[2] = "channel";
    params[3] = "EMAIL";
    System.arraycopy(more, 0, params, 4, more.length);
    return Named.of(action, params);
  }

  private static boolean eligible(GuardContext c, Motion motion) {
    return c.customer().eligibleMotions().contains(motion);
  }

  private static Optional<AdvocateTier> toTier(GuardContext c) {
    return tier(c.signal(), QualificationTracker.TO_ATTRIBUTE);
  }

  private static Optional<AdvocateTier> tier(@org.jspecify.annotations.Nullable Signal signal,
      String attribute) {
    if (signal == null) {
      return Optional.empty();
    }
    return signal.attribute(attribute).flatMap(name -> {
      try {
        return Optional.of(AdvocateTier.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }
}
