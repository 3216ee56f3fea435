package dev.awssim.cloudwatch;

import java.util.List;

/**
 * One page of GetMetricData.
 *
 * @param results one per query that returns data, in the order of the queries
 * @param nextToken the token of the next page, or null
 */
public record GetMetricDataResult(List<MetricDataResult> results, String nextToken) {
  /** Copies the list. */
  public GetMetricDataResult {
    results = List.copyOf(results);
  }
}
