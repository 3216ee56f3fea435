package dev.awssim.engine.metrics;

import dev.awssim.engine.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The CloudWatch-like metrics of a simulation, as users read them: the services record values under
 * a namespace, a metric name and dimensions at the current virtual time; tests and demos query
 * statistics (Sum, Average, Minimum, Maximum, SampleCount) per period over a time range.
 *
 * <pre>{@code
 * MetricKey sent = new MetricKey("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "q"));
 * List<Datapoint> perMinute =
 *     sim.metrics().getMetricStatistics(sent, sim.clock().start(), sim.now(), Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Only the services record (users publish their own metrics through CloudWatch's {@code
 * PutMetricData}), so what this view shows is what AWS would have shown. Values are aggregated per
 * second, minute, five minutes and hour, and each resolution is kept for CloudWatch's retention (3
 * hours, 15 days, 63 days, 455 days; see {@link MetricsRetention}), so memory does not grow with
 * the length of a run. Any period that is a whole number of seconds can be asked for; a period is
 * answered from the finest data still kept that divides it, as CloudWatch answers from rolled-up
 * data. Recording can be switched off. Safe to call from several threads.
 */
public interface Metrics {
  /** Whether values are recorded; when false, recording costs nothing and keeps nothing. */
  boolean isEnabled();

  /** How long data is kept at each resolution. */
  MetricsRetention retention();

  /**
   * Tells {@code listener} of every value recorded from now on, in the order recorded, until the
   * returned handle is cancelled. Nothing is told while recording is switched off.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  Cancellable subscribe(MetricListener listener);

  /** Every metric recorded so far, in the order first recorded. */
  List<MetricKey> listMetrics();

  /**
   * The metrics recorded so far in {@code namespace}, in the order first recorded.
   *
   * @throws NullPointerException if {@code namespace} is null
   */
  List<MetricKey> listMetrics(String namespace);

  /**
   * The statistics of {@code key} in each non-empty period of [start, end), as CloudWatch's {@code
   * GetMetricStatistics}: periods are aligned to multiples of the period since the epoch, and
   * periods with no values are left out.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code period} is not a positive whole number of seconds,
   *     or {@code end} is before {@code start}
   */
  List<Datapoint> getMetricStatistics(MetricKey key, Instant start, Instant end, Duration period);

  /**
   * The sum of every value of {@code key} recorded in [start, end) that is still kept. Recent data
   * is summed per second; data older than the 1-second retention is summed from the coarsest
   * periods that start in the range, as CloudWatch can only answer it.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   */
  default double sum(MetricKey key, Instant start, Instant end) {
    return getMetricStatistics(key, start, end, Duration.ofHours(1)).stream()
        .mapToDouble(Datapoint::sum)
        .sum();
  }

  /**
   * The sum of every value of {@code key} recorded so far and still kept.
   *
   * @throws NullPointerException if {@code key} is null
   */
  double total(MetricKey key);
}
