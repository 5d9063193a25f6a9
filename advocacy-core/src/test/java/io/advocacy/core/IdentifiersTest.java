package io.advocacy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.advocacy.core.touchpoint.Channel;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentifiersTest {

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("customer id", (Function<String, Object>) CustomerId::of),
        Arguments.of("anonymous id", (Function<String, Object>) AnonymousId::of),
        Arguments.of("account id", (Function<String, Object>) AccountId::of),
        Arguments.of("programme id", (Function<String, Object>) ProgrammeId::of),
        Arguments.of("journey id", (Function<String, Object>) JourneyId::of),
        Arguments.of("signal id", (Function<String, Object>) SignalId::of),
        Arguments.of("channel", (Function<String, Object>) Channel::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void acceptsAValidValueAndPrintsIt(String kind, Function<String, Object> factory) {
    Object id = factory.apply("c-42.x_Y");
    assertThat(id.toString()).isEqualTo("c-42.x_Y");
    assertThat(factory.apply("c-42.x_Y")).isEqualTo(id).hasSameHashCodeAs(id);
    assertThat(factory.apply("a b")).hasToString("a b");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void rejectsNullNamingTheKind(String kind, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void rejectsBlank(String kind, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply(""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(kind + " \"\" is blank");
    assertThatThrownBy(() -> factory.apply(" \t "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(kind + " \" \t \" is blank");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void rejectsLeadingOrTrailingWhiteSpace(String kind, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply(" c-1"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(kind + " \" c-1\" has leading or trailing white space");
    assertThatThrownBy(() -> factory.apply("c-1 "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(kind + " \"c-1 \" has leading or trailing white space");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void rejectsControlCharacters(String kind, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply("c\u00001"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(kind + " \"c\u00001\" contains a control character at index 1");
    assertThatThrownBy(() -> factory.apply("ab\u007f"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(kind + " \"ab\u007f\" contains a control character at index 2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void acceptsExactly256CharactersAndRejects257(String kind, Function<String, Object> factory) {
    String max = "x".repeat(256);
    assertThat(factory.apply(max).toString()).isEqualTo(max);
    String tooLong = "y".repeat(257);
    assertThatThrownBy(() -> factory.apply(tooLong))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            kind + " \"" + "y".repeat(77) + "...\" is longer than 256 characters (257)");
  }

  @org.junit.jupiter.api.Test
  void subjectIdRoundTripsItsTextForm() {
    SubjectId customer = CustomerId.of("c-42");
    SubjectId anonymous = AnonymousId.of("a-9");
    assertThat(customer.asText()).isEqualTo("customer:c-42");
    assertThat(anonymous.asText()).isEqualTo("anonymous:a-9");
    assertThat(SubjectId.parse("customer:c-42")).isEqualTo(customer).isInstanceOf(CustomerId.class);
    assertThat(SubjectId.parse("anonymous:a-9")).isEqualTo(anonymous).isInstanceOf(AnonymousId.class);
    assertThat(customer.isCustomer()).isTrue();
    assertThat(anonymous.isCustomer()).isFalse();
    // An id that itself contains a prefix-like colon survives.
    assertThat(SubjectId.parse("customer:anonymous:x")).isEqualTo(CustomerId.of("anonymous:x"));
  }

  @org.junit.jupiter.api.Test
  void subjectIdRejectsMissingOrUnknownPrefix() {
    assertThatThrownBy(() -> SubjectId.parse("c-42"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject \"c-42\" must start with \"customer:\" or \"anonymous:\"");
    assertThatThrownBy(() -> SubjectId.parse("Customer:c-42"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Customer:c-42\"");
    assertThatThrownBy(() -> SubjectId.parse("customer:"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer id \"\" is blank");
    assertThatThrownBy(() -> SubjectId.parse("anonymous: a"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("anonymous id \" a\" has leading or trailing white space");
    assertThatThrownBy(() -> SubjectId.parse(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("subject");
  }
}
