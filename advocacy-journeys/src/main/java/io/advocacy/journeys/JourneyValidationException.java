package io.advocacy.journeys;

import io.advocacy.core.AdvocacyException;
import java.util.List;

/**
 * A journey definition failed validation: every problem, at once.
 *
 * <p>Immutable; thread-safe.
 */
public final class JourneyValidationException extends AdvocacyException {
  private static final long serialVersionUID = 1L;

  /** The problems; transient because problems are plain values rebuilt by validating again. */
  private final transient List<DefinitionProblem> problems;

  /**
   * An exception listing problems.
   *
   * @param journey the journey's id and version, for the message
   * @param problems the problems, not empty
   */
  public JourneyValidationException(String journey, List<DefinitionProblem> problems) {
    super("journey " + journey + " has " + problems.size() + " problem(s): " + problems);
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems.
   *
   * @return every problem found
   */
  public List<DefinitionProblem> problems() {
    return problems;
  }
}
