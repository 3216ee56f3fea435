package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.Statistic;
import java.time.Instant;
import java.util.List;

/**
 * The parameters of GetMetricStatistics (API_GetMetricStatistics.html).
 *
 * @param namespace the namespace
 * @param metricName the metric's name
 * @param dimensions the metric's dimensions (all of them: a metric is identified by its full set)
 * @param startTime the first instant, inclusive
 * @param endTime the last instant, exclusive
 * @param period the period in seconds: 1, 5, 10, 20, 30 or a multiple of 60
 * @param statistics 1 to 5 statistics, or empty with extended statistics
 * @param extendedStatistics 1 to 10 percentiles ({@code p99}, {@code p99.9}), or empty
 * @param unit accepted and not used (the simulator keeps no units)
 */
public record GetMetricStatisticsRequest(
    String namespace,
    String metricName,
    List<Dimension> dimensions,
    Instant startTime,
    Instant endTime,
    int period,
    List<Statistic> statistics,
    List<String> extendedStatistics,
    String unit) {

  /** Copies the lists (null becomes empty). */
  public GetMetricStatisticsRequest {
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    statistics = statistics == null ? List.of() : List.copyOf(statistics);
    extendedStatistics = extendedStatistics == null ? List.of() : List.copyOf(extendedStatistics);
  }
}
