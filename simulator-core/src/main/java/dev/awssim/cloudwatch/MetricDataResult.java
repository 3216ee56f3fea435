package dev.awssim.cloudwatch;

import java.time.Instant;
import java.util.List;

/**
 * The result of one GetMetricData query (API_MetricDataResult.html).
 *
 * @param id the query's id
 * @param label its label
 * @param timestamps the period starts, in the requested order
 * @param values the values, one per timestamp
 * @param statusCode {@code Complete}, or {@code PartialData} when more follow on the next page
 */
public record MetricDataResult(
    String id, String label, List<Instant> timestamps, List<Double> values, String statusCode) {
  /** Copies the lists. */
  public MetricDataResult {
    timestamps = List.copyOf(timestamps);
    values = List.copyOf(values);
  }
}
