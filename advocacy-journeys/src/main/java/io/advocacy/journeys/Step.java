package io.advocacy.journeys;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What applying a signal or a tick to an instance did: the instance after the step, the actions
 * emitted and the transitions taken.
 *
 * <p>Value-based and immutable; thread-safe. Two steps are equal when their instances, actions and
 * audits are; {@link #toString()} reads {@code Step[instance=…, actions=…, audit=…]}.
 */
public final class Step {
  private final JourneyInstance instance;
  private final List<ActionRequest> actions;
  /**
   * The audit: the {@link AuditEntry} itself when the step took exactly one transition (the
   * common case, kept without a list around it), otherwise an unmodifiable {@code
   * List<AuditEntry>} of any other length. A step of one transition without a note may instead
   * keep only what its entry has beyond the instance and the actions: here the name of the state
   * it left (a {@code String}), and its trigger in {@link #trigger}; the entry is then made when
   * asked for (see {@link #moved}). Two equal audits may be held in different forms, so {@link
   * #equals} compares entries.
   */
  private final Object audit;
  /** The trigger of an entry made when asked for; null otherwise. */
  private final @Nullable String trigger;

  /**
   * Copies the step.
   *
   * @param instance the instance after the step (unchanged when nothing fired)
   * @param actions the actions emitted, in order
   * @param audit the transitions taken, in order
   */
  public Step(JourneyInstance instance, List<ActionRequest> actions, List<AuditEntry> audit) {
    this(Objects.requireNonNull(instance, "instance"), List.copyOf(actions), compact(audit));
  }

  private Step(JourneyInstance instance, List<ActionRequest> actions, Object audit,
      @Nullable String trigger) {
    this.instance = instance;
    this.actions = actions;
    this.audit = audit;
    this.trigger = trigger;
  }

  private Step(JourneyInstance instance, List<ActionRequest> actions, Object audit) {
    this(instance, actions, audit, null);
  }

  private static Object compact(List<AuditEntry> audit) {
    List<AuditEntry> copy = List.copyOf(audit);
    return copy.size() == 1 ? copy.get(0) : copy;
  }

  /** A step that took no transition and emitted nothing. */
  static Step unchanged(JourneyInstance instance) {
    return new Step(instance, List.of(), List.of());
  }

  /** A step of one transition; the actions must already be an unmodifiable list. */
  static Step single(JourneyInstance instance, List<ActionRequest> actions, AuditEntry entry) {
    return new Step(instance, actions, (Object) entry);
  }

  /**
   * A step of one transition out of state {@code left} by {@code trigger}, without a note, whose
   * entry is made only when asked for: it names the instance's id, {@code left}, the instance's
   * state and its entered-at instant, and the actions' idempotency keys. The actions must
   * already be an unmodifiable list. The bare machine's common step: one object fewer.
   */
  static Step moved(JourneyInstance instance, List<ActionRequest> actions, String left,
      String trigger) {
    return new Step(instance, actions, left, trigger);
  }

  /**
   * The instance after the step.
   *
   * @return the instance, unchanged when nothing fired
   */
  public JourneyInstance instance() {
    return instance;
  }

  /**
   * The actions emitted.
   *
   * @return the actions in order, unmodifiable
   */
  public List<ActionRequest> actions() {
    return actions;
  }

  /**
   * The transitions taken.
   *
   * @return the audit entries in order, unmodifiable
   */
  public List<AuditEntry> audit() {
    return audit instanceof AuditEntry entry ? List.of(entry)
        : audit instanceof String ? List.of(made()) : entries(audit);
  }

  /** The entry of a step made by {@link #moved}. */
  private AuditEntry made() {
    List<String> keys;
    if (actions.isEmpty()) {
      keys = List.of();
    } else if (actions.size() == 1) {
      keys = List.of(actions.get(0).idempotencyKey());
    } else {
      String[] all = new String[actions.size()];
      for (int k = 0; k < all.length; k++) {
        all[k] = actions.get(k).idempotencyKey();
      }
      keys = List.of(all);
    }
    return new AuditEntry(instance.id(), (String) audit, instance.state(),
        Objects.requireNonNull(trigger), instance.enteredAt(), keys, "");
  }

  /**
   * The state a step made by {@link #moved} left, whose entry is not made yet; null for any
   * other step. With {@link #movedBy}, what a store needs to write the entry without it.
   */
  @Nullable String movedFrom() {
    return audit instanceof String left ? left : null;
  }

  /** The trigger of a step made by {@link #moved}; null for any other step. */
  @Nullable String movedBy() {
    return trigger;
  }

  /** The step's one audit entry, or null when it took any other number of transitions. */
  @Nullable AuditEntry onlyEntry() {
    return audit instanceof AuditEntry entry ? entry : audit instanceof String ? made() : null;
  }

  /** The audit entries unless there is exactly one (see {@link #onlyEntry}); then empty. */
  List<AuditEntry> entriesUnlessOne() {
    return audit instanceof AuditEntry || audit instanceof String ? List.of() : entries(audit);
  }

  // Only the constructors set the field, to an AuditEntry or to a List<AuditEntry> (see audit).
  @SuppressWarnings("unchecked")
  private static List<AuditEntry> entries(Object audit) {
    return (List<AuditEntry>) audit;
  }

  /**
   * Whether any transition fired.
   *
   * @return true if the audit is not empty
   */
  public boolean moved() {
    return audit instanceof AuditEntry || audit instanceof String || !entries(audit).isEmpty();
  }

  /**
   * Whether another step has the same instance, actions and audit.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || o instanceof Step s && instance.equals(s.instance)
        && actions.equals(s.actions) && audit().equals(s.audit());
  }

  /**
   * A hash of the instance, actions and audit (the audit hashed as a list).
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return (31 * instance.hashCode() + actions.hashCode()) * 31 + audit().hashCode();
  }

  /**
   * The step as {@code Step[instance=…, actions=…, audit=…]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "Step[instance=" + instance + ", actions=" + actions + ", audit=" + audit() + "]";
  }
}
