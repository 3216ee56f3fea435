package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import java.util.List;
import java.util.Map;

/**
 * What the page draws for one demo while it runs: which recorded metrics feed which chart, the
 * limits drawn on each chart (read from the simulation, so that a changed limit moves its line),
 * gauges sampled as time passes, and the words of the "why throttled" panel. The run itself, and
 * its numbers, are the demo's own ({@link LiveDemo#start}).
 */
interface Scenario {
  /**
   * A line of a chart: which chart, its name, and how it is drawn: {@code step} (a per-second sum,
   * one second wide), {@code line} (points joined) or {@code hold} (each value held until the next)
   * or {@code dots} (each value a dot).
   */
  record Slot(int chart, String series, String style) {}

  /** A value a trace event puts on a line, at the event's instant. */
  record Point(Slot slot, double value) {}

  /** A chart's title, y axis title and the limits drawn on it now. */
  record ChartView(String title, String yLabel, List<DemoResult.Limit> limits) {}

  /** The demo that runs. */
  LiveDemo demo();

  /** The charts, with their limits as the simulation has them now. */
  List<ChartView> charts(AwsSimulator sim, String resource);

  /** Where a recorded value of {@code key} is drawn, summed per second; null: not drawn. */
  Slot slot(MetricKey key, String resource);

  /** Values read from the simulation each time the page is updated, such as a burst balance. */
  Map<Slot, Double> gauges(AwsSimulator sim, String resource);

  /**
   * The "why throttled" explanation of a trace event: the partition, shard or bucket and the rule
   * with its number; null when the event is not one this scenario explains.
   */
  String why(TraceEvent event, AwsSimulator sim, String resource);

  /**
   * Whether this scenario's explanations read the simulation in ways that must not run inside the
   * simulation's own operations (SQS attributes refresh the queue): then {@link #why} is called at
   * the next update of the page, for the latest event {@link #explains} accepts.
   */
  default boolean explainsLater() {
    return false;
  }

  /** For a scenario that {@linkplain #explainsLater explains later}: whether it explains this. */
  default boolean explains(TraceEvent event) {
    return true;
  }

  /**
   * Whether an explained event counts in "first ... at", such as a throttle; others only explain.
   */
  default boolean counts(TraceEvent event) {
    return true;
  }

  /** The points a trace event puts on the charts (none, usually). */
  default List<Point> points(TraceEvent event, String resource) {
    return List.of();
  }

  /** The explanation panel's title. */
  default String panelTitle() {
    return "Why throttled";
  }

  /** What a counted event is called in "First throttle at t = ...". */
  default String noun() {
    return "throttle";
  }

  /** What the count of counted events is called in "...; 12 throttled so far." */
  default String countLabel() {
    return "throttled";
  }
}
