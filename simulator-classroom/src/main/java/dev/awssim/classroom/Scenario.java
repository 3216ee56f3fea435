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
  /** A line of a chart: which chart, its name, and {@code step} or {@code line}. */
  record Slot(int chart, String series, String style) {}

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
   * with its number; null when the event is not a throttle of this scenario.
   */
  String why(TraceEvent event, AwsSimulator sim, String resource);
}
