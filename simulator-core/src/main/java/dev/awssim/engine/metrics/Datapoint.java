package dev.awssim.engine.metrics;

import java.time.Instant;

/**
 * The statistics of one metric over one period, as CloudWatch's {@code GetMetricStatistics} returns
 * them.
 *
 * @param timestamp the start of the period
 * @param sum the sum of the values recorded in the period
 * @param minimum the smallest value recorded
 * @param maximum the largest value recorded
 * @param sampleCount how many values were recorded
 */
public record Datapoint(
    Instant timestamp, double sum, double minimum, double maximum, long sampleCount) {
  /** The mean of the values recorded in the period. */
  public double average() {
    return sampleCount == 0 ? 0 : sum / sampleCount;
  }

  /** The value of {@code statistic} for this period. */
  public double get(Statistic statistic) {
    return switch (statistic) {
      case SUM -> sum;
      case AVERAGE -> average();
      case MINIMUM -> minimum;
      case MAXIMUM -> maximum;
      case SAMPLE_COUNT -> sampleCount;
    };
  }
}
