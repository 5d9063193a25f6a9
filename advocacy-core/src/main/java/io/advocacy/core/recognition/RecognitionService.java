package io.advocacy.core.recognition;

import io.advocacy.core.CustomerId;
import io.advocacy.core.signal.Signal;
import io.advocacy.core.signal.SignalType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises acts of advocacy: points on a {@link PointsSchedule}, {@link RecognitionLevel}s,
 * {@link Badge}s, a leaderboard over a period and flags for top advocates.
 *
 * <p>Standings are computed from the set of acts kept in the {@link RecognitionStore}, so they
 * never depend on the order signals arrive in: daily caps count the earliest acts of the day,
 * badges are dated by the act that reached the threshold. An act is applied once per signal id.
 *
 * <p>Top-advocate flags ({@link #topAdvocates}), by default: the advisory board for customers at
 * Champion level or above with the {@link Badge#REFERENCE_CHAMPION} badge; beta access for the
 * period's top 10 on the leaderboard; executive sponsorship at Legend level.
 *
 * <p>Thread-safe if its store is.
 */
public final class RecognitionService {
  private final RecognitionStore store;
  private final PointsSchedule schedule;
  private final List<RecognitionLevel> levels;
  private final List<Badge> badges;

  /**
   * A service with the default schedule, levels and badges.
   *
   * @param store the store
   */
  public RecognitionService(RecognitionStore store) {
    this(store, PointsSchedule.defaults(), RecognitionLevel.defaults(), Badge.defaults());
  }

  /**
   * A service.
   *
   * @param store the store
   * @param schedule the points schedule
   * @param levels the levels, ascending by points, the first at 0
   * @param badges the badges, with distinct ids
   * @throws IllegalArgumentException if the levels are not ascending from 0 or badge ids repeat
   */
  public RecognitionService(RecognitionStore store, PointsSchedule schedule,
      List<RecognitionLevel> levels, List<Badge> badges) {
    this.store = Objects.requireNonNull(store, "store");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.levels = List.copyOf(levels);
    this.badges = List.copyOf(badges);
    if (this.levels.isEmpty() || this.levels.get(0).minPoints() != 0) {
      throw new IllegalArgumentException("levels must start at 0 points: " + levels);
    }
    for (int i = 1; i < this.levels.size(); i++) {
      if (this.levels.get(i).minPoints() <= this.levels.get(i - 1).minPoints()) {
        throw new IllegalArgumentException("levels are not ascending: " + levels);
      }
    }
    if (this.badges.stream().map(Badge::id).distinct().count() != this.badges.size()) {
      throw new IllegalArgumentException("badge ids repeat: " + badges);
    }
  }

  /**
   * Applies a signal. Never throws for the signal's content.
   *
   * @param signal the signal
   * @return what it did
   */
  public RecognitionOutcome apply(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (!(signal.subject() instanceof CustomerId customer)) {
      return ignored(RecognitionOutcome.ANONYMOUS);
    }
    Optional<Integer> points = schedule.pointsFor(signal);
    if (points.isEmpty()) {
      return ignored(signal.type().equals(SignalType.SOCIAL_MENTION)
          ? RecognitionOutcome.NOT_POSITIVE : RecognitionOutcome.NOT_AN_ACT);
    }
    Act act = new Act(signal.id(), signal.type(), signal.occurredAt(), points.get());
    if (!store.add(customer, act)) {
      return new RecognitionOutcome(RecognitionOutcome.Status.DUPLICATE, null, standing(customer),
          0, null, List.of());
    }
    // What this act added, given every other act known now (so concurrent applies of one
    // customer each report their own contribution).
    List<Act> all = store.acts(customer);
    List<Act> without = new ArrayList<>(all);
    without.removeIf(a -> a.id().equals(act.id()));
    Standing was = standingOf(customer, without);
    Standing now = standingOf(customer, all);
    List<AwardedBadge> fresh = new ArrayList<>(now.badges());
    fresh.removeIf(b -> was.has(b.badge().id()));
    return new RecognitionOutcome(RecognitionOutcome.Status.APPLIED, null, now,
        now.points() - was.points(), now.level().equals(was.level()) ? null : now.level(), fresh);
  }

  private static RecognitionOutcome ignored(String reason) {
    return new RecognitionOutcome(RecognitionOutcome.Status.IGNORED, reason, null, 0, null, List.of());
  }

  /**
   * A customer's standing.
   *
   * @param customer the customer
   * @return points, level and badges
   */
  public Standing standing(CustomerId customer) {
    return standingOf(customer, store.acts(customer));
  }

  private Standing standingOf(CustomerId customer, List<Act> acts) {
    long points = 0;
    for (Act a : counted(acts)) {
      points += a.points();
    }
    RecognitionLevel level = levels.get(0);
    for (RecognitionLevel l : levels) {
      if (points >= l.minPoints()) {
        level = l;
      }
    }
    List<AwardedBadge> awarded = new ArrayList<>();
    for (Badge b : badges) {
      int n = 0;
      for (Act a : acts) {
        if (b.counts().contains(a.type()) && ++n == b.threshold()) {
          awarded.add(new AwardedBadge(b, a.at()));
          break;
        }
      }
    }
    awarded.sort(Comparator.comparing(AwardedBadge::at));
    return new Standing(customer, points, level, awarded);
  }

  /** The acts that earn points: all, except those past a type's daily cap (earliest first). */
  private List<Act> counted(List<Act> acts) {
    List<Act> out = new ArrayList<>(acts.size());
    Map<String, Integer> perDay = new HashMap<>();
    for (Act a : acts) { // already in Act.ORDER
      Integer cap = schedule.dailyCaps().get(a.type());
      if (cap != null) {
        String key = a.type().name() + "@" + LocalDate.ofInstant(a.at(), ZoneOffset.UTC);
        if (perDay.merge(key, 1, Integer::sum) > cap) {
          continue;
        }
      }
      out.add(a);
    }
    return out;
  }

  /**
   * The leaderboard of a period: points from counted acts that happened in {@code [from, to)},
   * highest first; ties go to whoever reached the total first, then by customer id.
   *
   * @param from the period's start
   * @param to the period's end, exclusive
   * @param limit the most lines, at least 1
   * @return the lines
   */
  public List<LeaderboardEntry> leaderboard(Instant from, Instant to, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("leaderboard limit " + limit + " is below 1");
    }
    record Line(CustomerId customer, long points, Instant reachedAt) {}
    List<Line> lines = new ArrayList<>();
    for (CustomerId c : store.customers()) {
      long points = 0;
      Instant last = null;
      for (Act a : counted(store.acts(c))) {
        if (!a.at().isBefore(from) && a.at().isBefore(to)) {
          points += a.points();
          last = a.at();
        }
      }
      if (last != null) {
        lines.add(new Line(c, points, last));
      }
    }
    lines.sort(Comparator.comparingLong(Line::points).reversed()
        .thenComparing(Line::reachedAt)
        .thenComparing(l -> l.customer().value()));
    List<LeaderboardEntry> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, lines.size()); i++) {
      Line l = lines.get(i);
      out.add(new LeaderboardEntry(i + 1, l.customer(), l.points(), l.reachedAt()));
    }
    return List.copyOf(out);
  }

  /**
   * Top advocates to invite further, with the default rules described above.
   *
   * @param from the leaderboard period's start
   * @param to its end, exclusive
   * @return the flags, by invitation then customer id
   */
  public List<AdvocateFlag> topAdvocates(Instant from, Instant to) {
    return topAdvocates(from, to, "Champion", Badge.REFERENCE_CHAMPION.id(), 10, "Legend");
  }

  /**
   * Top advocates to invite further.
   *
   * @param from the leaderboard period's start
   * @param to its end, exclusive
   * @param advisoryLevel the least level for the advisory board
   * @param advisoryBadge the badge the advisory board also needs
   * @param betaTopK how many of the period's leaders get beta access
   * @param sponsorshipLevel the least level for executive sponsorship
   * @return the flags, by invitation then customer id
   * @throws IllegalArgumentException if a level name is unknown or {@code betaTopK < 0}
   */
  public List<AdvocateFlag> topAdvocates(Instant from, Instant to, String advisoryLevel,
      String advisoryBadge, int betaTopK, String sponsorshipLevel) {
    long advisory = level(advisoryLevel).minPoints();
    long sponsorship = level(sponsorshipLevel).minPoints();
    if (betaTopK < 0) {
      throw new IllegalArgumentException("betaTopK " + betaTopK + " is negative");
    }
    List<AdvocateFlag> flags = new ArrayList<>();
    List<CustomerId> customers = new ArrayList<>(store.customers());
    customers.sort(Comparator.comparing(CustomerId::value));
    for (CustomerId c : customers) {
      Standing s = standing(c);
      if (s.points() >= advisory && s.has(advisoryBadge)) {
        flags.add(new AdvocateFlag(c, Invitation.ADVISORY_BOARD, "level " + s.level().name()
            + " with " + s.points() + " points and the " + advisoryBadge + " badge"));
      }
    }
    if (betaTopK > 0) {
      for (LeaderboardEntry e : leaderboard(from, to, betaTopK)) {
        flags.add(new AdvocateFlag(e.customer(), Invitation.BETA_ACCESS,
            "rank " + e.rank() + " with " + e.points() + " points from " + from + " to " + to));
      }
    }
    for (CustomerId c : customers) {
      Standing s = standing(c);
      if (s.points() >= sponsorship) {
        flags.add(new AdvocateFlag(c, Invitation.EXECUTIVE_SPONSORSHIP,
            "level " + s.level().name() + " with " + s.points() + " points"));
      }
    }
    return List.copyOf(flags);
  }

  private RecognitionLevel level(String name) {
    return levels.stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no recognition level named " + name));
  }

  /**
   * The levels.
   *
   * @return the levels, ascending
   */
  public List<RecognitionLevel> levels() {
    return levels;
  }
}
