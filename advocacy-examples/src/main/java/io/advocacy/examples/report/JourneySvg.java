package io.advocacy.examples.report;

import io.advocacy.journeys.JourneyDefinition;
import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link JourneyLayout} as an inline SVG element: rounded boxes for states, a double
 * border for terminal states, a dashed box for the "any active state" pseudo node, a filled dot
 * for the start, edges with arrowheads (an SVG marker) and labels on a light background. All
 * text is escaped; the SVG uses no external fonts, images or scripts and is well-formed XML.
 *
 * <p>Colours: the journey's own edges are dark grey, back edges (closing a cycle) purple, global
 * exits amber and dashed.
 *
 * <p>Stateless; thread-safe.
 */
public final class JourneySvg {
  static final String MONO = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
  private static final String EDGE = "#4a5568";
  private static final String BACK = "#805ad5";
  private static final String GLOBAL = "#b7791f";

  private JourneySvg() {}

  /**
   * Lays a journey out and renders it.
   *
   * @param journey the journey
   * @param id an id for the SVG element, unique in the page; its marker ids derive from it
   * @return the {@code <svg>} element
   */
  public static String render(JourneyDefinition journey, String id) {
    return render(JourneyLayout.of(journey), id);
  }

  /**
   * Renders a layout.
   *
   * @param layout the layout
   * @param id an id for the SVG element, unique in the page (letters, digits, {@code - _});
   *     its marker ids derive from it
   * @return the {@code <svg>} element
   * @throws IllegalArgumentException if the id is not of that form
   */
  public static String render(JourneyLayout layout, String id) {
    Objects.requireNonNull(layout, "layout");
    if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("svg id \"" + id + "\" is not a letter then letters, "
          + "digits, - or _");
    }
    StringBuilder b = new StringBuilder();
    b.append("<svg id=\"").append(id).append("\" class=\"journey\" width=\"")
        .append(Text.num(layout.width())).append("\" height=\"").append(Text.num(layout.height()))
        .append("\" viewBox=\"0 0 ").append(Text.num(layout.width())).append(' ')
        .append(Text.num(layout.height())).append("\" role=\"img\" font-family=\"").append(MONO)
        .append("\">\n<defs>\n");
    marker(b, id + "-arrow", EDGE);
    marker(b, id + "-arrow-back", BACK);
    marker(b, id + "-arrow-any", GLOBAL);
    b.append("</defs>\n");
    for (JourneyLayout.Edge e : layout.edges()) {
      edge(b, e, id);
    }
    for (JourneyLayout.Edge e : layout.edges()) {
      if (e.label() != null) {
        label(b, e.label(), colour(e));
      }
    }
    for (JourneyLayout.Node n : layout.nodes()) {
      node(b, n);
    }
    return b.append("</svg>").toString();
  }

  private static void marker(StringBuilder b, String id, String colour) {
    b.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
        .append("markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" ")
        .append("orient=\"auto\"><path d=\"M0,1 L10,5 L0,9 z\" fill=\"").append(colour)
        .append("\"/></marker>\n");
  }

  private static String colour(JourneyLayout.Edge e) {
    if (e.from().equals(JourneyLayout.ANY)) {
      return GLOBAL;
    }
    return e.back() ? BACK : EDGE;
  }

  private static void edge(StringBuilder b, JourneyLayout.Edge e, String id) {
    List<JourneyLayout.Point> p = e.points();
    StringBuilder d = new StringBuilder("M").append(xy(p.get(0)));
    if (e.loop()) {
      d.append(" C").append(xy(p.get(1))).append(' ').append(xy(p.get(2))).append(' ')
          .append(xy(p.get(3)));
    } else {
      for (int i = 1; i < p.size(); i++) {
        JourneyLayout.Point a = p.get(i - 1);
        JourneyLayout.Point c = p.get(i);
        if (a.y() == c.y()) {
          d.append(" L").append(xy(c));
        } else {
          double mx = (a.x() + c.x()) / 2;
          d.append(" C").append(Text.num(mx)).append(',').append(Text.num(a.y())).append(' ')
              .append(Text.num(mx)).append(',').append(Text.num(c.y())).append(' ').append(xy(c));
        }
      }
    }
    boolean global = e.from().equals(JourneyLayout.ANY);
    String marker = global ? "-arrow-any" : e.back() ? "-arrow-back" : "-arrow";
    b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour(e))
        .append("\" stroke-width=\"1.4\"")
        .append(global ? " stroke-dasharray=\"5 3\"" : "")
        .append(" marker-end=\"url(#").append(id).append(marker).append(")\"/>\n");
  }

  private static String xy(JourneyLayout.Point p) {
    return Text.num(p.x()) + "," + Text.num(p.y());
  }

  private static void label(StringBuilder b, JourneyLayout.Label l, String colour) {
    b.append("<g class=\"edge-label\"><rect x=\"").append(Text.num(l.x())).append("\" y=\"")
        .append(Text.num(l.y() + 2)).append("\" width=\"").append(Text.num(l.w()))
        .append("\" height=\"").append(Text.num(l.h() - 2))
        .append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>");
    for (int i = 0; i < l.lines().size(); i++) {
      b.append("<text x=\"").append(Text.num(l.x() + 4)).append("\" y=\"")
          .append(Text.num(l.y() + 13 + i * JourneyLayout.SMALL_LINE)).append("\" font-size=\"")
          .append(Text.num(JourneyLayout.SMALL_FONT_SIZE)).append("\" fill=\"")
          .append(i == 0 ? colour : "#2d3748").append("\">")
          .append(Text.escape(l.lines().get(i))).append("</text>");
    }
    b.append("</g>\n");
  }

  private static void node(StringBuilder b, JourneyLayout.Node n) {
    if (n.kind() == JourneyLayout.NodeKind.START) {
      b.append("<circle cx=\"").append(Text.num(n.x() + n.w() / 2)).append("\" cy=\"")
          .append(Text.num(n.y() + n.h() / 2)).append("\" r=\"").append(Text.num(n.w() / 2))
          .append("\" fill=\"#2d3748\"><title>start</title></circle>\n");
      return;
    }
    String fill;
    String stroke;
    switch (n.kind()) {
      case TERMINAL -> {
        fill = "#f0fff4";
        stroke = "#2f855a";
      }
      case ANY_STATE -> {
        fill = "#fffaf0";
        stroke = GLOBAL;
      }
      default -> {
        fill = "#ebf4ff";
        stroke = "#2b6cb0";
      }
    }
    b.append("<g class=\"state\">");
    rect(b, n.x(), n.y(), n.w(), n.h(), 8, fill, stroke,
        n.kind() == JourneyLayout.NodeKind.ANY_STATE);
    if (n.kind() == JourneyLayout.NodeKind.TERMINAL) {
      rect(b, n.x() + 3, n.y() + 3, n.w() - 6, n.h() - 6, 6, "none", stroke, false);
    }
    double cx = n.x() + n.w() / 2;
    double y = n.y() + 7 + 12;
    for (int i = 0; i < n.lines().size(); i++) {
      boolean name = i == 0;
      b.append("<text x=\"").append(Text.num(cx)).append("\" y=\"").append(Text.num(y))
          .append("\" text-anchor=\"middle\" font-size=\"")
          .append(Text.num(name ? JourneyLayout.FONT_SIZE : JourneyLayout.SMALL_FONT_SIZE))
          .append(name && n.kind() != JourneyLayout.NodeKind.ANY_STATE
              ? "\" font-weight=\"bold\" fill=\"#1a202c\">" : "\" fill=\"#4a5568\">")
          .append(Text.escape(n.lines().get(i))).append("</text>");
      y += name ? JourneyLayout.NAME_LINE : JourneyLayout.SMALL_LINE;
    }
    b.append("</g>\n");
  }

  private static void rect(StringBuilder b, double x, double y, double w, double h, double r,
      String fill, String stroke, boolean dashed) {
    b.append("<rect x=\"").append(Text.num(x)).append("\" y=\"").append(Text.num(y))
        .append("\" width=\"").append(Text.num(w)).append("\" height=\"").append(Text.num(h))
        .append("\" rx=\"").append(Text.num(r)).append("\" fill=\"").append(fill)
        .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"")
        .append(dashed ? " stroke-dasharray=\"5 3\"" : "").append("/>");
  }
}
