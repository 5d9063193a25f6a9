package io.advocacy.scoring.score;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of loading a scoring-model document: the model, or every problem found.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param model the model, or null when there are problems
 * @param problems every problem, each with its JSON path; empty when the model loaded
 */
public record ModelLoad(@Nullable ScoringModel model, List<ModelProblem> problems) {
  /**
   * Validates the result.
   *
   * @param model the model, or null
   * @param problems the problems
   * @throws IllegalArgumentException if both or neither are present
   */
  public ModelLoad {
    problems = List.copyOf(problems);
    if ((model == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("model load with model " + model + " and " + problems);
    }
  }

  /**
   * The model, if it loaded.
   *
   * @return the model, or empty
   */
  public Optional<ScoringModel> modelIfLoaded() {
    return Optional.ofNullable(model);
  }
}
