package dev.awssim.cloudwatch;

import java.time.Instant;
import java.util.List;

/**
 * One metric of a PutMetricData request (API_MetricDatum.html): exactly one of {@code value},
 * {@code values} (with optional {@code counts}) and {@code statisticValues}.
 *
 * @param metricName the metric's name
 * @param dimensions the dimensions (at most 30)
 * @param value one value, or null
 * @param values up to 150 values, or empty
 * @param counts how many times each of {@code values} occurred, or empty (once each)
 * @param statisticValues a statistic set, or null
 * @param storageResolution 1 (high resolution) or 60 (standard; null means 60)
 * @param unit the unit, accepted and not used
 * @param timestamp when the value was measured (null: now); from two weeks before now to two hours
 *     after it. The value lands in the period of this instant
 */
public record MetricDatum(
    String metricName,
    List<Dimension> dimensions,
    Double value,
    List<Double> values,
    List<Double> counts,
    StatisticSet statisticValues,
    Integer storageResolution,
    String unit,
    Instant timestamp) {

  /** Copies the lists (null becomes empty; null items are kept for validation to reject). */
  public MetricDatum {
    dimensions = copy(dimensions);
    values = copy(values);
    counts = copy(counts);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /** A datum of one value. */
  public static MetricDatum of(String metricName, List<Dimension> dimensions, double value) {
    return new MetricDatum(metricName, dimensions, value, null, null, null, null, null, null);
  }
}
