package io.advocacy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTypeTest {

  @Test
  void ofReturnsTheWellKnownConstant() {
    assertThat(SignalType.of("nps_answered")).isSameAs(SignalType.NPS_ANSWERED);
    assertThat(SignalType.of("purchase_completed")).isSameAs(SignalType.PURCHASE_COMPLETED);
    assertThat(SignalType.PURCHASE_COMPLETED.isMonetary()).isTrue();
    assertThat(SignalType.NPS_ANSWERED.isMonetary()).isFalse();
    assertThat(SignalType.ADVOCATE_TIER_CHANGED.isDerived()).isTrue();
    assertThat(SignalType.NPS_ANSWERED.isDerived()).isFalse();
    assertThat(SignalType.NPS_ANSWERED.isWellKnown()).isTrue();
    assertThat(SignalType.wellKnown("nps_answered")).containsSame(SignalType.NPS_ANSWERED);
    assertThat(SignalType.wellKnown("webinar_attended")).isEmpty();
  }

  @Test
  void ofReturnsAHostDefinedTypeForOtherNames() {
    SignalType webinar = SignalType.of("webinar_attended");
    assertThat(webinar.name()).isEqualTo("webinar_attended");
    assertThat(webinar.isWellKnown()).isFalse();
    assertThat(webinar.isMonetary()).isFalse();
    assertThat(webinar.isDerived()).isFalse();
    assertThat(webinar.valueRule()).isEqualTo(ValueRule.ANY);
    assertThat(webinar).isEqualTo(SignalType.custom("webinar_attended", ValueRule.NON_NEGATIVE));
    assertThat(webinar.hashCode()).isEqualTo("webinar_attended".hashCode());
    assertThat(webinar).hasToString("webinar_attended");
  }

  @Test
  void rejectsMalformedNames() {
    assertThatThrownBy(() -> SignalType.of("Webinar"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal type \"Webinar\" must match [a-z][a-z0-9_.-]{0,63}");
    assertThatThrownBy(() -> SignalType.of(""))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignalType.of(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("signal type");
    assertThatThrownBy(() -> SignalType.custom("a".repeat(65), ValueRule.ANY))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(SignalType.custom("a".repeat(64), ValueRule.ANY).name()).hasSize(64);
  }

  @Test
  void customRejectsAWellKnownName() {
    assertThatThrownBy(() -> SignalType.custom("nps_answered", ValueRule.ANY))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "signal type \"nps_answered\" is well-known; use SignalType.of or its constant");
    assertThatThrownBy(() -> SignalType.custom("x", null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("valueRule");
  }

  @Test
  void catalogueHoldsEveryWellKnownTypeOnce() {
    assertThat(SignalType.wellKnownTypes()).hasSize(37).doesNotHaveDuplicates();
    assertThat(SignalType.wellKnownTypes()).first().isSameAs(SignalType.NPS_ANSWERED);
    assertThat(SignalType.wellKnownTypes()).allMatch(SignalType::isWellKnown);
    assertThatThrownBy(() -> SignalType.wellKnownTypes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyWellKnownNameRoundTripsThroughOf() {
    List<SignalType> types = new ArrayList<>(SignalType.wellKnownTypes());
    qt().forAll(integers().between(0, types.size() - 1))
        .checkAssert(
            i -> {
              SignalType type = types.get(i);
              assertThat(SignalType.of(type.name())).isSameAs(type);
              assertThat(SignalType.wellKnown(type.name())).containsSame(type);
            });
  }
}
