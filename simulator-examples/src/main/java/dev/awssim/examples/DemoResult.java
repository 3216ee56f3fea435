package dev.awssim.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo shows: key numbers (each with the AWS rule it checks), a timeline table and charts of
 * series over virtual time, with the options the run used.
 *
 * <pre>{@code
 * DemoResult result = new DemoResult(demo, options);
 * result.keyNumber("message visible again at", "30.000 s", "VisibilityTimeout = 30 s");
 * result.timeline("t (s)", "event").row("0.000", "received");
 * }</pre>
 */
public final class DemoResult {
  /** A number that the demo proves, and the rule it stands for. */
  public record KeyNumber(String name, String value, String rule) {}

  /** How a series is drawn. */
  public enum Style {
    /** A value that holds until the next point: counts, totals, per-second sums. */
    STEP,
    /** A value that changes continuously between points, such as a refilling token bucket. */
    LINE,
    /** Separate instants, drawn as dots. */
    MARKERS
  }

  /** One line of a chart: (x = virtual seconds, y) points. */
  public record Series(String name, List<double[]> points, Style style) {
    /** A series drawn as steps. */
    public Series(String name, List<double[]> points) {
      this(name, points, Style.STEP);
    }
  }

  /** A horizontal line: the AWS limit the chart is about, such as 1,000 records/s per shard. */
  public record Limit(String label, double value) {}

  /** A vertical line: an instant the chart is about, such as a redelivery. */
  public record Mark(String label, double seconds) {}

  /**
   * One chart over virtual time from 0 to {@code endSeconds} (the end of the run).
   *
   * @param title what the chart shows
   * @param yLabel the y axis title, with its unit
   * @param series the lines
   * @param endSeconds the end of the simulated run, in virtual seconds
   * @param limits the AWS limits drawn as horizontal lines
   * @param marks the instants drawn as vertical lines
   */
  public record Chart(
      String title,
      String yLabel,
      List<Series> series,
      double endSeconds,
      List<Limit> limits,
      List<Mark> marks) {
    /** Copies the lists. */
    public Chart {
      series = List.copyOf(series);
      limits = List.copyOf(limits);
      marks = List.copyOf(marks);
    }

    /** A chart without limits or marks. */
    public static Chart of(String title, String yLabel, double endSeconds, List<Series> series) {
      return new Chart(title, yLabel, series, endSeconds, List.of(), List.of());
    }

    /** This chart with a horizontal limit line. */
    public Chart limit(String label, double value) {
      List<Limit> more = new ArrayList<>(limits);
      more.add(new Limit(label, value));
      return new Chart(title, yLabel, series, endSeconds, more, marks);
    }

    /** This chart with a vertical mark. */
    public Chart mark(String label, double seconds) {
      List<Mark> more = new ArrayList<>(marks);
      more.add(new Mark(label, seconds));
      return new Chart(title, yLabel, series, endSeconds, limits, more);
    }
  }

  private final Demo demo;
  private final DemoOptions options;
  private final Map<String, KeyNumber> keyNumbers = new LinkedHashMap<>();
  private final List<String> timelineHeader = new ArrayList<>();
  private final List<List<String>> timelineRows = new ArrayList<>();
  private final List<Chart> charts = new ArrayList<>();

  /** An empty result of {@code demo} run with {@code options}. */
  public DemoResult(Demo demo, DemoOptions options) {
    this.demo = demo;
    this.options = options;
  }

  /** The demo that produced this result. */
  public Demo demo() {
    return demo;
  }

  /** The options of the run. */
  public DemoOptions options() {
    return options;
  }

  /** The demo's explanation, with the numbers of this run's options. */
  public String rule() {
    return demo.rule(options);
  }

  /** Adds a key number. */
  public DemoResult keyNumber(String name, String value, String rule) {
    keyNumbers.put(name, new KeyNumber(name, value, rule));
    return this;
  }

  /** Sets the timeline's columns. */
  public DemoResult timeline(String... header) {
    timelineHeader.clear();
    timelineHeader.addAll(List.of(header));
    return this;
  }

  /** Adds a timeline row. */
  public DemoResult row(String... cells) {
    timelineRows.add(List.of(cells));
    return this;
  }

  /** Adds a chart. */
  public DemoResult chart(Chart chart) {
    charts.add(chart);
    return this;
  }

  /** The key numbers, in the order added. */
  public List<KeyNumber> keyNumbers() {
    return List.copyOf(keyNumbers.values());
  }

  /** The key number named {@code name}. */
  public String value(String name) {
    KeyNumber number = keyNumbers.get(name);
    if (number == null) {
      throw new IllegalArgumentException("no key number " + name + " in " + keyNumbers.keySet());
    }
    return number.value();
  }

  /** The timeline's columns. */
  public List<String> timelineHeader() {
    return List.copyOf(timelineHeader);
  }

  /** The timeline's rows. */
  public List<List<String>> timelineRows() {
    return List.copyOf(timelineRows);
  }

  /** The charts. */
  public List<Chart> charts() {
    return List.copyOf(charts);
  }
}
