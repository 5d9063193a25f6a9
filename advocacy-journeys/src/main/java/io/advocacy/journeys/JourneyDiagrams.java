package io.advocacy.journeys;

import java.util.List;

/**
 * Journey definitions as diagrams: Mermaid {@code stateDiagram-v2} and Graphviz DOT, with
 * every transition an edge labelled {@code trigger [guard] / actions}, entry and exit actions
 * noted on their states, and global exits drawn from every non-terminal state. Label text is
 * escaped for each format (Mermaid entity codes such as {@code #58;} for {@code :}; DOT
 * backslash escapes), so any action parameter value draws as itself.
 *
 * <p>Stateless; thread-safe.
 */
public final class JourneyDiagrams {
  private JourneyDiagrams() {}

  /**
   * The Mermaid {@code stateDiagram-v2} text.
   *
   * @param journey the journey
   * @return the diagram
   */
  public static String mermaid(JourneyDefinition journey) {
    StringBuilder b = new StringBuilder("stateDiagram-v2\n");
    b.append("  [*] --> ").append(journey.start()).append('\n');
    for (StateSpec s : journey.states().values()) {
      for (Named a : s.onEntry()) {
        b.append("  ").append(s.name()).append(" : entry / ").append(mermaidText(a.toString()))
            .append('\n');
      }
      for (Named a : s.onExit()) {
        b.append("  ").append(s.name()).append(" : exit / ").append(mermaidText(a.toString()))
            .append('\n');
      }
    }
    for (String from : journey.states().keySet()) {
      for (TransitionSpec t : edges(journey, from)) {
        b.append("  ").append(from).append(" --> ").append(t.to()).append(" : ")
            .append(mermaidText(t.label())).append('\n');
      }
    }
    for (StateSpec s : journey.states().values()) {
      if (s.terminal()) {
        b.append("  ").append(s.name()).append(" --> [*]\n");
      }
    }
    return b.toString();
  }

  /**
   * The Graphviz DOT text.
   *
   * @param journey the journey
   * @return the graph
   */
  public static String dot(JourneyDefinition journey) {
    StringBuilder b = new StringBuilder();
    b.append("digraph \"").append(dotText(journey.id().value())).append(" v")
        .append(journey.version()).append("\" {\n");
    b.append("  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    b.append("  \"__start\" [shape=point];\n");
    for (StateSpec s : journey.states().values()) {
      StringBuilder label = new StringBuilder(s.name());
      for (Named a : s.onEntry()) {
        label.append("\\nentry / ").append(dotText(a.toString()));
      }
      for (Named a : s.onExit()) {
        label.append("\\nexit / ").append(dotText(a.toString()));
      }
      b.append("  \"").append(s.name()).append("\" [label=\"").append(label).append('"')
          .append(s.terminal() ? ", shape=doublecircle" : "").append("];\n");
    }
    b.append("  \"__start\" -> \"").append(journey.start()).append("\";\n");
    for (String from : journey.states().keySet()) {
      for (TransitionSpec t : edges(journey, from)) {
        b.append("  \"").append(from).append("\" -> \"").append(t.to()).append("\" [label=\"")
            .append(dotText(t.label())).append("\"];\n");
      }
    }
    return b.append("}\n").toString();
  }

  private static List<TransitionSpec> edges(JourneyDefinition journey, String from) {
    return journey.outgoing(from);
  }

  /**
   * Label text for Mermaid: the characters its parser reads as syntax ({@code # : ; < > "})
   * become its entity codes, and line breaks become spaces.
   */
  private static String mermaidText(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '#' -> b.append("#35;");
        case ':' -> b.append("#58;");
        case ';' -> b.append("#59;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '"' -> b.append("#quot;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Label text for a quoted DOT string: backslash and quote escaped, line breaks spaces. */
  private static String dotText(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ")
        .replace("\n", " ");
  }
}
