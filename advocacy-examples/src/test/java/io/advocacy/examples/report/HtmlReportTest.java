package io.advocacy.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlReportTest {
  private static final String HTML = HtmlReport.render(SampleReport.data());

  @Test
  void nothingIsFetchedFromOutside() {
    assertThat(HTML).doesNotContain("http://").doesNotContain("https://")
        .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("@import")
        .doesNotContainIgnoringCase("url(http").doesNotContainIgnoringCase("@font-face");
    // The only url(...) references are the arrow markers inside the page.
    Matcher m = Pattern.compile("url\\(([^)]*)\\)").matcher(HTML);
    while (m.find()) {
      assertThat(m.group(1)).matches("#journey-\\d+-arrow(-back|-any)?");
    }
  }

  @Test
  void everySectionHasItsHeadingInOrder() {
    int from = 0;
    for (String s : HtmlReport.SECTIONS) {
      int at = HTML.indexOf("<h2>" + s + "</h2>", from);
      assertThat(at).as(s).isGreaterThan(from);
      from = at;
    }
    assertThat(HTML).startsWith("<!DOCTYPE html>").contains("<title>Advocacy demo report</title>");
  }

  @Test
  void numbersAppearAsFormatted() {
    assertThat(HTML)
        .contains("10,000 customers · 2026-01-01 to 2026-12-31 · seed 42")
        .contains("<td>NPS</td><td class=\"num\">+27.9</td>")
        .contains("<td>95.0% interval</td><td class=\"num\">+26.2 to +29.6</td>")
        .contains("<td>Interval method</td><td class=\"num\">adjusted-wald</td>")
        .contains("<div class=\"v\">731,550 <small>USD</small></div>"
            + "<div class=\"s\">pipeline 1,843,200 USD</div>")
        .contains("<td>Promoters (9–10)</td><td class=\"num\">3,795</td><td class=\"num\">46.3%</td>")
        .contains("<td>Champion</td><td class=\"num\">224</td><td class=\"num\">2.2%</td>")
        .contains("<td>Invite</td><td class=\"num\">2,950</td><td class=\"num\">29.5%</td>"
            + "<td class=\"num\">82.2%</td>")
        .contains("<td>frequency_cap</td><td class=\"num\">402</td><td class=\"num\">50.6%</td>")
        .contains("<td>Value issued in USD</td><td class=\"num\">55,100.00 USD</td>")
        .contains("<td>Conversion rate</td><td class=\"num\">29.7%</td>")
        .contains("<td>Referral-sourced pipeline</td><td class=\"num\">1,843,200.00 USD</td>")
        .contains("<td>Paid</td><td class=\"num\">2,210,450.50 USD</td><td class=\"num\">37.7%</td>")
        .contains("<td class=\"num\">97.4</td><td>Champion</td><td class=\"num\">14</td>"
            + "<td class=\"num\">184,000.00 USD</td>")
        .contains("<td>referral</td><td class=\"num\">212.0<br><small>519,506.00</small></td>");
  }

  @Test
  void namesAreEscapedEverywhere() {
    assertThat(HTML).doesNotContain("<b>&\"x\"")
        .contains("<td>&lt;b&gt;&amp;&quot;x&quot;</td>")
        .contains("<title>&lt;b&gt;&amp;&quot;x&quot;: 121.5k</title>"); // the bar tooltip
  }

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    List<String> svgs = svgs(HTML);
    // 10 charts (NPS, tiers, funnel, contact, rewards, referrals, pipeline, attribution,
    // revenue) + 3 journeys.
    assertThat(svgs).hasSize(12);
    DocumentBuilder parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    for (String svg : svgs) {
      Document doc = parser.parse(new InputSource(new StringReader(svg)));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    }
  }

  @Test
  void eachJourneyHasItsDiagramAndTexts() {
    for (ReportData.JourneyDiagram j : SampleReport.data().journeys()) {
      assertThat(HTML).contains("<summary>Mermaid</summary><pre>"
          + Text.escape(j.mermaid()) + "</pre>");
      assertThat(HTML).contains("<summary>DOT</summary><pre>" + Text.escape(j.dot()) + "</pre>");
    }
    assertThat(HTML).contains("<svg id=\"journey-1\"").contains("<svg id=\"journey-3\"");
  }

  @Test
  void writesTheSameToAWriterAndToAFile() throws Exception {
    StringWriter w = new StringWriter();
    HtmlReport.write(SampleReport.data(), w);
    assertThat(w.toString()).isEqualTo(HTML);
    Path file = Path.of("target", "advocacy-report-sample.html");
    Files.createDirectories(file.getParent());
    HtmlReport.write(SampleReport.data(), file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HTML);
  }

  static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = html.indexOf("<svg", from);
      if (start < 0) {
        return out;
      }
      int end = html.indexOf("</svg>", start) + "</svg>".length();
      out.add(html.substring(start, end));
      from = end;
    }
  }
}
