package dev.awssim.cloudwatch;

import java.time.Instant;
import java.util.List;

/**
 * The parameters of GetMetricData (API_GetMetricData.html).
 *
 * @param queries 1 to 500 queries
 * @param startTime the first instant, inclusive
 * @param endTime the last instant, exclusive
 * @param scanBy newest first (null: the default) or oldest first
 * @param maxDatapoints data points per page (null: 100,800)
 * @param nextToken the token of the previous page, or null
 */
public record GetMetricDataRequest(
    List<MetricDataQuery> queries,
    Instant startTime,
    Instant endTime,
    ScanBy scanBy,
    Integer maxDatapoints,
    String nextToken) {

  /** Copies the list (null becomes empty). */
  public GetMetricDataRequest {
    queries = queries == null ? List.of() : List.copyOf(queries);
  }

  /** The queries over [start, end), newest first, in one page. */
  public static GetMetricDataRequest of(
      List<MetricDataQuery> queries, Instant startTime, Instant endTime) {
    return new GetMetricDataRequest(queries, startTime, endTime, null, null, null);
  }
}
