package io.advocacy.journeys;

import io.advocacy.core.signal.Signal;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a guard may read.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param signal the triggering signal, or null for a timer
 * @param variables the instance's variables, read-only
 * @param customer the customer
 * @param params the guard reference's parameters
 */
public record GuardContext(
    @Nullable Signal signal, Map<String, String> variables, CustomerView customer,
    Map<String, String> params) {
  /**
   * Copies the context.
   *
   * @param signal the triggering signal, or null
   * @param variables the variables
   * @param customer the customer
   * @param params the parameters
   */
  public GuardContext {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(customer, "customer");
    params = Map.copyOf(params);
  }
}
