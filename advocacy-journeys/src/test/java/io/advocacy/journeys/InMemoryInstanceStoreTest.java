package io.advocacy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.journeys.internal.InMemoryInstanceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class InMemoryInstanceStoreTest extends InstanceStoreContract {
  private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");

  @Override
  protected InstanceStore newStore() {
    return InstanceStore.inMemory();
  }

  // ------------------------------------------------------------ the reference model

  /** The store as it was before it was made compact: plain maps of plain values. */
  private static final class ReferenceStore implements InstanceStore {
    private record Due(Instant at, String id) implements Comparable<Due> {
      @Override
      public int compareTo(Due o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : id.compareTo(o.id);
      }
    }

    private final Map<String, JourneyInstance> instances = new HashMap<>();
    private final Map<CustomerId, List<String>> byCustomer = new HashMap<>();
    private final TreeSet<Due> timers = new TreeSet<>();
    private final Map<String, ActionRequest> outbox = new LinkedHashMap<>();
    private final Set<String> acknowledged = new HashSet<>();
    private final Map<String, List<AuditEntry>> audit = new HashMap<>();

    @Override
    public boolean commit(Commit commit) {
      JourneyInstance next = commit.instance();
      JourneyInstance current = instances.get(next.id());
      if ((current == null ? -1 : current.revision()) != commit.expectedRevision()) {
        return false;
      }
      if (current != null) {
        current.nextDue().ifPresent(d -> timers.remove(new Due(d, current.id())));
      } else {
        byCustomer.computeIfAbsent(next.customer(), c -> new ArrayList<>()).add(next.id());
      }
      instances.put(next.id(), next);
      if (next.running()) {
        next.nextDue().ifPresent(d -> timers.add(new Due(d, next.id())));
      }
      for (ActionRequest a : commit.actions()) {
        if (!acknowledged.contains(a.idempotencyKey())) {
          outbox.putIfAbsent(a.idempotencyKey(), a);
        }
      }
      audit.computeIfAbsent(next.id(), i -> new ArrayList<>()).addAll(commit.audit());
      return true;
    }

    @Override
    public Optional<JourneyInstance> find(String id) {
      return Optional.ofNullable(instances.get(id));
    }

    @Override
    public List<JourneyInstance> byCustomer(CustomerId customer) {
      return byCustomer.getOrDefault(customer, List.of()).stream().map(instances::get).toList();
    }

    @Override
    public List<JourneyInstance> due(Instant now, int limit) {
      return timers.stream().takeWhile(d -> !d.at().isAfter(now)).limit(limit)
          .map(d -> instances.get(d.id())).toList();
    }

    /** As {@link InMemoryInstanceStore#dueAfter}. */
    List<JourneyInstance> dueAfter(Instant now, Instant afterDue, String afterId, int limit) {
      return timers.tailSet(new Due(afterDue, afterId), false).stream()
          .takeWhile(d -> !d.at().isAfter(now)).limit(limit)
          .map(d -> instances.get(d.id())).toList();
    }

    @Override
    public List<ActionRequest> pending(int limit) {
      return outbox.values().stream().limit(limit).toList();
    }

    @Override
    public boolean acknowledge(String idempotencyKey) {
      acknowledged.add(idempotencyKey);
      return outbox.remove(idempotencyKey) != null;
    }

    @Override
    public List<AuditEntry> audit(String instance) {
      return audit.getOrDefault(instance, List.of());
    }
  }

  // ------------------------------------------------------------ random steps

  /** What random steps draw from; small pools make collisions (conflicts, ties) likely. */
  private record Pools(List<String> ids, List<CustomerId> customers, List<String> words) {
    static Pools of(int ids) {
      List<String> idList = new ArrayList<>();
      String[] stems = {"advocacy-cycle:c", "ü-", "交流:客户", "i-", "😀-"};
      for (int i = 0; i < ids; i++) {
        idList.add(stems[i % stems.length] + i + ":1");
      }
      return new Pools(idList,
          List.of(CustomerId.of("c-ada"), CustomerId.of("c-δ"), CustomerId.of("c-ümit"),
              CustomerId.of("c-客户"), CustomerId.of("c-bob")),
          List.of("listening", "qualified", "(start)", "on cycle_qualify", "über ✓",
              "contact policy", "状态", ""));
    }
  }

  private static Instant instant(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> T0.plusSeconds(r.nextInt(20)); // ties are likely
      case 1 -> T0.plusSeconds(r.nextInt(20)).plusNanos(r.nextInt(1_000_000_000));
      case 2 -> Instant.ofEpochSecond(-r.nextInt(1_000_000_000), r.nextInt(1_000_000_000));
      default -> Instant.ofEpochSecond(r.nextLong() % 31_000_000_000_000L,
          r.nextInt(1_000_000_000));
    };
  }

  private static String key(Random r, String id) {
    return switch (r.nextInt(4)) {
      case 0 -> id + ":r" + r.nextInt(4) + ":entry:" + r.nextInt(2);
      case 1 -> "k-" + r.nextInt(12);
      case 2 -> "ключ-" + r.nextInt(6);
      default -> id.substring(0, r.nextInt(id.length() + 1)) + "🎉" + r.nextInt(3);
    };
  }

  /**
   * Parameters as journeys make them (a few maps that repeat), now and then with text beyond
   * Latin-1, and now and then a map only one action has (a host's request id in it).
   */
  private static Map<String, String> params(Random r) {
    return switch (r.nextInt(6)) {
      case 0, 1 -> Map.of();
      case 2 -> Map.of("p", "v" + r.nextInt(3));
      case 3 -> Map.of("template", "review-ask", "channel", r.nextBoolean() ? "email" : "短信");
      case 4 -> Map.of("ключ", "значение 😀", "", "");
      default -> Map.of("request", Long.toString(r.nextLong(), 36), "n", "" + r.nextInt(9));
    };
  }

  private static ActionRequest action(Random r, Pools p, String id, CustomerId customer) {
    ActionKind[] kinds = ActionKind.values();
    ActionKind kind = r.nextBoolean() ? ActionKind.ASK : kinds[r.nextInt(kinds.length)];
    // an action names its own instance and customer, except now and then
    String instance = r.nextInt(8) == 0 ? p.ids().get(r.nextInt(p.ids().size())) : id;
    CustomerId to = r.nextInt(8) == 0
        ? p.customers().get(r.nextInt(p.customers().size())) : customer;
    String name = switch (r.nextInt(4)) {
      case 0 -> "issue_reward";
      case 1 -> "напомнить ✓";
      default -> "ask_review";
    };
    return new ActionRequest(key(r, id), instance, to, name, kind, params(r), instant(r));
  }


  private static JourneyInstance instance(Random r, Pools p, String id, long revision) {
    int idIndex = p.ids().indexOf(id);
    // an instance keeps its customer, except now and then (the store must still answer as
    // before for the customer it was first filed under)
    CustomerId customer = r.nextInt(10) == 0
        ? p.customers().get(r.nextInt(p.customers().size()))
        : p.customers().get(idIndex % p.customers().size());
    List<PendingTimer> timers = new ArrayList<>();
    for (int k = r.nextInt(3); k > 0; k--) {
      timers.add(new PendingTimer(r.nextInt(3), instant(r)));
    }
    List<HeldAsk> held = new ArrayList<>();
    if (r.nextInt(4) == 0) {
      ActionRequest a = action(r, p, id, customer);
      held.add(new HeldAsk(new ActionRequest(a.idempotencyKey(), id, customer, a.name(),
          ActionKind.ASK, a.params(), a.at()), instant(r), 1 + r.nextInt(3)));
    }
    Map<String, String> variables = r.nextInt(4) == 0 ? Map.of("x", "ξ" + r.nextInt(9)) : Map.of();
    Set<String> goals = r.nextInt(4) == 0 ? Set.of("referred") : Set.of();
    Instant ended = r.nextInt(5) == 0 ? instant(r) : null;
    return new JourneyInstance(id, JourneyId.of(r.nextBoolean() ? "advocacy-cycle" : "旅程"),
        1 + r.nextInt(2), customer, p.words().get(r.nextInt(3)), instant(r), variables, timers,
        goals, ended, revision, held);
  }

  private static AuditEntry auditEntry(Random r, Pools p, String id, List<ActionRequest> actions) {
    List<String> keys = new ArrayList<>();
    actions.forEach(a -> keys.add(a.idempotencyKey()));
    if (r.nextInt(4) == 0) {
      keys.add(key(r, id));
    }
    String instance = r.nextInt(8) == 0 ? p.ids().get(r.nextInt(p.ids().size())) : id;
    String note = switch (r.nextInt(4)) {
      case 0 -> "guard threw: ÿ " + r.nextInt(100);
      case 1 -> "ask deferred 🎉 until " + instant(r);
      default -> "";
    };
    return new AuditEntry(instance, p.words().get(r.nextInt(p.words().size() - 1)),
        p.words().get(r.nextInt(3)), p.words().get(r.nextInt(p.words().size())), instant(r),
        keys, note);
  }

  private static Commit commit(Random r, Pools p, InstanceStore reference) {
    String id = p.ids().get(r.nextInt(p.ids().size()));
    long current = reference.find(id).map(JourneyInstance::revision).orElse(-1L);
    long expected = r.nextInt(6) == 0 ? r.nextInt(3) - 1 : current;
    JourneyInstance next = instance(r, p, id, Math.max(0, expected) + 1);
    List<ActionRequest> actions = new ArrayList<>();
    for (int k = r.nextInt(3); k > 0; k--) {
      actions.add(action(r, p, id, next.customer()));
    }
    List<AuditEntry> audit = new ArrayList<>();
    for (int k = r.nextInt(3); k > 0; k--) {
      audit.add(auditEntry(r, p, id, actions));
    }
    return new Commit(next, expected, actions, audit);
  }

  /** What {@link InMemoryInstanceStore#instancesOf} gives, as a list. */
  @SuppressWarnings("unchecked")
  private static List<JourneyInstance> listed(Object found) {
    return found instanceof JourneyInstance one ? List.of(one) : (List<JourneyInstance>) found;
  }

  /**
   * Commits through the interface, or (direct) through the in-memory store's own call for the
   * engine: a single audit entry given alone, any other number as the list.
   */
  private static boolean commit(InstanceStore store, Commit c, boolean direct) {
    if (!direct) {
      return store.commit(c);
    }
    AuditEntry one = c.audit().size() == 1 ? c.audit().get(0) : null;
    return ((InMemoryInstanceStore) store).commit(c.instance(), c.expectedRevision(), c.actions(),
        one, one == null ? c.audit() : List.of());
  }

  /** Applies one random step to both stores and checks they answer alike. */
  private static void step(long seed, Pools p, InstanceStore actual, InstanceStore reference) {
    Random r = new Random(seed);
    String id = p.ids().get(r.nextInt(p.ids().size()));
    switch (r.nextInt(10)) {
      case 9 -> {
        // as the engine does: read a customer's instances, then commit the next value of one
        // under the very id string the store handed out
        // (half the time by the in-memory store's own calls for the engine, which hand out one
        // instance without a list and take a step without a Commit)
        CustomerId c = p.customers().get(r.nextInt(p.customers().size()));
        boolean direct = actual instanceof InMemoryInstanceStore && r.nextBoolean();
        List<JourneyInstance> mine = direct ? listed(((InMemoryInstanceStore) actual).instancesOf(c))
            : actual.byCustomer(c);
        if (!mine.isEmpty()) {
          JourneyInstance read = mine.get(r.nextInt(mine.size()));
          long expected = r.nextInt(6) == 0 ? r.nextInt(3) - 1 : read.revision();
          JourneyInstance next = instance(r, p, read.id(), Math.max(0, expected) + 1);
          Commit commit = new Commit(next, expected, List.of(), List.of());
          assertThat(commit(actual, commit, direct)).as("commit %s", commit)
              .isEqualTo(reference.commit(commit));
        }
      }
      case 0, 1, 2 -> {
        Commit c = commit(r, p, reference);
        boolean direct = actual instanceof InMemoryInstanceStore && r.nextBoolean();
        assertThat(commit(actual, c, direct)).as("commit %s", c).isEqualTo(reference.commit(c));
      }
      case 3 -> {
        List<Commit> batch = new ArrayList<>();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
          batch.add(commit(r, p, reference));
        }
        boolean[] expected = new boolean[batch.size()];
        for (int k = 0; k < expected.length; k++) {
          expected[k] = reference.commit(batch.get(k));
        }
        assertThat(actual.commitAll(batch)).isEqualTo(expected);
      }
      case 4 -> {
        String key = key(r, id);
        assertThat(actual.acknowledge(key)).as("acknowledge %s", key)
            .isEqualTo(reference.acknowledge(key));
      }
      case 5 -> assertThat(actual.find(id)).isEqualTo(reference.find(id));
      case 6 -> {
        CustomerId c = p.customers().get(r.nextInt(p.customers().size()));
        List<JourneyInstance> expected = reference.byCustomer(c);
        assertThat(actual.byCustomer(c)).isEqualTo(expected);
        if (actual instanceof InMemoryInstanceStore memory) {
          Object found = memory.instancesOf(c);
          // one instance as itself, any other number as a list
          assertThat(found).isEqualTo(expected.size() == 1 ? expected.get(0) : expected);
        }
      }
      case 7 -> {
        Instant now = instant(r);
        int limit = 1 + r.nextInt(r.nextBoolean() ? 3 : 1_000);
        if (actual instanceof InMemoryInstanceStore memory && r.nextBoolean()) {
          // going on after an instance: one due, or any id (a stored one, a part of one or one
          // longer) at any instant, or at the instant of one due
          ReferenceStore model = (ReferenceStore) reference;
          List<JourneyInstance> all = model.due(Instant.MAX, Integer.MAX_VALUE);
          JourneyInstance after = all.isEmpty() ? null : all.get(r.nextInt(all.size()));
          Instant afterDue = after == null || r.nextInt(3) == 0 ? instant(r)
              : after.nextDue().orElseThrow();
          String afterId = switch (r.nextInt(4)) {
            case 0 -> id.substring(0, r.nextInt(id.length() + 1));
            case 1 -> id + (char) (r.nextInt(3) * 40_000);
            case 2 -> id;
            default -> after == null ? id : after.id();
          };
          assertThat(memory.dueAfter(now, afterDue, afterId, limit))
              .as("due %s after %s %s, %s", now, afterDue, afterId, limit)
              .isEqualTo(model.dueAfter(now, afterDue, afterId, limit));
        } else {
          assertThat(actual.due(now, limit)).as("due %s, %s", now, limit)
              .isEqualTo(reference.due(now, limit));
        }
      }
      default -> {
        int limit = 1 + r.nextInt(r.nextBoolean() ? 3 : 1_000);
        assertThat(actual.pending(limit)).isEqualTo(reference.pending(limit));
        assertThat(actual.audit(id)).isEqualTo(reference.audit(id));
      }
    }
  }

  private static void agreeOnEverything(Pools p, InstanceStore actual, InstanceStore reference) {
    for (String id : p.ids()) {
      assertThat(actual.find(id)).isEqualTo(reference.find(id));
      assertThat(actual.audit(id)).as("audit of %s", id).isEqualTo(reference.audit(id));
    }
    for (CustomerId c : p.customers()) {
      assertThat(actual.byCustomer(c)).isEqualTo(reference.byCustomer(c));
    }
    Instant end = Instant.MAX;
    List<JourneyInstance> due = reference.due(end, Integer.MAX_VALUE);
    assertThat(actual.due(end, Integer.MAX_VALUE)).isEqualTo(due);
    if (actual instanceof InMemoryInstanceStore memory) {
      // page by page, each going on after the last of the page before
      for (int page = 1; page <= 3; page++) {
        List<JourneyInstance> paged = new ArrayList<>(memory.due(end, page));
        // (a page that repeats an instance ends the walk, rather than looping for ever)
        while (paged.size() % page == 0 && !paged.isEmpty() && paged.size() <= due.size()) {
          JourneyInstance last = paged.get(paged.size() - 1);
          List<JourneyInstance> next =
              memory.dueAfter(end, last.nextDue().orElseThrow(), last.id(), page);
          if (next.isEmpty()) {
            break;
          }
          paged.addAll(next);
        }
        assertThat(paged).as("due in pages of %s", page).isEqualTo(due);
      }
    }
    assertThat(actual.pending(Integer.MAX_VALUE)).isEqualTo(reference.pending(Integer.MAX_VALUE));
  }

  @Test
  void anyStepsAgreeWithTheReferenceModel() {
    qt().withFixedSeed(20270301L).withExamples(400)
        .forAll(lists().of(longs().all()).ofSizeBetween(1, 80))
        .checkAssert(steps -> {
          Pools p = Pools.of(7);
          InstanceStore actual = InstanceStore.inMemory();
          InstanceStore reference = new ReferenceStore();
          for (long s : steps) {
            step(s, p, actual, reference);
          }
          agreeOnEverything(p, actual, reference);
        });
  }

  @Test
  void longRunsOverManyInstancesAgreeWithTheReferenceModel() {
    // thousands of ids: the id and customer tables grow, rows fill several pages and the due
    // index splits and merges its blocks
    qt().withFixedSeed(424242L).withExamples(6)
        .forAll(longs().all(), integers().between(1_500, 3_000))
        .checkAssert((seed, ids) -> {
          Pools p = Pools.of(ids);
          InstanceStore actual = InstanceStore.inMemory();
          InstanceStore reference = new ReferenceStore();
          Random r = new Random(seed);
          for (int k = 0; k < 12_000; k++) {
            step(r.nextLong(), p, actual, reference);
          }
          agreeOnEverything(p, actual, reference);
        });
  }

  @Test
  void ticksThatMoveTheEarliestTimersLaterAgreeWithTheReferenceModel() {
    // what a tick does: take the earliest due, commit each with a later timer (or none), so the
    // due index empties its first blocks and fills its last ones
    qt().withFixedSeed(77L).withExamples(8)
        .forAll(longs().all(), integers().between(300, 4_000))
        .checkAssert((seed, n) -> {
          Random r = new Random(seed);
          InstanceStore actual = InstanceStore.inMemory();
          InstanceStore reference = new ReferenceStore();
          CustomerId c = CustomerId.of("c-tick");
          List<Commit> starts = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            Instant due = T0.plusSeconds(r.nextInt(n)).plusNanos(r.nextInt(3));
            starts.add(new Commit(new JourneyInstance("t-" + r.nextInt(n) + "-" + k,
                JourneyId.of("j"), 1, c, "waiting", T0, Map.of(),
                List.of(new PendingTimer(0, due)), Set.of(), null, 1), -1, List.of(),
                List.of()));
          }
          boolean[] expected = new boolean[n];
          for (int k = 0; k < n; k++) {
            expected[k] = reference.commit(starts.get(k));
          }
          assertThat(actual.commitAll(starts)).isEqualTo(expected);
          Instant now = T0;
          for (int round = 0; round < 12; round++) {
            now = now.plusSeconds(r.nextInt(n / 3 + 1));
            int limit = 1 + r.nextInt(n);
            List<JourneyInstance> due = reference.due(now, limit);
            assertThat(actual.due(now, limit)).isEqualTo(due);
            List<Commit> moves = new ArrayList<>();
            for (JourneyInstance i : due) {
              Instant later = now.plusSeconds(1 + r.nextInt(n)).plusNanos(r.nextInt(3));
              List<PendingTimer> timers = r.nextInt(5) == 0 ? List.of()
                  : List.of(new PendingTimer(0, later));
              moves.add(new Commit(new JourneyInstance(i.id(), i.journey(), 1, c, "waiting",
                  now, Map.of(), timers, Set.of(), null, i.revision() + 1), i.revision(),
                  List.of(), List.of()));
            }
            boolean[] moved = new boolean[moves.size()];
            for (int k = 0; k < moved.length; k++) {
              moved[k] = reference.commit(moves.get(k));
            }
            assertThat(actual.commitAll(moves)).isEqualTo(moved);
            assertThat(actual.due(Instant.MAX, Integer.MAX_VALUE))
                .isEqualTo(reference.due(Instant.MAX, Integer.MAX_VALUE));
          }
        });
  }

  /** A store that passes every commit through a change before keeping it as the model does. */
  private static InstanceStore lossy(java.util.function.UnaryOperator<Commit> change) {
    return new ForwardingInstanceStore(new ReferenceStore()) {
      @Override
      public boolean commit(Commit c) {
        return inner.commit(change.apply(c));
      }
    };
  }

  /** Whether the random steps catch a store that differs from the model. */
  private static boolean stepsCatch(InstanceStore store) {
    Pools p = Pools.of(7);
    InstanceStore reference = new ReferenceStore();
    Random r = new Random(1);
    for (int k = 0; k < 2_000; k++) {
      try {
        step(r.nextLong(), p, store, reference);
        agreeOnEverything(p, store, reference);
      } catch (AssertionError e) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theReferenceModelTellsStoresApart() {
    // A store that loses the nanoseconds of an audit entry must be caught by the same steps.
    assertThat(stepsCatch(lossy(c -> new Commit(c.instance(), c.expectedRevision(), c.actions(),
        c.audit().stream().map(e -> new AuditEntry(e.instance(), e.from(), e.to(), e.trigger(),
            Instant.ofEpochSecond(e.at().getEpochSecond()), e.actions(), e.note())).toList()))))
        .isTrue();
  }

  @Test
  void theReferenceModelTellsOutboxesApart() {
    java.util.function.UnaryOperator<ActionRequest> noNanos = a -> new ActionRequest(
        a.idempotencyKey(), a.instance(), a.customer(), a.name(), a.kind(), a.params(),
        Instant.ofEpochSecond(a.at().getEpochSecond()));
    java.util.function.UnaryOperator<ActionRequest> ownCustomer = a -> new ActionRequest(
        a.idempotencyKey(), a.instance(), CustomerId.of("c-ada"), a.name(), a.kind(),
        a.params(), a.at());
    java.util.function.UnaryOperator<ActionRequest> noUniqueParams = a -> new ActionRequest(
        a.idempotencyKey(), a.instance(), a.customer(), a.name(), a.kind(),
        a.params().containsKey("request") ? Map.of() : a.params(), a.at());
    for (var change : List.of(noNanos, ownCustomer, noUniqueParams)) {
      assertThat(stepsCatch(lossy(c -> new Commit(c.instance(), c.expectedRevision(),
          c.actions().stream().map(change).toList(), c.audit())))).isTrue();
    }
    // and one that keeps the newest action of a key, not the first
    assertThat(stepsCatch(lossy(c -> new Commit(c.instance(), c.expectedRevision(),
        c.actions().isEmpty() ? c.actions() : List.of(c.actions().get(c.actions().size() - 1)),
        c.audit())))).isTrue();
  }

  @Test
  void anActionComesBackExactly() {
    InstanceStore store = newStore();
    String id = "旅程:c-δ:1";
    CustomerId customer = CustomerId.of("c-δ");
    Instant at = Instant.ofEpochSecond(-12_345_678_901L, 999_999_999);
    JourneyInstance i = new JourneyInstance(id, JourneyId.of("旅程"), 3, customer, "状态",
        at, Map.of(), List.of(), Set.of(), null, 1);
    Map<String, String> unique = new HashMap<>();
    unique.put("request", "r-😀-" + Long.MAX_VALUE);
    unique.put("", "");
    List<ActionRequest> actions = List.of(
        new ActionRequest(id + ":r1:entry:0", id, customer, "напомнить", ActionKind.ASK,
            Map.of("канал", "短信"), at),
        new ActionRequest(id + ":r1:entry:1", "another:1", CustomerId.of("c-ümit"), "ask_review",
            ActionKind.ISSUE_REWARD, unique, Instant.ofEpochSecond(31_000_000_000_000L, 1)),
        new ActionRequest("旅程:c-δ:2", id, customer, "", ActionKind.CUSTOM, Map.of(),
            Instant.EPOCH),
        new ActionRequest("", id, customer, "x", ActionKind.NOTIFY_OWNER, Map.of(), at),
        new ActionRequest("旅", id, customer, "x", ActionKind.SET_VARIABLE, Map.of(), at),
        new ActionRequest(id + "🎉", id, customer, "x", ActionKind.CREATE_CRM_TASK,
            Map.of("k", "v"), at.plusNanos(1)));
    assertThat(store.commit(new Commit(i, -1, actions, List.of()))).isTrue();
    assertThat(store.pending(100)).containsExactlyElementsOf(actions);
    assertThat(store.pending(2)).containsExactlyElementsOf(actions.subList(0, 2));
    assertThat(store.acknowledge("旅")).isTrue();
    assertThat(store.acknowledge("旅")).isFalse();
    assertThat(store.acknowledge(id)).isFalse();
    assertThat(store.acknowledge(id + ":r1:entry:0")).isTrue();
    List<ActionRequest> rest = List.of(actions.get(1), actions.get(2), actions.get(3),
        actions.get(5));
    assertThat(store.pending(100)).containsExactlyElementsOf(rest);
    // neither an acknowledged key nor a pending one is added again, whatever it carries
    JourneyInstance next = new JourneyInstance(id, JourneyId.of("旅程"), 3, customer, "状态",
        at, Map.of(), List.of(), Set.of(), null, 2);
    List<ActionRequest> again = new ArrayList<>();
    for (ActionRequest a : actions) {
      again.add(new ActionRequest(a.idempotencyKey(), id, customer, "other", ActionKind.ASK,
          Map.of(), at));
    }
    again.add(new ActionRequest(id, id, customer, "other", ActionKind.ASK, Map.of(), at));
    assertThat(store.commit(new Commit(next, 1, again, List.of()))).isTrue();
    assertThat(store.pending(100)).containsExactlyElementsOf(rest);
  }

  @Test
  void customersWithTheSameHashAreToldApartWhenAnInstanceChangesCustomer() {
    CustomerId aa = CustomerId.of("Aa");
    CustomerId bb = CustomerId.of("BB");
    assertThat(aa.value().hashCode()).isEqualTo(bb.value().hashCode());
    InstanceStore store = newStore();
    InstanceStore reference = new ReferenceStore();
    JourneyInstance first = new JourneyInstance("i-1", JourneyId.of("j"), 1, aa, "s", T0,
        Map.of(), List.of(), Set.of(), null, 1);
    for (InstanceStore s : List.of(store, reference)) {
      assertThat(s.commit(new Commit(first, -1, List.of(), List.of()))).isTrue();
    }
    // read as the engine reads, then commit under the handed-out id a value naming the other
    // customer of the same hash, then one naming the first customer again
    for (CustomerId to : List.of(bb, aa, bb)) {
      JourneyInstance read = store.byCustomer(aa).get(0);
      JourneyInstance next = new JourneyInstance(read.id(), read.journey(), 1, to, "t", T0,
          Map.of(), List.of(), Set.of(), null, read.revision() + 1);
      Commit c = new Commit(next, read.revision(), List.of(), List.of());
      assertThat(store.commit(c)).isTrue();
      assertThat(reference.commit(c)).isTrue();
      assertThat(store.byCustomer(aa)).isEqualTo(reference.byCustomer(aa)).containsExactly(next);
      assertThat(store.byCustomer(bb)).isEqualTo(reference.byCustomer(bb)).isEmpty();
      assertThat(store.find("i-1")).contains(next);
    }
  }

  @Test
  void customersOfOneHashReadAndCommittedInAnyOrderAgreeWithTheReferenceModel() {
    // four customers and six ids of one hash: the store's table of customers read or committed
    // lately holds two per hash, so they keep pushing each other out; values read by customer
    // or read due are committed again under the id strings handed out, some naming another
    // customer
    List<CustomerId> group = List.of(CustomerId.of("AaAa"), CustomerId.of("AaBB"),
        CustomerId.of("BBAa"), CustomerId.of("BBBB"));
    assertThat(group.stream().map(c -> c.value().hashCode()).distinct()).hasSize(1);
    qt().withFixedSeed(5150L).withExamples(300)
        .forAll(lists().of(longs().all()).ofSizeBetween(1, 60))
        .checkAssert(steps -> {
          InstanceStore store = newStore();
          InstanceStore reference = new ReferenceStore();
          Map<String, String> handedOut = new HashMap<>();
          for (long seed : steps) {
            Random r = new Random(seed);
            CustomerId c = group.get(r.nextInt(group.size()));
            int what = r.nextInt(4);
            if (what == 0) {
              List<JourneyInstance> mine = store.byCustomer(c);
              assertThat(mine).isEqualTo(reference.byCustomer(c));
              mine.forEach(i -> handedOut.put(i.id(), i.id()));
              continue;
            }
            if (what == 1) {
              Instant now = T0.plusSeconds(r.nextInt(120));
              int limit = 1 + r.nextInt(6);
              List<JourneyInstance> due = store.due(now, limit);
              assertThat(due).isEqualTo(reference.due(now, limit));
              due.forEach(i -> handedOut.put(i.id(), i.id()));
              continue;
            }
            String id = "i-" + r.nextInt(6);
            // under the string the store handed out, or a copy of it
            String as = r.nextBoolean() ? handedOut.getOrDefault(id, id) : new String(id);
            Optional<JourneyInstance> now = reference.find(id);
            long expected = now.map(JourneyInstance::revision).orElse(-1L);
            CustomerId to = now.isPresent() && r.nextInt(4) != 0 ? now.get().customer() : c;
            List<PendingTimer> timers = r.nextBoolean() ? List.of()
                : List.of(new PendingTimer(0, T0.plusSeconds(r.nextInt(100))));
            JourneyInstance next = new JourneyInstance(as, JourneyId.of("j"), 1, to,
                "s" + r.nextInt(3), T0.plusSeconds(r.nextInt(100)), Map.of(), timers,
                Set.of(), null, expected + 1);
            Commit commit = new Commit(next, expected, List.of(), List.of());
            assertThat(store.commit(commit)).isEqualTo(reference.commit(commit));
          }
          for (CustomerId c : group) {
            assertThat(store.byCustomer(c)).as("instances of %s", c)
                .isEqualTo(reference.byCustomer(c));
          }
          for (int k = 0; k < 6; k++) {
            assertThat(store.find("i-" + k)).isEqualTo(reference.find("i-" + k));
          }
          assertThat(store.due(Instant.MAX, 100)).isEqualTo(reference.due(Instant.MAX, 100));
        });
  }

  @Test
  void idsWithTheSameHashAreToldApart() {
    // every id here hashes alike; each is read due, found and committed again, as a tick does
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < 64; k++) {
      StringBuilder b = new StringBuilder("i-");
      for (int bit = 0; bit < 6; bit++) {
        b.append((k >>> bit & 1) == 0 ? "Aa" : "BB");
      }
      ids.add(b.toString());
    }
    assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
    InstanceStore store = newStore();
    InstanceStore reference = new ReferenceStore();
    CustomerId c = CustomerId.of("c-1");
    for (int k = 0; k < ids.size(); k++) {
      Commit start = new Commit(new JourneyInstance(ids.get(k), JourneyId.of("j"), 1, c, "s", T0,
          Map.of(), List.of(new PendingTimer(0, T0.plusSeconds(k % 5))), Set.of(), null, 1), -1,
          List.of(), List.of());
      assertThat(store.commit(start)).isTrue();
      assertThat(reference.commit(start)).isTrue();
    }
    for (int round = 0; round < 3; round++) {
      List<JourneyInstance> due = store.due(T0.plusSeconds(9), 1_000);
      assertThat(due).isEqualTo(reference.due(T0.plusSeconds(9), 1_000));
      for (JourneyInstance i : due) {
        JourneyInstance found = store.find(i.id()).orElseThrow();
        assertThat(found).isEqualTo(i);
        // a copy of the id, not the string the store handed out
        assertThat(store.find(new String(i.id().toCharArray()))).contains(i);
        Commit moved = new Commit(new JourneyInstance(found.id(), found.journey(), 1, c,
            "s" + round, T0, Map.of(), List.of(new PendingTimer(0, T0.plusSeconds(round))),
            Set.of(), null, found.revision() + 1), found.revision(), List.of(), List.of());
        assertThat(store.commit(moved)).isTrue();
        assertThat(reference.commit(moved)).isTrue();
      }
    }
    for (String id : ids) {
      assertThat(store.find(id)).isEqualTo(reference.find(id));
    }
    assertThat(store.find("i-AaAaAaAaAaBa")).isEmpty();
  }

  @Test
  void keysWithTheSameHashAreToldApart() {
    // "Aa" and "BB" hash alike, and so does any string made of them at the same places
    assertThat("iAa-1:r1".hashCode()).isEqualTo("iBB-1:r1".hashCode());
    InstanceStore store = newStore();
    CustomerId c = CustomerId.of("c-1");
    String id = "iAa-1";
    List<ActionRequest> actions = new ArrayList<>();
    for (String key : List.of("iAa-1:r1", "iBB-1:r1", "AaAa", "BBBB", "AaBB", "iAa-1:rAa",
        "iAa-1:rBB")) {
      actions.add(new ActionRequest(key, id, c, "ask_review", ActionKind.ASK, Map.of(), T0));
    }
    assertThat(store.acknowledge("BBAa")).isFalse();
    assertThat(store.commit(new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s", T0,
        Map.of(), List.of(), Set.of(), null, 1), -1, actions, List.of()))).isTrue();
    assertThat(store.pending(100)).containsExactlyElementsOf(actions);
    assertThat(store.acknowledge("iBB-1:r1")).isTrue();
    assertThat(store.acknowledge("BBBB")).isTrue();
    assertThat(store.acknowledge("iAa-1:rBB")).isTrue();
    assertThat(store.acknowledge("BBAa")).isFalse();
    assertThat(store.acknowledge("BBBB")).isFalse();
    assertThat(store.pending(100)).containsExactly(actions.get(0), actions.get(2),
        actions.get(4), actions.get(5));
  }

  @Test
  void thousandsOfDistinctParameterMapsComeBackExactly() {
    // more distinct maps than the store keeps by number: the later ones are written out
    InstanceStore store = newStore();
    CustomerId c = CustomerId.of("c-1");
    List<ActionRequest> expected = new ArrayList<>();
    Random r = new Random(5);
    for (int k = 0; k < 3_000; k++) {
      String id = "i-" + k;
      Map<String, String> params = k % 3 == 0 ? Map.of("template", "t" + k % 7)
          : Map.of("request", "ρ-" + r.nextLong(), "seq", Integer.toString(k));
      ActionRequest a = new ActionRequest(id + ":r1:entry:0", id, c, "ask_review",
          ActionKind.ASK, params, T0.plusNanos(k));
      expected.add(a);
      assertThat(store.commit(new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s",
          T0, Map.of(), List.of(), Set.of(), null, 1), -1, List.of(a), List.of()))).isTrue();
    }
    assertThat(store.pending(Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
  }

  @Test
  void pendingKeepsItsOrderThroughAcknowledgementsInAnyOrder() {
    // many keys, acknowledged early, late, twice or before they are added: the queue of pending
    // actions fills, leaves holes and is compacted many times
    qt().withFixedSeed(99L).withExamples(20)
        .forAll(longs().all(), integers().between(1, 600))
        .checkAssert((seed, keys) -> {
          Random r = new Random(seed);
          InstanceStore actual = InstanceStore.inMemory();
          InstanceStore reference = new ReferenceStore();
          CustomerId c = CustomerId.of("c-ada");
          String id = "i-1";
          long revision = -1;
          for (int k = 0; k < 400; k++) {
            if (r.nextInt(3) == 0) {
              List<ActionRequest> actions = new ArrayList<>();
              for (int n = r.nextInt(40); n > 0; n--) {
                String key = r.nextBoolean() ? id + ":k" + r.nextInt(keys) : "κ" + r.nextInt(keys);
                actions.add(new ActionRequest(key, id, c, "ask_review", ActionKind.ASK,
                    params(r), instant(r)));
              }
              long next = revision < 0 ? 1 : revision + 1;
              Commit commit = new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s",
                  T0, Map.of(), List.of(), Set.of(), null, next), revision, actions, List.of());
              assertThat(actual.commit(commit)).isTrue();
              assertThat(reference.commit(commit)).isTrue();
              revision = next;
            } else {
              String key = r.nextBoolean() ? id + ":k" + r.nextInt(keys) : "κ" + r.nextInt(keys);
              assertThat(actual.acknowledge(key)).as("acknowledge %s", key)
                  .isEqualTo(reference.acknowledge(key));
            }
            int limit = 1 + r.nextInt(keys);
            assertThat(actual.pending(limit)).isEqualTo(reference.pending(limit));
          }
          assertThat(actual.pending(Integer.MAX_VALUE))
              .isEqualTo(reference.pending(Integer.MAX_VALUE));
        });
  }

  @Test
  void anAuditEntryComesBackExactly() {
    InstanceStore store = newStore();
    String id = "旅程:c-δ:1";
    CustomerId customer = CustomerId.of("c-δ");
    Instant at = Instant.ofEpochSecond(-12_345_678_901L, 999_999_999);
    JourneyInstance i = new JourneyInstance(id, JourneyId.of("旅程"), 3, customer, "状态",
        at, Map.of(), List.of(), Set.of(), null, 1);
    List<AuditEntry> entries = List.of(
        new AuditEntry(id, "(start)", "状态", "on 😀", at, List.of(id + ":r1:entry:0", "外-1"),
            ""),
        new AuditEntry("another", "状态", "状态", "contact policy", at.plusNanos(1),
            List.of("another:r2", ""), "ask deferred until ∞; guard threw 😀"));
    assertThat(store.commit(new Commit(i, -1, List.of(), entries))).isTrue();
    assertThat(store.audit(id)).containsExactlyElementsOf(entries);
    assertThat(store.audit("another")).isEmpty();
    assertThat(store.find(id)).contains(i);
    assertThat(store.byCustomer(customer)).containsExactly(i);
  }

  @Test
  void auditEntriesOfEverySizeAcrossPageEndsComeBackExactly() {
    // Entries of every size, notes of wide characters among them, over several 64 KiB pages of
    // the audit log, so that some straddle two pages.
    InstanceStore store = newStore();
    Random r = new Random(11);
    int instances = 7;
    List<List<AuditEntry>> expected = new ArrayList<>();
    long[] revisions = new long[instances];
    for (int n = 0; n < instances; n++) {
      expected.add(new ArrayList<>());
    }
    for (int k = 0; k < 6_000; k++) {
      int n = r.nextInt(instances);
      String id = "i-" + n;
      StringBuilder note = new StringBuilder();
      int length = r.nextInt(4) == 0 ? r.nextInt(400) : 0;
      for (int c = 0; c < length; c++) {
        note.append(r.nextBoolean() ? 'a' : '\u00e9').append(r.nextInt(10) == 0 ? "\u4e00" : "");
      }
      List<String> keys = r.nextBoolean() ? List.of() : List.of(id + ":r" + k, "other-" + k);
      AuditEntry e = new AuditEntry(r.nextInt(5) == 0 ? "moved-" + n : id, "s" + (k % 3),
          "s" + ((k + 1) % 3), "on e" + (k % 5), T0.plusSeconds(k).plusNanos(k % 1000), keys,
          note.toString());
      JourneyInstance i = new JourneyInstance(id, JourneyId.of("j"), 1, CustomerId.of("c-" + n),
          "s", T0, Map.of(), List.of(), Set.of(), null, revisions[n] + 1);
      assertThat(store.commit(new Commit(i, revisions[n] == 0 ? -1 : revisions[n], List.of(),
          List.of(e)))).isTrue();
      revisions[n]++;
      expected.get(n).add(e);
    }
    for (int n = 0; n < instances; n++) {
      assertThat(store.audit("i-" + n)).as("audit of i-%s", n)
          .containsExactlyElementsOf(expected.get(n));
    }
  }

  @Test
  void dueTiesAcrossManyInstancesComeInIdOrder() {
    InstanceStore store = newStore();
    CustomerId c = CustomerId.of("c-1");
    List<String> ids = new ArrayList<>();
    Random r = new Random(3);
    for (int k = 0; k < 2_000; k++) {
      String id = "i-" + Integer.toString(r.nextInt(1_000_000), 36) + "-" + k;
      ids.add(id);
      Instant due = T0.plusSeconds(k % 3);
      store.commit(new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s", T0, Map.of(),
          List.of(new PendingTimer(0, due)), Set.of(), null, 1), -1, List.of(), List.of()));
    }
    List<String> expected = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      int second = s;
      List<String> tie = new ArrayList<>();
      for (int k = 0; k < ids.size(); k++) {
        if (k % 3 == second) {
          tie.add(ids.get(k));
        }
      }
      tie.sort(null);
      expected.addAll(tie);
    }
    assertThat(store.due(T0.plusSeconds(2), 5_000)).extracting(JourneyInstance::id)
        .containsExactlyElementsOf(expected);
    assertThat(store.due(T0.plusSeconds(1), 5_000)).hasSize(1_334);
    assertThat(Objects.requireNonNull(store.byCustomer(c))).hasSize(2_000);
  }

  // ------------------------------------------------------------ keys chained to their rows

  /**
   * Ids where one starts another before the engine's key form ({@code ":r"}, digits, {@code
   * ":"}), so that two rows can each add the same key as their own: {@code "m:1"} at revision
   * 2 and {@code "m:1:r2:x:1"} at revision 3 both make {@code "m:1:r2:x:1:r3:e:0"}.
   */
  private static final List<String> CHAIN_IDS =
      List.of("m:1", "m:1:r2:x:1", "m:1:r3:x:1", "m", "ü-客户:1");

  /** What keys of the engine's form end with; the third makes keys that other rows own. */
  private static String suffix(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "e:0";
      case 1 -> "entry:" + r.nextInt(2);
      default -> "x:1:r" + (1 + r.nextInt(4)) + ":e:0";
    };
  }

  /** What ends the chaining in a run: nothing, or one of these, now and then. */
  private enum Disruption { NONE, LOWERED_REVISION, OTHER_KEY, EARLY_ACKNOWLEDGEMENT }

  /**
   * A key a row's commit from revision {@code before} to {@code after} adds: mostly of the
   * engine's form at a revision of the commit; else at an earlier revision (an ask held back
   * and sent later), one the commit added already, one with no revision form, or (in runs
   * with {@link Disruption#OTHER_KEY}) another row's or a later revision's.
   */
  private static String chainKey(Random r, String id, long before, long after,
      List<String> added, Disruption disruption) {
    int pick = r.nextInt(disruption == Disruption.OTHER_KEY ? 12 : 10);
    if (pick < 5 && after > before) {
      return id + ":r" + (before + 1 + r.nextInt((int) (after - before))) + ":" + suffix(r);
    }
    return switch (pick) {
      case 5, 6 -> id + ":r" + r.nextInt((int) Math.max(1, before + 1)) + ":" + suffix(r);
      case 7 -> added.isEmpty() ? "k-" + r.nextInt(20) : added.get(r.nextInt(added.size()));
      case 8 -> "k-" + r.nextInt(20) + (r.nextBoolean() ? "" : r.nextBoolean() ? ":r:" : ":rx:");
      case 10 -> CHAIN_IDS.get(r.nextInt(CHAIN_IDS.size())) + ":r" + r.nextInt(6) + ":"
          + suffix(r);
      case 11 -> id + ":r" + (after + 1 + r.nextInt(3)) + ":" + suffix(r);
      default -> id + ":r" + Math.max(0, after) + ":" + suffix(r);
    };
  }

  /**
   * One commit or acknowledgement of a run over {@link #CHAIN_IDS}, applied to both stores; a
   * run with a disruption now and then lowers a revision, adds another row's key or
   * acknowledges a key of the engine's form before it is added, after which every key is kept
   * in the table.
   */
  private static void chainStep(Random r, InstanceStore actual, ReferenceStore reference,
      List<String> keys, Disruption disruption) {
    String id = CHAIN_IDS.get(r.nextInt(CHAIN_IDS.size()));
    CustomerId c = CustomerId.of("c-" + id.length());
    if (r.nextInt(3) == 0) {
      List<ActionRequest> pending = reference.pending(Integer.MAX_VALUE);
      String key = !pending.isEmpty() && r.nextInt(4) != 0
          ? pending.get(r.nextInt(pending.size())).idempotencyKey()
          : !keys.isEmpty() && r.nextBoolean() ? keys.get(r.nextInt(keys.size()))
          : disruption == Disruption.EARLY_ACKNOWLEDGEMENT && r.nextInt(4) == 0
          ? id + ":r" + r.nextInt(9) + ":" + suffix(r)
          : "k-" + r.nextInt(20);
      assertThat(actual.acknowledge(key)).as("acknowledge %s", key)
          .isEqualTo(reference.acknowledge(key));
      return;
    }
    long before = reference.find(id).map(JourneyInstance::revision).orElse(-1L);
    long after = disruption == Disruption.LOWERED_REVISION && before > 0 && r.nextInt(10) == 0
        ? r.nextInt((int) before)
        : r.nextInt(8) == 0 ? Math.max(0, before) : before + 1 + r.nextInt(3);
    List<ActionRequest> actions = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (int k = r.nextInt(4); k > 0; k--) {
      String key = chainKey(r, id, before, after, added, disruption);
      added.add(key);
      keys.add(key);
      actions.add(new ActionRequest(key, id, c, "ask_review", ActionKind.ASK,
          Map.of("n", Integer.toString(k)), T0.plusSeconds(keys.size())));
    }
    Commit commit = new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s", T0,
        Map.of(), List.of(), Set.of(), null, after), before, actions, List.of());
    boolean direct = r.nextBoolean();
    assertThat(commit(actual, commit, direct)).as("commit %s", commit)
        .isEqualTo(reference.commit(commit));
  }

  @Test
  void keysChainedToTheirRowsAgreeWithTheReferenceModel() {
    // rows whose ids start each other's keys, commits that keep or skip revisions, asks sent
    // at an earlier revision, the same key twice in a commit; in half of the runs also what
    // ends the chaining, at some point in the run
    qt().withFixedSeed(31337L).withExamples(400)
        .forAll(longs().all(), integers().between(1, 300))
        .checkAssert((seed, steps) -> {
          Random r = new Random(seed);
          Disruption[] all = Disruption.values();
          Disruption disruption = r.nextBoolean() ? Disruption.NONE
              : all[1 + r.nextInt(all.length - 1)];
          InstanceStore actual = InstanceStore.inMemory();
          ReferenceStore reference = new ReferenceStore();
          List<String> keys = new ArrayList<>();
          for (int k = 0; k < steps; k++) {
            chainStep(r, actual, reference, keys, disruption);
            int limit = 1 + r.nextInt(5);
            assertThat(actual.pending(limit)).isEqualTo(reference.pending(limit));
          }
          assertThat(actual.pending(Integer.MAX_VALUE))
              .isEqualTo(reference.pending(Integer.MAX_VALUE));
          if (disruption == Disruption.NONE) {
            assertThat(((InMemoryInstanceStore) actual).keysChained()).isTrue();
          }
          for (String key : keys) {
            assertThat(actual.acknowledge(key)).as("acknowledge %s", key)
                .isEqualTo(reference.acknowledge(key));
          }
          assertThat(actual.pending(Integer.MAX_VALUE)).isEmpty();
        });
  }

  @Test
  void aKeyTwoRowsBothOwnIsAddedOnce() {
    InstanceStore store = newStore();
    CustomerId c = CustomerId.of("c-1");
    String key = "m:1:r2:x:1:r3:e:0";
    // "m:1" at revision 2 (its key's own part is "x:1:r3:e:0")
    ActionRequest first = new ActionRequest(key, "m:1", c, "ask_review", ActionKind.ASK,
        Map.of(), T0);
    assertThat(store.commit(new Commit(new JourneyInstance("m:1", JourneyId.of("j"), 1, c, "s",
        T0, Map.of(), List.of(), Set.of(), null, 2), -1, List.of(first), List.of()))).isTrue();
    // "m:1:r2:x:1" at revision 3 makes the same key as its own
    ActionRequest second = new ActionRequest(key, "m:1:r2:x:1", c, "other", ActionKind.ASK,
        Map.of(), T0);
    assertThat(store.commit(new Commit(new JourneyInstance("m:1:r2:x:1", JourneyId.of("j"), 1,
        c, "s", T0, Map.of(), List.of(), Set.of(), null, 3), -1, List.of(second),
        List.of()))).isTrue();
    assertThat(store.pending(10)).containsExactly(first);
    // a third row adds it as a key not its own: found in a chain, it is dropped, and the keys
    // stay chained
    ActionRequest third = new ActionRequest(key, "m:1:r3:x:1", c, "third", ActionKind.ASK,
        Map.of(), T0);
    assertThat(store.commit(new Commit(new JourneyInstance("m:1:r3:x:1", JourneyId.of("j"), 1,
        c, "s", T0, Map.of(), List.of(), Set.of(), null, 1), -1, List.of(third),
        List.of()))).isTrue();
    assertThat(store.pending(10)).containsExactly(first);
    assertThat(((InMemoryInstanceStore) store).keysChained()).isTrue();
    assertThat(store.acknowledge(key)).isTrue();
    assertThat(store.acknowledge(key)).isFalse();
    assertThat(store.pending(10)).isEmpty();
    assertThat(((InMemoryInstanceStore) store).keysChained()).isTrue();
  }

  @Test
  void anAskSentAtALaterRevisionIsAddedOnceAndAfterItsAcknowledgementNever() {
    // what the contact gate does: an ask held back at revision 1 is sent by a later commit
    InstanceStore store = newStore();
    CustomerId c = CustomerId.of("c-1");
    String id = "review:c-1:1";
    ActionRequest ask = new ActionRequest(id + ":r1:entry:0", id, c, "ask_review",
        ActionKind.ASK, Map.of(), T0);
    long revision = -1;
    for (long next : new long[] {1, 1, 2, 2, 5}) {
      assertThat(store.commit(new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s",
          T0, Map.of(), List.of(), Set.of(), null, next), revision, List.of(ask, ask),
          List.of()))).isTrue();
      revision = next;
      assertThat(store.pending(10)).containsExactly(ask);
    }
    assertThat(store.acknowledge(ask.idempotencyKey())).isTrue();
    assertThat(store.commit(new Commit(new JourneyInstance(id, JourneyId.of("j"), 1, c, "s",
        T0, Map.of(), List.of(), Set.of(), null, 6), revision, List.of(ask), List.of())))
        .isTrue();
    assertThat(store.pending(10)).isEmpty();
  }
}
