package io.advocacy.core.internal;

import io.advocacy.core.SubjectId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@link SubjectId} property in its text form ({@code customer:c-42}), which
 * {@link SubjectId#parse(String)} reads back. Used on properties typed {@code SubjectId}, where
 * the kind of subject must survive the round trip.
 *
 * <p>Thread-safe (stateless).
 */
public final class SubjectIdSerializer extends StdSerializer<SubjectId> {
  /** Creates the serializer. */
  public SubjectIdSerializer() {
    super(SubjectId.class);
  }

  @Override
  public void serialize(SubjectId value, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeString(value.asText());
  }
}
