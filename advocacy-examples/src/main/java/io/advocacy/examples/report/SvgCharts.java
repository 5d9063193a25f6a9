package io.advocacy.examples.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Charts as inline SVG elements: a horizontal funnel, horizontal bars, an NPS trend with its
 * interval band and whiskers, and grouped bars (categories × series, e.g. channels × attribution
 * models). Each chart has axis labels and prints its values; all text is escaped; no fonts,
 * images or scripts are fetched; every chart is well-formed XML that scales to its container
 * ({@code width="100%"} with a view box).
 *
 * <p>Stateless; thread-safe.
 */
public final class SvgCharts {
  /** Colours that stay distinguishable for colour-blind readers (Okabe and Ito). */
  static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
      "#56B4E9", "#D55E00", "#999933", "#882255");

  static final String SANS = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

  private static final double W = 560;
  private static final double WIDE = 820;
  private static final double FONT = 12;
  private static final double SMALL = 11;
  private static final String AXIS = "#4a5568";
  private static final String GRID = "#e2e8f0";
  private static final double LABEL_MAX = 210;

  private SvgCharts() {}

  /**
   * One bar: a category, its value and the text printed beside it.
   *
   * <p>Value-based and immutable; thread-safe.
   *
   * @param label the category
   * @param value the value, finite
   * @param text the value as printed, e.g. {@code "1,250"} or {@code "12.5k USD"}
   */
  public record Bar(String label, double value, String text) {
    /**
     * Validates the bar.
     *
     * @param label category
     * @param value value
     * @param text printed value
     */
    public Bar {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(text, "text");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("bar " + label + " has value " + value);
      }
    }
  }

  /**
   * A horizontal funnel: one centred bar per stage, its width proportional to its count, the
   * count and its share of the first stage printed on the right.
   *
   * @param stages the stages, top first, values not negative
   * @param title an accessible title for the chart
   * @return the {@code <svg>} element
   */
  public static String funnel(List<Bar> stages, String title) {
    double labelW = labelWidth(stages);
    double valueW = 150;
    double left = labelW + 16;
    double plotW = W - left - valueW;
    double rowH = 30;
    double top = 10;
    double h = top + stages.size() * rowH + 10;
    double max = 1;
    for (Bar s : stages) {
      max = Math.max(max, s.value());
    }
    double first = stages.isEmpty() ? 0 : stages.get(0).value();
    StringBuilder b = open(h, title);
    double cx = left + plotW / 2;
    for (int i = 0; i < stages.size(); i++) {
      Bar s = stages.get(i);
      double w = Math.max(2, plotW * Math.max(0, s.value()) / max);
      double y = top + i * rowH;
      if (i + 1 < stages.size()) {
        double w2 = Math.max(2, plotW * Math.max(0, stages.get(i + 1).value()) / max);
        b.append("<path d=\"M").append(Text.num(cx - w / 2)).append(',').append(Text.num(y + 22))
            .append(" L").append(Text.num(cx + w / 2)).append(',').append(Text.num(y + 22))
            .append(" L").append(Text.num(cx + w2 / 2)).append(',').append(Text.num(y + rowH))
            .append(" L").append(Text.num(cx - w2 / 2)).append(',').append(Text.num(y + rowH))
            .append(" z\" fill=\"").append(PALETTE.get(0)).append("\" fill-opacity=\"0.15\"/>");
      }
      b.append("<rect x=\"").append(Text.num(cx - w / 2)).append("\" y=\"").append(Text.num(y))
          .append("\" width=\"").append(Text.num(w)).append("\" height=\"22\" rx=\"3\" fill=\"")
          .append(PALETTE.get(0)).append("\"><title>").append(Text.escape(s.label() + ": "
              + s.text())).append("</title></rect>");
      categoryLabel(b, s.label(), labelW, left - 8, y + 15);
      String share = first > 0 ? " (" + Text.percent(s.value() / first) + ")" : "";
      text(b, W - valueW + 8, y + 15, FONT, "start", "#1a202c", s.text() + share);
      b.append('\n');
    }
    return b.append("</svg>").toString();
  }

  /**
   * Horizontal bars with a value axis, each bar's value printed at its end.
   *
   * @param bars the bars, top first
   * @param axisTitle the value axis's title, e.g. {@code "customers"}
   * @param title an accessible title for the chart
   * @return the {@code <svg>} element
   */
  public static String bars(List<Bar> bars, String axisTitle, String title) {
    double labelW = labelWidth(bars);
    double left = labelW + 16;
    double valueW = Math.max(60, maxTextWidth(bars) + 12);
    double plotW = W - left - valueW;
    double rowH = 26;
    double top = 8;
    double plotH = Math.max(1, bars.size()) * rowH;
    double h = top + plotH + 44;
    double lo = 0;
    double hi = 0;
    for (Bar bar : bars) {
      lo = Math.min(lo, bar.value());
      hi = Math.max(hi, bar.value());
    }
    Axis axis = Axis.of(lo, hi);
    StringBuilder b = open(h, title);
    axisX(b, axis, left, plotW, top, plotH, axisTitle);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = top + i * rowH + 4;
      double x0 = axis.at(0, left, plotW);
      double x1 = axis.at(bar.value(), left, plotW);
      b.append("<rect x=\"").append(Text.num(Math.min(x0, x1))).append("\" y=\"")
          .append(Text.num(y)).append("\" width=\"").append(Text.num(Math.max(1, Math.abs(x1 - x0))))
          .append("\" height=\"18\" rx=\"2\" fill=\"").append(PALETTE.get(i % PALETTE.size()))
          .append("\"><title>").append(Text.escape(bar.label() + ": " + bar.text()))
          .append("</title></rect>");
      categoryLabel(b, bar.label(), labelW, left - 8, y + 13);
      text(b, Math.max(x0, x1) + 5, y + 13, SMALL, "start", "#1a202c", bar.text());
      b.append('\n');
    }
    return b.append("</svg>").toString();
  }

  /**
   * Grouped horizontal bars: for each category (e.g. a channel) one bar per series (e.g. an
   * attribution model), side by side, with a legend of the series and each value printed.
   *
   * @param values the value of each category under each series: series, then category; a
   *     category a series lacks counts as 0
   * @param decimals decimals of the printed values
   * @param axisTitle the value axis's title
   * @param title an accessible title for the chart
   * @return the {@code <svg>} element
   */
  public static String groupedBars(Map<String, Map<String, Double>> values, int decimals,
      String axisTitle, String title) {
    List<String> series = new ArrayList<>(values.keySet());
    Set<String> categorySet = new LinkedHashSet<>();
    values.values().forEach(m -> categorySet.addAll(m.keySet()));
    List<String> categories = new ArrayList<>(categorySet);
    List<Bar> labels = new ArrayList<>();
    double lo = 0;
    double hi = 0;
    double maxText = 0;
    for (String c : categories) {
      labels.add(new Bar(c, 0, ""));
      for (String s : series) {
        double v = values.get(s).getOrDefault(c, 0.0);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        maxText = Math.max(maxText, Text.sansWidth(Text.decimal(v, decimals), SMALL));
      }
    }
    double labelW = labelWidth(labels);
    double left = labelW + 16;
    double plotW = WIDE - left - Math.max(50, maxText + 12);
    double barH = 11;
    double groupH = series.size() * (barH + 2) + 10;
    double legendH = legendHeight(series, WIDE);
    double top = legendH + 6;
    double plotH = Math.max(1, categories.size()) * groupH;
    double h = top + plotH + 44;
    Axis axis = Axis.of(lo, hi);
    StringBuilder b = open(WIDE, h, title);
    legend(b, series, WIDE);
    axisX(b, axis, left, plotW, top, plotH, axisTitle);
    for (int ci = 0; ci < categories.size(); ci++) {
      String c = categories.get(ci);
      double gy = top + ci * groupH + 5;
      categoryLabel(b, c, labelW, left - 8, gy + (groupH - 10) / 2 + 4);
      for (int si = 0; si < series.size(); si++) {
        double v = values.get(series.get(si)).getOrDefault(c, 0.0);
        double y = gy + si * (barH + 2);
        double x0 = axis.at(0, left, plotW);
        double x1 = axis.at(v, left, plotW);
        String shown = Text.decimal(v, decimals);
        b.append("<rect x=\"").append(Text.num(Math.min(x0, x1))).append("\" y=\"")
            .append(Text.num(y)).append("\" width=\"").append(Text.num(Math.max(1, Math.abs(x1 - x0))))
            .append("\" height=\"").append(Text.num(barH)).append("\" fill=\"")
            .append(PALETTE.get(si % PALETTE.size())).append("\"><title>")
            .append(Text.escape(c + ", " + series.get(si) + ": " + shown)).append("</title></rect>");
        text(b, Math.max(x0, x1) + 4, y + barH - 2, 9.5, "start", "#2d3748", shown);
      }
      b.append('\n');
    }
    return b.append("</svg>").toString();
  }

  /**
   * An NPS trend: the score per period as a line with dots and printed values, its confidence
   * interval as a shaded band with whiskers, a dashed zero line, and the answers per period
   * under each period's label.
   *
   * @param points the periods, oldest first
   * @param title an accessible title for the chart
   * @return the {@code <svg>} element
   */
  public static String npsTrend(List<ReportData.NpsPoint> points, String title) {
    double left = 48;
    double right = 16;
    double top = 14;
    double plotH = 200;
    double plotW = W - left - right;
    double lo = 0;
    double hi = 0;
    double labelW = 0;
    for (ReportData.NpsPoint p : points) {
      lo = Math.min(lo, p.low());
      hi = Math.max(hi, p.high());
      labelW = Math.max(labelW, Text.sansWidth(p.label(), SMALL));
    }
    Axis axis = Axis.of(Math.max(-100, lo - 5), Math.min(100, hi + 5));
    int n = points.size();
    double step = n <= 1 ? plotW : plotW / n;
    boolean slanted = labelW + 6 > step;
    double labelsH = slanted ? labelW * 0.75 + 18 : 34;
    double h = top + plotH + labelsH + 24;
    StringBuilder b = open(h, title);
    // y axis: grid, ticks, title
    for (double t : axis.ticks()) {
      double y = top + plotH - axis.at(t, 0, plotH);
      b.append("<line x1=\"").append(Text.num(left)).append("\" x2=\"")
          .append(Text.num(left + plotW)).append("\" y1=\"").append(Text.num(y)).append("\" y2=\"")
          .append(Text.num(y)).append("\" stroke=\"").append(t == 0 ? AXIS : GRID).append('"')
          .append(t == 0 ? " stroke-dasharray=\"4 3\"" : "").append("/>");
      text(b, left - 6, y + 4, SMALL, "end", AXIS, Text.nps(t).replace(".0", ""));
    }
    b.append("<text transform=\"translate(13,").append(Text.num(top + plotH / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"").append(Text.num(SMALL))
        .append("\" fill=\"").append(AXIS).append("\">NPS (interval shaded)</text>\n");
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = left + step * (i + 0.5);
      ys[i] = top + plotH - axis.at(points.get(i).nps(), 0, plotH);
    }
    if (n > 0) {
      StringBuilder band = new StringBuilder();
      for (int i = 0; i < n; i++) {
        band.append(i == 0 ? "M" : " L").append(Text.num(xs[i])).append(',')
            .append(Text.num(top + plotH - axis.at(points.get(i).high(), 0, plotH)));
      }
      for (int i = n - 1; i >= 0; i--) {
        band.append(" L").append(Text.num(xs[i])).append(',')
            .append(Text.num(top + plotH - axis.at(points.get(i).low(), 0, plotH)));
      }
      b.append("<path d=\"").append(band).append(" z\" fill=\"").append(PALETTE.get(4))
          .append("\" fill-opacity=\"0.25\" stroke=\"none\"/>\n");
    }
    for (int i = 0; i < n; i++) {
      ReportData.NpsPoint p = points.get(i);
      double yl = top + plotH - axis.at(p.low(), 0, plotH);
      double yh = top + plotH - axis.at(p.high(), 0, plotH);
      b.append("<path d=\"M").append(Text.num(xs[i])).append(',').append(Text.num(yl))
          .append(" L").append(Text.num(xs[i])).append(',').append(Text.num(yh))
          .append(" M").append(Text.num(xs[i] - 4)).append(',').append(Text.num(yl))
          .append(" L").append(Text.num(xs[i] + 4)).append(',').append(Text.num(yl))
          .append(" M").append(Text.num(xs[i] - 4)).append(',').append(Text.num(yh))
          .append(" L").append(Text.num(xs[i] + 4)).append(',').append(Text.num(yh))
          .append("\" stroke=\"").append(PALETTE.get(0)).append("\" stroke-opacity=\"0.6\"/>");
    }
    if (n > 1) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        line.append(i == 0 ? "M" : " L").append(Text.num(xs[i])).append(',').append(Text.num(ys[i]));
      }
      b.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"")
          .append(PALETTE.get(0)).append("\" stroke-width=\"2\"/>\n");
    }
    boolean everyOther = n > 14;
    for (int i = 0; i < n; i++) {
      ReportData.NpsPoint p = points.get(i);
      b.append("<circle cx=\"").append(Text.num(xs[i])).append("\" cy=\"").append(Text.num(ys[i]))
          .append("\" r=\"3.5\" fill=\"").append(PALETTE.get(0)).append("\"><title>")
          .append(Text.escape(p.label() + ": NPS " + Text.nps(p.nps()) + ", interval "
              + Text.nps(p.low()) + " to " + Text.nps(p.high()) + ", n = " + Text.count(p.n())))
          .append("</title></circle>");
      if (!everyOther || i % 2 == 0) {
        double yh = top + plotH - axis.at(p.high(), 0, plotH);
        text(b, xs[i] + 6, Math.max(top + 9, Math.min(ys[i] - 5, yh - 3)), 10, "start",
            "#1a202c", Text.nps(p.nps()));
      }
      double ly = top + plotH + 15;
      if (slanted) {
        b.append("<text transform=\"translate(").append(Text.num(xs[i] + 4)).append(',')
            .append(Text.num(ly)).append(") rotate(-40)\" text-anchor=\"end\" font-size=\"")
            .append(Text.num(SMALL)).append("\" fill=\"").append(AXIS).append("\">")
            .append(Text.escape(p.label())).append("</text>");
      } else {
        text(b, xs[i], ly, SMALL, "middle", AXIS, p.label());
        text(b, xs[i], ly + 14, 9.5, "middle", "#718096", "n=" + Text.compact(p.n()));
      }
      b.append('\n');
    }
    text(b, left + plotW / 2, h - 6, SMALL, "middle", AXIS,
        slanted ? "period (answers per period in the table)" : "period, answers per period");
    return b.append("</svg>").toString();
  }

  private static StringBuilder open(double h, String title) {
    return open(W, h, title);
  }

  private static StringBuilder open(double w, double h, String title) {
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" width=\"100%\" viewBox=\"0 0 ").append(Text.num(w)).append(' ')
        .append(Text.num(h)).append("\" role=\"img\" font-family=\"").append(SANS)
        .append("\"><title>").append(Text.escape(title)).append("</title>\n");
    return b;
  }

  private static void legend(StringBuilder b, List<String> series, double width) {
    double x = 8;
    double y = 6;
    for (int i = 0; i < series.size(); i++) {
      double w = Text.sansWidth(series.get(i), SMALL) + 30;
      if (x + w > width - 8 && x > 8) {
        x = 8;
        y += 18;
      }
      b.append("<rect x=\"").append(Text.num(x)).append("\" y=\"").append(Text.num(y))
          .append("\" width=\"12\" height=\"12\" fill=\"").append(PALETTE.get(i % PALETTE.size()))
          .append("\"/>");
      text(b, x + 16, y + 10, SMALL, "start", "#1a202c", series.get(i));
      x += w;
    }
    b.append('\n');
  }

  private static double legendHeight(List<String> series, double width) {
    double x = 8;
    double rows = series.isEmpty() ? 0 : 1;
    for (String s : series) {
      double w = Text.sansWidth(s, SMALL) + 30;
      if (x + w > width - 8 && x > 8) {
        x = 8;
        rows++;
      }
      x += w;
    }
    return rows * 18 + 4;
  }

  private static void axisX(StringBuilder b, Axis axis, double left, double plotW, double top,
      double plotH, String axisTitle) {
    for (double t : axis.ticks()) {
      double x = axis.at(t, left, plotW);
      b.append("<line x1=\"").append(Text.num(x)).append("\" x2=\"").append(Text.num(x))
          .append("\" y1=\"").append(Text.num(top)).append("\" y2=\"").append(Text.num(top + plotH))
          .append("\" stroke=\"").append(t == 0 ? AXIS : GRID).append("\"/>");
      text(b, x, top + plotH + 15, SMALL, "middle", AXIS, Text.compact(t));
    }
    text(b, left + plotW / 2, top + plotH + 34, SMALL, "middle", AXIS, axisTitle);
    b.append('\n');
  }

  private static double labelWidth(List<Bar> bars) {
    double w = 30;
    for (Bar bar : bars) {
      w = Math.max(w, Text.sansWidth(bar.label(), FONT));
    }
    return Math.min(LABEL_MAX, w);
  }

  private static double maxTextWidth(List<Bar> bars) {
    double w = 0;
    for (Bar bar : bars) {
      w = Math.max(w, Text.sansWidth(bar.text(), SMALL));
    }
    return w;
  }

  /** A category label, right-aligned, shortened with an ellipsis to fit (full text as title). */
  private static void categoryLabel(StringBuilder b, String label, double maxW, double x,
      double y) {
    String shown = label;
    int fit = (int) Math.floor(maxW / (FONT * Text.SANS_ADVANCE));
    if (shown.codePointCount(0, shown.length()) > fit && fit > 1) {
      shown = shown.substring(0, shown.offsetByCodePoints(0, fit - 1)) + "…";
    }
    b.append("<text x=\"").append(Text.num(x)).append("\" y=\"").append(Text.num(y))
        .append("\" text-anchor=\"end\" font-size=\"").append(Text.num(FONT))
        .append("\" fill=\"#1a202c\">");
    if (!shown.equals(label)) {
      b.append("<title>").append(Text.escape(label)).append("</title>");
    }
    b.append(Text.escape(shown)).append("</text>");
  }

  private static void text(StringBuilder b, double x, double y, double size, String anchor,
      String fill, String text) {
    b.append("<text x=\"").append(Text.num(x)).append("\" y=\"").append(Text.num(y))
        .append("\" font-size=\"").append(Text.num(size)).append('"')
        .append("start".equals(anchor) ? "" : " text-anchor=\"" + anchor + "\"")
        .append(" fill=\"").append(fill).append("\">").append(Text.escape(text)).append("</text>");
  }

  /** A linear value axis over "nice" ticks (1, 2 or 5 times a power of ten). */
  private record Axis(double lo, double hi, double step) {
    static Axis of(double min, double max) {
      if (max <= min) {
        max = min + 1;
      }
      double raw = (max - min) / 5;
      double mag = Math.pow(10, Math.floor(Math.log10(raw)));
      double f = raw / mag;
      double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
      return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    double at(double v, double start, double length) {
      return start + (v - lo) / (hi - lo) * length;
    }

    List<Double> ticks() {
      List<Double> t = new ArrayList<>();
      for (int i = 0; lo + i * step <= hi + step / 1e6; i++) {
        double v = lo + i * step;
        t.add(Math.abs(v) < step / 1e6 ? 0.0 : v);
      }
      return t;
    }
  }
}
