package dev.awssim.examples;

import java.util.List;
import java.util.Locale;

/**
 * Writes {@link DemoResult}s as one self-contained XHTML page: inline CSS, inline SVG line charts
 * over virtual time, no scripts, fonts or links to fetch. Large type and strong colours, for a
 * projector.
 */
final class HtmlReport {
  private static final String[] COLOURS = {
    "#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bc4c00", "#0e7490", "#57606a"
  };
  private static final int W = 900;
  private static final int H = 320;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 50;

  private HtmlReport() {}

  static String render(List<DemoResult> results, long seed) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE html>\n")
        .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"UTF-8\"/>\n<title>awssim demo report</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;")
        .append("max-width:980px;color:#1f2328;background:#fff;font-size:20px;line-height:1.45}\n")
        .append("h1{font-size:2em;margin-bottom:.2em}h2{font-size:1.5em;border-bottom:3px solid")
        .append(" #1f6feb;padding-bottom:.2em;margin-top:2em}\n")
        .append("table{border-collapse:collapse;margin:1em 0;font-size:.85em}")
        .append("td,th{border:1px solid #d0d7de;padding:.3em .6em;text-align:left}")
        .append("th{background:#f6f8fa}\n.rule{background:#f6f8fa;border-left:6px solid #1f6feb;")
        .append("padding:.6em 1em}\n.key td:nth-child(2){font-weight:bold;font-size:1.1em}\n")
        .append("svg{background:#fff;margin:.5em 0 1.5em}.axis{stroke:#57606a;stroke-width:1.5}")
        .append(".grid{stroke:#d0d7de;stroke-width:1}text{font-size:14px;fill:#1f2328}\n")
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>awssim: AWS behaviour on virtual time</h1>\n<p>Seed ")
        .append(seed)
        .append(". Every run of the same seed draws the same charts.</p>\n");
    for (DemoResult result : results) {
      section(html, result);
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void section(StringBuilder html, DemoResult result) {
    Demo demo = result.demo();
    html.append("<h2>")
        .append(escape(demo.title()))
        .append("</h2>\n<p class=\"rule\">")
        .append(escape(demo.rule()))
        .append("<br/>AWS documentation: <code>")
        .append(escape(demo.docUrl()))
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
      chart(html, chart);
    }
    timeline(html, result);
  }

  private static void timeline(StringBuilder html, DemoResult result) {
    if (result.timelineHeader().isEmpty()) {
      return;
    }
    html.append("<table class=\"timeline\"><tr>");
    result.timelineHeader().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : result.timelineRows()) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void chart(StringBuilder html, DemoResult.Chart chart) {
    double maxX = 0;
    double maxY = 0;
    for (DemoResult.Series s : chart.series()) {
      for (double[] p : s.points()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    maxX = maxX == 0 ? 1 : maxX;
    maxY = niceCeiling(maxY);
    int legendHeight = 24 * chart.series().size();
    html.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            W,
            H + legendHeight,
            W,
            H + legendHeight,
            escape(chart.title())));
    html.append("<title>").append(escape(chart.title())).append("</title>\n");
    axes(html, chart, maxX, maxY);
    for (int i = 0; i < chart.series().size(); i++) {
      DemoResult.Series series = chart.series().get(i);
      String colour = COLOURS[i % COLOURS.length];
      html.append("<polyline class=\"series\" fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2.5\" points=\"");
      for (double[] p : series.points()) {
        html.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p[0], maxX), y(p[1], maxY)));
      }
      html.append("\"/>\n");
      int legendY = H + 18 + 24 * i;
      html.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"6\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>\n",
              LEFT,
              legendY - 6,
              colour,
              LEFT + 26,
              legendY,
              escape(series.name())));
    }
    html.append("</svg>\n");
  }

  private static void axes(StringBuilder html, DemoResult.Chart chart, double maxX, double maxY) {
    for (int i = 0; i <= 4; i++) {
      double value = maxY * i / 4;
      double yy = y(value, maxY);
      html.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT,
              yy,
              W - RIGHT,
              yy,
              LEFT - 8,
              yy + 5,
              label(value)));
      double xv = maxX * i / 4;
      html.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s s</text>\n",
              x(xv, maxX),
              H - BOTTOM + 22,
              label(xv)));
    }
    html.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n"
                + "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s: %s</text>\n",
            LEFT,
            TOP,
            LEFT,
            H - BOTTOM,
            LEFT,
            H - BOTTOM,
            W - RIGHT,
            H - BOTTOM,
            LEFT,
            H - 8,
            escape(chart.title()),
            escape(chart.yLabel() + " over virtual time")));
  }

  private static double x(double value, double maxX) {
    return LEFT + value / maxX * (W - LEFT - RIGHT);
  }

  private static double y(double value, double maxY) {
    return H - BOTTOM - value / maxY * (H - TOP - BOTTOM);
  }

  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", value))
            .stripTrailingZeros()
            .toPlainString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
