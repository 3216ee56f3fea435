package dev.awssim.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link DemoResult} for a terminal: the rule with its AWS link, the key numbers, the
 * timeline (at most {@value #MAX_ROWS} rows) and one sparkline per series.
 */
final class TextReport {
  static final int MAX_ROWS = 40;
  private static final String BARS = " ▁▂▃▄▅▆▇█";
  private static final int WIDTH = 60;

  private TextReport() {}

  static void print(DemoResult result, PrintStream out) {
    Demo demo = result.demo();
    out.println();
    out.println("== " + demo.title() + " ==");
    out.println(wrap(demo.rule(), 96));
    out.println("AWS documentation: " + demo.docUrl());
    out.println();
    printTimeline(result, out);
    for (DemoResult.Chart chart : result.charts()) {
      out.println(chart.title() + " (" + chart.yLabel() + ")");
      for (DemoResult.Series series : chart.series()) {
        out.printf(
            Locale.ROOT, "  %-28s %s  max %s%n", series.name(), sparkline(series), max(series));
      }
    }
    out.println();
    out.println("Key numbers");
    for (DemoResult.KeyNumber number : result.keyNumbers()) {
      out.printf(Locale.ROOT, "  %-44s %-12s (%s)%n", number.name(), number.value(), number.rule());
    }
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

  /** The series resampled to {@value #WIDTH} columns, each a block from ▁ to █. */
  static String sparkline(DemoResult.Series series) {
    List<double[]> points = series.points();
    if (points.isEmpty()) {
      return "";
    }
    double maxX = points.get(points.size() - 1)[0];
    double minX = points.get(0)[0];
    double top = Math.max(1e-9, points.stream().mapToDouble(p -> p[1]).max().orElse(0));
    double[] columns = new double[WIDTH];
    for (double[] p : points) {
      int column = maxX == minX ? 0 : (int) ((p[0] - minX) / (maxX - minX) * (WIDTH - 1));
      columns[column] = Math.max(columns[column], p[1]);
    }
    StringBuilder line = new StringBuilder();
    for (double value : columns) {
      line.append(BARS.charAt((int) Math.round(value / top * (BARS.length() - 1))));
    }
    return line.toString();
  }

  private static String max(DemoResult.Series series) {
    double max = series.points().stream().mapToDouble(p -> p[1]).max().orElse(0);
    return max == Math.rint(max)
        ? Long.toString((long) max)
        : String.format(Locale.ROOT, "%.2f", max);
  }

  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
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
