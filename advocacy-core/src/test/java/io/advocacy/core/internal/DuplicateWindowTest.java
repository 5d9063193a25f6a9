package io.advocacy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DuplicateWindowTest {

  @Test
  void reportsRepeatsWithinTheWindow() {
    DuplicateWindow window = new DuplicateWindow(3);
    assertThat(window.firstSighting("a")).isTrue();
    assertThat(window.firstSighting("b")).isTrue();
    assertThat(window.firstSighting("a")).isFalse();
    assertThat(window.firstSighting("b")).isFalse();
  }

  @Test
  void forgetsTheOldestBeyondCapacity() {
    DuplicateWindow window = new DuplicateWindow(2);
    assertThat(window.firstSighting("a")).isTrue();
    assertThat(window.firstSighting("b")).isTrue();
    assertThat(window.firstSighting("c")).isTrue(); // evicts a
    assertThat(window.firstSighting("b")).isFalse();
    assertThat(window.firstSighting("c")).isFalse();
    assertThat(window.firstSighting("a")).isTrue(); // forgotten; now evicts b
    assertThat(window.firstSighting("c")).isFalse();
    assertThat(window.firstSighting("b")).isTrue();
  }

  @Test
  void aRepeatDoesNotRefreshAnId() {
    // Insertion order, not access order: seeing "a" again does not keep it longer.
    DuplicateWindow window = new DuplicateWindow(2);
    window.firstSighting("a");
    window.firstSighting("b");
    assertThat(window.firstSighting("a")).isFalse();
    assertThat(window.firstSighting("c")).isTrue(); // evicts a, the oldest insertion
    assertThat(window.firstSighting("a")).isTrue();
  }

  @Test
  void capacityOfOneRemembersOnlyTheLast() {
    DuplicateWindow window = new DuplicateWindow(1);
    assertThat(window.firstSighting("a")).isTrue();
    assertThat(window.firstSighting("a")).isFalse();
    assertThat(window.firstSighting("b")).isTrue();
    assertThat(window.firstSighting("a")).isTrue();
  }

  @Test
  void rejectsANonPositiveCapacity() {
    assertThatThrownBy(() -> new DuplicateWindow(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate window capacity must be at least 1: 0");
  }
}
