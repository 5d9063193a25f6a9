package io.advocacy.core.programme;

import io.advocacy.core.internal.Require;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The terms a participant accepts: an id, a version (a new version needs a new acceptance) and
 * where to read them.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param id the terms' id
 * @param version the version, at least 1
 * @param url where the terms are published, or null
 */
public record Terms(String id, int version, @Nullable URI url) {
  /**
   * Validates the terms.
   *
   * @param id the terms' id
   * @param version the version, at least 1
   * @param url where they are published, or null
   * @throws IllegalArgumentException if the id is malformed or the version below 1
   */
  public Terms {
    Require.identifier("terms id", id);
    if (version < 1) {
      throw new IllegalArgumentException("terms version " + version + " is below 1");
    }
  }
}
