package dev.awssim.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link DemoResult}s as one self-contained XHTML page: inline CSS, inline SVG charts over
 * virtual time, no scripts, fonts, images or style sheets to fetch (the only links are to the AWS
 * documentation and to the page's own sections). Large type and strong colours, for a projector.
 *
 * <p>Every chart has round ticks, axis titles, an x axis from 0 to the end of the run, and the AWS
 * limit it is about drawn as a dashed line.
 */
final class HtmlReport {
  static final String[] COLOURS = {
    "#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bc4c00", "#0e7490", "#57606a"
  };
  private static final String LIMIT_COLOUR = "#6e7781";
  private static final String MARK_COLOUR = "#8250df";
  static final int W = 900;
  static final int H = 360;
  static final int LEFT = 100;
  static final int RIGHT = 30;
  static final int TOP = 24;
  static final int BOTTOM = 64;

  private HtmlReport() {}

  static String render(List<DemoResult> results, long seed) {
    String title =
        results.size() == 1
            ? "awssim: " + results.get(0).demo().title()
            : "awssim tour: " + results.size() + " demos of AWS behaviour";
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE html>\n")
        .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"UTF-8\"/>\n<title>")
        .append(escape(title))
        .append(" (seed ")
        .append(seed)
        .append(")</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;")
        .append("max-width:980px;color:#1f2328;background:#fff;font-size:20px;line-height:1.45}\n")
        .append("h1{font-size:2em;margin-bottom:.2em}h2{font-size:1.5em;border-bottom:3px solid")
        .append(
            " #1f6feb;padding-bottom:.2em;margin-top:2em}h3{font-size:1.1em;margin:1.2em 0 0}\n")
        .append("table{border-collapse:collapse;margin:1em 0;font-size:.85em}")
        .append("td,th{border:1px solid #d0d7de;padding:.3em .6em;text-align:left}")
        .append("th{background:#f6f8fa}\n.rule{background:#f6f8fa;border-left:6px solid #1f6feb;")
        .append("padding:.6em 1em}\n.key td:nth-child(2){font-weight:bold;font-size:1.1em}\n")
        .append("code{font-size:.85em;background:#f6f8fa;padding:.1em .3em}\n")
        .append("a{color:#0969da}nav ol{margin:.3em 0}summary{cursor:pointer;font-weight:bold}\n")
        .append("svg{background:#fff;margin:.3em 0 1em}.axis{stroke:#57606a;stroke-width:1.5}")
        .append(".grid{stroke:#d0d7de;stroke-width:1}text{font-size:15px;fill:#1f2328}")
        .append(".axis-title{font-weight:bold}\n")
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>awssim: AWS behaviour on virtual time</h1>\n<p>Seed ")
        .append(seed)
        .append(". Every run with the same seed and options draws the same charts.</p>\n");
    if (results.size() > 1) {
      html.append("<nav><p>Contents</p><ol>\n");
      for (DemoResult result : results) {
        html.append("<li><a href=\"#")
            .append(result.demo().name())
            .append("\">")
            .append(escape(result.demo().title()))
            .append("</a></li>\n");
      }
      html.append("</ol></nav>\n");
    }
    for (DemoResult result : results) {
      section(html, result);
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void section(StringBuilder html, DemoResult result) {
    Demo demo = result.demo();
    html.append("<section id=\"")
        .append(demo.name())
        .append("\">\n<h2>")
        .append(escape(demo.title()))
        .append("</h2>\n<p class=\"rule\">")
        .append(escape(result.rule()))
        .append("<br/>AWS documentation: <a href=\"")
        .append(escape(demo.docUrl()))
        .append("\">")
        .append(escape(demo.docUrl()))
        .append("</a></p>\n<p>Rerun with: <code>")
        .append(escape(commandLine(result)))
        .append("</code></p>\n<table class=\"key\"><tr><th>key number</th><th>value</th>")
        .append("<th>AWS rule</th></tr>\n");
    for (DemoResult.KeyNumber number : result.keyNumbers()) {
      html.append("<tr><td>")
          .append(escape(number.name()))
          .append("</td><td>")
          .append(escape(number.value()))
          .append("</td><td>")
          .append(escape(number.rule()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    for (DemoResult.Chart chart : result.charts()) {
      html.append("<h3>").append(escape(chart.title())).append("</h3>\n");
      chart(html, chart);
    }
    timeline(html, result);
    html.append("</section>\n");
  }

  /** The command line that reruns this result: the demo, its seed and every option's value. */
  static String commandLine(DemoResult result) {
    StringBuilder line =
        new StringBuilder("java -jar awssim-demos.jar ")
            .append(result.demo().name())
            .append(" --seed ")
            .append(result.options().seed());
    for (Map.Entry<String, String> option : result.options().values().entrySet()) {
      line.append(" --").append(option.getKey()).append(' ').append(option.getValue());
    }
    return line.toString();
  }

  private static void timeline(StringBuilder html, DemoResult result) {
    if (result.timelineHeader().isEmpty()) {
      return;
    }
    html.append("<details><summary>Timeline (")
        .append(result.timelineRows().size())
        .append(result.timelineRows().size() == 1 ? " row" : " rows")
        .append(")</summary>\n<table class=\"timeline\"><tr>");
    result.timelineHeader().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : result.timelineRows()) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table></details>\n");
  }

  /** The x axis of a chart: 0 to the end of the run (or the last point, if later). */
  static Axis xAxis(DemoResult.Chart chart) {
    double end = chart.endSeconds();
    for (DemoResult.Series s : chart.series()) {
      for (double[] p : s.points()) {
        end = Math.max(end, p[0]);
      }
    }
    return Axis.covering(end);
  }

  /**
   * The y axis of a chart: 0 to just above the highest point or limit; counts (every value whole)
   * get whole ticks.
   */
  static Axis yAxis(DemoResult.Chart chart) {
    double top = 0;
    for (DemoResult.Series s : chart.series()) {
      for (double[] p : s.points()) {
        top = Math.max(top, p[1]);
      }
    }
    boolean whole = true;
    for (DemoResult.Series s : chart.series()) {
      for (double[] p : s.points()) {
        whole &= p[1] == Math.rint(p[1]);
      }
    }
    for (DemoResult.Limit limit : chart.limits()) {
      top = Math.max(top, limit.value());
      whole &= limit.value() == Math.rint(limit.value());
    }
    return whole ? Axis.coveringCounts(top) : Axis.covering(top);
  }

  private static void chart(StringBuilder html, DemoResult.Chart chart) {
    Axis xAxis = xAxis(chart);
    Axis yAxis = yAxis(chart);
    double end = Math.max(chart.endSeconds(), 0);
    int legendRows = chart.series().size() + chart.limits().size();
    int height = H + 12 + 26 * legendRows;
    html.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            W,
            height,
            W,
            height,
            escape(chart.title())));
    html.append("<title>").append(escape(chart.title())).append("</title>\n");
    axes(html, chart, xAxis, yAxis);
    for (DemoResult.Mark mark : chart.marks()) {
      double xx = x(mark.seconds(), xAxis);
      html.append(
          String.format(
              Locale.ROOT,
              "<line class=\"mark\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                  + " stroke-width=\"1.5\" stroke-dasharray=\"3 4\"/>\n",
              xx,
              TOP,
              xx,
              H - BOTTOM,
              MARK_COLOUR));
    }
    for (int i = 0; i < chart.series().size(); i++) {
      series(html, chart.series().get(i), i, xAxis, yAxis, end);
    }
    // Limits last, so that a line running at the limit does not hide it.
    for (int i = 0; i < chart.limits().size(); i++) {
      DemoResult.Limit limit = chart.limits().get(i);
      double yy = y(limit.value(), yAxis);
      html.append(
          String.format(
              Locale.ROOT,
              "<line class=\"limit\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                  + " stroke-width=\"2.5\" stroke-dasharray=\"10 6\"/>\n",
              LEFT,
              yy,
              W - RIGHT,
              yy,
              LIMIT_COLOUR));
    }
    // Mark labels over the lines, on a white halo, so that a line never hides them.
    for (int i = 0; i < chart.marks().size(); i++) {
      DemoResult.Mark mark = chart.marks().get(i);
      double xx = x(mark.seconds(), xAxis);
      html.append(
          String.format(
              Locale.ROOT,
              "<text class=\"mark-label\" x=\"%.1f\" y=\"%d\" fill=\"%s\" text-anchor=\"%s\""
                  + " stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">%s</text>\n",
              xx + (xx > W - 200 ? -4 : 4),
              TOP + 30 + 18 * (i % 3),
              MARK_COLOUR,
              xx > W - 200 ? "end" : "start",
              escape(mark.label())));
    }
    legend(html, chart);
    html.append("</svg>\n");
  }

  /** Wider lines first, so a line drawn over another never hides it completely. */
  private static double strokeWidth(int index) {
    return Math.max(2, 6 - 1.5 * index);
  }

  private static void series(
      StringBuilder html, DemoResult.Series series, int index, Axis xAxis, Axis yAxis, double end) {
    String colour = COLOURS[index % COLOURS.length];
    List<double[]> points = new ArrayList<>(series.points());
    points.sort(Comparator.comparingDouble(p -> p[0]));
    if (points.isEmpty()) {
      return;
    }
    switch (series.style()) {
      case MARKERS -> {
        for (double[] p : points) {
          html.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"series\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\"/>\n",
                  x(p[0], xAxis),
                  y(p[1], yAxis),
                  colour));
        }
      }
      case LINE -> {
        html.append("<polyline class=\"series\" fill=\"none\" stroke=\"")
            .append(colour)
            .append(
                String.format(
                    Locale.ROOT, "\" stroke-width=\"%.1f\" points=\"", strokeWidth(index)));
        for (double[] p : points) {
          html.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p[0], xAxis), y(p[1], yAxis)));
        }
        html.append("\"/>\n");
      }
      case STEP -> {
        StringBuilder d = new StringBuilder();
        d.append(
            String.format(
                Locale.ROOT, "M%.1f,%.1f", x(points.get(0)[0], xAxis), y(points.get(0)[1], yAxis)));
        for (int i = 1; i < points.size(); i++) {
          d.append(
              String.format(
                  Locale.ROOT,
                  " H%.1f V%.1f",
                  x(points.get(i)[0], xAxis),
                  y(points.get(i)[1], yAxis)));
        }
        double last = points.get(points.size() - 1)[0];
        d.append(String.format(Locale.ROOT, " H%.1f", x(Math.max(last, end), xAxis)));
        html.append("<path class=\"series\" fill=\"none\" stroke=\"")
            .append(colour)
            .append(
                String.format(
                    Locale.ROOT,
                    "\" stroke-width=\"%.1f\" stroke-linejoin=\"round\" d=\"%s\"/>\n",
                    strokeWidth(index),
                    d));
      }
    }
  }

  private static void legend(StringBuilder html, DemoResult.Chart chart) {
    int row = 0;
    for (int i = 0; i < chart.series().size(); i++, row++) {
      DemoResult.Series series = chart.series().get(i);
      int legendY = H + 12 + 26 * row;
      String colour = COLOURS[i % COLOURS.length];
      String swatch =
          series.style() == DemoResult.Style.MARKERS
              ? String.format(
                  Locale.ROOT,
                  "<circle cx=\"%d\" cy=\"%d\" r=\"7\" fill=\"%s\"/>",
                  LEFT + 14,
                  legendY - 5,
                  colour)
              : String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"28\" height=\"6\" fill=\"%s\"/>",
                  LEFT,
                  legendY - 8,
                  colour);
      html.append(swatch)
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\">%s</text>\n",
                  LEFT + 38,
                  legendY,
                  escape(series.name())));
    }
    for (DemoResult.Limit limit : chart.limits()) {
      int legendY = H + 12 + 26 * row++;
      html.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\""
                  + " stroke-dasharray=\"10 6\"/><text x=\"%d\" y=\"%d\">%s: %s</text>\n",
              LEFT,
              legendY - 5,
              LEFT + 28,
              legendY - 5,
              LIMIT_COLOUR,
              LEFT + 38,
              legendY,
              escape(limit.label()),
              Numbers.number(limit.value())));
    }
  }

  private static void axes(StringBuilder html, DemoResult.Chart chart, Axis xAxis, Axis yAxis) {
    for (double value : yAxis.ticks()) {
      double yy = y(value, yAxis);
      html.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT,
              yy,
              W - RIGHT,
              yy,
              LEFT - 8,
              yy + 5,
              Numbers.number(value)));
    }
    for (double value : xAxis.ticks()) {
      double xx = x(value, xAxis);
      html.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              xx,
              TOP,
              xx,
              H - BOTTOM,
              xx,
              H - BOTTOM + 22,
              Numbers.number(value)));
    }
    html.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n"
                + "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "virtual time (s)</text>\n"
                + "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 %d %d)\">%s</text>\n",
            LEFT,
            TOP,
            LEFT,
            H - BOTTOM,
            LEFT,
            H - BOTTOM,
            W - RIGHT,
            H - BOTTOM,
            (LEFT + W - RIGHT) / 2,
            H - BOTTOM + 50,
            22,
            (TOP + H - BOTTOM) / 2,
            22,
            (TOP + H - BOTTOM) / 2,
            escape(chart.yLabel())));
  }

  static double x(double value, Axis axis) {
    return LEFT + value / axis.max() * (W - LEFT - RIGHT);
  }

  static double y(double value, Axis axis) {
    return H - BOTTOM - value / axis.max() * (H - TOP - BOTTOM);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
