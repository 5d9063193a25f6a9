package io.advocacy.core.internal;

import io.advocacy.core.CustomerId;
import io.advocacy.core.ProgrammeId;
import io.advocacy.core.programme.Participation;
import io.advocacy.core.programme.ParticipationState;
import io.advocacy.core.programme.ParticipationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-memory {@link ParticipationStore}: one lock per programme, since the participant limit
 * spans a programme's customers. Thread-safe.
 */
public final class InMemoryParticipationStore implements ParticipationStore {
  private final Map<ProgrammeId, Roster> byProgramme = new HashMap<>();

  /** One programme's participations and the count of those enrolled, guarded by itself. */
  private static final class Roster {
    final Map<CustomerId, Participation> all = new HashMap<>();
    long enrolled;

    void put(Participation p) {
      Participation old = all.put(p.customer(), p);
      if (old != null && old.state() == ParticipationState.ENROLLED) {
        enrolled--;
      }
      if (p.state() == ParticipationState.ENROLLED) {
        enrolled++;
      }
    }

    boolean full(int limit) {
      return limit > 0 && enrolled >= limit;
    }
  }

  /** Creates an empty store. */
  public InMemoryParticipationStore() {}

  private Roster programme(ProgrammeId id) {
    Objects.requireNonNull(id, "programme");
    synchronized (byProgramme) {
      return byProgramme.computeIfAbsent(id, k -> new Roster());
    }
  }

  @Override
  public Optional<Participation> find(ProgrammeId programme, CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    Roster m = programme(programme);
    synchronized (m) {
      return Optional.ofNullable(m.all.get(customer));
    }
  }

  @Override
  public boolean insert(Participation participation, int limit) {
    Roster m = programme(participation.programme());
    synchronized (m) {
      if (m.all.containsKey(participation.customer())) {
        return false;
      }
      if (participation.state() == ParticipationState.ENROLLED && m.full(limit)) {
        return false;
      }
      m.put(participation);
      return true;
    }
  }

  @Override
  public boolean replace(Participation expected, Participation next, int limit) {
    if (!expected.programme().equals(next.programme())
        || !expected.customer().equals(next.customer())) {
      throw new IllegalArgumentException(
          "replace " + expected.programme() + "/" + expected.customer() + " by "
              + next.programme() + "/" + next.customer());
    }
    Roster m = programme(expected.programme());
    synchronized (m) {
      Participation current = m.all.get(expected.customer());
      if (current == null || current.version() != expected.version()) {
        return false;
      }
      boolean enrolling = next.state() == ParticipationState.ENROLLED
          && current.state() != ParticipationState.ENROLLED;
      if (enrolling && m.full(limit)) {
        return false;
      }
      m.put(next);
      return true;
    }
  }

  @Override
  public List<Participation> participations(ProgrammeId programme) {
    Roster m = programme(programme);
    List<Participation> copy;
    synchronized (m) {
      copy = new ArrayList<>(m.all.values());
    }
    copy.sort(Comparator.comparing(p -> p.customer().value()));
    return List.copyOf(copy);
  }

  @Override
  public long countEnrolled(ProgrammeId programme) {
    Roster m = programme(programme);
    synchronized (m) {
      return m.enrolled;
    }
  }
}
