package dev.awssim.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link DemoResult} for a terminal: the rule with its AWS link, the key numbers, the
 * timeline (at most {@value #MAX_ROWS} rows) and, per chart, one sparkline per series on a shared
 * time axis and scale.
 */
final class TextReport {
  static final int MAX_ROWS = 40;
  private static final String BARS = " ▁▂▃▄▅▆▇█";
  static final int WIDTH = 60;
  static final int MAX_LABEL = 32;

  private TextReport() {}

  static void print(DemoResult result, PrintStream out) {
    Demo demo = result.demo();
    out.println();
    out.println("== " + demo.title() + " ==");
    out.println(wrap(result.rule(), 96));
    out.println("AWS documentation: " + demo.docUrl());
    out.println("Rerun with: " + HtmlReport.commandLine(result));
    out.println();
    printTimeline(result, out);
    for (DemoResult.Chart chart : result.charts()) {
      printChart(chart, out);
    }
    out.println();
    out.println("Key numbers");
    for (DemoResult.KeyNumber number : result.keyNumbers()) {
      out.printf(Locale.ROOT, "  %-44s %-12s (%s)%n", number.name(), number.value(), number.rule());
    }
  }

  /**
   * One chart: every line over the same time axis (0 to the end of the run) and the same scale,
   * labels padded to the longest (at most {@value #MAX_LABEL} characters), and the limits.
   */
  static void printChart(DemoResult.Chart chart, PrintStream out) {
    out.println(
        chart.title()
            + " ("
            + chart.yLabel()
            + "; 0 to "
            + Numbers.number(HtmlReport.xAxis(chart).max())
            + " s)");
    int labelWidth = 0;
    for (DemoResult.Series series : chart.series()) {
      labelWidth = Math.max(labelWidth, Math.min(MAX_LABEL, series.name().length()));
    }
    double top = 0;
    for (DemoResult.Series series : chart.series()) {
      top = Math.max(top, max(series));
    }
    double end = HtmlReport.xAxis(chart).max();
    for (DemoResult.Series series : chart.series()) {
      out.println(
          "  "
              + pad(series.name(), labelWidth)
              + " "
              + sparkline(series, end, top)
              + "  max "
              + Numbers.number(max(series)));
    }
    for (DemoResult.Limit limit : chart.limits()) {
      out.println("  - - - " + limit.label() + ": " + Numbers.number(limit.value()));
    }
  }

  private static String pad(String label, int width) {
    String cut =
        label.length() > width ? label.substring(0, Math.max(0, width - 1)) + "\u2026" : label;
    return cut + " ".repeat(width - cut.length());
  }

  private static void printTimeline(DemoResult result, PrintStream out) {
    List<String> header = result.timelineHeader();
    if (header.isEmpty()) {
      return;
    }
    List<List<String>> rows = result.timelineRows();
    int[] widths = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    out.println("Timeline");
    out.println("  " + line(header, widths));
    for (int i = 0; i < Math.min(rows.size(), MAX_ROWS); i++) {
      out.println("  " + line(rows.get(i), widths));
    }
    if (rows.size() > MAX_ROWS) {
      out.println("  ... " + (rows.size() - MAX_ROWS) + " more rows in the HTML report");
    }
    out.println();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      line.append(String.format(Locale.ROOT, "%-" + widths[c] + "s  ", cells.get(c)));
    }
    return line.toString().stripTrailing();
  }

  /**
   * The series over 0 to {@code end} in {@value #WIDTH} columns, each a block from blank (0) to █
   * ({@code top}). A column with no point of its own holds the value of the last point before it (a
   * running total does not drop to zero between samples); markers show only where they are.
   */
  static String sparkline(DemoResult.Series series, double end, double top) {
    List<double[]> points = new ArrayList<>(series.points());
    points.sort(Comparator.comparingDouble(p -> p[0]));
    double scale = Math.max(1e-9, top);
    double span = Math.max(1e-9, end);
    StringBuilder line = new StringBuilder();
    int next = 0;
    double held = Double.NaN;
    for (int column = 0; column < WIDTH; column++) {
      double columnEnd = span * (column + 1) / WIDTH;
      double value = Double.NaN;
      while (next < points.size() && (points.get(next)[0] < columnEnd || column == WIDTH - 1)) {
        double[] p = points.get(next++);
        value = Double.isNaN(value) ? p[1] : Math.max(value, p[1]);
        held = p[1];
      }
      if (Double.isNaN(value) && series.style() != DemoResult.Style.MARKERS) {
        value = held;
      }
      line.append(
          Double.isNaN(value)
              ? ' '
              : BARS.charAt((int) Math.round(Math.max(0, value) / scale * (BARS.length() - 1))));
    }
    return line.toString();
  }

  private static double max(DemoResult.Series series) {
    return series.points().stream().mapToDouble(p -> p[1]).max().orElse(0);
  }

  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : com.google.common.base.Splitter.on(' ').split(text)) {
      if (column + word.length() > width) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }
}
