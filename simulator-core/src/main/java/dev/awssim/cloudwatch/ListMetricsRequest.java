package dev.awssim.cloudwatch;

import java.util.List;

/**
 * The parameters of ListMetrics (API_ListMetrics.html); null or empty filters match everything.
 *
 * @param namespace only this namespace
 * @param metricName only this metric name
 * @param dimensions only metrics having every one of these dimensions (at most 10)
 * @param recentlyActive only metrics with data in the past three hours ({@code PT3H})
 * @param nextToken the token of the previous page
 */
public record ListMetricsRequest(
    String namespace,
    String metricName,
    List<DimensionFilter> dimensions,
    boolean recentlyActive,
    String nextToken) {

  /** Copies the list (null becomes empty). */
  public ListMetricsRequest {
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
  }

  /** Every metric of {@code namespace} (every metric, if null). */
  public static ListMetricsRequest namespace(String namespace) {
    return new ListMetricsRequest(namespace, null, null, false, null);
  }
}
