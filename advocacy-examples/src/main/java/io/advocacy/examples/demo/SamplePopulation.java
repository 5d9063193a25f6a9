package io.advocacy.examples.demo;

import io.advocacy.core.CustomerId;
import io.advocacy.core.Money;
import io.advocacy.core.SignalId;
import io.advocacy.core.contact.SuppressionEvent;
import io.advocacy.core.profile.Consent;
import io.advocacy.core.profile.ContactChannel;
import io.advocacy.core.profile.CustomerProfile;
import io.advocacy.core.profile.Industry;
import io.advocacy.core.profile.RegulatoryFlag;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded, synthetic customer base: profiles, a latent happiness per customer, and the signals
 * they send of their own accord month by month (NPS and CSAT answers, product usage, support
 * tickets, complaints, social mentions, outcomes, renewals). The same seed always gives the same
 * population and the same signals.
 *
 * <p>The mix: four in five customers are B2B SaaS accounts, one in five a healthcare customer, of
 * whom two in five are government health-programme beneficiaries (so the demo shows rewards the
 * compliance rules block). Customers live in five time zones; 85% consent to e-mail.
 *
 * <p>Not thread-safe.
 */
public final class SamplePopulation {
  private static final ZoneId[] ZONES = {
    ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/London"),
    ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Tokyo")};

  private final long seed;
  private final List<CustomerProfile> profiles;
  private final double[] happiness;
  private final Instant start;
  private long nextId;

  /**
   * Generates the profiles.
   *
   * @param customers how many, at least 1
   * @param seed the seed
   * @param start the first instant of the simulated year
   */
  public SamplePopulation(int customers, long seed, Instant start) {
    if (customers < 1) {
      throw new IllegalArgumentException("customers " + customers + " is below 1");
    }
    this.seed = seed;
    this.start = Objects.requireNonNull(start, "start");
    SplittableRandom r = new SplittableRandom(seed);
    this.profiles = new ArrayList<>(customers);
    this.happiness = new double[customers];
    LocalDate day = start.atOffset(ZoneOffset.UTC).toLocalDate();
    for (int i = 0; i < customers; i++) {
      double mood = r.nextDouble();
      // a mix: one in five unhappy, a third lukewarm, the rest happy
      happiness[i] = mood < 0.2 ? r.nextDouble(0.0, 0.45)
          : mood < 0.55 ? r.nextDouble(0.45, 0.72) : r.nextDouble(0.72, 1.0);
      boolean health = r.nextDouble() < 0.2;
      CustomerProfile.Builder b = CustomerProfile.builder(id(i))
          .industry(health ? Industry.HEALTHCARE : Industry.B2B_SAAS)
          .timeZone(ZONES[r.nextInt(ZONES.length)])
          .datedAttribute(CustomerProfile.CUSTOMER_SINCE, day.minusDays(30 + r.nextInt(5 * 365)))
          .accountValue(Money.of(String.valueOf(1_000 * (2 + (long) Math.floor(
              Math.exp(r.nextDouble(0, 4.6))))), "USD"));
      if (r.nextDouble() < 0.85) {
        b.consent(ContactChannel.EMAIL, Consent.grantedAt(start.minus(Duration.ofDays(400))));
      }
      if (health && r.nextDouble() < 0.4) {
        b.flag(RegulatoryFlag.GOVERNMENT_HEALTH_PROGRAMME_BENEFICIARY);
      }
      profiles.add(b.build());
    }
  }

  /**
   * The id of the i-th customer.
   *
   * @param i the index
   * @return the id
   */
  public static CustomerId id(int i) {
    return CustomerId.of(String.format("c-%06d", i));
  }

  /**
   * The index of a customer of this population.
   *
   * @param id the id
   * @return the index, or -1 when the id is not one of ours
   */
  public int index(CustomerId id) {
    String v = id.value();
    if (!v.startsWith("c-")) {
      return -1;
    }
    try {
      int i = Integer.parseInt(v.substring(2));
      return i >= 0 && i < profiles.size() ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * How many customers.
   *
   * @return the size
   */
  public int size() {
    return profiles.size();
  }

  /**
   * A customer's profile.
   *
   * @param i the index
   * @return the profile
   */
  public CustomerProfile profile(int i) {
    return profiles.get(i);
  }

  /**
   * A customer's latent happiness, 0 to 1: what drives their answers and whether they act when
   * asked. The engine never sees it.
   *
   * @param i the index
   * @return the happiness
   */
  public double happiness(int i) {
    return happiness[i];
  }

  /**
   * A fresh signal id.
   *
   * @param prefix what kind of event
   * @return the id
   */
  public SignalId nextId(String prefix) {
    return SignalId.of(prefix + "-" + ++nextId);
  }

  /**
   * The signals customers send of their own accord in one month of the year, unordered.
   *
   * @param month 0 to 11
   * @return the signals
   */
  public List<Signal> month(int month) {
    SplittableRandom r = new SplittableRandom(seed * 31 + month);
    Instant from = start.atOffset(ZoneOffset.UTC).plusMonths(month).toInstant();
    Instant to = start.atOffset(ZoneOffset.UTC).plusMonths(month + 1L).toInstant();
    long span = Duration.between(from, to).toSeconds();
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      CustomerId c = id(i);
      double h = happiness[i];
      // product usage: one monthly roll-up, heavier for happier customers
      out.add(Signal.of(nextId("use"), c, SignalType.PRODUCT_USAGE, at(r, from, span),
          Math.max(0, Math.round(10 + 40 * h + r.nextGaussian() * 6))));
      // a quarterly NPS survey answered by about two in five
      if (month % 3 == 1 && r.nextDouble() < 0.4) {
        out.add(Signal.nps(nextId("nps"), c, at(r, from, span), npsScore(r, h)));
      }
      // support: a ticket every few months, then a CSAT answer about half the time
      if (r.nextDouble() < 0.18) {
        Instant t = at(r, from, span);
        out.add(Signal.of(nextId("sup"), c, SignalType.SUPPORT_RESOLVED, t,
            Math.max(0, Math.min(5, Math.round(1 + 4 * h + r.nextGaussian() * 0.6)))));
        if (r.nextDouble() < 0.5) {
          out.add(Signal.csat(nextId("csat"), c, t.plusSeconds(3600), 1 + score(r, h, 4)));
        }
      }
      // complaints from the unhappy, closed within days
      if (r.nextDouble() < 0.06 * (1 - h)) {
        Instant t = at(r, from, span);
        String caseId = "case-" + ++nextId;
        out.add(Signal.builder(nextId("cmp"), c, SignalType.COMPLAINT_OPENED, t).value(1)
            .attribute(SuppressionEvent.CASE_ID_ATTRIBUTE, caseId).build());
        out.add(Signal.builder(nextId("cmc"), c, SignalType.COMPLAINT_CLOSED,
                t.plus(Duration.ofDays(2 + r.nextInt(10)))).value(1)
            .attribute(SuppressionEvent.CASE_ID_ATTRIBUTE, caseId).build());
      }
      if (r.nextDouble() < 0.05) {
        out.add(Signal.socialMention(nextId("soc"), c, at(r, from, span),
            Math.max(-1, Math.min(1, 2 * h - 1 + r.nextGaussian() * 0.2))));
      }
      if (r.nextDouble() < 0.08 * h) {
        out.add(Signal.of(nextId("out"), c, SignalType.OUTCOME_ACHIEVED, at(r, from, span), 1));
      }
      // renewals: each customer renews in the month of their start date
      if (profiles.get(i).datedAttribute(CustomerProfile.CUSTOMER_SINCE).orElseThrow()
          .getMonthValue() == month + 1 && r.nextDouble() < 0.6 + 0.35 * h) {
        out.add(Signal.monetary(nextId("ren"), c, SignalType.SUBSCRIPTION_RENEWED,
            at(r, from, span), profiles.get(i).accountValue()));
      }
    }
    return out;
  }

  /**
   * A score on a 0..max scale drawn around happiness.
   *
   * @param r the random source
   * @param h happiness
   * @param max the top of the scale
   * @return the score
   */
  static int score(SplittableRandom r, double h, int max) {
    long s = Math.round(max * h + r.nextGaussian() * max * 0.12);
    return (int) Math.max(0, Math.min(max, s));
  }

  /**
   * An NPS answer: the happy (0.72 and above) mostly answer 9 or 10, the lukewarm 7 or 8, the
   * unhappy 6 or below.
   *
   * @param r the random source
   * @param h happiness
   * @return the answer, 0 to 10
   */
  static int npsScore(SplittableRandom r, double h) {
    long s = Math.round(2.5 + 8 * h + r.nextGaussian() * 0.9);
    return (int) Math.max(0, Math.min(10, s));
  }

  private static Instant at(SplittableRandom r, Instant from, long span) {
    return from.plusSeconds(r.nextLong(span));
  }
}
