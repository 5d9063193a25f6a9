package io.advocacy.examples.report;

/**
 * The stages of the advocacy playbook, in order: the report's funnel has one bar per stage.
 *
 * <p>Immutable; thread-safe.
 */
public enum PlaybookStage {
  /** Signals of delight are heard. */
  LISTEN("Listen"),
  /** A customer qualifies as an advocate for some motion. */
  QUALIFY("Qualify"),
  /** An ask goes out. */
  INVITE("Invite"),
  /** The advocate acts. */
  ACTIVATE("Activate"),
  /** The act is rewarded. */
  REWARD("Reward"),
  /** What the act brought is tracked: pipeline, revenue. */
  TRACK("Track"),
  /** The advocate is invited up the ladder. */
  EXPAND("Expand");

  private final String title;

  PlaybookStage(String title) {
    this.title = title;
  }

  /**
   * The stage's name as the playbook writes it.
   *
   * @return e.g. {@code "Listen"}
   */
  public String title() {
    return title;
  }
}
