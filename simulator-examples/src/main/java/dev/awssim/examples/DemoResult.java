package dev.awssim.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo shows: key numbers (each with the AWS rule it checks), a timeline table and charts of
 * series over virtual time.
 *
 * <pre>{@code
 * DemoResult result = new DemoResult(demo);
 * result.keyNumber("message visible again at", "30.000 s", "VisibilityTimeout = 30 s");
 * result.timeline("t (s)", "event").row("0.000", "received");
 * }</pre>
 */
public final class DemoResult {
  /** A number that the demo proves, and the rule it stands for. */
  public record KeyNumber(String name, String value, String rule) {}

  /** One line of a chart: (x = virtual seconds, y) points. */
  public record Series(String name, List<double[]> points) {}

  /** One chart: a title, the y axis label, and its series. */
  public record Chart(String title, String yLabel, List<Series> series) {}

  private final Demo demo;
  private final Map<String, KeyNumber> keyNumbers = new LinkedHashMap<>();
  private final List<String> timelineHeader = new ArrayList<>();
  private final List<List<String>> timelineRows = new ArrayList<>();
  private final List<Chart> charts = new ArrayList<>();

  /** An empty result of {@code demo}. */
  public DemoResult(Demo demo) {
    this.demo = demo;
  }

  /** The demo that produced this result. */
  public Demo demo() {
    return demo;
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
  public DemoResult chart(String title, String yLabel, List<Series> series) {
    charts.add(new Chart(title, yLabel, List.copyOf(series)));
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
