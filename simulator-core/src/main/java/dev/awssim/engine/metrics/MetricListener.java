package dev.awssim.engine.metrics;

import java.time.Instant;

/**
 * Told of each value a model records, as it is recorded: live views (a classroom page's charts)
 * subscribe with {@link Metrics#subscribe(MetricListener)} instead of polling the statistics.
 *
 * <p>It is called on the thread that records, while the simulation's lock is held: it must be quick
 * and must not call back into the simulation (hand the point to a queue instead).
 */
@FunctionalInterface
public interface MetricListener {
  /**
   * One recorded value.
   *
   * @param key the metric
   * @param timestamp the virtual instant of the recording
   * @param value the value recorded
   */
  void recorded(MetricKey key, Instant timestamp, double value);
}
