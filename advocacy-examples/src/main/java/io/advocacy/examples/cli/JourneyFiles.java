package io.advocacy.examples.cli;

import io.advocacy.core.AnonymousId;
import io.advocacy.core.CustomerId;
import io.advocacy.core.JourneyId;
import io.advocacy.core.touchpoint.Channel;
import io.advocacy.core.touchpoint.StageMarker;
import io.advocacy.core.touchpoint.Touchpoint;
import io.advocacy.scoring.attribution.ConversionPath;
import io.advocacy.scoring.attribution.JourneyRows;
import io.advocacy.scoring.attribution.RowProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads touch-level journeys for {@code attribute --journeys}: NDJSON, one journey per line,
 *
 * <pre>{@code
 * {"id": "j1", "converted": true, "value": 120.0,
 *  "touches": [{"channel": "email", "at": "2026-01-02T10:00:00Z"},
 *              {"channel": "referral", "at": "2026-01-05T10:00:00Z", "advocate": "c-7",
 *               "journey": "refer-a-friend", "stage": "lead_created"}]}
 * }</pre>
 *
 * ({@code value} defaults to 0 and is ignored when not converted; {@code advocate}, {@code
 * journey} and {@code stage} — lead_created, opportunity_created, closed_won — are optional);
 * or, for a file ending in {@code .csv}, the touch-per-line CSV of {@link JourneyRows}. Every
 * bad line is a {@link RowProblem}, never an exception.
 */
final class JourneyFiles {
  /** The longest journey accepted, in touches. */
  static final int MAX_TOUCHES = 200;

  private JourneyFiles() {}

  /** Reads NDJSON journeys. */
  static JourneyRows.Read ndjson(String text) {
    List<ConversionPath> journeys = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      try {
        JsonNode node = CliSupport.JSON.readTree(lines[i]);
        if (node == null || !node.isObject()) {
          problems.add(new RowProblem(line, "line", "is not a JSON object"));
          continue;
        }
        ConversionPath p = journey(node, line, ids, problems);
        if (p != null) {
          journeys.add(p);
        }
      } catch (JacksonException e) {
        problems.add(new RowProblem(line, "line", "is not JSON: " + e.getOriginalMessage()));
      }
    }
    return new JourneyRows.Read(journeys, problems);
  }

  private static @Nullable ConversionPath journey(JsonNode node, int line, Set<String> ids,
      List<RowProblem> problems) {
    JsonNode id = node.get("id");
    if (id == null || !id.isString() || id.stringValue().isBlank()) {
      problems.add(new RowProblem(line, "/id", "needs a non-empty string"));
      return null;
    }
    String journeyId = id.stringValue();
    if (!ids.add(journeyId)) {
      problems.add(new RowProblem(line, "/id", "journey " + journeyId + " appears twice"));
      return null;
    }
    JsonNode converted = node.get("converted");
    if (converted == null || !converted.isBoolean()) {
      problems.add(new RowProblem(line, "/converted", "needs true or false"));
      return null;
    }
    double value = 0;
    JsonNode v = node.get("value");
    if (v != null && !v.isNull()) {
      if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
        problems.add(new RowProblem(line, "/value", v + " is not a finite number >= 0"));
        return null;
      }
      value = v.asDouble();
    }
    JsonNode touches = node.get("touches");
    if (touches == null || !touches.isArray() || touches.isEmpty()) {
      problems.add(new RowProblem(line, "/touches", "needs a non-empty array of touches"));
      return null;
    }
    if (touches.size() > MAX_TOUCHES) {
      problems.add(new RowProblem(line, "/touches", "has " + touches.size()
          + " touches; at most " + MAX_TOUCHES));
      return null;
    }
    List<Touchpoint> list = new ArrayList<>();
    for (int t = 0; t < touches.size(); t++) {
      Touchpoint tp = touch(touches.get(t), "/touches/" + t, journeyId, line, problems);
      if (tp == null) {
        return null;
      }
      list.add(tp);
    }
    boolean conv = converted.booleanValue();
    return new ConversionPath(list, conv, conv ? value : 0, null);
  }

  private static @Nullable Touchpoint touch(JsonNode t, String path, String journeyId, int line,
      List<RowProblem> problems) {
    if (!t.isObject()) {
      problems.add(new RowProblem(line, path, "is not an object"));
      return null;
    }
    String channel = t.path("channel").asString("");
    if (!channel.matches("[a-z][a-z0-9_.-]{0,63}")) {
      problems.add(new RowProblem(line, path + "/channel",
          "'" + channel + "' is not a channel name (lower case, e.g. email)"));
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(t.path("at").asString(""));
    } catch (DateTimeParseException e) {
      problems.add(new RowProblem(line, path + "/at",
          "'" + t.path("at").asString("") + "' is not an ISO-8601 instant"));
      return null;
    }
    StageMarker stage = null;
    String s = t.path("stage").asString("");
    if (!s.isEmpty()) {
      try {
        stage = StageMarker.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new RowProblem(line, path + "/stage", "unknown stage marker '" + s
            + "'; known: lead_created, opportunity_created, closed_won"));
        return null;
      }
    }
    try {
      Touchpoint.Builder b = Touchpoint.builder(AnonymousId.of("journey-" + journeyId),
          Channel.of(channel), at).stage(stage);
      String advocate = t.path("advocate").asString("");
      if (!advocate.isEmpty()) {
        b.advocate(CustomerId.of(advocate));
      }
      String journey = t.path("journey").asString("");
      if (!journey.isEmpty()) {
        b.journey(JourneyId.of(journey));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      problems.add(new RowProblem(line, path, e.getMessage()));
      return null;
    }
  }
}
