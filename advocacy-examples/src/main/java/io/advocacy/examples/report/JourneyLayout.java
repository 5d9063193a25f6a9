package io.advocacy.examples.report;

import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.Named;
import io.advocacy.journeys.StateSpec;
import io.advocacy.journeys.TransitionSpec;
import io.advocacy.journeys.Trigger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A journey drawn left to right by a layered (Sugiyama-style) layout, computed in plain Java: a
 * value of boxes and edges that {@link JourneySvg} renders.
 *
 * <p>How it is laid out:
 *
 * <ol>
 *   <li><b>Graph.</b> One node per state, a small start node {@value #START} with an edge to the
 *       start state, and, when the journey has global exits, one pseudo node {@value #ANY}
 *       ("any active state") from which each global exit is drawn <em>once</em>. Drawing them
 *       from every non-terminal state instead would multiply the edges by the number of states
 *       and bury the journey's own path; the Mermaid and DOT text beside the diagram spell the
 *       expansion out.
 *   <li><b>Cycles.</b> A depth-first search from the start node (then from {@value #ANY}) finds
 *       back edges; they are reversed for layering only and drawn right to left.
 *   <li><b>Layers.</b> Each node's layer is its longest path from a source of the resulting
 *       acyclic graph; {@value #ANY} is then moved right to just before its nearest target.
 *   <li><b>Dummies and labels.</b> Every layer gap gets an extra rank; an edge spanning several
 *       ranks gets a dummy node on each, and its label occupies the dummy nearest its source, so
 *       labels take space in the layout like boxes do and never sit on a box.
 *   <li><b>Order.</b> Eight down-and-up barycenter sweeps reorder each rank; the order with the
 *       fewest crossings is kept.
 *   <li><b>Coordinates.</b> Ranks are columns as wide as their widest item; within a column items
 *       keep their order with a minimum gap, each as close as possible (least squares, by
 *       isotonic regression) to the mean height of its neighbours, over a few passes.
 *   <li><b>Routes.</b> An edge leaves its source's right side (left side for a back edge), runs
 *       level through each column it crosses at its dummy's height, and bends only in the gaps
 *       between columns, where no box lies. Several edges on one side of a box get ports spread
 *       along that side, in the order of their other ends. A self-loop is an arc above its box,
 *       with its label above the arc, in space reserved for it.
 * </ol>
 *
 * <p>Box sizes are estimated from the number of characters of their text ({@value
 * #FONT_SIZE}px monospace names, {@value #SMALL_FONT_SIZE}px monospace actions and edge
 * labels), so the layout needs no font metrics.
 *
 * <p>Value-based and immutable; thread-safe.
 *
 * @param width the drawing's width in pixels
 * @param height the drawing's height in pixels
 * @param nodes the boxes: the start node first, then the states in declaration order, then
 *     {@value #ANY} if the journey has global exits
 * @param edges the edges: the start edge first, then one per transition in declaration order,
 *     global exits included
 */
public record JourneyLayout(double width, double height, List<Node> nodes, List<Edge> edges) {
  /** Id of the start node. */
  public static final String START = "[*]";

  /** Id of the pseudo node global exits are drawn from. */
  public static final String ANY = "[any]";

  /** Font size of state names, in pixels. */
  public static final double FONT_SIZE = 12;

  /** Font size of entry and exit actions and of edge labels, in pixels. */
  public static final double SMALL_FONT_SIZE = 11;

  /** Height of a line of state name text, in pixels. */
  static final double NAME_LINE = 16;

  /** Height of a line of small text, in pixels. */
  static final double SMALL_LINE = 14;

  private static final int WRAP = 22;
  private static final double MARGIN = 16;
  private static final double PAD_X = 12;
  private static final double PAD_Y = 7;
  private static final double GAP_X = 22;
  private static final double GAP_Y = 14;
  private static final double START_SIZE = 14;
  private static final double LOOP_HEIGHT = 30;
  private static final double LOOP_STEP = 12;

  /**
   * Checks and copies the value.
   *
   * @param width width
   * @param height height
   * @param nodes boxes
   * @param edges edges
   */
  public JourneyLayout {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** What a node stands for. Immutable; thread-safe. */
  public enum NodeKind {
    /** The start marker, a small filled circle. */
    START,
    /** The pseudo node global exits leave from: any active (non-terminal) state. */
    ANY_STATE,
    /** A non-terminal state. */
    STATE,
    /** A terminal state, drawn with a double border. */
    TERMINAL
  }

  /**
   * A point.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param x pixels from the left
   * @param y pixels from the top
   */
  public record Point(double x, double y) {}

  /**
   * A box.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param id the state's name, or {@value #START} or {@value #ANY}
   * @param kind what it stands for
   * @param lines its text: the state's name, then {@code entry / action} and {@code exit /
   *     action} lines
   * @param layer its layer, 0 for the start node
   * @param order its position within its layer's column, 0 at the top, counting dummies
   * @param x left edge
   * @param y top edge
   * @param w width
   * @param h height
   */
  public record Node(String id, NodeKind kind, List<String> lines, int layer, int order,
      double x, double y, double w, double h) {
    /**
     * Copies the lines.
     *
     * @param id id
     * @param kind kind
     * @param lines text
     * @param layer layer
     * @param order position
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     */
    public Node {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      lines = List.copyOf(lines);
    }

    /**
     * Whether this box and another share any area (touching edges do not count).
     *
     * @param o another box
     * @return true if they overlap
     */
    public boolean overlaps(Node o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
  }

  /**
   * An edge label: its lines and the box they fill.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param lines the trigger (a timer's delay in words: {@code after 3 days}), then {@code
   *     [guard]}, then {@code / actions}, each present only if the transition has it, and each
   *     wrapped at spaces to about 22 characters
   * @param x left edge
   * @param y top edge
   * @param w width
   * @param h height
   */
  public record Label(List<String> lines, double x, double y, double w, double h) {
    /**
     * Copies the lines.
     *
     * @param lines text
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     */
    public Label {
      lines = List.copyOf(lines);
    }
  }

  /**
   * An edge.
   *
   * <p>For a route ({@code loop} false) consecutive points at the same height are joined by a
   * straight line and the others by an S-curve with horizontal tangents at both ends; the last
   * segment is level, so an arrowhead at the end points into the box. For a self-loop the four
   * points are a cubic Bézier curve: start, two control points, end.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param from the source node's id ({@value #ANY} for a global exit, {@value #START} for the
   *     start edge)
   * @param to the target node's id
   * @param transition the transition's index in {@link JourneyDefinition#transitions()}, -1 for
   *     the start edge
   * @param points the route
   * @param loop whether this is a self-loop
   * @param back whether this edge goes against the layering (a back edge of a cycle)
   * @param label the label, null for the start edge
   */
  public record Edge(String from, String to, int transition, List<Point> points, boolean loop,
      boolean back, @Nullable Label label) {
    /**
     * Copies the points.
     *
     * @param from source
     * @param to target
     * @param transition transition index
     * @param points route
     * @param loop self-loop
     * @param back back edge
     * @param label label
     */
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      points = List.copyOf(points);
    }
  }

  /**
   * The node with an id.
   *
   * @param id a state's name, {@value #START} or {@value #ANY}
   * @return the node
   * @throws IllegalArgumentException if there is none
   */
  public Node node(String id) {
    for (Node n : nodes) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no node " + id);
  }

  /**
   * Lays a journey out.
   *
   * @param journey the journey
   * @return its layout
   */
  public static JourneyLayout of(JourneyDefinition journey) {
    return new Builder(Objects.requireNonNull(journey, "journey")).build();
  }

  /** Lines of an edge label for a transition. */
  static List<String> labelLines(TransitionSpec t) {
    List<String> lines = new ArrayList<>();
    String trigger = t.trigger() instanceof Trigger.After after
        ? "after " + duration(after.delay()) : t.trigger().label();
    wrap(trigger, lines);
    if (t.guard() != null) {
      wrap("[" + t.guard() + "]", lines);
    }
    if (!t.actions().isEmpty()) {
      StringBuilder b = new StringBuilder("/ ");
      for (int i = 0; i < t.actions().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(t.actions().get(i));
      }
      wrap(b.toString(), lines);
    }
    return lines;
  }

  /** A delay in words: {@code 3 days}, {@code 1 hour}, {@code 90 minutes}, else ISO-8601. */
  static String duration(Duration d) {
    long s = d.getSeconds();
    if (d.getNano() == 0 && s % 86_400 == 0) {
      return plural(s / 86_400, "day");
    }
    if (d.getNano() == 0 && s % 3_600 == 0) {
      return plural(s / 3_600, "hour");
    }
    if (d.getNano() == 0 && s % 60 == 0) {
      return plural(s / 60, "minute");
    }
    return d.toString();
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /**
   * Breaks a line at spaces so that pieces are at most {@value #WRAP} characters where a space
   * allows; a piece is never cut shorter than 8 characters (no lone {@code "/"} or {@code "on"}),
   * so a long word stays whole.
   */
  private static void wrap(String line, List<String> out) {
    String rest = line;
    while (rest.length() > WRAP) {
      int cut = rest.lastIndexOf(' ', WRAP);
      if (cut < 8) {
        cut = rest.indexOf(' ', Math.max(8, WRAP));
      }
      if (cut < 0) {
        break;
      }
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut + 1);
    }
    out.add(rest);
  }

  private static double textWidth(List<String> lines, double firstSize, double restSize) {
    double w = 0;
    for (int i = 0; i < lines.size(); i++) {
      w = Math.max(w, Text.monoWidth(lines.get(i), i == 0 ? firstSize : restSize));
    }
    return w;
  }

  private static double labelHeight(List<String> lines) {
    return lines.size() * SMALL_LINE + 4;
  }

  /** The layout computation; one use. Not thread-safe. */
  private static final class Builder {
    private final JourneyDefinition journey;
    /** Layout items: real nodes (0 .. realCount-1) then dummies. */
    private final List<Item> items = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Link> loops = new ArrayList<>();
    private int realCount;
    private int anyIndex = -1;

    Builder(JourneyDefinition journey) {
      this.journey = journey;
    }

    /** A node or dummy of the layout. */
    private static final class Item {
      final String id;
      final NodeKind kind;
      final List<String> lines;
      final boolean real;
      double boxW;
      double boxH;
      /** Space reserved above the box for self-loops and their labels. */
      double reserve;
      double slotW;
      double slotH;
      /** Offset of the routing line from the top of the slot. */
      double route;
      int layer;
      int rank;
      int order;
      double top;
      @Nullable List<String> label;
      final List<Link> loopsHere = new ArrayList<>();

      Item(String id, NodeKind kind, List<String> lines, boolean real) {
        this.id = id;
        this.kind = kind;
        this.lines = lines;
        this.real = real;
      }

      double routeY() {
        return top + route;
      }
    }

    /** An edge of the graph. */
    private static final class Link {
      final int from;
      final int to;
      final int transition;
      final @Nullable List<String> label;
      boolean reversed;
      /** The chain of items in DAG orientation, from the lower rank to the higher. */
      final List<Integer> chain = new ArrayList<>();
      double portA;
      double portB;

      Link(int from, int to, int transition, @Nullable List<String> label) {
        this.from = from;
        this.to = to;
        this.transition = transition;
        this.label = label;
      }

      int dagFrom() {
        return reversed ? to : from;
      }

      int dagTo() {
        return reversed ? from : to;
      }
    }

    JourneyLayout build() {
      graph();
      breakCycles();
      assignLayers();
      addDummies();
      List<List<Integer>> ranks = order();
      size();
      place(ranks);
      return output(ranks);
    }

    private void graph() {
      items.add(new Item(START, NodeKind.START, List.of(), true));
      for (StateSpec s : journey.states().values()) {
        List<String> lines = new ArrayList<>();
        lines.add(s.name());
        for (Named a : s.onEntry()) {
          lines.add("entry / " + a);
        }
        for (Named a : s.onExit()) {
          lines.add("exit / " + a);
        }
        items.add(new Item(s.name(), s.terminal() ? NodeKind.TERMINAL : NodeKind.STATE, lines,
            true));
      }
      List<TransitionSpec> ts = journey.transitions();
      if (ts.stream().anyMatch(TransitionSpec::global)) {
        anyIndex = items.size();
        items.add(new Item(ANY, NodeKind.ANY_STATE, List.of("any active state"), true));
      }
      realCount = items.size();
      links.add(new Link(0, index(journey.start()), -1, null));
      for (int i = 0; i < ts.size(); i++) {
        TransitionSpec t = ts.get(i);
        int from = t.global() ? anyIndex : index(Objects.requireNonNull(t.from()));
        Link l = new Link(from, index(t.to()), i, labelLines(t));
        if (l.from == l.to) {
          loops.add(l);
          items.get(l.from).loopsHere.add(l);
        } else {
          links.add(l);
        }
      }
    }

    private int index(String state) {
      int i = journey.stateIndex(state);
      if (i < 0) {
        throw new IllegalArgumentException("state " + state + " is not in the journey");
      }
      return i + 1;
    }

    /** Marks back edges found by depth-first search, iteratively, in declaration order. */
    private void breakCycles() {
      int n = realCount;
      List<List<Link>> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(new ArrayList<>());
      }
      for (Link l : links) {
        out.get(l.from).add(l);
      }
      int[] state = new int[n]; // 0 new, 1 on stack, 2 done
      List<Integer> roots = new ArrayList<>();
      roots.add(0);
      if (anyIndex >= 0) {
        roots.add(anyIndex);
      }
      for (int i = 1; i < n; i++) {
        roots.add(i);
      }
      for (int root : roots) {
        if (state[root] != 0) {
          continue;
        }
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {root, 0});
        state[root] = 1;
        while (!stack.isEmpty()) {
          int[] top = stack.peek();
          List<Link> edges = out.get(top[0]);
          if (top[1] == edges.size()) {
            state[top[0]] = 2;
            stack.pop();
            continue;
          }
          Link l = edges.get(top[1]++);
          if (state[l.to] == 1) {
            l.reversed = true;
          } else if (state[l.to] == 0) {
            state[l.to] = 1;
            stack.push(new int[] {l.to, 0});
          }
        }
      }
    }

    /** Longest-path layering over the acyclic graph, then the {@value #ANY} node tightened. */
    private void assignLayers() {
      int n = realCount;
      int[] indegree = new int[n];
      List<List<Integer>> succ = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        succ.add(new ArrayList<>());
      }
      for (Link l : links) {
        succ.get(l.dagFrom()).add(l.dagTo());
        indegree[l.dagTo()]++;
      }
      Deque<Integer> queue = new ArrayDeque<>();
      for (int i = 0; i < n; i++) {
        if (indegree[i] == 0) {
          queue.add(i);
        }
      }
      int[] layer = new int[n];
      while (!queue.isEmpty()) {
        int u = queue.poll();
        for (int v : succ.get(u)) {
          layer[v] = Math.max(layer[v], layer[u] + 1);
          if (--indegree[v] == 0) {
            queue.add(v);
          }
        }
      }
      if (anyIndex >= 0 && !succ.get(anyIndex).isEmpty()) {
        int min = Integer.MAX_VALUE;
        for (int v : succ.get(anyIndex)) {
          min = Math.min(min, layer[v]);
        }
        layer[anyIndex] = Math.max(0, min - 1);
      }
      for (int i = 0; i < n; i++) {
        items.get(i).layer = layer[i];
        items.get(i).rank = 2 * layer[i];
      }
    }

    private void addDummies() {
      for (Link l : links) {
        Item a = items.get(l.dagFrom());
        Item b = items.get(l.dagTo());
        int labelRank = l.reversed ? b.rank - 1 : a.rank + 1;
        l.chain.add(l.dagFrom());
        for (int r = a.rank + 1; r < b.rank; r++) {
          Item d = new Item("dummy", NodeKind.STATE, List.of(), false);
          d.rank = r;
          d.layer = -1;
          if (r == labelRank && l.label != null) {
            d.label = l.label;
          }
          l.chain.add(items.size());
          items.add(d);
        }
        l.chain.add(l.dagTo());
      }
    }

    /** Barycenter sweeps; the order with the fewest crossings wins. */
    private List<List<Integer>> order() {
      int maxRank = 0;
      for (Item it : items) {
        maxRank = Math.max(maxRank, it.rank);
      }
      List<List<Integer>> ranks = new ArrayList<>();
      for (int r = 0; r <= maxRank; r++) {
        ranks.add(new ArrayList<>());
      }
      // Initial order: real nodes in declaration order, dummies in edge order.
      for (int i = 0; i < items.size(); i++) {
        ranks.get(items.get(i).rank).add(i);
      }
      List<List<Integer>> up = new ArrayList<>();
      List<List<Integer>> down = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        up.add(new ArrayList<>());
        down.add(new ArrayList<>());
      }
      for (Link l : links) {
        for (int k = 0; k + 1 < l.chain.size(); k++) {
          down.get(l.chain.get(k)).add(l.chain.get(k + 1));
          up.get(l.chain.get(k + 1)).add(l.chain.get(k));
        }
      }
      int[] pos = new int[items.size()];
      positions(ranks, pos);
      List<List<Integer>> best = copy(ranks);
      long bestCrossings = crossings(ranks, down, pos);
      for (int iter = 0; iter < 8 && bestCrossings > 0; iter++) {
        for (int r = 1; r < ranks.size(); r++) {
          sortByBarycenter(ranks.get(r), up, pos);
        }
        for (int r = ranks.size() - 2; r >= 0; r--) {
          sortByBarycenter(ranks.get(r), down, pos);
        }
        long c = crossings(ranks, down, pos);
        if (c < bestCrossings) {
          bestCrossings = c;
          best = copy(ranks);
        }
      }
      positions(best, pos);
      for (int i = 0; i < items.size(); i++) {
        items.get(i).order = pos[i];
      }
      return best;
    }

    private static List<List<Integer>> copy(List<List<Integer>> ranks) {
      List<List<Integer>> c = new ArrayList<>();
      for (List<Integer> r : ranks) {
        c.add(new ArrayList<>(r));
      }
      return c;
    }

    private static void positions(List<List<Integer>> ranks, int[] pos) {
      for (List<Integer> r : ranks) {
        for (int k = 0; k < r.size(); k++) {
          pos[r.get(k)] = k;
        }
      }
    }

    private static void sortByBarycenter(List<Integer> rank, List<List<Integer>> neighbours,
        int[] pos) {
      double[] key = new double[rank.size()];
      Integer[] idx = new Integer[rank.size()];
      for (int k = 0; k < rank.size(); k++) {
        idx[k] = k;
        List<Integer> ns = neighbours.get(rank.get(k));
        if (ns.isEmpty()) {
          key[k] = k;
        } else {
          double sum = 0;
          for (int v : ns) {
            sum += pos[v];
          }
          key[k] = sum / ns.size();
        }
      }
      Arrays.sort(idx, Comparator.comparingDouble((Integer k) -> key[k]).thenComparingInt(k -> k));
      List<Integer> sorted = new ArrayList<>();
      for (Integer k : idx) {
        sorted.add(rank.get(k));
      }
      for (int k = 0; k < sorted.size(); k++) {
        rank.set(k, sorted.get(k));
        pos[sorted.get(k)] = k;
      }
    }

    private static long crossings(List<List<Integer>> ranks, List<List<Integer>> down,
        int[] pos) {
      long c = 0;
      for (int r = 0; r + 1 < ranks.size(); r++) {
        List<int[]> segs = new ArrayList<>();
        for (int u : ranks.get(r)) {
          for (int v : down.get(u)) {
            segs.add(new int[] {pos[u], pos[v]});
          }
        }
        for (int i = 0; i < segs.size(); i++) {
          for (int j = i + 1; j < segs.size(); j++) {
            int[] a = segs.get(i);
            int[] b = segs.get(j);
            if ((a[0] - b[0]) * (long) (a[1] - b[1]) < 0) {
              c++;
            }
          }
        }
      }
      return c;
    }

    /** Sizes of boxes, slots and labels. */
    private void size() {
      for (Item it : items) {
        if (!it.real) {
          if (it.label != null) {
            it.slotW = textWidth(it.label, SMALL_FONT_SIZE, SMALL_FONT_SIZE) + 8;
            it.slotH = labelHeight(it.label);
            it.route = 0;
          } else {
            it.slotW = 0;
            it.slotH = 0;
            it.route = 0;
          }
          continue;
        }
        if (it.kind == NodeKind.START) {
          it.boxW = START_SIZE;
          it.boxH = START_SIZE;
        } else {
          it.boxW = Math.max(56, textWidth(it.lines, FONT_SIZE, SMALL_FONT_SIZE) + 2 * PAD_X);
          it.boxH = 2 * PAD_Y + NAME_LINE + (it.lines.size() - 1) * SMALL_LINE;
        }
        double slotW = it.boxW;
        double reserve = 0;
        int k = it.loopsHere.size();
        if (k > 0) {
          reserve = 0.75 * (LOOP_HEIGHT + (k - 1) * LOOP_STEP) + 4;
          for (Link l : it.loopsHere) {
            List<String> lines = Objects.requireNonNull(l.label);
            reserve += labelHeight(lines);
            slotW = Math.max(slotW, textWidth(lines, SMALL_FONT_SIZE, SMALL_FONT_SIZE) + 8);
          }
        }
        it.reserve = reserve;
        it.slotW = slotW;
        it.slotH = reserve + it.boxH;
        it.route = reserve + it.boxH / 2;
      }
    }

    private double[] colX = new double[0];
    private double[] colW = new double[0];

    /** Columns left to right; heights by isotonic regression towards neighbours. */
    private void place(List<List<Integer>> ranks) {
      int rs = ranks.size();
      colX = new double[rs];
      colW = new double[rs];
      double x = MARGIN;
      for (int r = 0; r < rs; r++) {
        double w = 0;
        for (int i : ranks.get(r)) {
          w = Math.max(w, items.get(i).slotW);
        }
        colX[r] = x;
        colW[r] = w;
        x += w + GAP_X;
      }
      List<List<Integer>> nbrs = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        nbrs.add(new ArrayList<>());
      }
      for (Link l : links) {
        for (int k = 0; k + 1 < l.chain.size(); k++) {
          nbrs.get(l.chain.get(k)).add(l.chain.get(k + 1));
          nbrs.get(l.chain.get(k + 1)).add(l.chain.get(k));
        }
      }
      for (List<Integer> r : ranks) {
        double y = 0;
        for (int i : r) {
          items.get(i).top = y;
          y += items.get(i).slotH + GAP_Y;
        }
      }
      for (int pass = 0; pass < 12; pass++) {
        boolean forward = pass % 2 == 0;
        for (int k = 0; k < rs; k++) {
          List<Integer> r = ranks.get(forward ? k : rs - 1 - k);
          align(r, nbrs);
        }
      }
      double minTop = Double.MAX_VALUE;
      for (Item it : items) {
        minTop = Math.min(minTop, it.top);
      }
      for (Item it : items) {
        it.top += MARGIN - minTop;
      }
    }

    /** Least-squares placement of one column towards its items' neighbours, order kept. */
    private void align(List<Integer> r, List<List<Integer>> nbrs) {
      int m = r.size();
      if (m == 0) {
        return;
      }
      double[] target = new double[m];
      double offset = 0;
      for (int k = 0; k < m; k++) {
        Item it = items.get(r.get(k));
        List<Integer> ns = nbrs.get(r.get(k));
        double want;
        if (ns.isEmpty()) {
          want = it.top;
        } else {
          double sum = 0;
          for (int v : ns) {
            sum += items.get(v).routeY();
          }
          want = sum / ns.size() - it.route;
        }
        target[k] = want - offset;
        offset += it.slotH + GAP_Y;
      }
      double[] z = isotonic(target);
      offset = 0;
      for (int k = 0; k < m; k++) {
        Item it = items.get(r.get(k));
        it.top = z[k] + offset;
        offset += it.slotH + GAP_Y;
      }
    }

    /** Pool-adjacent-violators: the non-decreasing sequence closest to the targets. */
    private static double[] isotonic(double[] t) {
      int n = t.length;
      double[] mean = new double[n];
      int[] size = new int[n];
      int blocks = 0;
      for (int i = 0; i < n; i++) {
        mean[blocks] = t[i];
        size[blocks] = 1;
        blocks++;
        while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
          double total = mean[blocks - 2] * size[blocks - 2] + mean[blocks - 1] * size[blocks - 1];
          size[blocks - 2] += size[blocks - 1];
          mean[blocks - 2] = total / size[blocks - 2];
          blocks--;
        }
      }
      double[] z = new double[n];
      int i = 0;
      for (int b = 0; b < blocks; b++) {
        for (int k = 0; k < size[b]; k++) {
          z[i++] = mean[b];
        }
      }
      return z;
    }

    private double boxX(Item it) {
      return colX[it.rank] + (colW[it.rank] - it.boxW) / 2;
    }

    private double boxY(Item it) {
      return it.top + it.reserve;
    }

    /** Spreads the ends of edges along each side of a box, in the order of their other ends. */
    private void ports() {
      List<List<Link>> right = new ArrayList<>();
      List<List<Link>> left = new ArrayList<>();
      for (int i = 0; i < realCount; i++) {
        right.add(new ArrayList<>());
        left.add(new ArrayList<>());
      }
      for (Link l : links) {
        right.get(l.dagFrom()).add(l);
        left.get(l.dagTo()).add(l);
      }
      for (int i = 0; i < realCount; i++) {
        Item it = items.get(i);
        List<Link> rs = right.get(i);
        rs.sort(Comparator.comparingDouble((Link l) -> items.get(l.chain.get(1)).routeY()));
        for (int k = 0; k < rs.size(); k++) {
          rs.get(k).portA = boxY(it) + it.boxH * (k + 1) / (rs.size() + 1);
        }
        List<Link> ls = left.get(i);
        ls.sort(Comparator.comparingDouble(
            (Link l) -> items.get(l.chain.get(l.chain.size() - 2)).routeY()));
        for (int k = 0; k < ls.size(); k++) {
          ls.get(k).portB = boxY(it) + it.boxH * (k + 1) / (ls.size() + 1);
        }
      }
    }

    private JourneyLayout output(List<List<Integer>> ranks) {
      ports();
      double width = 0;
      double height = 0;
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < realCount; i++) {
        Item it = items.get(i);
        nodes.add(new Node(it.id, it.kind, it.lines, it.layer, it.order, boxX(it), boxY(it),
            it.boxW, it.boxH));
      }
      for (Item it : items) {
        width = Math.max(width, colX[it.rank] + colW[it.rank]);
        height = Math.max(height, it.top + it.slotH);
      }
      Edge[] edges = new Edge[links.size() + loops.size()];
      for (Link l : links) {
        edges[l.transition + 1] = route(l);
      }
      for (Link l : loops) {
        edges[l.transition + 1] = loop(l);
      }
      return new JourneyLayout(width + MARGIN, height + MARGIN, nodes, Arrays.asList(edges));
    }

    private Edge route(Link l) {
      List<Point> pts = new ArrayList<>();
      Item a = items.get(l.dagFrom());
      Item b = items.get(l.dagTo());
      add(pts, boxX(a) + a.boxW, l.portA);
      add(pts, colX[a.rank] + colW[a.rank], l.portA);
      Label label = null;
      for (int k = 1; k + 1 < l.chain.size(); k++) {
        Item d = items.get(l.chain.get(k));
        double y = d.routeY();
        add(pts, colX[d.rank], y);
        add(pts, colX[d.rank] + colW[d.rank], y);
        if (d.label != null) {
          double w = textWidth(d.label, SMALL_FONT_SIZE, SMALL_FONT_SIZE) + 8;
          label = new Label(d.label, colX[d.rank] + (colW[d.rank] - w) / 2, d.top, w, d.slotH);
        }
      }
      add(pts, colX[b.rank], l.portB);
      add(pts, boxX(b), l.portB);
      if (l.reversed) {
        java.util.Collections.reverse(pts);
      }
      return new Edge(items.get(l.from).id, items.get(l.to).id, l.transition, pts, false,
          l.reversed, label);
    }

    private static void add(List<Point> pts, double x, double y) {
      Point p = new Point(x, y);
      if (pts.isEmpty() || !pts.get(pts.size() - 1).equals(p)) {
        pts.add(p);
      }
    }

    private Edge loop(Link l) {
      Item it = items.get(l.from);
      int k = it.loopsHere.indexOf(l);
      double cx = boxX(it) + it.boxW / 2;
      double y = boxY(it);
      double h = LOOP_HEIGHT + k * LOOP_STEP;
      double spread = Math.min(it.boxW / 2 - 4, 10 + 6 * k);
      List<Point> pts = List.of(new Point(cx + spread, y), new Point(cx + spread + 14, y - h),
          new Point(cx - spread - 14, y - h), new Point(cx - spread, y));
      // Labels stack upwards above the tallest arc, the first loop's label lowest.
      double arcs = 0.75 * (LOOP_HEIGHT + (it.loopsHere.size() - 1) * LOOP_STEP) + 4;
      double bottom = y - arcs;
      for (int j = 0; j < k; j++) {
        bottom -= labelHeight(Objects.requireNonNull(it.loopsHere.get(j).label));
      }
      List<String> lines = Objects.requireNonNull(l.label);
      double lw = textWidth(lines, SMALL_FONT_SIZE, SMALL_FONT_SIZE) + 8;
      double lh = labelHeight(lines);
      Label label = new Label(lines, cx - lw / 2, bottom - lh, lw, lh);
      return new Edge(it.id, it.id, l.transition, pts, true, false, label);
    }
  }
}
