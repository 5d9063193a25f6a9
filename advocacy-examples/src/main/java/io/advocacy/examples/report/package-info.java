/**
 * The demo's HTML report: {@link io.advocacy.examples.report.ReportData}, the figures it shows;
 * {@link io.advocacy.examples.report.HtmlReport}, the one self-contained HTML file;
 * {@link io.advocacy.examples.report.SvgCharts}, its charts as inline SVG; and
 * {@link io.advocacy.examples.report.JourneyLayout} with
 * {@link io.advocacy.examples.report.JourneySvg}, journey diagrams laid out in Java.
 *
 * <p>Nothing here computes a figure: the demo computes them and hands them over as a
 * {@code ReportData}.
 */
@NullMarked
package io.advocacy.examples.report;

import org.jspecify.annotations.NullMarked;
