package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.MetricKey;
import java.util.List;

/**
 * One page of ListMetrics, in the order the metrics were first recorded.
 *
 * @param metrics the metrics
 * @param nextToken the token of the next page, or null on the last
 */
public record ListMetricsResult(List<MetricKey> metrics, String nextToken) {
  /** Copies the list. */
  public ListMetricsResult {
    metrics = List.copyOf(metrics);
  }
}
