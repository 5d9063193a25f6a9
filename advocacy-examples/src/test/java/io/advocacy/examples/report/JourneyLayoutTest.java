package io.advocacy.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.advocacy.core.JourneyId;
import io.advocacy.core.signal.SignalType;
import io.advocacy.core.signal.ValueRule;
import io.advocacy.journeys.ActionKind;
import io.advocacy.journeys.JourneyDefinition;
import io.advocacy.journeys.JourneyRegistry;
import io.advocacy.journeys.TransitionSpec;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyLayoutTest {
  static final JourneyRegistry REGISTRY = JourneyRegistry.builder()
      .action("act", ActionKind.ASK)
      .action("notify_the_account_owner", ActionKind.NOTIFY_OWNER)
      .guard("ok", c -> true)
      .build();

  /**
   * A random valid journey: {@code states} non-terminal states in a timer chain ending in the
   * first of {@code terminals} terminal states (so each is reachable and none a dead end), each
   * other terminal reached from some state, then one transition per entry of {@code extra}
   * (source, target, trigger kind, guard and actions decoded from the number: self-loops, back
   * edges, parallel edges and long edges all occur) and one global exit per entry of {@code
   * globals}. Triggers are unique per transition, so no two are ambiguous.
   */
  static JourneyDefinition journey(int states, int terminals, List<Integer> extra,
      List<Integer> globals) {
    JourneyDefinition.Builder b = JourneyDefinition.builder(JourneyId.of("random"), 1);
    String[] names = new String[states + terminals];
    for (int i = 0; i < states + terminals; i++) {
      int salt = extra.isEmpty() ? i : extra.get(i % extra.size()) + i;
      names[i] = (i < states ? "s" : "t") + i + "_x".repeat(salt % 7);
    }
    for (int i = 0; i < states; i++) {
      b.state(names[i]);
      if ((i + extra.size()) % 3 == 0) {
        b.onEntry("act");
      }
      if ((i + globals.size()) % 4 == 1) {
        b.onExit("notify_the_account_owner");
      }
    }
    for (int i = states; i < states + terminals; i++) {
      b.terminal(names[i]);
    }
    for (int i = 0; i < states; i++) {
      b.from(names[i]).after(Duration.ofDays(i + 1)).to(names[i + 1 == states ? states : i + 1]);
    }
    for (int i = 1; i < terminals; i++) {
      b.from(names[(i * 5) % states]).on(signal("reach_" + i)).to(names[states + i]);
    }
    for (int i = 0; i < extra.size(); i++) {
      int e = extra.get(i);
      String from = names[e % states];
      String to = names[(e / 7) % (states + terminals)];
      b.from(from);
      switch ((e / 70) % 4) {
        case 0 -> b.on(signal("sig_" + i));
        case 1 -> b.after(Duration.ofHours(100 + i));
        case 2 -> b.atNext(LocalTime.of(i % 24, 0));
        default -> b.onAnniversary("customer_since", LocalTime.of(i % 24, 30));
      }
      b.to(to);
      if ((e / 280) % 2 == 1) {
        b.when("ok");
      }
      if ((e / 560) % 3 == 1) {
        b.doing("act");
      } else if ((e / 560) % 3 == 2) {
        b.doing("act", "notify_the_account_owner");
      }
    }
    for (int i = 0; i < globals.size(); i++) {
      b.anyState().on(signal("global_" + i)).to(names[globals.get(i) % (states + terminals)]);
    }
    return b.build(REGISTRY);
  }

  private static SignalType signal(String name) {
    return SignalType.custom(name, ValueRule.ANY);
  }

  @Test
  void noTwoBoxesOverlapAndEveryTransitionHasAnEdge() {
    qt().withExamples(300).forAll(
            integers().between(1, 8),
            integers().between(1, 3),
            lists().of(integers().between(0, 5_000)).ofSizeBetween(0, 16),
            lists().of(integers().between(0, 100)).ofSizeBetween(0, 3))
        .checkAssert((states, terminals, extra, globals) -> {
          JourneyDefinition j = journey(states, terminals, extra, globals);
          JourneyLayout layout = JourneyLayout.of(j);
          List<JourneyLayout.Node> nodes = layout.nodes();
          assertThat(nodes).hasSize(1 + j.states().size() + (globals.isEmpty() ? 0 : 1));
          for (int a = 0; a < nodes.size(); a++) {
            JourneyLayout.Node n = nodes.get(a);
            assertThat(n.x()).isGreaterThanOrEqualTo(0);
            assertThat(n.y()).isGreaterThanOrEqualTo(0);
            assertThat(n.x() + n.w()).isLessThanOrEqualTo(layout.width());
            assertThat(n.y() + n.h()).isLessThanOrEqualTo(layout.height());
            for (int c = a + 1; c < nodes.size(); c++) {
              assertThat(n.overlaps(nodes.get(c))).as("%s overlaps %s", n, nodes.get(c))
                  .isFalse();
            }
          }
          List<JourneyLayout.Label> labels = layout.edges().stream()
              .map(JourneyLayout.Edge::label).filter(l -> l != null).toList();
          for (int a = 0; a < labels.size(); a++) {
            JourneyLayout.Label l = labels.get(a);
            for (JourneyLayout.Node n : nodes) {
              assertThat(overlaps(l, n.x(), n.y(), n.w(), n.h())).as("%s on %s", l, n).isFalse();
            }
            for (int c = a + 1; c < labels.size(); c++) {
              JourneyLayout.Label m = labels.get(c);
              assertThat(overlaps(l, m.x(), m.y(), m.w(), m.h())).as("%s on %s", l, m).isFalse();
            }
          }
          assertThat(layout.edges()).hasSize(j.transitions().size() + 1);
          for (int i = 0; i < j.transitions().size(); i++) {
            TransitionSpec t = j.transitions().get(i);
            int index = i;
            List<JourneyLayout.Edge> edges = layout.edges().stream()
                .filter(e -> e.transition() == index).toList();
            assertThat(edges).as("edges of %s", t).hasSize(1);
            JourneyLayout.Edge e = edges.get(0);
            assertThat(e.from()).isEqualTo(t.global() ? JourneyLayout.ANY : t.from());
            assertThat(e.to()).isEqualTo(t.to());
            assertThat(e.loop()).isEqualTo(!t.global() && t.to().equals(t.from()));
            assertThat(e.label()).isNotNull();
            assertThat(e.label().lines().get(0)).startsWith(t.trigger().label().split(" ")[0]);
            assertOnBorder(e.points().get(0), layout.node(e.from()));
            assertOnBorder(e.points().get(e.points().size() - 1), layout.node(e.to()));
          }
          int arrows = arrows(JourneySvg.render(layout, "j"));
          assertThat(arrows).isEqualTo(layout.edges().size());
        });
  }

  /**
   * a → b → done with a long edge a → done and a back edge b → a. The depth-first search from the
   * start reaches b from a first, so b → a is the back edge; longest paths put [*], a, b, done
   * in layers 0 to 3; the long edge a → done passes layer 2 below b, because the back edge's and
   * a → b's dummies pull b up and the sweeps remove the two crossings of the declaration order.
   */
  @Test
  void aSmallJourneyHasExactLayersAndOrder() {
    JourneyDefinition j = JourneyDefinition.builder(JourneyId.of("small"), 1)
        .state("a").state("b").terminal("done")
        .from("a").after(Duration.ofDays(1)).to("b")
        .from("a").on(SignalType.REVIEW_POSTED).to("done")
        .from("b").on(SignalType.NPS_ANSWERED).to("done")
        .from("b").on(SignalType.COMPLAINT_CLOSED).to("a").doing("act")
        .build(REGISTRY);
    JourneyLayout layout = JourneyLayout.of(j);
    assertThat(layout.nodes()).extracting(JourneyLayout.Node::id, JourneyLayout.Node::kind,
            JourneyLayout.Node::layer, JourneyLayout.Node::order)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[*]", JourneyLayout.NodeKind.START, 0, 0),
            org.assertj.core.groups.Tuple.tuple("a", JourneyLayout.NodeKind.STATE, 1, 0),
            org.assertj.core.groups.Tuple.tuple("b", JourneyLayout.NodeKind.STATE, 2, 0),
            org.assertj.core.groups.Tuple.tuple("done", JourneyLayout.NodeKind.TERMINAL, 3, 0));
    assertThat(layout.edges()).extracting(JourneyLayout.Edge::from, JourneyLayout.Edge::to,
            JourneyLayout.Edge::transition, JourneyLayout.Edge::back)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[*]", "a", -1, false),
            org.assertj.core.groups.Tuple.tuple("a", "b", 0, false),
            org.assertj.core.groups.Tuple.tuple("a", "done", 1, false),
            org.assertj.core.groups.Tuple.tuple("b", "done", 2, false),
            org.assertj.core.groups.Tuple.tuple("b", "a", 3, true));
    assertThat(layout.edges().get(0).label()).isNull();
    assertThat(layout.edges().get(1).label().lines()).containsExactly("after 1 day");
    assertThat(layout.edges().get(4).label().lines())
        .containsExactly("on complaint_closed", "/ act");
    JourneyLayout.Node a = layout.node("a");
    JourneyLayout.Node b = layout.node("b");
    JourneyLayout.Node done = layout.node("done");
    assertThat(a.x() + a.w()).isLessThan(b.x());
    assertThat(b.x() + b.w()).isLessThan(done.x());
    // The long edge crosses b's column below b.
    assertThat(layout.edges().get(2).points())
        .filteredOn(p -> p.x() >= b.x() && p.x() <= b.x() + b.w())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.y()).isGreaterThan(b.y() + b.h()));
    // The back edge leaves b on its left side and enters a on its right side.
    List<JourneyLayout.Point> back = layout.edges().get(4).points();
    assertThat(back.get(0).x()).isEqualTo(b.x());
    assertThat(back.get(back.size() - 1).x()).isEqualTo(a.x() + a.w());
  }

  @Test
  void delaysReadAsWordsAndLongLabelsWrap() {
    assertThat(JourneyLayout.duration(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(JourneyLayout.duration(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(JourneyLayout.duration(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(JourneyLayout.duration(Duration.ofSeconds(61))).isEqualTo("PT1M1S");
    TransitionSpec t = new TransitionSpec("a", "b",
        new io.advocacy.journeys.Trigger.Anniversary("customer_since", LocalTime.of(9, 30)),
        io.advocacy.journeys.Named.of("ok"), List.of(io.advocacy.journeys.Named.of("act")));
    assertThat(JourneyLayout.labelLines(t))
        .containsExactly("anniversary of", "customer_since at", "09:30 local", "[ok]", "/ act");
    TransitionSpec longWords = new TransitionSpec("a", "b",
        new io.advocacy.journeys.Trigger.OnSignal(signal("subscription_cancelled_long")), null,
        List.of(io.advocacy.journeys.Named.of("issue_referral_reward"),
            io.advocacy.journeys.Named.of("notify_the_account_owner")));
    assertThat(JourneyLayout.labelLines(longWords)).containsExactly(
        "on subscription_cancelled_long", "/ issue_referral_reward,", "notify_the_account_owner");
  }

  /** Parses the SVG as XML and counts the paths with an arrowhead. */
  private static int arrows(String svg) {
    try {
      org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
          .newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
      int arrows = 0;
      org.w3c.dom.NodeList paths = doc.getElementsByTagName("path");
      for (int i = 0; i < paths.getLength(); i++) {
        if (((org.w3c.dom.Element) paths.item(i)).hasAttribute("marker-end")) {
          arrows++;
        }
      }
      return arrows;
    } catch (Exception e) {
      throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static boolean overlaps(JourneyLayout.Label l, double x, double y, double w, double h) {
    return l.x() < x + w && x < l.x() + l.w() && l.y() < y + h && y < l.y() + l.h();
  }

  private static void assertOnBorder(JourneyLayout.Point p, JourneyLayout.Node n) {
    boolean side = (p.x() == n.x() || p.x() == n.x() + n.w())
        && p.y() >= n.y() && p.y() <= n.y() + n.h();
    boolean top = p.y() == n.y() && p.x() >= n.x() && p.x() <= n.x() + n.w();
    assertThat(side || top).as("%s on the border of %s", p, n).isTrue();
  }
}
