package io.advocacy.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartsTest {
  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }

  private static int count(Document d, String tag) {
    return d.getElementsByTagName(tag).getLength();
  }

  private static String texts(Document d) {
    StringBuilder b = new StringBuilder();
    NodeList t = d.getElementsByTagName("text");
    for (int i = 0; i < t.getLength(); i++) {
      b.append(t.item(i).getTextContent()).append('|');
    }
    return b.toString();
  }

  @Test
  void barsPrintEveryValueAndEscapeLabels() throws Exception {
    String svg = SvgCharts.bars(List.of(new SvgCharts.Bar("<b>&\"x\"", 1200, "1,200"),
        new SvgCharts.Bar("refunds", -300, "-300")), "amount <USD>", "A & B");
    Document d = parse(svg);
    assertThat(count(d, "rect")).isEqualTo(2);
    assertThat(texts(d)).contains("<b>&\"x\"|", "1,200|", "-300|", "amount <USD>|");
    assertThat(svg).contains("&lt;b&gt;&amp;&quot;x&quot;").doesNotContain("<b>");
  }

  @Test
  void emptyChartsAreStillWellFormed() throws Exception {
    parse(SvgCharts.bars(List.of(), "none", "empty"));
    parse(SvgCharts.funnel(List.of(), "empty"));
    parse(SvgCharts.npsTrend(List.of(), "empty"));
    parse(SvgCharts.groupedBars(Map.of(), 1, "none", "empty"));
  }

  @Test
  void theFunnelPrintsEachStageShareOfTheFirst() throws Exception {
    Document d = parse(SvgCharts.funnel(List.of(new SvgCharts.Bar("Listen", 200, "200"),
        new SvgCharts.Bar("Qualify", 50, "50"), new SvgCharts.Bar("Invite", 0, "0")), "f"));
    assertThat(texts(d)).isEqualTo("Listen|200 (100.0%)|Qualify|50 (25.0%)|Invite|0 (0.0%)|");
  }

  @Test
  void groupedBarsDrawEveryChannelUnderEveryModel() throws Exception {
    Map<String, Map<String, Double>> v = new LinkedHashMap<>();
    v.put("first", Map.of("email", 3.0, "referral", 1.0));
    v.put("markov", Map.of("email", 2.5));
    Document d = parse(SvgCharts.groupedBars(v, 1, "conversions", "g"));
    // 2 legend swatches + 2 channels x 2 models, the missing one drawn as 0.
    assertThat(count(d, "rect")).isEqualTo(6);
    assertThat(texts(d)).contains("first|", "markov|", "3.0|", "2.5|", "0.0|", "conversions|");
  }

  @Test
  void theNpsTrendHasAWhiskerAndAValuePerPeriod() throws Exception {
    List<ReportData.NpsPoint> points = List.of(new ReportData.NpsPoint("Jan", -12.5, -30, 5, 80),
        new ReportData.NpsPoint("Feb", 8, -9, 25, 95));
    Document d = parse(SvgCharts.npsTrend(points, "t"));
    assertThat(count(d, "circle")).isEqualTo(2);
    assertThat(texts(d)).contains("-12.5|", "+8.0|", "Jan|", "n=80|", "Feb|", "n=95|");
  }
}
